#include <limber/stats/streak.hpp>

#include <algorithm>

namespace limber {

namespace {

enum class Count { Done, Neutral, Missed };

}  // namespace

Day first_day_of_week(Day d, WeekStart week_start) {
    const unsigned first = week_start == WeekStart::Sunday ? 0 : 1;
    const unsigned weekday = date::weekday{d}.c_encoding();
    return d - date::days{(weekday + 7 - first) % 7};
}

Streak streak_of(Day created, Day today, const Schedule& schedule, WeekStart week_start,
                 const std::vector<SessionFact>& sessions, const std::vector<PauseSpan>& pauses) {
    const DayBook days(sessions, pauses);
    Day start = std::min(created, today);
    for (const auto& s : sessions) start = std::min(start, s.day);
    Streak streak;
    int run = 0;
    auto count = [&](Count state) {
        if (state == Count::Done) ++run;
        if (state == Count::Missed) run = 0;
        streak.longest = std::max(streak.longest, run);
    };

    if (schedule.kind == ScheduleKind::PerWeek) {
        streak.in_weeks = true;
        for (Day week = first_day_of_week(start, week_start); week <= today; week += date::days{7}) {
            const auto [done, excused] = days.week(week, created, today);
            const int required = std::max(0, schedule.per_week - excused);
            const bool current_week = week + date::days{7} > today;
            if (required == 0) {
                count(Count::Neutral);
            } else if (done >= required) {
                count(Count::Done);
            } else {
                count(current_week ? Count::Neutral : Count::Missed);
            }
        }
    } else {
        for (Day d = start; d <= today; d += date::days{1}) {
            if (days.done(d)) {
                count(Count::Done);
            } else if (d < created || d == today || days.excused(d) || !schedule_asks(schedule, d)) {
                count(Count::Neutral);
            } else {
                count(Count::Missed);
            }
        }
    }
    streak.current = run;
    return streak;
}

}  // namespace limber
