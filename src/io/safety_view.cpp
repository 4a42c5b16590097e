#include <limber/io/safety_view.hpp>

#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <ostream>

namespace limber {

nlohmann::ordered_json safety_stop_json(const SafetyCall& call, const StopRecord& record) {
    nlohmann::ordered_json j;
    j["safety_stop"] = true;
    j["tier"] = std::string(to_string(call.tier));
    j["symptoms"] = names_of(call.stopping);
    j["advice"] = stop_advice(call.tier, call.stopping);
    j["recorded"] = record.recorded;
    j["date"] = format_day(record.day);
    j["suspended"] = record.recorded;
    auto warnings = nlohmann::ordered_json::array();
    if (!call.warned.empty()) warnings.push_back(cleared_warning(call.warned));
    j["warnings"] = warnings;
    return j;
}

void print_safety_stop(std::ostream& out, const ui::Style& style, const SafetyCall& call, const StopRecord& record) {
    const std::size_t width = 78;
    const std::string head = call.tier == Tier::Emergency ? "Emergency: stop now."
                             : call.tier == Tier::Urgent  ? "Urgent: see a doctor today."
                                                          : "See a doctor first.";
    out << style.bold(style.red(head)) << '\n';
    for (const auto& line : ui::wrap(stop_advice(call.tier, call.stopping), width)) out << line << '\n';
    if (!call.warned.empty())
        for (const auto& line : ui::wrap(cleared_warning(call.warned), width)) out << line << '\n';
    const std::string done =
        record.recorded
            ? fmt::format("Recorded for {}: your routines are suspended (no 'limber start', no reminders) until you "
                          "record that a clinician has cleared you with 'limber flag clear'.",
                          format_day(record.day))
            : "Not recorded (--dry-run): your routines are not suspended.";
    for (const auto& line : ui::wrap(done, width)) out << line << '\n';
}

}  // namespace limber
