#pragma once
// Recorded sessions and their holds (session/records.hpp): the sessions and holds tables.
// A session's day is computed once, when it is recorded, and stored; nothing here recomputes it.

#include <limber/session/records.hpp>
#include <limber/store/store.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// A random (version 4) UUID in lower-case hex.
std::string new_uuid();

/// Inserts `session` (its id is ignored) and returns the id it was given. Call inside a write
/// transaction. Its hold_count and hold_seconds are stored as given (0 for a new session);
/// holds inserted later add to them.
std::int64_t insert_session(Store& store, const Session& session);

/// Inserts many sessions and holds through statements prepared once. Call inside a write transaction.
class SessionWriter {
public:
    explicit SessionWriter(Store& store);
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
    std::unique_ptr<Statements> m_statements;
};

/// Writes every stored field of `session` over the row with its id. Call inside a write transaction.
void update_session(Store& store, const Session& session);

/// Moves the end times of the holds of session `session_id` by `by` (when the session was
/// moved). Call inside a write transaction.
void shift_holds(Store& store, std::int64_t session_id, std::chrono::seconds by);

/// Removes the session and its holds. False when there was none.
bool remove_session(Store& store, std::int64_t id);

/// Appends a hold to session `session_id`. Call inside a write transaction.
void insert_hold(Store& store, std::int64_t session_id, const Hold& hold);

/// The session with this id, if any.
std::optional<Session> find_session(Store& store, std::int64_t id);

/// The session a user means by `text`: its number, or a prefix (4 or more hex digits) of its
/// uuid. Throws NotFound when none matches and UsageError (naming `option`) when `text` is
/// neither form or a prefix matches several sessions.
Session resolve_session(Store& store, std::string_view text, std::string_view option);

/// The sessions that pass `filter`, newest first (by day, then start).
std::vector<Session> list_sessions(Store& store, const SessionFilter& filter);

/// Calls `each` with every finished session (completed, partial or skipped; not one in
/// progress) of `days`, oldest first: by day, start and id. Rows are read one at a time.
void for_each_finished_session(Store& store, const DayRange& days,
                               const std::function<void(const Session&)>& each);

/// The holds of one session after another, through one prepared statement.
class HoldReader {
public:
    explicit HoldReader(Store& store);
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

/// Calls `each` with every hold of the sessions for_each_finished_session would list, in the
/// same order, then by their order in the session. One query, one row at a time.
void for_each_finished_hold(Store& store, const DayRange& days,
                            const std::function<void(const HoldLine&)>& each);

/// The holds of one session, in order.
std::vector<Hold> holds_of(Store& store, std::int64_t session_id);

/// The names of saved routines and of the routines sessions were recorded for, sorted, once each.
std::vector<std::string> known_routine_names(Store& store);

/// Names the process writing an in_progress session (process_identity(); "" clears it).
void set_session_owner(Store& store, std::int64_t id, const std::string& owner);

/// Marks every in_progress session whose process has gone (killed, crashed, power lost) as
/// partial, ending it at its last stored hold. Returns how many. Writes only when there are any.
int recover_abandoned_sessions(Store& store);

/// The last partial, guided session of `routine` on `day`, if any (what start --continue resumes).
std::optional<Session> last_partial_session(Store& store, const std::string& routine, Day day);

}  // namespace limber
