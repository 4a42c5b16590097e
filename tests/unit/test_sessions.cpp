// Unit tests: the sessions, holds and pauses repositories, the session object and CSV row,
// and migration 2 (ids never reused) on a database that already holds sessions.
#include <limber/util/error.hpp>
#include "database.hpp"
#include "migrations.hpp"
#include <limber/io/session_io.hpp>
#include <limber/store/pauses.hpp>
#include <limber/store/sessions.hpp>
#include <limber/store/store.hpp>

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

using namespace limber;
using namespace std::chrono;

namespace {

Day on_day(int y, unsigned m, unsigned d) { return date::local_days{date::year{y} / m / d}; }
Instant at(const char* iso) { return *parse_instant(iso); }

Session sample(const std::string& routine, Day on, const char* started) {
    Session s;
    s.uuid = new_uuid();
    s.routine = routine;
    s.day = on;
    s.started_at = at(started);
    s.duration_s = 600;
    s.ended_at = s.started_at + seconds{600};
    s.zone = "America/New_York";
    s.status = SessionStatus::Completed;
    s.source = SessionSource::Manual;
    s.created_at = s.started_at;
    return s;
}

std::int64_t add(Store& store, Session s) {
    WriteTransaction t(store);
    const auto id = insert_session(store, s);
    t.commit();
    return id;
}

}  // namespace

TEST_CASE("new_uuid gives distinct version-4 uuids") {
    const std::regex form("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const auto uuid = new_uuid();
        CHECK(std::regex_match(uuid, form));
        seen.insert(uuid);
    }
    CHECK(seen.size() == 1000);
}

TEST_CASE("a session is stored and read back field for field") {
    auto store = Store::open_in_memory();
    Session s = sample("default", on_day(2026, 11, 20), "2026-11-20T23:30:00Z");
    s.pain_before = 6;
    s.pain_after = 3;
    s.note = "gym";
    const auto id = add(*store, s);
    const auto back = find_session(*store, id);
    REQUIRE(back);
    CHECK(back->id == id);
    CHECK(back->uuid == s.uuid);
    CHECK(back->day == on_day(2026, 11, 20));  // stored, not recomputed (23:30Z is the 21st in UTC)
    CHECK(back->started_at == s.started_at);
    CHECK(back->ended_at == s.ended_at);
    CHECK(back->duration_s == 600);
    CHECK(back->zone == "America/New_York");
    CHECK(back->pain_before == 6);
    CHECK(back->pain_after == 3);
    CHECK(back->note == "gym");
    CHECK(back->status == SessionStatus::Completed);
    CHECK(back->source == SessionSource::Manual);
    CHECK(back->hold_count == 0);
    CHECK_FALSE(find_session(*store, id + 1));
}

TEST_CASE("holds are summed with their session and removed with it") {
    auto store = Store::open_in_memory();
    const auto id = add(*store, sample("default", on_day(2026, 11, 21), "2026-11-21T12:00:00Z"));
    {
        WriteTransaction t(*store);
        insert_hold(*store, id, Hold{0, 1, "seated-knee-extension", "left", 1, 20, 20, at("2026-11-21T12:01:00Z")});
        insert_hold(*store, id, Hold{1, 1, "seated-knee-extension", "right", 1, 20, 17, std::nullopt});
        t.commit();
    }
    const auto s = find_session(*store, id);
    CHECK(s->hold_count == 2);
    CHECK(s->hold_seconds == 37);
    const auto holds = holds_of(*store, id);
    REQUIRE(holds.size() == 2);
    CHECK(holds[1].side == "right");
    HoldReader reader(*store);  // one prepared statement for many sessions
    REQUIRE(reader.of(id).size() == 2);
    CHECK(reader.of(id)[1].held_s == 17);
    CHECK(holds[1].held_s == 17);
    CHECK_FALSE(holds[1].ended_at);
    CHECK(remove_session(*store, id));
    CHECK(database(*store).execAndGet("SELECT count(*) FROM holds").getInt() == 0);
    CHECK_FALSE(remove_session(*store, id));
}

