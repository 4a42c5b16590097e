// limber stats [NAME] [--weeks N] [--json]
#include <limber/app/commands.hpp>
#include <limber/app/routine_lookup.hpp>
#include <limber/app/safety.hpp>
#include <limber/io/stats_view.hpp>
#include <limber/store/pauses.hpp>
#include <limber/store/routines.hpp>
#include <limber/terminal/terminal.hpp>
#include <limber/util/values.hpp>

#include <unistd.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <ostream>

namespace limber {

namespace {

struct StatsOptions {
    std::string name;
    std::optional<std::string> weeks;
    bool json = false;
};

constexpr int k_max_weeks = 5200;  // a hundred years

void run_stats(const StatsOptions& o, Context& context) {
    const int weeks = o.weeks ? whole_number_option(*o.weeks, "--weeks", 1, k_max_weeks, "weeks") : 12;
    const std::string name = routine_name_or_default(o.name, context);
    const SavedRoutine routine = load_or_not_found(context, name);
    Store& store = context.store();

    StatsInput input;
    input.created = routine.created_day;
    input.today = context.today();
    input.schedule = routine.request.schedule;
    input.week_start = context.settings().week_start;
    input.weeks = weeks;
    input.sessions = session_facts(store, name);
    input.pauses = pause_spans(store);
    const Day first = window_first_day(input.today, input.week_start, weeks);
    // the window's holds and all those R25 reads since the routine began
    input.holds = stretch_holds(store, name, std::min(first, routine.created_day),
                                std::max(first + date::days{7 * weeks - 1}, input.today));
    // The hold figures come from the function `plan show` uses, so the two always agree.
    const PlanView view =
        view_this_week(routine, input.today, input.sessions, input.pauses, input.week_start, input.holds);
    input.hold_s = view.hold_s;
    input.next_hold_s = view.next_hold_s;
    const Stats stats = compute_stats(input);

    StatsSubject subject;
    subject.routine = name;
    subject.schedule = routine.request.schedule;
    subject.today = input.today;
    subject.routine_week = view.week;
    subject.strength = strength_week(view.strength, routine.request.schedule, input.today, input.week_start, input.sessions);
    subject.session_hold_s = view.session_hold_s;
    subject.why = view.progress.why;
    subject.pain = view.pain;
    subject.hold_notes = hold_notes(view);
    subject.suspension = suspension_now(context);
    if (o.json) {
        context.out() << stats_to_json(subject, stats).dump(2) << '\n';
        return;
    }
    // On a terminal the heatmap keeps the weeks that fit; a file or a pipe gets the whole window.
    const std::size_t width = context.out_is_terminal() ? static_cast<std::size_t>(term::columns(STDOUT_FILENO))
                                                        : std::numeric_limits<std::size_t>::max();
    print_stats(context.out(), ui::Style(context.color()), subject, stats, width);
}

}  // namespace

void register_stats(CLI::App& app, Context& context) {
    auto o = std::make_shared<StatsOptions>();
    auto* command = app.add_subcommand("stats", "Streaks, adherence, hold progression and the pain trend of a routine");
    add_routine_name_option(*command, o->name);
    command->add_option("--weeks", o->weeks, "Weeks in the window, the current one last (1-5200, default 12)")
        ->type_name("N");
    command->add_flag("--json", o->json, "Print the figures as one JSON object");
    command->callback([o, &context] { run_stats(*o, context); });
}

}  // namespace limber
