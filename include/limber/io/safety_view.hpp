#pragma once
// A safety stop (R27) in its two renderings: the JSON object of CLI.md
// (schemas/safety-stop.schema.json) and the advice as text — advice, not an error.

#include <limber/plan/red_flags.hpp>
#include <limber/ui/ui.hpp>

#include <nlohmann/json.hpp>

#include <iosfwd>

namespace limber {

/// What became of a stop: recorded (routines suspended from `day`), or not (--dry-run).
struct StopRecord {
    bool recorded = false;
    Day day;
};

/// {"safety_stop": true, "tier": …, "symptoms": […], "advice": …, "recorded": …, "date": …,
///  "suspended": …, "warnings": […]}
nlohmann::ordered_json safety_stop_json(const SafetyCall& call, const StopRecord& record);

/// The advice, what limber did about it, and how to resume.
void print_safety_stop(std::ostream& out, const ui::Style& style, const SafetyCall& call, const StopRecord& record);

}  // namespace limber