TEST_CASE("session ids are never reused, even after the newest is removed") {
    auto store = Store::open_in_memory();
    const auto a = add(*store, sample("default", on_day(2026, 11, 20), "2026-11-20T12:00:00Z"));
    const auto b = add(*store, sample("default", on_day(2026, 11, 21), "2026-11-21T12:00:00Z"));
    REQUIRE(remove_session(*store, b));
    const auto c = add(*store, sample("default", on_day(2026, 11, 21), "2026-11-21T13:00:00Z"));
    CHECK(a == 1);
    CHECK(b == 2);
    CHECK(c == 3);
}

TEST_CASE("resolve_session takes the number or a uuid prefix") {
    auto store = Store::open_in_memory();
    Session s = sample("default", on_day(2026, 11, 21), "2026-11-21T12:00:00Z");
    s.uuid = "5a2b9c00-0000-4000-8000-000000000001";
    const auto id = add(*store, s);
    Session t = sample("default", on_day(2026, 11, 21), "2026-11-21T13:00:00Z");
    t.uuid = "5a2b9d00-0000-4000-8000-000000000002";
    add(*store, t);
    CHECK(resolve_session(*store, std::to_string(id), "ID").uuid == s.uuid);
    CHECK(resolve_session(*store, "5a2b9c", "ID").id == id);
    CHECK(resolve_session(*store, "5A2B9C00", "ID").id == id);  // any case
    CHECK_THROWS_AS(resolve_session(*store, "5a2b", "ID"), UsageError);   // two match
    CHECK_THROWS_AS(resolve_session(*store, "99", "ID"), NotFound);
    CHECK_THROWS_AS(resolve_session(*store, "ffff", "ID"), NotFound);
    CHECK_THROWS_AS(resolve_session(*store, "abc", "ID"), UsageError);    // too short for a prefix
    CHECK_THROWS_AS(resolve_session(*store, "12%", "ID"), UsageError);
    CHECK_THROWS_AS(resolve_session(*store, "", "ID"), UsageError);
}

TEST_CASE("list_sessions filters by days and routine, newest first, with a limit") {
    auto store = Store::open_in_memory();
    add(*store, sample("default", on_day(2026, 11, 19), "2026-11-19T12:00:00Z"));
    add(*store, sample("evening", on_day(2026, 11, 20), "2026-11-20T22:00:00Z"));
    add(*store, sample("default", on_day(2026, 11, 20), "2026-11-20T12:00:00Z"));
    add(*store, sample("default", on_day(2026, 11, 21), "2026-11-21T12:00:00Z"));
    const auto all = list_sessions(*store, {});
    REQUIRE(all.size() == 4);
    CHECK(all[0].day == on_day(2026, 11, 21));
    CHECK(all[1].routine == "evening");  // the 20th: later start first
    CHECK(all[3].day == on_day(2026, 11, 19));
    CHECK(list_sessions(*store, {{on_day(2026, 11, 20), on_day(2026, 11, 20)}, {}, {}}).size() == 2);
    CHECK(list_sessions(*store, {{}, std::string("default"), {}}).size() == 3);
    const auto two = list_sessions(*store, {{}, {}, 2});
    REQUIRE(two.size() == 2);
    CHECK(two[0].day == on_day(2026, 11, 21));
    CHECK(known_routine_names(*store) == std::vector<std::string>{"default", "evening"});
    HoldReader holds(*store);
    for (const auto& s : all) CHECK(holds.of(s.id).empty());  // none with holds yet
}

