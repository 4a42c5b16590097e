#pragma once
// Recorded sessions and their holds: the sessions and holds tables.
// A session's day is computed once, when it is recorded, and stored; nothing here recomputes it.

#include <limber/clock.hpp>
#include <limber/dates.hpp>

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
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

/// A random (version 4) UUID in lower-case hex.
std::string new_uuid();

/// Inserts `session` (its id is ignored) and returns the id it was given. Call inside a write
/// transaction. Its hold_count and hold_seconds are stored as given (0 for a new session);
/// holds inserted later add to them.
std::int64_t insert_session(SQLite::Database& db, const Session& session);

/// Inserts many sessions and holds through statements prepared once. Call inside a write transaction.
class SessionWriter {
public:
    explicit SessionWriter(SQLite::Database& db);
    ~SessionWriter();
    SessionWriter(const SessionWriter&) = delete;
    SessionWriter& operator=(const SessionWriter&) = delete;
    /// As insert_session.
    std::int64_t add(const Session& session);
    /// As insert_hold.
    void add_hold(std::int64_t session_id, const Hold& hold);
    /// Whether a session with this uuid is stored.
    bool has_uuid(const std::string& uuid);

private:
    struct Statements;
    SQLite::Database& m_db;
    std::unique_ptr<Statements> m_statements;
};

/// Writes every stored field of `session` over the row with its id. Call inside a write transaction.
void update_session(SQLite::Database& db, const Session& session);

/// Removes the session and its holds. False when there was none.
bool remove_session(SQLite::Database& db, std::int64_t id);

/// Appends a hold to session `session_id`. Call inside a write transaction.
void insert_hold(SQLite::Database& db, std::int64_t session_id, const Hold& hold);

/// The session with this id, if any.
std::optional<Session> find_session(SQLite::Database& db, std::int64_t id);

/// The session a user means by `text`: its number, or a prefix (4 or more hex digits) of its
/// uuid. Throws NotFound when none matches and UsageError (naming `option`) when `text` is
/// neither form or a prefix matches several sessions.
Session resolve_session(SQLite::Database& db, std::string_view text, std::string_view option);

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

/// The sessions that pass `filter`, newest first (by day, then start).
std::vector<Session> list_sessions(SQLite::Database& db, const SessionFilter& filter);

/// Calls `each` with every finished session (completed, partial or skipped; not one in
/// progress) of `days`, oldest first: by day, start and id. Rows are read one at a time.
void for_each_finished_session(SQLite::Database& db, const DayRange& days,
                               const std::function<void(const Session&)>& each);

/// The holds of one session after another, through one prepared statement.
class HoldReader {
public:
    explicit HoldReader(SQLite::Database& db);
    ~HoldReader();
    HoldReader(const HoldReader&) = delete;
    HoldReader& operator=(const HoldReader&) = delete;
    /// The holds of session `id`, in order (valid until the next call).
    const std::vector<Hold>& of(std::int64_t id);

private:
    struct Query;
    std::unique_ptr<Query> m_query;
    std::vector<Hold> m_holds;
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

/// Calls `each` with every hold of the sessions for_each_finished_session would list, in the
/// same order, then by their order in the session. One query, one row at a time.
void for_each_finished_hold(SQLite::Database& db, const DayRange& days,
                            const std::function<void(const HoldLine&)>& each);

/// The holds of one session, in order.
std::vector<Hold> holds_of(SQLite::Database& db, std::int64_t session_id);

/// The names of saved routines and of the routines sessions were recorded for, sorted, once each.
std::vector<std::string> known_routine_names(SQLite::Database& db);

/// Names the process writing an in_progress session (process_identity(); "" clears it).
void set_session_owner(SQLite::Database& db, std::int64_t id, const std::string& owner);

/// Marks every in_progress session whose process has gone (killed, crashed, power lost) as
/// partial, ending it at its last stored hold. Returns how many. Writes only when there are any.
int recover_abandoned_sessions(SQLite::Database& db);

/// The last partial, guided session of `routine` on `day`, if any (what start --continue resumes).
std::optional<Session> last_partial_session(SQLite::Database& db, const std::string& routine, Day day);

}  // namespace limber
