#include <limber/store/sessions.hpp>

#include <limber/util/error.hpp>
#include <limber/util/process.hpp>
#include <limber/util/text.hpp>

#include "database.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <random>

namespace limber {

std::string new_uuid() {
    std::random_device device;  // getrandom(2) on Linux
    std::array<unsigned char, 16> bytes{};
    for (std::size_t i = 0; i < bytes.size(); i += 4) {
        const auto word = device();
        for (std::size_t j = 0; j < 4; ++j) bytes[i + j] = static_cast<unsigned char>(word >> (8 * j));
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
    std::string text;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
        text += fmt::format("{:02x}", bytes[i]);
    }
    return text;
}

namespace {

std::int64_t seconds(Instant at) { return at.time_since_epoch().count(); }
Instant instant(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

template <class T>
void bind_optional(SQLite::Statement& statement, int index, const std::optional<T>& value) {
    if (value) {
        statement.bind(index, static_cast<std::int64_t>(*value));
    } else {
        statement.bind(index);
    }
}

void bind_note(SQLite::Statement& statement, int index, const std::string& note) {
    if (note.empty()) {
        statement.bind(index);
    } else {
        statement.bind(index, note);
    }
}

std::optional<int> optional_int(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getInt();
}

/// The columns every session query selects, in the order session_from reads them.
constexpr const char* k_columns = R"(
    s.id, s.uuid, s.routine, s.day, s.started_at, s.ended_at, s.duration_s, s.zone, s.status,
    s.pain_before, s.pain_after, s.note, s.source, s.created_at, s.hold_count, s.hold_seconds)";

Session session_from(SQLite::Statement& row) {
    Session s;
    s.id = row.getColumn(0).getInt64();
    s.uuid = row.getColumn(1).getString();
    s.routine = row.getColumn(2).getString();
    s.day = parse_iso_day(row.getColumn(3).getString()).value_or(Day{});
    s.started_at = instant(row.getColumn(4).getInt64());
    if (!row.getColumn(5).isNull()) s.ended_at = instant(row.getColumn(5).getInt64());
    s.duration_s = optional_int(row.getColumn(6));
    s.zone = row.getColumn(7).getString();
    s.status = parse_session_status(row.getColumn(8).getString()).value_or(SessionStatus::Partial);
    s.pain_before = optional_int(row.getColumn(9));
    s.pain_after = optional_int(row.getColumn(10));
    s.note = row.getColumn(11).getString();  // "" for NULL
    s.source = parse_session_source(row.getColumn(12).getString()).value_or(SessionSource::Manual);
    s.created_at = instant(row.getColumn(13).getInt64());
    s.hold_count = row.getColumn(14).getInt();
    s.hold_seconds = row.getColumn(15).getInt();
    return s;
}

std::vector<Session> sessions_where(SQLite::Database& db, const std::string& where,
                                    const std::vector<std::string>& text_args, std::optional<int> limit) {
    std::string sql = fmt::format("SELECT {} FROM sessions s {} ORDER BY s.day DESC, s.started_at DESC, s.id DESC",
                                  k_columns, where);
    if (limit) sql += fmt::format(" LIMIT {}", *limit);
    SQLite::Statement query(db, sql);
    for (std::size_t i = 0; i < text_args.size(); ++i) query.bind(static_cast<int>(i + 1), text_args[i]);
    std::vector<Session> sessions;
    while (query.executeStep()) sessions.push_back(session_from(query));
    return sessions;
}

/// Binds the fields a user can change, in the order both statements below list them (1 to 9).
void bind_editable(SQLite::Statement& statement, const Session& s) {
    statement.bind(1, s.routine);
    statement.bind(2, format_day(s.day));
    statement.bind(3, seconds(s.started_at));
    if (s.ended_at) {
        statement.bind(4, seconds(*s.ended_at));
    } else {
        statement.bind(4);
    }
    bind_optional(statement, 5, s.duration_s);
    statement.bind(6, std::string(to_string(s.status)));
    bind_optional(statement, 7, s.pain_before);
    bind_optional(statement, 8, s.pain_after);
    bind_note(statement, 9, s.note);
}

}  // namespace

struct SessionWriter::Statements {
    explicit Statements(SQLite::Database& db)
        : db(db), session(db, R"(
              INSERT INTO sessions (routine, day, started_at, ended_at, duration_s, status, pain_before, pain_after,
                                    note, uuid, zone, source, created_at, hold_count, hold_seconds)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"),
          hold(db, R"(
              INSERT INTO holds (session_id, seq, item, exercise, side, rep, target_s, held_s, ended_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))"),
          uuid(db, "SELECT 1 FROM sessions WHERE uuid = ?") {}
    SQLite::Database& db;
    SQLite::Statement session;
    SQLite::Statement hold;
    SQLite::Statement uuid;
};

SessionWriter::SessionWriter(Store& store) : m_statements(std::make_unique<Statements>(database(store))) {}
SessionWriter::~SessionWriter() = default;

std::int64_t SessionWriter::add(const Session& s) {
    auto& insert = m_statements->session;
    insert.reset();
    insert.clearBindings();
    bind_editable(insert, s);
    insert.bind(10, s.uuid);
    insert.bind(11, s.zone);
    insert.bind(12, std::string(to_string(s.source)));
    insert.bind(13, seconds(s.created_at));
    insert.bind(14, s.hold_count);
    insert.bind(15, s.hold_seconds);
    insert.exec();
    return m_statements->db.getLastInsertRowid();
}

void SessionWriter::add_hold(std::int64_t session_id, const Hold& hold) {
    auto& insert = m_statements->hold;
    insert.reset();
    insert.clearBindings();
    insert.bind(1, session_id);
    insert.bind(2, hold.seq);
    bind_optional(insert, 3, hold.item);
    insert.bind(4, hold.exercise);
    insert.bind(5, hold.side);
    insert.bind(6, hold.rep);
    insert.bind(7, hold.target_s);
    insert.bind(8, hold.held_s);
    if (hold.ended_at) insert.bind(9, seconds(*hold.ended_at));
    insert.exec();
}

bool SessionWriter::has_uuid(const std::string& uuid) {
    auto& query = m_statements->uuid;
    query.reset();
    query.bind(1, uuid);
    return query.executeStep();
}

std::int64_t insert_session(Store& store, const Session& s) { return SessionWriter(store).add(s); }

void update_session(Store& store, const Session& s) {
    SQLite::Database& db = database(store);
    SQLite::Statement update(db, R"(
        UPDATE sessions SET routine = ?, day = ?, started_at = ?, ended_at = ?, duration_s = ?,
                            status = ?, pain_before = ?, pain_after = ?, note = ?
        WHERE id = ?)");
    bind_editable(update, s);
    update.bind(10, s.id);
    update.exec();
}

void shift_holds(Store& store, std::int64_t session_id, std::chrono::seconds by) {
    SQLite::Statement shift(database(store), "UPDATE holds SET ended_at = ended_at + ? WHERE session_id = ?");
    shift.bind(1, static_cast<std::int64_t>(by.count()));
    shift.bind(2, session_id);
    shift.exec();
}

bool remove_session(Store& store, std::int64_t id) {
    SQLite::Database& db = database(store);
    SQLite::Statement remove(db, "DELETE FROM sessions WHERE id = ?");
    remove.bind(1, id);
    return remove.exec() > 0;
}

void insert_hold(Store& store, std::int64_t session_id, const Hold& hold) {
    SessionWriter(store).add_hold(session_id, hold);
}

std::optional<Session> find_session(Store& store, std::int64_t id) {
    SQLite::Database& db = database(store);
    SQLite::Statement query(db, fmt::format("SELECT {} FROM sessions s WHERE s.id = ?", k_columns));
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return session_from(query);
}

Session resolve_session(Store& store, std::string_view text, std::string_view option) {
    const std::string value(text);
    const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
    const bool hex = value.size() >= 4 && value.size() <= 36 &&
                     value.find_first_not_of("0123456789abcdefABCDEF-") == std::string::npos;
    if (digits && value.size() <= 18) {
        if (auto session = find_session(store, std::stoll(value))) return *session;
    }
    if (!hex) {
        if (digits) throw NotFound(fmt::format("no session {}", value), "'limber history' lists the sessions and their ids");
        throw UsageError(fmt::format("{} {}: not a session id; use the number that 'limber history' shows, "
                                     "or 4 or more leading characters of the session's uuid",
                                     option, quote(value)));
    }
    const auto matches = sessions_where(database(store), "WHERE s.uuid LIKE ?", {to_lower(value) + "%"}, 3);
    if (matches.size() == 1) return matches.front();
    if (matches.empty())
        throw NotFound(fmt::format("no session {}", quote(value)), "'limber history' lists the sessions and their ids");
    throw UsageError(fmt::format("{} {}: more than one session's uuid starts with it; give more characters or the number",
                                 option, quote(value)));
}

std::vector<Session> list_sessions(Store& store, const SessionFilter& filter) {
    SQLite::Database& db = database(store);
    std::vector<std::string> conditions;
    std::vector<std::string> args;
    if (filter.days.since) {
        conditions.emplace_back("s.day >= ?");
        args.push_back(format_day(*filter.days.since));
    }
    if (filter.days.until) {
        conditions.emplace_back("s.day <= ?");
        args.push_back(format_day(*filter.days.until));
    }
    if (filter.routine) {
        conditions.emplace_back("s.routine = ?");
        args.push_back(*filter.routine);
    }
    const std::string where = conditions.empty() ? "" : "WHERE " + join(conditions, " AND ");
    return sessions_where(db, where, args, filter.limit);
}

namespace {

Hold hold_from(SQLite::Statement& row, int first) {
    Hold h;
    h.seq = row.getColumn(first).getInt();
    h.item = optional_int(row.getColumn(first + 1));
    h.exercise = row.getColumn(first + 2).getString();
    h.side = row.getColumn(first + 3).getString();
    h.rep = row.getColumn(first + 4).getInt();
    h.target_s = row.getColumn(first + 5).getInt();
    h.held_s = row.getColumn(first + 6).getInt();
    if (!row.getColumn(first + 7).isNull()) h.ended_at = instant(row.getColumn(first + 7).getInt64());
    return h;
}

constexpr const char* k_hold_columns = "seq, item, exercise, side, rep, target_s, held_s, ended_at";

}  // namespace


namespace {

/// " AND s.day >= ? AND s.day <= ?" for the ends given, and their values.
std::string day_conditions(const DayRange& days, std::vector<std::string>& args) {
    std::string sql;
    if (days.since) {
        sql += " AND s.day >= ?";
        args.push_back(format_day(*days.since));
    }
    if (days.until) {
        sql += " AND s.day <= ?";
        args.push_back(format_day(*days.until));
    }
    return sql;
}

}  // namespace

void for_each_finished_session(Store& store, const DayRange& range,
                               const std::function<void(const Session&)>& each) {
    SQLite::Database& db = database(store);
    std::vector<std::string> args;
    const std::string days = day_conditions(range, args);
    SQLite::Statement query(db, fmt::format("SELECT {} FROM sessions s WHERE s.status != 'in_progress'{} "
                                            "ORDER BY s.day, s.started_at, s.id",
                                            k_columns, days));
    for (std::size_t i = 0; i < args.size(); ++i) query.bind(static_cast<int>(i + 1), args[i]);
    while (query.executeStep()) each(session_from(query));
}

struct HoldReader::Query {
    explicit Query(SQLite::Database& db)
        : statement(db, fmt::format("SELECT {} FROM holds WHERE session_id = ? ORDER BY seq", k_hold_columns)) {}
    SQLite::Statement statement;
};

HoldReader::HoldReader(Store& store) : m_query(std::make_unique<Query>(database(store))) {}
HoldReader::~HoldReader() = default;

const std::vector<Hold>& HoldReader::of(std::int64_t id) {
    auto& query = m_query->statement;
    query.reset();
    query.bind(1, id);
    m_holds.clear();
    while (query.executeStep()) m_holds.push_back(hold_from(query, 0));
    return m_holds;
}

std::vector<Hold> holds_of(Store& store, std::int64_t session_id) { return HoldReader(store).of(session_id); }

void for_each_finished_hold(Store& store, const DayRange& range,
                            const std::function<void(const HoldLine&)>& each) {
    SQLite::Database& db = database(store);
    std::vector<std::string> args;
    const std::string days = day_conditions(range, args);
    SQLite::Statement query(db, fmt::format(R"(
        SELECT s.uuid, s.day, h.exercise, h.side, h.rep, h.target_s, h.held_s
        FROM sessions s JOIN holds h ON h.session_id = s.id
        WHERE s.status != 'in_progress'{} ORDER BY s.day, s.started_at, s.id, h.seq)", days));
    for (std::size_t i = 0; i < args.size(); ++i) query.bind(static_cast<int>(i + 1), args[i]);
    const auto text = [&](int column) {
        const SQLite::Column c = query.getColumn(column);
        const char* bytes = c.getText();  // the text first, then its length (SQLite's order)
        return std::string_view(bytes, static_cast<std::size_t>(c.getBytes()));
    };
    HoldLine line;
    while (query.executeStep()) {
        line.session_uuid = text(0);
        line.day = text(1);
        line.exercise = text(2);
        line.side = text(3);
        line.rep = query.getColumn(4).getInt();
        line.target_s = query.getColumn(5).getInt();
        line.held_s = query.getColumn(6).getInt();
        each(line);
    }
}

std::vector<std::string> known_routine_names(Store& store) {
    SQLite::Database& db = database(store);
    SQLite::Statement query(db, "SELECT name FROM routines UNION SELECT routine FROM sessions ORDER BY 1");
    std::vector<std::string> names;
    while (query.executeStep()) names.push_back(query.getColumn(0).getString());
    return names;
}

void set_session_owner(Store& store, std::int64_t id, const std::string& owner) {
    SQLite::Database& db = database(store);
    SQLite::Statement update(db, "UPDATE sessions SET owner = ? WHERE id = ?");
    if (owner.empty()) {
        update.bind(1);
    } else {
        update.bind(1, owner);
    }
    update.bind(2, id);
    update.exec();
}

int recover_abandoned_sessions(Store& store) {
    SQLite::Database& db = database(store);
    std::vector<std::int64_t> abandoned;
    {
        SQLite::Statement query(db, "SELECT id, coalesce(owner, '') FROM sessions WHERE status = 'in_progress'");
        while (query.executeStep())
            if (!process_is_alive(query.getColumn(1).getString())) abandoned.push_back(query.getColumn(0).getInt64());
    }
    if (abandoned.empty()) return 0;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement end(db, R"(
        UPDATE sessions SET status = 'partial', owner = NULL,
            ended_at = max(started_at + coalesce(duration_s, 0),
                           coalesce((SELECT max(h.ended_at) FROM holds h WHERE h.session_id = sessions.id), started_at)),
            duration_s = max(coalesce(duration_s, 0),
                             coalesce((SELECT max(h.ended_at) FROM holds h WHERE h.session_id = sessions.id), started_at)
                             - started_at)
        WHERE id = ? AND status = 'in_progress')");
    int count = 0;
    for (const auto id : abandoned) {
        end.bind(1, id);
        count += end.exec();
        end.reset();
    }
    transaction.commit();
    return count;
}

std::optional<Session> last_partial_session(Store& store, const std::string& routine, Day day) {
    SQLite::Database& db = database(store);
    const auto found = sessions_where(db, "WHERE s.routine = ? AND s.day = ? AND s.status = 'partial' AND s.source = 'guided'",
                                      {routine, format_day(day)}, 1);
    if (found.empty()) return std::nullopt;
    return found.front();
}

}  // namespace limber
