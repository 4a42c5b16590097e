#pragma once
// Runs the real limber binary in a scratch folder with a controlled environment (TZ and
// LIMBER_NOW pinned unless a test says otherwise) and captures its exit code and output.

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

/// The whole content of a file ("" when it does not exist).
std::string read_file(const std::filesystem::path& path);
/// Writes bytes to a file.
void write_file(const std::filesystem::path& path, const std::string& bytes);
/// Number of lines of text.
std::size_t line_count(const std::string& text);

}  // namespace limber::test
