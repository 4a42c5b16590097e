#include <limber/store/flags.hpp>

#include "database.hpp"

#include <SQLiteCpp/Statement.h>

namespace limber {

std::string_view to_string(FlagSource source) {
    switch (source) {
    case FlagSource::Plan: return "plan";
    case FlagSource::Flag: return "flag";
    case FlagSource::Start: return "start";
    }
    return "flag";
}

namespace {

std::int64_t epoch(Instant t) { return static_cast<std::int64_t>(t.time_since_epoch().count()); }
Instant instant(std::int64_t seconds) { return Instant{std::chrono::seconds{seconds}}; }

FlagSource source_of(std::string_view text) {
    if (text == "plan") return FlagSource::Plan;
    if (text == "start") return FlagSource::Start;
    return FlagSource::Flag;
}

}  // namespace

std::int64_t insert_flag(Store& store, const StoredFlag& flag) {
    SQLite::Database& db = database(store);
    SQLite::Statement insert(
        db, "INSERT INTO red_flags (symptom, tier, day, recorded_at, source, stops) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, std::string(to_string(flag.symptom)));
    insert.bind(2, std::string(to_string(tier_of(flag.symptom))));
    insert.bind(3, format_day(flag.day));
    insert.bind(4, epoch(flag.recorded_at));
    insert.bind(5, std::string(to_string(flag.source)));
    insert.bind(6, flag.stops ? 1 : 0);
    insert.exec();
    return db.getLastInsertRowid();
}

std::vector<StoredFlag> list_flags(Store& store) {
    SQLite::Database& db = database(store);
    SQLite::Statement query(db, "SELECT id, symptom, day, recorded_at, source, stops, cleared_by FROM red_flags "
                                "ORDER BY recorded_at, id");
    std::vector<StoredFlag> flags;
    while (query.executeStep()) {
        const auto symptom = parse_symptom(query.getColumn(1).getString());
        if (!symptom) continue;  // a symptom a later limber knows
        StoredFlag f;
        f.id = query.getColumn(0).getInt64();
        f.symptom = *symptom;
        f.day = parse_iso_day(query.getColumn(2).getString()).value_or(Day{});
        f.recorded_at = instant(query.getColumn(3).getInt64());
        f.source = source_of(query.getColumn(4).getString());
        f.stops = query.getColumn(5).getInt() != 0;
        if (!query.getColumn(6).isNull()) f.cleared_by = query.getColumn(6).getInt64();
        flags.push_back(f);
    }
    return flags;
}

std::vector<Clearance> list_clearances(Store& store) {
    SQLite::Database& db = database(store);
    SQLite::Statement query(db, "SELECT id, day, recorded_at, note FROM flag_clearances ORDER BY recorded_at, id");
    std::vector<Clearance> clearances;
    while (query.executeStep()) {
        Clearance c;
        c.id = query.getColumn(0).getInt64();
        c.day = parse_iso_day(query.getColumn(1).getString()).value_or(Day{});
        c.recorded_at = instant(query.getColumn(2).getInt64());
        c.note = query.getColumn(3).getString();
        clearances.push_back(c);
    }
    return clearances;
}

Cleared clear_flags(Store& store, const Clearance& clearance) {
    SQLite::Database& db = database(store);
    SQLite::Statement insert(db, "INSERT INTO flag_clearances (day, recorded_at, note) VALUES (?, ?, ?)");
    insert.bind(1, format_day(clearance.day));
    insert.bind(2, epoch(clearance.recorded_at));
    if (clearance.note.empty()) {
        insert.bind(3);
    } else {
        insert.bind(3, clearance.note);
    }
    insert.exec();
    Cleared cleared;
    cleared.id = db.getLastInsertRowid();
    SQLite::Statement clear(db, "UPDATE red_flags SET cleared_by = ? WHERE cleared_by IS NULL");
    clear.bind(1, cleared.id);
    SQLite::Statement count(db, "SELECT count(*) FROM red_flags WHERE cleared_by IS NULL AND stops = 1");
    count.executeStep();
    cleared.flags = count.getColumn(0).getInt();
    clear.exec();
    return cleared;
}

std::vector<FlagRecord> flag_records(Store& store) {
    std::vector<FlagRecord> records;
    for (const auto& f : list_flags(store)) records.push_back({f.symptom, f.day, f.stops, f.cleared_by.has_value()});
    return records;
}

}  // namespace limber
