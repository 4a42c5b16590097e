#include <limber/routine_lookup.hpp>

#include <limber/error.hpp>
#include <limber/pauses.hpp>
#include <limber/planner.hpp>
#include <limber/text.hpp>

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
    const auto names = routine_names(context.store().db());
    if (names.size() == 1) return names.front();
    return "default";
}

void add_routine_name_option(CLI::App& command, std::string& name) {
    command.add_option("NAME", name, "Routine name (default: default_routine, the only routine, or default)")
        ->each([](const std::string& value) { check_routine_name(value, "NAME"); });  // '' too
}

SavedRoutine load_or_not_found(Context& context, const std::string& name) {
    auto routine = load_routine(context.store().db(), name);
    if (routine) return *routine;
    const auto names = routine_names(context.store().db());
    const std::string suggestion = nearest(name, names);
    throw NotFound(fmt::format("no routine {}", quote(name)),
                   !suggestion.empty() ? fmt::format("did you mean '{}'?", suggestion)
                   : names.empty()     ? "make one with 'limber plan --level beginner'"
                                       : fmt::format("the routines are {}", join(names, ", ")));
}

PlanView view_this_week(const SavedRoutine& routine, Context& context) {
    auto& db = context.store().db();
    return view_this_week(routine, context.today(), session_facts(db, routine.name), pause_spans(db));
}

PlanView view_this_week(const SavedRoutine& routine, Day today, const std::vector<SessionFact>& sessions,
                        const std::vector<PauseSpan>& pauses) {
    const auto weeks = ended_weeks(routine.created_day, today, routine.request.schedule, sessions, pauses);
    const HoldRule rule = hold_rule_for(routine.request);
    PlanView view;
    view.name = routine.name;
    view.request = routine.request;
    view.week = routine_week(routine.created_day, today);
    view.hold_s = hold_after(rule, weeks);
    auto if_met = weeks;
    if_met.push_back(WeekRecord{1, 1, std::nullopt});
    view.next_hold_s = hold_after(rule, if_met);
    view.items = items_at_hold(routine.items, view.hold_s);
    view.estimated_s = estimate_seconds(view.items);
    view.excluded = exclusions_for(routine.request, routine.items);
    view.warnings = routine.warnings;
    const int budget = routine.request.minutes * 60;
    const bool had_time_warning = std::any_of(view.warnings.begin(), view.warnings.end(),
                                              [](const std::string& w) { return w.starts_with("time:"); });
    if (!had_time_warning && std::abs(view.estimated_s - budget) * 10 > budget)
        view.warnings.push_back(fmt::format(
            "time: at this week's {} s holds the routine takes about {} instead of {} minutes; "
            "plan it again ('limber plan {} --level {} …') to fit the time.",
            view.hold_s, format_duration(view.estimated_s), routine.request.minutes, routine.name,
            to_string(routine.request.level)));
    return view;
}

}  // namespace limber
