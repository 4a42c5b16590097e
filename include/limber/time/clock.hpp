#pragma once
// Where "now" comes from. Commands read the time only through a Clock, so tests and
// scripts can pin it ($LIMBER_NOW).

#include <chrono>
#include <optional>
#include <string_view>

namespace limber {

using Instant = std::chrono::sys_seconds;

class Clock {
public:
    virtual ~Clock() = default;
    /// The current instant, in whole UTC seconds.
    virtual Instant now() const = 0;
};

/// The system clock.
class SystemClock final : public Clock {
public:
    Instant now() const override;
};

/// A clock stopped at one instant.
class FixedClock final : public Clock {
public:
    explicit FixedClock(Instant at) : m_at(at) {}
    Instant now() const override { return m_at; }

private:
    Instant m_at;
};

/// Parses an ISO-8601 instant: YYYY-MM-DDTHH:MM[:SS[.fff]] followed by Z or ±HH:MM (or ±HHMM).
/// Fractions of a second are dropped. Returns nullopt for anything else.
std::optional<Instant> parse_instant(std::string_view text);

/// Formats an instant as YYYY-MM-DDTHH:MM:SSZ.
std::string format_instant(Instant at);

}  // namespace limber
