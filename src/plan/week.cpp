#include <limber/plan/week.hpp>

#include <limber/stats/streak.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace limber {

bool strength_day(const StrengthDays& days, Day today, WeekStart week_start, const std::vector<SessionFact>& sessions) {
    switch (days.kind) {
    case StrengthDays::Kind::None: return false;
    case StrengthDays::Kind::Every: return true;
    case StrengthDays::Kind::Weekdays: {
        const unsigned weekday = date::weekday{today}.c_encoding();
        return std::find(days.days.begin(), days.days.end(), weekday) != days.days.end();
    }
    case StrengthDays::Kind::Ordinals: {
        const Day first = first_day_of_week(today, week_start);
        std::set<Day> done;
        for (const auto& s : sessions)
            if (s.status == "completed" && s.day >= first && s.day < today) done.insert(s.day);
        const auto ordinal = static_cast<unsigned>(done.size() + 1);
        return std::find(days.days.begin(), days.days.end(), ordinal) != days.days.end();
    }
    }
    return false;
}

StrengthWeek strength_week(const StrengthDays& days, const Schedule& schedule, Day today, WeekStart week_start,
                           const std::vector<SessionFact>& sessions) {
    StrengthWeek w;
    w.days = days;
    w.today = strength_day(days, today, week_start, sessions) && schedule_asks(schedule, today);
    const Day first = first_day_of_week(today, week_start);
    std::set<Day> done;
    for (const auto& s : sessions)
        if (s.status == "completed" && s.day >= first && s.day <= today) done.insert(s.day);
    for (Day d = first; d <= today; d += date::days{1})
        if (done.count(d) && strength_day(days, d, week_start, sessions)) ++w.done;
    switch (days.kind) {
    case StrengthDays::Kind::None: w.planned = 0; break;
    case StrengthDays::Kind::Every: w.planned = schedule.days_per_week(); break;
    case StrengthDays::Kind::Weekdays:
    case StrengthDays::Kind::Ordinals: w.planned = static_cast<int>(days.days.size()); break;
    }
    return w;
}

PlanView view_this_week(const SavedRoutine& routine, Day today, const std::vector<SessionFact>& sessions,
                        const std::vector<PauseSpan>& pauses, WeekStart week_start) {
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
    // R24: every week is fitted to the minutes again at its hold
    Plan plan = plan_at_hold(routine.request, view.hold_s);
    view.items = std::move(plan.items);
    view.strength = plan.strength;
    view.strength_today = strength_day(view.strength, today, week_start, sessions);
    view.today = items_on(view.items, view.strength_today);
    view.plain_s = plan.estimated_s;
    view.strength_s = plan.strength_day_s;
    view.estimated_s = view.strength_today && plan.strength_day_s > 0 ? plan.strength_day_s : plan.estimated_s;
    view.excluded = std::move(plan.excluded);
    view.warnings = std::move(plan.warnings);
    view.unlock = std::move(plan.unlock);
    if (plan.review_after_days) {
        view.review_on = routine.created_day + date::days{*plan.review_after_days};
        if (today >= *view.review_on)
            view.warnings.insert(view.warnings.begin(),
                                 fmt::format("review: this routine for a fresh strain was made on {}. If walking and a "
                                             "firm heel dig are now pain-free, plan again with --constraint injured "
                                             "for gentle stretching; if not, see a physiotherapist or doctor.",
                                             format_day(routine.created_day)));
    }
    return view;
}

}  // namespace limber
