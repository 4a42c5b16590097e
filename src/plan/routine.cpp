#include <limber/plan/routine.hpp>

#include <limber/time/dates.hpp>
#include <limber/util/text.hpp>

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

std::string_view to_string(DayPart part) {
    switch (part) {
    case DayPart::Every: return "every";
    case DayPart::StrengthDays: return "strength";
    case DayPart::OtherDays: return "other";
    }
    return {};
}

std::optional<DayPart> parse_day_part(std::string_view text) {
    return parse_among<DayPart>({DayPart::Every, DayPart::StrengthDays, DayPart::OtherDays}, text);
}

int Schedule::days_per_week() const {
    switch (kind) {
    case ScheduleKind::Daily: return 7;
    case ScheduleKind::Weekdays: return static_cast<int>(weekdays.size());
    case ScheduleKind::PerWeek: return per_week;
    }
    return 7;
}

std::string_view to_string(ScheduleKind kind) {
    switch (kind) {
    case ScheduleKind::Weekdays: return "weekdays";
    case ScheduleKind::PerWeek: return "per_week";
    case ScheduleKind::Daily: break;
    }
    return "daily";
}

std::optional<ScheduleKind> parse_schedule_kind(std::string_view text) {
    return parse_among(std::vector{ScheduleKind::Daily, ScheduleKind::Weekdays, ScheduleKind::PerWeek}, text);
}

std::string schedule_label(const Schedule& schedule, bool compact) {
    switch (schedule.kind) {
    case ScheduleKind::Weekdays: {
        std::vector<std::string> days;
        for (auto d : schedule.weekdays) days.emplace_back(weekday_short_name(d));
        return join(days, ",");
    }
    case ScheduleKind::PerWeek:
        return compact ? fmt::format("{}/week", schedule.per_week) : counted(schedule.per_week, "day", "days") + " a week";
    case ScheduleKind::Daily: break;
    }
    return "daily";
}

}  // namespace limber
