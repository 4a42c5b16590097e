#pragma once
// The planner: a safe routine for a person's level, constraints and equipment, fitted to a
// time budget (DOMAIN.md R1–R18). Pure: no database, terminal or clock.

#include <limber/plan/progression.hpp>
#include <limber/plan/red_flags.hpp>
#include <limber/plan/routine.hpp>
#include <limber/plan/rules.hpp>
#include <limber/plan/timing.hpp>

#include <optional>
#include <string>
#include <vector>

namespace limber {

struct PlanRequest {
    Level level = Level::Beginner;
    std::vector<Constraint> constraints;   ///< kept sorted by name
    std::vector<Equipment> equipment = {Equipment::Chair, Equipment::Wall};
    int minutes = 10;                      ///< 5..60
    Schedule schedule;
    std::optional<int> age;
    bool allow_flexion = false;            ///< R21 opt-in
    bool floor_ok = false;                 ///< R26: 80 and over, can get down and up safely
};

struct Exclusion {
    std::string exercise;
    std::vector<std::string> reasons;
};

/// R23: the days whose session carries the strength block.
struct StrengthDays {
    enum class Kind {
        None,      ///< no strength work (it does not fit the minutes, or nothing is safe)
        Every,     ///< every session (a schedule of at most 2 days a week)
        Weekdays,  ///< `days` are weekdays, 0 = Sunday … 6 = Saturday
        Ordinals,  ///< `days` are the 1-based sessions of a calendar week (per-week schedules)
    };
    Kind kind = Kind::None;
    std::vector<unsigned> days;
    /// On some sessions only (weekdays or per-week sessions), not every one nor none.
    bool some() const { return kind == Kind::Weekdays || kind == Kind::Ordinals; }
};

/// The two weekdays (or the per-week sessions) R23 puts the strength block on for a schedule,
/// as far apart around the week as it allows, ties to the earliest (Monday first).
StrengthDays strength_days_for(const Schedule& schedule);

/// "Mon and Thu", "the 1st and 3rd session of each week", "every session".
std::string strength_days_label(const StrengthDays& days);

/// R19: equipment that would let a hamstring stretch in, and the stretches it would allow.
struct Unlock {
    std::vector<Equipment> equipment;
    std::vector<std::string> exercises;
};

struct Plan {
    std::vector<RoutineItem> items;        ///< every item, each marked with the days it is on
    int hold_s = 15;                       ///< the hold of the static stretches
    int estimated_s = 0;                   ///< a session without the strength block
    int strength_day_s = 0;                ///< a session with it (0 without strength days)
    StrengthDays strength;
    std::vector<Exclusion> excluded;       ///< every library exercise not in items, with why
    std::vector<std::string> warnings;     ///< plain words; the advice a person must read first leads
    std::vector<Unlock> unlock;
    std::optional<int> review_after_days;  ///< R26: acute strain is reviewed after 5 days
};

/// Who the request is for, as the safety rules see it.
Profile profile_of(const PlanRequest& request);

/// R1/R5/R9/R10/R26/R28: start hold and cap for the request.
HoldRule hold_rule_for(const PlanRequest& request);

/// Builds the routine at its week-1 hold. Never includes an exercise a rule forbids; when the
/// safe exercises do not fill the budget, returns the best safe routine and says so (R18).
Plan make_plan(const PlanRequest& request, const Timing& timing = {});

/// R24: the routine fitted to the minutes again at a later week's hold.
Plan plan_at_hold(const PlanRequest& request, int hold_s, const Timing& timing = {});

/// R29: what would let a routine in when none is safe: "with a chair or a wall there would be one
/// (add it to --equipment)", and --floor-ok at 80 and over; "" when nothing would.
std::string ways_to_a_routine(const PlanRequest& request);

/// R26, R31: the option that re-plans an acute strain for gentle stretching, keeping the other
/// constraints: "--constraint none,back-pain,injured".
std::string strain_review_option(const PlanRequest& request);

/// R26: the advice a plan for someone under 16 shows first, before the routine.
const std::string& child_advice();

/// R28: the person cannot stand safely, so nothing tells them to walk.
bool seated_only(const PlanRequest& request);

/// R26: what must be pain-free before an acute strain's routine is planned again for gentle
/// stretching: "walking and heel digs" ("seated marching and heel digs" for seated-only).
std::string strain_review_test(const PlanRequest& request);

/// The items of a session with or without the strength block.
std::vector<RoutineItem> items_on(const std::vector<RoutineItem>& items, bool strength_day);

/// The safety text every plan shows (R3, R4, R15).
const std::vector<std::string>& safety_text();

}  // namespace limber