TEST_CASE("pauses are stored, listed by first day and removed") {
    auto store = Store::open_in_memory();
    const auto late = insert_pause(*store, Pause{0, on_day(2026, 12, 1), on_day(2026, 12, 3), "travel", at("2026-11-21T12:00:00Z")});
    const auto early = insert_pause(*store, Pause{0, on_day(2026, 11, 1), on_day(2026, 11, 1), "", at("2026-11-21T12:00:00Z")});
    const auto pauses = list_pauses(*store);
    REQUIRE(pauses.size() == 2);
    CHECK(pauses[0].id == early);
    CHECK(pauses[0].reason.empty());
    CHECK(pauses[1].reason == "travel");
    const auto spans = pause_spans(*store);
    CHECK(spans[1].from == on_day(2026, 12, 1));
    CHECK(spans[1].to == on_day(2026, 12, 3));
    CHECK(remove_pause(*store, late));
    CHECK_FALSE(remove_pause(*store, late));
    CHECK_THROWS(insert_pause(*store, Pause{0, on_day(2026, 12, 3), on_day(2026, 12, 1), "", at("2026-11-21T12:00:00Z")}));
}

TEST_CASE("the session object and CSV row follow CLI.md") {
    Session s = sample("back, \"care\"", on_day(2026, 2, 28), "2026-03-01T04:30:00Z");
    s.id = 7;
    s.pain_before = 4;
    s.note = "line one\nline two";
    s.hold_count = 2;
    s.hold_seconds = 37;
    const std::vector<Hold> holds = {{0, 1, "seated-knee-extension", "left", 1, 20, 20, std::nullopt},
                                     {1, 1, "seated-knee-extension", "right", 1, 20, 17, std::nullopt}};
    const auto object = session_to_json(s, holds, true);
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"id", "uuid", "date", "started_at", "ended_at", "duration_s", "routine",
                                           "status", "pain_before", "pain_after", "holds", "hold_seconds", "note",
                                           "source", "zone"});
    CHECK(object["date"] == "2026-02-28");
    CHECK(object["started_at"] == "2026-03-01T04:30:00Z");
    CHECK(object["pain_after"].is_null());
    CHECK(object["hold_seconds"] == 37);
    CHECK(object["holds"][1] == nlohmann::ordered_json{{"exercise", "seated-knee-extension"}, {"side", "right"},
                                                        {"rep", 1}, {"target_s", 20}, {"held_s", 17}});
    CHECK_FALSE(session_to_json(s, holds, false).contains("id"));

    std::ostringstream csv;
    write_csv_row(csv, session_csv_fields(s));
    CHECK(csv.str() == s.uuid + ",2026-02-28,2026-03-01T04:30:00Z,2026-03-01T04:40:00Z,600,\"back, \"\"care\"\"\","
                               "completed,4,,2,37,\"line one\nline two\",manual\n");
    CHECK(session_csv_columns().size() == session_csv_fields(s).size());
}

TEST_CASE("times are shown in the zone a session was recorded in") {
    const Session s = sample("default", on_day(2026, 11, 20), "2026-11-20T23:30:00Z");  // 18:30 in New York
    CHECK(session_time(s, *find_zone("America/New_York")) == "18:30");
    CHECK(session_time(s, *find_zone("Asia/Tokyo")) == "18:30 EST");  // read in Tokyo: still 18:30, marked
    CHECK(session_when(s, *find_zone("Asia/Tokyo")) == "Fri 2026-11-20 18:30 EST");
    Session unknown = s;
    unknown.zone = "Mars/Olympus";
    CHECK(session_time(unknown, *find_zone("UTC")) == "23:30");
    CHECK(pain_change(s) == "-");
    Session rated = s;
    rated.pain_after = 2;
    CHECK(pain_change(rated) == "-→2");
}

