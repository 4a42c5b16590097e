#pragma once
// The user's settings (`limber config`): day_start, week_start, default_routine, voice — their keys,
// their values' checks and their defaults. The store keeps them (store/settings.hpp).

#include <limber/time/dates.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace limber {

enum class WeekStart { Monday, Sunday };

struct Settings {
    TimeOfDay day_start{0};               ///< when a limber day begins, after local midnight
    WeekStart week_start = WeekStart::Monday;
    std::string default_routine;          ///< empty: none set
    bool voice = false;                   ///< `start` speaks as with --voice
};

/// The keys, in the order `config list` shows them.
const std::vector<std::string>& setting_keys();

/// Checks a value for a key and returns it in its stored (canonical) form. Throws UsageError
/// naming the key, the value and what is allowed; an unknown key names the nearest one.
std::string normalize_setting(std::string_view key, std::string_view value);

/// Checks that `key` is a setting; throws UsageError naming the nearest one otherwise.
void check_setting_key(std::string_view key);

/// The settings from stored (key, value) pairs, defaults for the absent ones. Values were
/// checked when stored; an unreadable one (or an unknown key) falls back to its default.
Settings settings_from(const std::vector<std::pair<std::string, std::string>>& stored);

/// The value of one key as `config get` prints it (the default when unset).
std::string setting_value(const Settings& settings, std::string_view key);

/// Routine names: 1–64 characters from letters, digits, '-', '_' and '.', starting with a
/// letter or digit. Throws UsageError naming `what` (an option or key) otherwise.
void check_routine_name(std::string_view name, std::string_view what);

}  // namespace limber
