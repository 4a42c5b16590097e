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

    /// Reads the variables of this process.
    static Environment from_process();
};

}  // namespace limber
