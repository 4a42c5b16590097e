#pragma once
// Streaks, by the rules of CLI.md ("Streak rules"): pure functions of the stored days.

#include <limber/config/settings.hpp>
#include <limber/plan/routine.hpp>
#include <limber/stats/days.hpp>

#include <vector>

namespace limber {

struct Streak {
    int current = 0;
    int longest = 0;
    bool in_weeks = false;  ///< the unit: weeks for a per-week target, else days
};

/// The first day of the calendar week holding `d`.
Day first_day_of_week(Day d, WeekStart week_start);

/// The current and longest streak of a routine created on `created`, as of `today`.
/// Daily and weekdays targets count done days (a day with a completed session) and stop at a
/// required day that is not done; skipped days, paused days, days the schedule does not ask
/// for, days before `created` and today while not done are neutral. A per-week target counts
/// calendar weeks (from `week_start`) with enough done days; skipped and paused days lower
/// that week's count, a week whose count falls to 0 is neutral, and so is the current week
/// until it is met.
Streak streak_of(Day created, Day today, const Schedule& schedule, WeekStart week_start,
                 const std::vector<SessionFact>& sessions, const std::vector<PauseSpan>& pauses);

}  // namespace limber
