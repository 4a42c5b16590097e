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
    int hold_s = 15;       ///< this week's hold (R5, R25)
    int next_hold_s = 15;  ///< next week's, if this week meets its target, is held fully and pain allows
    int session_hold_s = 15;  ///< today's session: hold_s, or 5 s less after a flare (R25)
    Progress progress;     ///< why the hold is what it is
    PainWatch pain;        ///< flares and the pain trend (R25)
    std::string suspension;   ///< R27: why a red flag stops every routine until cleared ("" when none does; set by the caller)
    bool suspended() const { return !suspension.empty(); }
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

/// Whether the routine has stretches (R5's hold applies to them; an acute strain's has none).
bool has_stretches(const std::vector<RoutineItem>& items);

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

/// The routine at the routine week `today` falls in, from its sessions (in the order done), the
/// pauses and the static-stretch holds of its sessions (R25). After a flare, the static
/// stretches of today's session (and of `items`) hold session_hold_s.
PlanView view_this_week(const SavedRoutine& routine, Day today, const std::vector<SessionFact>& sessions,
                        const std::vector<PauseSpan>& pauses, WeekStart week_start = WeekStart::Monday,
                        const std::vector<HoldFact>& holds = {});

/// R25 in plain words: why this week's hold is what it is ("Hold 20 s: up 5 s, as …").
std::string hold_reason(const PlanView& view);

/// The notes on the hold: the advice of stop_advice first (when progression is stopped), then
/// hold_reason, the flare note and physio_advice (each when it applies).
std::vector<std::string> hold_notes(const PlanView& view);

/// After a flare, the shorter hold of the next session ("Next session: 15 s holds, …"; with
/// `starting`, said as it begins: "This session: …"); nothing otherwise.
std::optional<std::string> flare_note(const PlanView& view, bool starting);

/// R25: while progression is stopped, why, and the advice to see a clinician ("Progression is
/// stopped: your last 3 rated sessions were flares. See a physiotherapist or doctor before
/// going on."), then (unless `brief`) when the hold can rise again; nothing otherwise.
std::optional<std::string> stop_advice(const PainWatch& pain, bool brief = false);

/// R25: about six weeks without pain improving (PainWatch::see_physio, not while stopped), the
/// advice to see a physiotherapist; nothing otherwise.
std::optional<std::string> physio_advice(const PainWatch& pain);

/// stop_advice, then physio_advice (each when it applies).
std::vector<std::string> pain_advice(const PlanView& view);

}  // namespace limber
