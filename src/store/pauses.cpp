#include <limber/store/pauses.hpp>

#include "database.hpp"

#include <SQLiteCpp/Statement.h>

namespace limber {

std::int64_t insert_pause(Store& store, const Pause& pause) {
    SQLite::Database& db = database(store);
    SQLite::Statement insert(db, "INSERT INTO pauses (from_day, to_day, reason, created_at) VALUES (?, ?, ?, ?)");
    insert.bind(1, format_day(pause.from));
    insert.bind(2, format_day(pause.to));
    if (pause.reason.empty()) {
        insert.bind(3);
    } else {
        insert.bind(3, pause.reason);
    }
    insert.bind(4, static_cast<std::int64_t>(pause.created_at.time_since_epoch().count()));
    insert.exec();
    return db.getLastInsertRowid();
}

std::vector<Pause> list_pauses(Store& store) {
    SQLite::Database& db = database(store);
    SQLite::Statement query(db, "SELECT id, from_day, to_day, reason, created_at FROM pauses ORDER BY from_day, to_day, id");
    std::vector<Pause> pauses;
    while (query.executeStep()) {
        Pause p;
        p.id = query.getColumn(0).getInt64();
        p.from = parse_iso_day(query.getColumn(1).getString()).value_or(Day{});
        p.to = parse_iso_day(query.getColumn(2).getString()).value_or(Day{});
        p.reason = query.getColumn(3).getString();
        p.created_at = Instant{std::chrono::seconds{query.getColumn(4).getInt64()}};
        pauses.push_back(p);
    }
    return pauses;
}

bool remove_pause(Store& store, std::int64_t id) {
    SQLite::Database& db = database(store);
    SQLite::Statement remove(db, "DELETE FROM pauses WHERE id = ?");
    remove.bind(1, id);
    return remove.exec() > 0;
}

std::vector<PauseSpan> pause_spans(Store& store) {
    std::vector<PauseSpan> spans;
    for (const auto& p : list_pauses(store)) spans.push_back({p.from, p.to});
    // R27: the days a red flag suspended the routines, from its day to the day before its
    // clearance (or on, while it is in force), are excused too
    SQLite::Statement flags(database(store), R"(
        SELECT red_flags.day, flag_clearances.day FROM red_flags
        LEFT JOIN flag_clearances ON flag_clearances.id = red_flags.cleared_by WHERE stops = 1)");
    while (flags.executeStep()) {
        const auto from = parse_iso_day(flags.getColumn(0).getString());
        if (!from) continue;
        if (flags.getColumn(1).isNull()) {
            spans.push_back({*from, Day{date::year{9999} / 12 / 31}});
        } else if (const auto cleared = parse_iso_day(flags.getColumn(1).getString()); cleared && *cleared > *from) {
            spans.push_back({*from, *cleared - date::days{1}});
        }
    }
    return spans;
}

}  // namespace limber
