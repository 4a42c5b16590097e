#pragma once
// A saved routine, and the routine as it stands in a given week: R5 applied to what was
// logged, the items at that week's hold, the estimate, and a time warning when progression
// moved it off its budget. Pure: the caller reads the sessions and pauses.

#include <limber/plan/planner.hpp>
#include <limber/stats/days.hpp>
#include <limber/time/clock.hpp>
#include <limber/time/dates.hpp>

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

/// A routine as the user sees it: this week's doses, estimate, exclusions and warnings.
struct PlanView {
    std::string name;
    PlanRequest request;
    int week = 1;
    int hold_s = 15;
    int next_hold_s = 15;  ///< the hold if this week meets its target without more pain
    std::vector<RoutineItem> items;
    int estimated_s = 0;
    std::vector<Exclusion> excluded;
    std::vector<std::string> warnings;
};

/// The routine at the routine week `today` falls in, from its sessions and the pauses.
PlanView view_this_week(const SavedRoutine& routine, Day today, const std::vector<SessionFact>& sessions,
                        const std::vector<PauseSpan>& pauses);

}  // namespace limber
