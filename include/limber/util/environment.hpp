#pragma once
// The environment variables limber reads, captured once in app.cpp and passed in, so that
// nothing below the command layer reads the process environment.

#include <optional>
#include <string>

namespace limber {

struct Environment {
    std::optional<std::string> limber_db;      ///< $LIMBER_DB
    std::optional<std::string> xdg_data_home;  ///< $XDG_DATA_HOME
    std::optional<std::string> home;           ///< $HOME
    std::optional<std::string> tz;             ///< $TZ
    std::optional<std::string> limber_now;     ///< $LIMBER_NOW
    bool no_color = false;                     ///< $NO_COLOR is set (to anything)
    std::optional<std::string> limber_speak;   ///< $LIMBER_SPEAK: the command `start --voice` speaks with
    std::optional<std::string> path;           ///< $PATH, where spd-say and espeak-ng are looked for
    std::optional<std::string> xdg_runtime_dir;  ///< $XDG_RUNTIME_DIR: speech-dispatcher's socket is there
    std::optional<std::string> speechd_address;  ///< $SPEECHD_ADDRESS: or where it says

    /// Reads the variables of this process.
    static Environment from_process();
};

}  // namespace limber
