#pragma once
// A saved routine, and the routine as it stands in a given week: R5 applied to what was
// logged, the items at that week's hold, the estimate, and a time warning when progression
// moved it off its budget. Pure: the caller reads the sessions and pauses.

#include <limber/config/settings.hpp>
#include <limber/plan/planner.hpp>
#include <limber/stats/days.hpp>
#include <limber/time/clock.hpp>
#include <limber/time/dates.hpp>

#include <optional>
#include <string>
#include <vector>

namespace limber {

/// A routine as saved: the request it was planned from and its week-1 doses.
struct SavedRoutine {
    std::string name;
    PlanRequest request;
    std::vector<RoutineItem> items;     ///< week-1 doses
    std::vector<std::string> warnings;
    Day created_day;                    ///< routine week 1 starts here (R5)
    Instant created_at;
    Instant updated_at;
};

/// A routine as the user sees it: this week's doses, refitted to the minutes (R24), and what
/// today's session holds (R23).
struct PlanView {
    std::string name;
    PlanRequest request;
    int week = 1;
    int hold_s = 15;
    int next_hold_s = 15;  ///< the hold if this week meets its target without more pain
    std::vector<RoutineItem> items;   ///< every item, each marked with its days
    StrengthDays strength;
    bool strength_today = false;      ///< today's session carries the strength block
    std::vector<RoutineItem> today;   ///< the items of today's session
    int estimated_s = 0;              ///< today's session
    int plain_s = 0;                  ///< a session without the strength block
    int strength_s = 0;               ///< a session with it (0 without strength days)
    std::vector<Exclusion> excluded;
    std::vector<std::string> warnings;
    std::vector<Unlock> unlock;
    std::optional<Day> review_on;     ///< R26: acute strain, 5 days after the routine was made
};

/// Whether the session of `today` carries the strength block: its weekday is a strength day,
/// or (per-week schedules) it is the 1st or 3rd day of the calendar week with a session, counting
/// the completed days before it.
bool strength_day(const StrengthDays& days, Day today, WeekStart week_start, const std::vector<SessionFact>& sessions);

/// R23: the strength sessions of the calendar week `today` falls in.
struct StrengthWeek {
    StrengthDays days;
    bool today = false;  ///< today's session carries the strength block
    int planned = 0;     ///< strength sessions the week asks for
    int done = 0;        ///< days of the week up to today with a completed session that carried it
};
StrengthWeek strength_week(const StrengthDays& days, const Schedule& schedule, Day today, WeekStart week_start,
                           const std::vector<SessionFact>& sessions);

/// The routine at the routine week `today` falls in, from its sessions and the pauses.
PlanView view_this_week(const SavedRoutine& routine, Day today, const std::vector<SessionFact>& sessions,
                        const std::vector<PauseSpan>& pauses, WeekStart week_start = WeekStart::Monday);

}  // namespace limber
