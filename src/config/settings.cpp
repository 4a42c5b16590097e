#include <limber/config/settings.hpp>

#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <cctype>

namespace limber {

const std::vector<std::string>& setting_keys() {
    static const std::vector<std::string> keys = {"day_start", "week_start", "default_routine", "voice"};
    return keys;
}

namespace {

[[noreturn]] void throw_unknown_setting(std::string_view key) {
    const std::string suggestion = nearest(key, setting_keys());
    throw UsageError(fmt::format("unknown setting {}; the settings are {}", quote(key),
                                 join(setting_keys(), ", ")),
                     suggestion.empty() ? std::string{}
                                        : fmt::format("did you mean '{}'?", suggestion));
}

}  // namespace

void check_routine_name(std::string_view name, std::string_view what) {
    bool ok = !name.empty() && name.size() <= 64 &&
              std::isalnum(static_cast<unsigned char>(name.front()));
    for (char c : name)
        ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
    if (!ok)
        throw UsageError(fmt::format("{} {}: not a routine name; use 1 to 64 letters, digits, "
                                     "'-', '_' or '.', starting with a letter or digit",
                                     what, quote(name)));
}

std::string normalize_setting(std::string_view key, std::string_view value) {
    if (key == "day_start") return format_time_of_day(parse_time_of_day(value, "day_start"));
    if (key == "week_start") {
        const std::string lower = to_lower(value);
        if (lower == "monday" || lower == "sunday") return lower;
        throw UsageError(
            fmt::format("week_start {}: not allowed; use monday or sunday", quote(value)));
    }
    if (key == "default_routine") {
        check_routine_name(value, "default_routine");
        return std::string(value);
    }
    if (key == "voice") {
        const std::string lower = to_lower(value);
        if (lower == "on" || lower == "off") return lower;
        throw UsageError(fmt::format("voice {}: not allowed; use on or off", quote(value)));
    }
    throw_unknown_setting(key);
}

void check_setting_key(std::string_view key) {
    for (const auto& known : setting_keys())
        if (key == known) return;
    throw_unknown_setting(key);
}

Settings settings_from(const std::vector<std::pair<std::string, std::string>>& stored) {
    Settings settings;
    for (const auto& [key, value] : stored) {
        // Values were validated when stored; an unreadable one falls back to its default.
        try {
            if (key == "day_start") settings.day_start = parse_time_of_day(value, key);
            if (key == "week_start")
                settings.week_start = value == "sunday" ? WeekStart::Sunday : WeekStart::Monday;
            if (key == "default_routine") settings.default_routine = value;
            if (key == "voice") settings.voice = value == "on";
        } catch (const UsageError&) {
        }
    }
    return settings;
}

std::string setting_value(const Settings& settings, std::string_view key) {
    if (key == "day_start") return format_time_of_day(settings.day_start);
    if (key == "week_start") return settings.week_start == WeekStart::Sunday ? "sunday" : "monday";
    if (key == "default_routine") return settings.default_routine;
    if (key == "voice") return settings.voice ? "on" : "off";
    throw_unknown_setting(key);
}

}  // namespace limber
