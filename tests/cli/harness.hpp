#pragma once
// Runs the real limber binary in a scratch folder with a controlled environment (TZ and
// LIMBER_NOW pinned unless a test says otherwise) and captures its exit code and output.

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace limber::test {

struct Result {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// A scratch folder, removed with everything in it when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/// The environment a test run gets: HOME in the scratch folder, TZ=UTC,
/// LIMBER_NOW=2026-11-21T07:30:00Z, LIMBER_DB=<scratch>/limber.db, PATH. A value of
/// std::nullopt removes a variable.
using Env = std::map<std::string, std::optional<std::string>>;

class Limber {
public:
    /// argv and envp of a run, kept alive together.
    struct Prepared {
        std::vector<std::string> argv_strings, env_strings;
        std::vector<char*> argv, envp;
    };
    Prepared prepare(const std::vector<std::string>& args, const Env& env) const;

    Limber();
    /// Runs `limber args…` with the default environment overlaid by `env`; `input` is stdin.
    Result run(const std::vector<std::string>& args, const Env& env = {},
               const std::string& input = "") const;
    const std::filesystem::path& db() const { return m_db; }
    const TempDir& dir() const { return m_dir; }

private:
    TempDir m_dir;
    std::filesystem::path m_db;
};

/// How a running limber is attached: to a pseudo-terminal (stdin, stdout and stderr all on
/// it), or to pipes (stdin at end of file, stdout and stderr into one pipe), as under cron.
enum class Attach { Terminal, Pipes };

/// limber running in the background: what it prints can be awaited, keys typed (on a
/// terminal) and signals sent, as a person or a service manager would.
class Terminal {
public:
    Terminal(const Limber& limber, const std::vector<std::string>& args, const Env& env = {},
             Attach attach = Attach::Terminal, int columns = 80, int rows = 24);
    ~Terminal();
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;

    /// Reads until `text` appears after what earlier waits matched; false on timeout.
    bool wait_for(const std::string& text, std::chrono::milliseconds timeout = std::chrono::seconds{10});
    /// Types keys (bytes) into the terminal.
    void type(const std::string& keys);
    /// Changes the terminal size (the program gets SIGWINCH).
    void resize(int columns, int rows);
    /// Sends a signal to the program.
    void signal(int number);
    /// Waits for the program to end and returns its exit code (128+N for signal N), -1 on timeout.
    int wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds{10});
    /// Everything drawn so far, escape codes included.
    const std::string& output() const { return m_output; }
    /// How many times `text` has appeared so far.
    std::size_t count(const std::string& text) const;

private:
    bool pump(std::chrono::milliseconds timeout);
    bool exited();
    int m_master = -1;  ///< the pseudo-terminal's master side, or the output pipe
    int m_pid = -1;
    int m_exit_code = -1;
    std::string m_output;
    std::size_t m_seen = 0;
};

/// The whole content of a file ("" when it does not exist).
std::string read_file(const std::filesystem::path& path);
/// Writes bytes to a file.
void write_file(const std::filesystem::path& path, const std::string& bytes);
/// The content of a golden file in tests/cli/golden.
std::string golden(const std::string& name);
/// As golden(); with LIMBER_UPDATE_GOLDEN set, first writes `actual` as the golden file (to
/// review with git diff before committing).
std::string golden_or_update(const std::string& name, const std::string& actual);

/// Runs `python3 -c script args…`; its exit code and its stdout and stderr together (in `out`).
Result run_python(const std::string& script, const std::vector<std::string>& args);

/// Number of lines of text.
std::size_t line_count(const std::string& text);

/// Text with every run of white space (line breaks and indents of wrapped lines) as one space.
std::string flat(const std::string& text);

}  // namespace limber::test
