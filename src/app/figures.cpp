#include <limber/app/figures.hpp>

#include <limber/app/routine_lookup.hpp>
#include <limber/app/safety.hpp>
#include <limber/store/pauses.hpp>
#include <limber/store/routines.hpp>

#include <limber/util/values.hpp>

#include <algorithm>

namespace limber {

namespace {
constexpr int k_max_weeks = 5200;  // a hundred years
}  // namespace

void add_weeks_option(CLI::App& command, std::optional<std::string>& weeks) {
    command.add_option("--weeks", weeks, "Weeks in the window, the current one last (1-5200, default 12)")->type_name("N");
}

int window_weeks(const std::optional<std::string>& weeks) {
    return weeks ? whole_number_option(*weeks, "--weeks", 1, k_max_weeks, "weeks") : 12;
}

RoutineFigures routine_figures(Context& context, const std::string& name, int weeks) {
    RoutineFigures f{load_or_not_found(context, name), {}, {}, {}, {}, {}};
    Store& store = context.store();

    StatsInput input;
    input.created = f.routine.created_day;
    input.today = context.today();
    input.schedule = f.routine.request.schedule;
    input.week_start = context.settings().week_start;
    input.weeks = weeks;
    input.sessions = session_facts(store, name);
    input.pauses = pause_spans(store);
    const Day first = window_first_day(input.today, input.week_start, weeks);
    // the window's holds and all those R25 reads since the routine began
    input.holds = stretch_holds(store, name, std::min(first, f.routine.created_day),
                                std::max(first + date::days{7 * weeks - 1}, input.today));
    // The hold figures come from the function `plan show` uses, so the two always agree.
    f.view = view_this_week(f.routine, input.today, input.sessions, input.pauses, input.week_start, input.holds);
    f.view.suspension = suspension_now(context);
    input.hold_s = f.view.hold_s;
    input.next_hold_s = f.view.next_hold_s;
    f.subject.stretches = has_stretches(f.view.items);
    if (f.subject.stretches) input.week_holds = f.view.progress.week_holds;  // no hold is asked without stretches
    f.stats = compute_stats(input);

    StatsSubject& subject = f.subject;
    subject.routine = name;
    subject.schedule = f.routine.request.schedule;
    subject.today = input.today;
    subject.routine_week = f.view.week;
    subject.strength =
        strength_week(f.view.strength, f.routine.request.schedule, input.today, input.week_start, input.sessions);
    subject.session_hold_s = f.view.session_hold_s;
    subject.why = f.view.progress.why;
    subject.pain = f.view.pain;
    // R25 in words; a routine without stretches has no hold to explain, only the pain advice
    subject.hold_notes = subject.stretches ? hold_notes(f.view) : pain_advice(f.view);
    subject.suspension = f.view.suspension;
    f.sessions = std::move(input.sessions);
    f.pauses = std::move(input.pauses);
    return f;
}

}  // namespace limber
