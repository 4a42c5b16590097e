#pragma once
// A routine: what the planner produces, the store saves and `start` runs.

#include <limber/catalog/exercise.hpp>
#include <limber/plan/rules.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

enum class Phase { Warmup, Stretch, Strength, Cooldown };
std::string_view to_string(Phase phase);
std::optional<Phase> parse_phase(std::string_view text);

/// Which sessions an item belongs to (R23): all of them, only those with the strength block,
/// or only the others.
enum class DayPart { Every, StrengthDays, OtherDays };
std::string_view to_string(DayPart part);  ///< every, strength, other (as stored)
std::optional<DayPart> parse_day_part(std::string_view text);

/// One exercise of a routine with its dose. A timed item has hold_s > 0 and is held `reps`
/// times per side in each set; a repetition item has hold_s == 0 and `reps` repetitions per set.
struct RoutineItem {
    std::string exercise;   ///< exercise id
    Phase phase = Phase::Stretch;
    bool sided = false;     ///< done on the left, then on the right
    int sets = 1;
    int reps = 1;
    int hold_s = 0;
    int rest_s = 0;         ///< pause between reps (timed) or between sets (repetitions)
    std::string why;        ///< what it does for this person, in plain words
    std::string rule;       ///< the DOMAIN.md rule that put it in (R7, R19, …), for JSON only
    DayPart on = DayPart::Every;
    std::vector<std::string> cautions;  ///< its own cautions and the constraint advice for it (R20)
};

enum class ScheduleKind { Daily, Weekdays, PerWeek };
std::string_view to_string(ScheduleKind kind);  ///< daily, weekdays, per_week (as in the plan JSON)
std::optional<ScheduleKind> parse_schedule_kind(std::string_view text);

/// Which days a routine is due: every day, some weekdays, or N days a calendar week.
struct Schedule {
    ScheduleKind kind = ScheduleKind::Daily;
    std::vector<unsigned> weekdays;  ///< for Weekdays: 0 = Sunday … 6 = Saturday, ascending
    int per_week = 7;                ///< for PerWeek: 1..7
    /// Days a week it asks for (7, the number of weekdays, or per_week).
    int days_per_week() const;
};

/// For people: "daily", "mon,wed,fri", or the per-week count as "3 days a week" (or "3/week"
/// where `compact`).
std::string schedule_label(const Schedule& schedule, bool compact = false);

}  // namespace limber
