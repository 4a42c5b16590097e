#include <limber/plan/week.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace limber {

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
