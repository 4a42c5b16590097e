#include <limber/time/zone.hpp>

#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>

namespace limber {

namespace {

constexpr std::size_t k_max_zone_file = 1 << 20;  // the largest zone file is about 3 kB
constexpr std::size_t k_max_remembered = 256;     // names looked up, found or not

/// A name that stays inside the zone folder and names a zone, not one of the files beside them.
bool zone_name_allowed(std::string_view name) {
    if (name.empty() || name.size() > 255) return false;
    for (const auto& part : split(name, '/')) {
        if (part.empty() || part.front() == '.' || part.front() == '-') return false;
        for (const char c : part) {
            const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                            c == '-' || c == '+' || c == '.';
            if (!ok) return false;
        }
    }
    // posix/ and right/ repeat the zones (right/ with leap seconds), posixrules is a default
    // rule, Factory means "no zone set", localtime follows /etc/localtime
    const std::string_view first = name.substr(0, name.find('/'));
    return !first.starts_with("posix") && first != "right" && first != "Factory" && first != "localtime";
}

/// The bytes of a regular file of at most k_max_zone_file bytes, or nullopt.
std::optional<std::string> read_small_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::optional<std::string> bytes;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) <= k_max_zone_file) {
        std::string buffer(static_cast<std::size_t>(st.st_size), '\0');
        std::size_t got = 0;
        while (got < buffer.size()) {
            const ssize_t n = ::read(fd, buffer.data() + got, buffer.size() - got);
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        if (got == buffer.size()) bytes = std::move(buffer);
    }
    ::close(fd);
    return bytes;
}

/// The zone name in a path into the zone folder (".../zoneinfo/Europe/Paris"), or nullopt.
std::optional<std::string> name_in_zoneinfo(const std::string& path) {
    const auto at = path.rfind("zoneinfo/");
    if (at == std::string::npos) return std::nullopt;
    std::string name = path.substr(at + 9);
    for (const std::string_view copy : {"posix/", "right/"})
        if (name.starts_with(copy)) name.erase(0, copy.size());
    return name;
}

/// The system zone's name: the zone /etc/localtime links to, else the line in /etc/timezone.
/// Links are followed to the end, so that an alias (US/Eastern) gives the zone's own name
/// (America/New_York), unless the end is not in a zone folder.
std::optional<std::string> system_zone_name() {
    if (char* resolved = ::realpath("/etc/localtime", nullptr)) {
        const std::string path(resolved);
        std::free(resolved);
        if (auto name = name_in_zoneinfo(path)) return name;
    }
    std::array<char, 4096> target{};
    const ssize_t n = ::readlink("/etc/localtime", target.data(), target.size() - 1);
    if (n > 0) {
        if (auto name = name_in_zoneinfo(std::string(target.data(), static_cast<std::size_t>(n)))) return name;
    }
    std::ifstream file("/etc/timezone");
    std::string line;
    if (file && std::getline(file, line)) {
        const auto begin = line.find_first_not_of(" \t");
        const auto end = line.find_last_not_of(" \t\r");
        if (begin != std::string::npos) return line.substr(begin, end - begin + 1);
    }
    return std::nullopt;
}

}  // namespace

const Zone* find_zone(std::string_view name, const std::string& zoneinfo) {
    static std::mutex mutex;
    // by folder, then by name; also what was not found, so a history full of one unknown zone
    // reads no file twice. A name seen before is found without building a string: history and
    // import ask once for every session.
    using Zones = std::map<std::string, std::unique_ptr<const Zone>, std::less<>>;
    static std::map<std::string, Zones, std::less<>> loaded;
    const std::lock_guard lock(mutex);
    Zones& zones = loaded[zoneinfo];
    if (const auto it = zones.find(name); it != zones.end()) return it->second.get();
    if (!zone_name_allowed(name)) return nullptr;
    std::unique_ptr<const Zone> zone;
    if (const auto bytes = read_small_file(zoneinfo + '/' + std::string(name))) {
        if (auto read = Zone::from_tzif(std::string(name), *bytes)) zone = std::make_unique<const Zone>(std::move(*read));
    }
    if (!zone && zones.size() >= k_max_remembered) return nullptr;  // not every unknown name is kept
    return zones.emplace(std::string(name), std::move(zone)).first->second.get();
}

const Zone& resolve_zone(const std::optional<std::string>& tz_option, const std::optional<std::string>& tz_env) {
    const std::string hint = "use an IANA zone name such as Europe/London or America/New_York";
    if (tz_option) {
        if (const auto* zone = find_zone(*tz_option)) return *zone;
        throw UsageError(fmt::format("--tz {}: unknown time zone", quote(*tz_option)), hint);
    }
    if (tz_env && !tz_env->empty()) {
        const std::string_view name = (*tz_env)[0] == ':' ? std::string_view(*tz_env).substr(1) : *tz_env;
        if (const auto* zone = find_zone(name)) return *zone;
        throw UsageError(fmt::format("TZ {}: unknown time zone", quote(*tz_env)), hint + ", or pass --tz");
    }
    const auto name = system_zone_name();
    if (name) {
        if (const auto* zone = find_zone(*name)) return *zone;
    }
    throw UsageError(name ? fmt::format("the system time zone {} is not in /usr/share/zoneinfo", quote(*name))
                          : std::string("the system time zone cannot be determined (no /etc/localtime link to a zone "
                                        "and no /etc/timezone)"),
                     "set TZ or pass --tz with an IANA zone name");
}

}  // namespace limber
