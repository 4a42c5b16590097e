#pragma once
// Typed errors. Each maps to one exit code of CLI.md, in app.cpp alone.

#include <stdexcept>
#include <string>

namespace limber {

enum class ExitCode : int {
    Ok = 0,
    NotDue = 1,      ///< `due`: nothing is due
    Internal = 1,    ///< an unexpected failure
    Usage = 2,
    NotFound = 3,
    Storage = 4,
    SafetyStop = 5,  ///< a red flag: the advice is printed as advice (not as an error), R27
};

/// Base of every error limber reports to the user: a one-line message and an optional hint.
class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message, std::string hint = {})
        : std::runtime_error(message), m_code(code), m_hint(std::move(hint)) {}
    ExitCode code() const { return m_code; }
    const std::string& hint() const { return m_hint; }

private:
    ExitCode m_code;
    std::string m_hint;
};

/// A bad command line: the message names the option, the value and what is allowed (exit 2).
struct UsageError : Error {
    explicit UsageError(const std::string& message, std::string hint = {})
        : Error(ExitCode::Usage, message, std::move(hint)) {}
};

/// No such routine, session, pause or exercise (exit 3).
struct NotFound : Error {
    explicit NotFound(const std::string& message, std::string hint = {})
        : Error(ExitCode::NotFound, message, std::move(hint)) {}
};

/// The database cannot be opened, read or written; the message names the file (exit 4).
struct StorageError : Error {
    explicit StorageError(const std::string& message, std::string hint = {})
        : Error(ExitCode::Storage, message, std::move(hint)) {}
};

}  // namespace limber
