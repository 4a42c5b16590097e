#include <limber/app/routine_lookup.hpp>

#include <limber/app/safety.hpp>

#include <limber/plan/planner.hpp>
#include <limber/store/pauses.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace limber {

std::string routine_name_or_default(const std::string& given, Context& context) {
    if (!given.empty()) {
        check_routine_name(given, "NAME");
        return given;
    }
    if (!context.settings().default_routine.empty()) return context.settings().default_routine;
    const auto names = routine_names(context.store());
    if (names.size() == 1) return names.front();
    return "default";
}

void add_routine_name_option(CLI::App& command, std::string& name) {
    command.add_option("NAME", name, "Routine name (default: default_routine, the only routine, or default)")
        ->each([](const std::string& value) { check_routine_name(value, "NAME"); });  // '' too
}

SavedRoutine load_or_not_found(Context& context, const std::string& name) {
    auto routine = load_routine(context.store(), name);
    if (routine) return *routine;
    const auto names = routine_names(context.store());
    const std::string suggestion = nearest(name, names);
    // R27: with none yet and a red flag in force, planning waits for the clearance
    const std::string first = suspension_now(context).empty()
                                  ? "make one with 'limber plan --level beginner'"
                                  : "a red flag suspends every routine ('limber flag list'); once a clinician has "
                                    "cleared you, 'limber plan --level beginner' makes one";
    throw NotFound(fmt::format("no routine {}", quote(name)),
                   !suggestion.empty() ? fmt::format("did you mean '{}'?", suggestion)
                   : names.empty()     ? first
                                       : fmt::format("the routines are {}", join(names, ", ")));
}

PlanView view_this_week(const SavedRoutine& routine, Context& context) {
    Store& store = context.store();
    const Day today = context.today();
    PlanView view = view_this_week(routine, today, session_facts(store, routine.name), pause_spans(store),
                                   context.settings().week_start,
                                   stretch_holds(store, routine.name, routine.created_day, today));
    view.suspension = suspension_now(context);
    return view;
}

}  // namespace limber
