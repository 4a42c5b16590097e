#include <limber/routine.hpp>

#include <limber/dates.hpp>
#include <limber/text.hpp>

#include <fmt/format.h>

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
    return parse_among<Phase>({Phase::Warmup, Phase::Stretch, Phase::Strength, Phase::Cooldown}, text);
}

int Schedule::days_per_week() const {
    switch (kind) {
    case ScheduleKind::Daily: return 7;
    case ScheduleKind::Weekdays: return static_cast<int>(weekdays.size());
    case ScheduleKind::PerWeek: return per_week;
    }
    return 7;
}

nlohmann::ordered_json schedule_json(const Schedule& schedule) {
    switch (schedule.kind) {
    case ScheduleKind::Weekdays: {
        std::vector<std::string> days;
        for (auto d : schedule.weekdays) days.emplace_back(weekday_short_name(d));
        return {{"kind", "weekdays"}, {"days", days}};
    }
    case ScheduleKind::PerWeek: return {{"kind", "per_week"}, {"count", schedule.per_week}};
    case ScheduleKind::Daily: break;
    }
    return {{"kind", "daily"}};
}

Schedule schedule_from_json(const nlohmann::json& json) {
    Schedule schedule;
    const std::string kind = json.at("kind").get<std::string>();
    if (kind == "weekdays") {
        schedule.kind = ScheduleKind::Weekdays;
        for (const auto& name : json.at("days"))
            if (const auto day = parse_weekday(name.get<std::string>())) schedule.weekdays.push_back(*day);
    } else if (kind == "per_week") {
        schedule.kind = ScheduleKind::PerWeek;
        schedule.per_week = json.at("count").get<int>();
    }
    return schedule;
}

std::string schedule_label(const Schedule& schedule, bool compact) {
    switch (schedule.kind) {
    case ScheduleKind::Weekdays: {
        std::vector<std::string> days;
        for (auto d : schedule.weekdays) days.emplace_back(weekday_short_name(d));
        return join(days, ",");
    }
    case ScheduleKind::PerWeek:
        return compact ? fmt::format("{}/week", schedule.per_week) : fmt::format("{} days a week", schedule.per_week);
    case ScheduleKind::Daily: break;
    }
    return "daily";
}

}  // namespace limber
