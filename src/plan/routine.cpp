#include <limber/routine.hpp>

#include <array>

namespace limber {

std::string_view to_string(Phase phase) {
    switch (phase) {
    case Phase::Warmup: return "warmup";
    case Phase::Stretch: return "stretch";
    case Phase::Strength: return "strength";
    case Phase::Cooldown: return "cooldown";
    }
    return {};
}

std::optional<Phase> parse_phase(std::string_view text) {
    for (auto p : {Phase::Warmup, Phase::Stretch, Phase::Strength, Phase::Cooldown})
        if (to_string(p) == text) return p;
    return std::nullopt;
}

int Schedule::days_per_week() const {
    switch (kind) {
    case ScheduleKind::Daily: return 7;
    case ScheduleKind::Weekdays: return static_cast<int>(weekdays.size());
    case ScheduleKind::PerWeek: return per_week;
    }
    return 7;
}

std::string_view weekday_short_name(unsigned weekday) {
    static constexpr std::array<std::string_view, 7> names = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    return names.at(weekday % 7);
}

}  // namespace limber
