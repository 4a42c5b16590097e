#pragma once
// A routine as the user sees it — this week's doses, estimate, exclusions and warnings — and
// its two renderings: the plan JSON of CLI.md and the human tables.

#include <limber/planner.hpp>
#include <limber/ui.hpp>

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace limber {

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

/// The plan object of CLI.md (plus `why` on items and `safety`).
nlohmann::ordered_json plan_to_json(const PlanView& view);

struct PlanPrintOptions {
    bool explain = false;  ///< why each exercise is in or out, and the cues
    bool cues = false;     ///< the cues of each exercise
};

/// The routine as tables per phase, the total time, warnings and the safety text.
void print_plan(std::ostream& out, const ui::Style& style, const PlanView& view,
                const PlanPrintOptions& options);

/// "9 min 48 s".
std::string format_duration(int seconds);

}  // namespace limber
