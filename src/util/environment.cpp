#include <limber/util/environment.hpp>

#include <cstdlib>

namespace limber {

namespace {
std::optional<std::string> variable(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
}
}  // namespace

Environment Environment::from_process() {
    Environment env;
    env.limber_db = variable("LIMBER_DB");
    env.xdg_data_home = variable("XDG_DATA_HOME");
    env.home = variable("HOME");
    env.tz = variable("TZ");
    env.limber_now = variable("LIMBER_NOW");
    env.no_color = std::getenv("NO_COLOR") != nullptr;
    env.limber_speak = variable("LIMBER_SPEAK");
    env.path = variable("PATH");
    env.xdg_runtime_dir = variable("XDG_RUNTIME_DIR");
    env.speechd_address = variable("SPEECHD_ADDRESS");
    return env;
}

}  // namespace limber
