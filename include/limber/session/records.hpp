#pragma once
// A recorded session and its holds as plain values: what the store keeps, the commands show
// and the export and import documents carry.

#include <limber/time/clock.hpp>
#include <limber/time/dates.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

enum class SessionStatus { InProgress, Completed, Partial, Skipped };
std::string_view to_string(SessionStatus status);  ///< in_progress, completed, partial, skipped
std::optional<SessionStatus> parse_session_status(std::string_view text);

enum class SessionSource { Guided, Manual, Import };
std::string_view to_string(SessionSource source);  ///< guided, manual, import
std::optional<SessionSource> parse_session_source(std::string_view text);

/// One finished hold (or set of repetitions) of a session.
struct Hold {
    int seq = 0;                 ///< order within the session, from 0
    std::optional<int> item;     ///< routine item position, for guided sessions
    std::string exercise;
    std::string side;            ///< "", "left" or "right"
    int rep = 1;
    int target_s = 0;
    int held_s = 0;
    std::optional<Instant> ended_at;
};

struct Session {
    std::int64_t id = 0;         ///< the short id users type; never reused
    std::string uuid;
    std::string routine;
    Day day;                     ///< the stored local day
    Instant started_at;
    std::optional<Instant> ended_at;
    std::optional<int> duration_s;
    std::string zone;            ///< IANA zone in force when recorded
    SessionStatus status = SessionStatus::Completed;
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    std::string note;            ///< the note, or the reason of a skip ("" = none)
    SessionSource source = SessionSource::Manual;
    Instant created_at;
    // read-only summary of the holds, filled by the queries below
    int hold_count = 0;
    int hold_seconds = 0;
};

/// Days from `since` to `until`, both included; an empty end is open.
struct DayRange {
    std::optional<Day> since;
    std::optional<Day> until;
};

/// Which sessions history lists; empty members do not filter.
struct SessionFilter {
    DayRange days;
    std::optional<std::string> routine;
    std::optional<int> limit;
};

/// One hold as the holds export lists it: the texts are valid only during the call.
struct HoldLine {
    std::string_view session_uuid;
    std::string_view day;
    std::string_view exercise;
    std::string_view side;
    int rep = 1;
    int target_s = 0;
    int held_s = 0;
};

/// A session with its holds, as an import document carries it.
struct IncomingSession {
    Session session;
    std::vector<Hold> holds;
};

}  // namespace limber
