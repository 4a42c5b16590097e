#pragma once
// The planner: a safe routine for a person's level, constraints and equipment, fitted to a
// time budget (DOMAIN.md R1–R18). Pure: no database, terminal or clock.

#include <limber/plan/progression.hpp>
#include <limber/plan/routine.hpp>
#include <limber/plan/rules.hpp>
#include <limber/plan/timing.hpp>

#include <optional>
#include <string>
#include <vector>

namespace limber {

/// Red-flag symptoms (R15): any one stops planning.
enum class Symptom { SaddleNumbness, BladderBowel, BothLegs, ProgressiveWeakness };
std::string_view to_string(Symptom symptom);
std::optional<Symptom> parse_symptom(std::string_view text);
const std::vector<Symptom>& all_symptoms();
/// Throws SafetyStop with urgent-care advice (R15) when `symptoms` is not empty.
void stop_on_red_flags(const std::vector<Symptom>& symptoms);

struct PlanRequest {
    Level level = Level::Beginner;
    std::vector<Constraint> constraints;   ///< kept sorted by name
    std::vector<Equipment> equipment = {Equipment::Chair, Equipment::Wall};
    int minutes = 10;                      ///< 5..60
    Schedule schedule;
    std::optional<int> age;
};

struct Exclusion {
    std::string exercise;
    std::vector<std::string> reasons;
};

struct Plan {
    std::vector<RoutineItem> items;        ///< week-1 doses
    int hold_s = 15;                       ///< week-1 hold of the static stretches
    int estimated_s = 0;
    std::vector<Exclusion> excluded;       ///< every library exercise not in items, with why
    std::vector<std::string> warnings;
};

/// Who the request is for, as the safety rules see it.
Profile profile_of(const PlanRequest& request);

/// R1/R5/R9/R10: start hold and cap for the request.
HoldRule hold_rule_for(const PlanRequest& request);

/// Builds the routine. Never includes an exercise a rule forbids; when the safe exercises do
/// not fill the budget, returns the best safe routine and says so in a warning (R18).
Plan make_plan(const PlanRequest& request, const Timing& timing = {});

/// Every library exercise not among `items`, with the rules it breaks for the request, or why
/// the planner did not need it (R8's weekly limit, the time budget).
std::vector<Exclusion> exclusions_for(const PlanRequest& request, const std::vector<RoutineItem>& items);

/// The items at a later week's hold: static stretches take `hold_s` and R2's reps (never more
/// reps than planned); other items are unchanged.
std::vector<RoutineItem> items_at_hold(const std::vector<RoutineItem>& items, int hold_s);

/// The safety text every plan shows (R3, R4, R15).
const std::vector<std::string>& safety_text();

}  // namespace limber
