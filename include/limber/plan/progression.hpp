#pragma once
// R5: the hold target of a routine week, from the weeks that ended before it.

#include <limber/plan/routine.hpp>
#include <limber/stats/days.hpp>

#include <optional>
#include <vector>

namespace limber {

/// What one ended routine week shows.
struct WeekRecord {
    int due_days = 0;   ///< days the schedule asked for, less skipped and paused days
    int done_days = 0;  ///< days with a completed session
    /// Average of (pain_after - pain_before) over the week's sessions rated both ways.
    std::optional<double> pain_change;
};

/// The bounds of the hold for a person (R1, R5, R9, R10).
struct HoldRule {
    int start_s = 15;  ///< week-1 hold, and the floor: beginner 15, intermediate 20, advanced 30; age >= 65: 30
    int cap_s = 30;    ///< 30 s; 60 s at age >= 65; 30 s whenever pregnant or injured
};

/// Applies R5 week by week: a week that met its target without more pain (average change <= 0,
/// or nothing rated) adds 5 s; an average change of +2 or more takes 5 s off (never below the
/// start); anything else leaves it. A week with nothing due leaves it too. Capped at cap_s.
int hold_after(const HoldRule& rule, const std::vector<WeekRecord>& ended_weeks);

/// R2: repetitions per side for a hold: clamp(ceil(60 / hold), 2, 4).
int reps_for_hold(int hold_s);

/// The records of the routine weeks that ended before today's week, oldest first. Due days
/// follow the schedule; skipped and paused days are not due (for a per-week target they lower
/// the count). A day is done when it has a completed session.
std::vector<WeekRecord> ended_weeks(Day created, Day today, const Schedule& schedule,
                                    const std::vector<SessionFact>& sessions,
                                    const std::vector<PauseSpan>& pauses);

}  // namespace limber
