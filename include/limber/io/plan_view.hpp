#pragma once
// A routine as the user sees it (plan/week.hpp) in its two renderings: the plan JSON of CLI.md and the human tables.

#include <limber/plan/week.hpp>
#include <limber/ui/ui.hpp>

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace limber {


/// The schedule as CLI.md's JSON: {"kind":"daily"}, {"kind":"weekdays","days":[…]},
/// {"kind":"per_week","count":N}.
nlohmann::ordered_json schedule_json(const Schedule& schedule);

/// R23: the strength days as the plan JSON writes them: weekday names ("mon"), or the 1-based
/// sessions of a per-week schedule's week; empty for every session or none.
nlohmann::ordered_json strength_days_json(const StrengthDays& days);

/// An item's dose in words: "3 × 20 s", "45 s", "2 sets of 10 reps".
std::string dose_label(const RoutineItem& item);

/// The title of a phase ("Warm-up", "Stretch", …; an acute strain's gentler names).
std::string phase_title(Phase phase, bool acute);

/// R23: "strength days only", "not on strength days", or "" for an item of every session.
std::string item_days_label(const RoutineItem& item, const PlanView& view);

/// The routine has the acute-strain constraint (R26).
bool is_acute(const PlanRequest& request);

/// The plan object of CLI.md (plus `why` on items and `safety`).
nlohmann::ordered_json plan_to_json(const PlanView& view);

struct PlanPrintOptions {
    bool explain = false;  ///< why each exercise is in or out, and the cues
    bool cues = false;     ///< the cues of each exercise
};

/// The routine as tables per phase, the total time, warnings and the safety text.
void print_plan(std::ostream& out, const ui::Style& style, const PlanView& view,
                const PlanPrintOptions& options);

}  // namespace limber
