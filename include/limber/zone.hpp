#pragma once
// Which time zone is in force: --tz, else $TZ (an IANA name, with or without a leading ':'),
// else the system zone. date::current_zone() ignores $TZ, so $TZ is read here.

#include <date/tz.h>

#include <optional>
#include <string>

namespace limber {

/// Resolves the zone. `tz_option` is the --tz value if given; `tz_env` the value of $TZ if
/// set. Throws UsageError naming --tz or TZ for an unknown zone.
const date::time_zone& resolve_zone(const std::optional<std::string>& tz_option,
                                    const std::optional<std::string>& tz_env);

}  // namespace limber
