#pragma once
// What every command is given: the global options, the environment, the output streams, and
// (opened on first use) the store, the clock, the zone and the settings. Tests build one with
// an in-memory store and a fixed clock.

#include <limber/config/settings.hpp>
#include <limber/store/store.hpp>
#include <limber/time/clock.hpp>
#include <limber/time/dates.hpp>
#include <limber/util/environment.hpp>

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace limber {

class Context;

/// Refuses (UsageError naming `what` and the value) an output path that is the database or one
/// of its journal, WAL or shared-memory files, by any path, link or hard link: writing there
/// would replace every routine and session.
void refuse_database_as_output(const std::string& output, Context& context, std::string_view what);

/// The standard streams a command reads and writes, and which of them are terminals.
struct Streams {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool in_is_terminal = false;
    bool out_is_terminal = false;
};

/// The options accepted before or after any command (CLI.md "Global options").
struct GlobalOptions {
    std::optional<std::string> db;
    std::optional<std::string> tz;
    std::string color = "auto";  ///< auto, always or never
    bool quiet = false;
};

class Context {
public:
    Context(Environment env, Streams streams);
    ~Context();

    GlobalOptions& options() { return m_options; }
    const Environment& env() const { return m_env; }
    std::istream& in() { return m_streams.in; }
    std::ostream& out() { return m_streams.out; }
    std::ostream& err() { return m_streams.err; }
    bool quiet() const { return m_options.quiet; }
    /// Colour on: --color always, or auto with stdout a terminal and NO_COLOR unset.
    bool color() const;
    /// Stdout is a terminal.
    bool out_is_terminal() const { return m_streams.out_is_terminal; }
    /// Stdin is a terminal (a person can be asked).
    bool in_is_terminal() const { return m_streams.in_is_terminal; }

    /// The database path in force (resolved on first use).
    const std::filesystem::path& db_path();
    /// The open, migrated store (opened on first use; sessions left in progress by a process
    /// that has gone are then marked partial).
    Store& store();
    /// True once the store has been opened (errors can then name its file).
    bool store_is_open() const { return m_store != nullptr; }

    /// $LIMBER_NOW when set (UsageError if malformed), else the system clock.
    const Clock& clock();
    /// --tz, $TZ or the system zone.
    const Zone& zone();
    /// The stored settings (loaded on first use).
    const Settings& settings();
    /// The limber day of now.
    Day today();

    /// The exit code of a command that ends without an error but not in success (start
    /// stopped by a signal: 128 + its number). 0 by default.
    int exit_code() const { return m_exit_code; }
    void set_exit_code(int code) { m_exit_code = code; }

    /// For tests: use these instead of opening or reading them.
    void use_store(std::unique_ptr<Store> store) { m_store = std::move(store); }
    void use_clock(std::unique_ptr<Clock> clock) { m_clock = std::move(clock); }
    void use_zone(const Zone& zone) { m_zone = &zone; }

private:
    GlobalOptions m_options;
    Environment m_env;
    Streams m_streams;
    std::optional<std::filesystem::path> m_db_path;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Clock> m_clock;
    const Zone* m_zone = nullptr;
    std::optional<Settings> m_settings;
    int m_exit_code = 0;
};

}  // namespace limber
