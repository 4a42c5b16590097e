#include <limber/util/process.hpp>

#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace limber {

namespace {

/// Field 22 of /proc/PID/stat (the start time in clock ticks), or "" when unreadable.
std::string start_ticks(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line)) return {};
    const auto close = line.rfind(')');  // the command name may hold spaces and parentheses
    if (close == std::string::npos) return {};
    std::istringstream rest(line.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && rest >> field; ++i) {
        if (i == 22) return field;
    }
    return {};
}

}  // namespace

std::string process_identity() {
    const long pid = static_cast<long>(::getpid());
    return fmt::format("{}:{}", pid, start_ticks(pid));
}

bool process_is_alive(const std::string& identity) {
    const auto colon = identity.find(':');
    long long pid = 0;
    if (!parse_int(identity.substr(0, colon), 1, 4'194'304, pid)) return false;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM) return false;
    if (colon == std::string::npos || colon + 1 == identity.size()) return true;  // nothing more to compare
    const std::string ticks = start_ticks(static_cast<long>(pid));
    return ticks.empty() || ticks == identity.substr(colon + 1);
}

}  // namespace limber
