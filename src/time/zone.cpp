#include <limber/zone.hpp>

#include <limber/error.hpp>
#include <limber/text.hpp>

#include <fmt/format.h>

namespace limber {

namespace {

const date::time_zone* try_locate(const std::string& name) {
    if (name.empty()) return nullptr;
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return nullptr;
    }
}

}  // namespace

const date::time_zone& resolve_zone(const std::optional<std::string>& tz_option,
                                    const std::optional<std::string>& tz_env) {
    const std::string hint = "use an IANA zone name such as Europe/London or America/New_York";
    if (tz_option) {
        if (const auto* zone = try_locate(*tz_option)) return *zone;
        throw UsageError(fmt::format("--tz {}: unknown time zone", quote(*tz_option)), hint);
    }
    if (tz_env && !tz_env->empty()) {
        const std::string name = (*tz_env)[0] == ':' ? tz_env->substr(1) : *tz_env;
        if (const auto* zone = try_locate(name)) return *zone;
        throw UsageError(fmt::format("TZ {}: unknown time zone", quote(*tz_env)),
                         hint + ", or pass --tz");
    }
    try {
        return *date::current_zone();
    } catch (const std::exception& e) {
        throw UsageError(fmt::format("the system time zone cannot be determined ({})", e.what()),
                         "set TZ or pass --tz with an IANA zone name");
    }
}

}  // namespace limber