TEST_CASE("migration 2 keeps the sessions and holds of a version-1 database") {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec(migrations().at(0).sql);
    db.exec("PRAGMA user_version = 1");
    db.exec(R"(INSERT INTO sessions (id, uuid, routine, day, started_at, ended_at, duration_s, zone, status, source, created_at)
               VALUES (5, 'u5', 'default', '2026-11-20', 1, 601, 600, 'UTC', 'completed', 'manual', 1))");
    db.exec("INSERT INTO holds (session_id, seq, exercise, rep, target_s, held_s) VALUES (5, 0, 'x', 1, 20, 19)");
    migrate(db, ":memory:");
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == static_cast<int>(migrations().size()));
    CHECK(db.execAndGet("SELECT uuid FROM sessions WHERE id = 5").getString() == "u5");
    CHECK(db.execAndGet("SELECT held_s FROM holds WHERE session_id = 5").getInt() == 19);
    SQLite::Statement violations(db, "PRAGMA foreign_key_check");
    CHECK_FALSE(violations.executeStep());
    db.exec("DELETE FROM sessions WHERE id = 5");
    CHECK(db.execAndGet("SELECT count(*) FROM holds").getInt() == 0);  // the cascade survived the rebuild
    db.exec(R"(INSERT INTO sessions (uuid, routine, day, started_at, zone, status, source, created_at)
               VALUES ('u6', 'default', '2026-11-21', 1, 'UTC', 'completed', 'manual', 1))");
    CHECK(db.execAndGet("SELECT max(id) FROM sessions").getInt() == 6);  // 5 is not reused
}

TEST_CASE("migration 3 sums the holds already stored, and triggers keep the sums in step") {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec(migrations().at(0).sql);
    db.exec(migrations().at(1).sql);
    db.exec("PRAGMA user_version = 2");
    db.exec(R"(INSERT INTO sessions (id, uuid, routine, day, started_at, ended_at, duration_s, zone, status, source, created_at)
               VALUES (5, 'u5', 'default', '2026-11-20', 1, 601, 600, 'UTC', 'completed', 'manual', 1),
                      (6, 'u6', 'default', '2026-11-21', 1, 601, 600, 'UTC', 'completed', 'manual', 1))");
    db.exec("INSERT INTO holds (session_id, seq, exercise, rep, target_s, held_s) VALUES (5, 0, 'x', 1, 20, 19), (5, 1, 'x', 1, 20, 21)");
    migrate(db, ":memory:");
    const auto sums = [&](int id) {
        SQLite::Statement q(db, "SELECT hold_count, hold_seconds FROM sessions WHERE id = ?");
        q.bind(1, id);
        REQUIRE(q.executeStep());
        return std::pair{q.getColumn(0).getInt(), q.getColumn(1).getInt()};
    };
    CHECK(sums(5) == std::pair{2, 40});
    CHECK(sums(6) == std::pair{0, 0});
    db.exec("INSERT INTO holds (session_id, seq, exercise, rep, target_s, held_s) VALUES (6, 0, 'x', 1, 20, 7)");
    CHECK(sums(6) == std::pair{1, 7});
    db.exec("UPDATE holds SET held_s = 25 WHERE session_id = 5 AND seq = 1");
    CHECK(sums(5) == std::pair{2, 44});
    db.exec("UPDATE holds SET session_id = 6, seq = 1 WHERE session_id = 5 AND seq = 0");
    CHECK(sums(5) == std::pair{1, 25});
    CHECK(sums(6) == std::pair{2, 26});
    db.exec("DELETE FROM holds WHERE session_id = 6 AND seq = 0");
    CHECK(sums(6) == std::pair{1, 19});
    db.exec("DELETE FROM sessions WHERE id = 6");  // the cascade's triggers do not trip the checks
    CHECK(db.execAndGet("SELECT count(*) FROM holds").getInt() == 1);
    // What R5, streaks and stats read comes from the index alone.
    SQLite::Statement plan(db, "EXPLAIN QUERY PLAN SELECT day, status, pain_before, pain_after, duration_s FROM sessions "
                               "WHERE routine = 'default' ORDER BY day, started_at");
    std::string steps;
    while (plan.executeStep()) steps += plan.getColumn(3).getString() + "\n";
    CHECK(steps == "SEARCH sessions USING COVERING INDEX sessions_routine_day (routine=?)\n");
}
