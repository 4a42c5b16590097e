// End-to-end fault tests. SIGKILL at random moments of start, log and import never loses what
// was committed, never leaves half an import, and the next command works; a write lock held by
// another program is waited out within the busy timeout, then reported with exit 4; a migration
// killed midway leaves the database whole at an older version, which the next run migrates.
//
// The kill moments are random; the seed is printed with every failure and can be pinned with
// LIMBER_TEST_SEED to replay a run.
#include "refusals.hpp"

#include "migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <thread>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;
namespace fs = std::filesystem;
using std::chrono::microseconds;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

namespace {

unsigned test_seed() {
    if (const char* pinned = std::getenv("LIMBER_TEST_SEED")) return static_cast<unsigned>(std::stoul(pinned));
    return std::random_device{}();
}

std::string one(const fs::path& db, const std::string& sql) {
    SQLite::Database connection(db.string());
    return connection.execAndGet(sql).getString();
}

/// Every row of a query, its columns joined by '|'.
std::vector<std::string> rows(const fs::path& db, const std::string& sql) {
    SQLite::Database connection(db.string());
    SQLite::Statement query(connection, sql);
    std::vector<std::string> out;
    while (query.executeStep()) {
        std::string row;
        for (int i = 0; i < query.getColumnCount(); ++i) row += (i ? "|" : "") + query.getColumn(i).getString();
        out.push_back(row);
    }
    return out;
}

/// What is committed: every session (by uuid) and every hold (uuid, seq, seconds).
struct Committed {
    std::set<std::string> sessions, holds;
};

Committed committed(const fs::path& db) {
    Committed c;
    for (auto& row : rows(db, "SELECT uuid FROM sessions")) c.sessions.insert(std::move(row));
    for (auto& row : rows(db, "SELECT s.uuid, h.seq, h.held_s FROM holds h JOIN sessions s ON s.id = h.session_id"))
        c.holds.insert(std::move(row));
    return c;
}

bool kept(const Committed& before, const Committed& after) {
    return std::includes(after.sessions.begin(), after.sessions.end(), before.sessions.begin(), before.sessions.end()) &&
           std::includes(after.holds.begin(), after.holds.end(), before.holds.begin(), before.holds.end());
}

/// The file is sound: SQLite's own checks, the foreign keys, the hold totals the triggers keep,
/// and no session left running by a dead process (the command after a kill closes it).
void check_sound(const fs::path& db) {
    CHECK(one(db, "PRAGMA integrity_check") == "ok");
    CHECK(rows(db, "PRAGMA foreign_key_check").empty());
    CHECK(one(db, "SELECT count(*) FROM sessions s WHERE hold_count != (SELECT count(*) FROM holds WHERE session_id = s.id) "
                  "OR hold_seconds != (SELECT coalesce(sum(held_s), 0) FROM holds WHERE session_id = s.id)") == "0");
    CHECK(one(db, "SELECT count(*) FROM sessions WHERE status = 'in_progress' OR owner IS NOT NULL") == "0");
}

/// Runs limber in the background and kills it with SIGKILL after `delay`; returns its exit code
/// (128 + 9 when the kill landed) and what it printed.
Result kill_after(const Limber& limber, const std::vector<std::string>& args, microseconds delay) {
    Terminal run(limber, args, {}, Attach::Pipes);
    std::this_thread::sleep_for(delay);
    run.signal(SIGKILL);
    Result r;
    r.exit_code = run.wait_exit(std::chrono::seconds{30});
    r.out = run.output();
    return r;
}

/// How long an uninterrupted run takes, the slowest of three (the kill window is drawn from it).
microseconds duration_of(const std::function<void()>& run) {
    microseconds slowest{0};
    for (int i = 0; i < 3; ++i) {
        const auto start = steady_clock::now();
        run();
        slowest = std::max(slowest, std::chrono::duration_cast<microseconds>(steady_clock::now() - start));
    }
    return slowest;
}

constexpr int k_kills = 100;

}  // namespace

TEST_CASE("SIGKILL at random moments of start never loses a stored hold, and the next command closes the session") {
    const unsigned seed = test_seed();
    INFO("LIMBER_TEST_SEED=" << seed);
    std::mt19937 random(seed);
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}));
    // A third of the kills land while the session opens (the store, the stale-session check,
    // the new row), a third around the end of the first one-second hold (its transaction), a
    // third anywhere in the first two holds.
    std::uniform_int_distribution<int> window(0, 2), opening(0, 40'000), first_hold(900'000, 1'150'000),
        anywhere(0, 2'200'000);
    int landed = 0;
    for (int i = 0; i < k_kills; ++i) {
        const int which = window(random);
        const microseconds delay{which == 0 ? opening(random) : which == 1 ? first_hold(random) : anywhere(random)};
        std::vector<std::string> args = {"start", "--hold", "1", "--rest", "0"};
        if (i % 2 == 1) args.push_back("--continue");
        INFO("kill " << i << " after " << delay.count() << " µs: limber " << fmt::format("{}", fmt::join(args, " ")));
        const auto before = committed(limber.db());
        const auto r = kill_after(limber, args, delay);
        if (r.exit_code == 128 + SIGKILL) ++landed;
        // the next command works, and closes the killed session as partial
        const auto next = limber.run({"history", "--json"});
        REQUIRE(next.exit_code == 0);
        const auto after = committed(limber.db());
        CHECK(kept(before, after));
        // every hold the run reported as held is stored
        std::size_t reported = 0;
        for (std::size_t at = r.out.find("\nheld "); at != std::string::npos; at = r.out.find("\nheld ", at + 1)) ++reported;
        CHECK(after.holds.size() - before.holds.size() >= reported);
        check_sound(limber.db());
    }
    CHECK(landed >= k_kills * 9 / 10);  // the kills hit running processes, not finished ones
}

TEST_CASE("SIGKILL at random moments of log leaves the session whole or absent, and the next command works") {
    const unsigned seed = test_seed();
    INFO("LIMBER_TEST_SEED=" << seed);
    std::mt19937 random(seed);
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}));
    int timing = 0;
    const auto full = duration_of([&] {
        must(limber.run({"log", "--date", "-" + std::to_string(++timing) + "d", "--note", "timing run"}));
    });
    std::uniform_int_distribution<long> moment(0, full.count() * 3 / 2);
    std::map<std::size_t, int> outcomes;  // sessions stored by a killed log: how often
    for (int i = 0; i < k_kills; ++i) {
        const microseconds delay{moment(random)};
        const std::string note = "killed log " + std::to_string(i);
        INFO("kill " << i << " after " << delay.count() << " µs of about " << full.count());
        const auto before = committed(limber.db());
        const auto r = kill_after(limber, {"log", "--minutes", "12", "--pain-before", "4", "--pain-after", "2", "--note", note},
                                  delay);
        REQUIRE(limber.run({"history", "--limit", "1"}).exit_code == 0);
        const auto after = committed(limber.db());
        CHECK(kept(before, after));
        const auto logged = rows(limber.db(), "SELECT status, duration_s, pain_before, pain_after FROM sessions WHERE note = '" +
                                                  note + "'");
        CHECK(logged.size() == after.sessions.size() - before.sessions.size());
        if (r.exit_code == 0) CHECK(logged.size() == 1);
        REQUIRE(logged.size() <= 1);
        if (!logged.empty()) CHECK(logged.front() == "completed|720|4|2");  // all of it, never a part
        ++outcomes[logged.size()];
        check_sound(limber.db());
    }
    CHECK(outcomes[0] > 0);  // the kills landed on both sides of the commit
    CHECK(outcomes[1] > 0);
}

TEST_CASE("SIGKILL at random moments of import never leaves half an import, and importing again completes it") {
    const unsigned seed = test_seed();
    INFO("LIMBER_TEST_SEED=" << seed);
    std::mt19937 random(seed);
    Limber limber;
    constexpr int k_sessions = 150;
    // One file per kill, its sessions new (uuids numbered by kill), three holds each.
    const auto write_import = [&](int kill) {
        json doc = json::array();
        for (int n = 0; n < k_sessions; ++n) {
            const auto started = std::chrono::sys_days{std::chrono::year{2020} / 1 / 1} + std::chrono::days{n} +
                                 std::chrono::hours{7};
            json holds = json::array();
            for (int rep = 1; rep <= 3; ++rep)
                holds.push_back({{"exercise", "standing-hamstring"}, {"side", rep == 2 ? "left" : ""}, {"rep", 1},
                                 {"target_s", 30}, {"held_s", 25 + rep}});
            doc.push_back({{"uuid", fmt::format("{:08x}-0000-4000-8000-{:012x}", kill + 1, n)},
                           {"date", fmt::format("{:%Y-%m-%d}", started)},
                           {"started_at", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", started)},
                           {"ended_at", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", started + std::chrono::minutes{10})},
                           {"duration_s", 600}, {"routine", "default"}, {"status", "completed"}, {"pain_before", 3},
                           {"pain_after", 2}, {"holds", holds}, {"hold_seconds", 26 + 27 + 28}, {"note", nullptr},
                           {"source", "import"}, {"zone", "UTC"}});
        }
        const auto path = limber.dir() / fmt::format("import-{}.json", kill);
        write_file(path, doc.dump());
        return path.string();
    };
    const auto full = duration_of([&, timing = 1000]() mutable { must(limber.run({"import", write_import(timing++)})); });
    std::uniform_int_distribution<long> moment(0, full.count() * 3 / 2);
    std::map<int, int> outcomes;  // sessions stored by a killed import: how often
    for (int i = 0; i < k_kills; ++i) {
        const microseconds delay{moment(random)};
        INFO("kill " << i << " after " << delay.count() << " µs of about " << full.count());
        const auto file = write_import(i);
        // earlier imports are whole (checked below), so what was committed is known by counting
        const auto count = [&](const char* table) { return std::stoi(one(limber.db(), fmt::format("SELECT count(*) FROM {}", table))); };
        const int sessions_before = count("sessions"), holds_before = count("holds");
        const auto r = kill_after(limber, {"import", file}, delay);
        const std::string mine = fmt::format("SELECT count(*) FROM sessions WHERE uuid LIKE '{:08x}-%'", i + 1);
        const auto stored = one(limber.db(), mine);
        CHECK((stored == "0" || stored == std::to_string(k_sessions)));
        if (r.exit_code == 0) CHECK(stored == std::to_string(k_sessions));
        const int added = std::stoi(stored);
        ++outcomes[added];
        CHECK(count("sessions") == sessions_before + added);
        CHECK(count("holds") == holds_before + 3 * added);
        if (i % 10 == 0) check_sound(limber.db());
        // the next command works: the same import again adds what the kill stopped, or nothing
        const auto again = limber.run({"import", file});
        REQUIRE(again.exit_code == 0);
        CHECK_THAT(again.out, StartsWith(stored == "0" ? fmt::format("Imported {} sessions", k_sessions) : "Imported 0 sessions"));
        CHECK(one(limber.db(), mine) == std::to_string(k_sessions));
    }
    // the kills landed on both sides of the commit
    CHECK(outcomes[0] > 0);
    CHECK(outcomes[k_sessions] > 0);
}

TEST_CASE("a write lock held by another program is waited out within the busy timeout, then reported with exit 4") {
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}));
    SECTION("released within the timeout: the command waits and succeeds") {
        SQLite::Database other(limber.db().string(), SQLite::OPEN_READWRITE);
        other.exec("BEGIN IMMEDIATE");
        Terminal run(limber, {"log", "--minutes", "10"}, {}, Attach::Pipes);
        CHECK_FALSE(run.wait_for("Logged", milliseconds(1500)));  // still waiting
        other.exec("ROLLBACK");
        CHECK(run.wait_exit() == 0);
        CHECK_THAT(run.output(), StartsWith("Logged session 1: "));
        CHECK(one(limber.db(), "SELECT count(*) FROM sessions") == "1");
    }
    SECTION("held past the timeout: exit 4 naming the file and the lock, nothing written") {
        SQLite::Database other(limber.db().string(), SQLite::OPEN_READWRITE);
        other.exec("BEGIN IMMEDIATE");
        const auto start = steady_clock::now();
        const auto r = limber.run({"log", "--minutes", "10"});
        const auto waited = steady_clock::now() - start;
        other.exec("ROLLBACK");
        CHECK(r.exit_code == 4);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, StartsWith("limber: error: "));
        CHECK_THAT(r.err, Contains(limber.db().string()));
        CHECK_THAT(r.err, Contains("locked"));
        CHECK(line_count(r.err) <= 2);  // the error, and at most one hint
        CHECK(waited >= milliseconds(4900));  // the busy timeout is 5 s
        CHECK(waited < std::chrono::seconds(15));
        CHECK(one(limber.db(), "SELECT count(*) FROM sessions") == "0");
    }
    SECTION("a reader is not held up by a writer") {
        must(limber.run({"log", "--minutes", "10"}));
        SQLite::Database other(limber.db().string(), SQLite::OPEN_READWRITE);
        other.exec("BEGIN IMMEDIATE");
        other.exec("DELETE FROM sessions");  // not committed: others still see the session
        const auto start = steady_clock::now();
        const auto r = limber.run({"history", "--json"});
        CHECK(steady_clock::now() - start < milliseconds(2000));
        other.exec("ROLLBACK");
        must(r);
        CHECK(json::parse(r.out).size() == 1);
    }
}

TEST_CASE("a migration killed midway leaves the database whole at an older version, and the next run migrates it") {
    const unsigned seed = test_seed();
    INFO("LIMBER_TEST_SEED=" << seed);
    std::mt19937 random(seed);
    Limber limber;
    const auto& steps = limber::migrations();
    // What each version's schema is: the migrations up to it, applied to an empty database.
    const auto schema_of = [](SQLite::Database& db) {
        std::vector<std::string> out;
        SQLite::Statement q(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");
        while (q.executeStep())
            out.push_back(fmt::format("{} {} {} {}", q.getColumn(0).getString(), q.getColumn(1).getString(),
                                      q.getColumn(2).getString(), q.getColumn(3).getString()));
        return out;
    };
    std::map<int, std::vector<std::string>> expected;
    for (std::size_t version = 1; version <= steps.size(); ++version) {
        SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (std::size_t m = 0; m < version; ++m) db.exec(steps[m].sql);
        expected[static_cast<int>(version)] = schema_of(db);
    }
    // A version-1 database with five years of sessions and holds, so the migrations take a while.
    const auto pristine = limber.dir() / "version1.db";
    {
        SQLite::Database db(pristine.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(steps.at(0).sql);
        db.exec("PRAGMA user_version = 1");
        db.exec(R"(WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999)
                   INSERT INTO sessions (id, uuid, routine, day, started_at, ended_at, duration_s, zone, status, pain_before, source, created_at)
                   SELECT i + 1, printf('%08x-0000-4000-8000-000000000000', i), 'default', date('2016-01-01', '+' || i || ' days'),
                          1451631600 + i * 86400, 1451632200 + i * 86400, 600, 'UTC', 'completed', i % 11, 'guided', 1451632200 + i * 86400
                   FROM n)");
        db.exec(R"(WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 19)
                   INSERT INTO holds (session_id, seq, item, exercise, side, rep, target_s, held_s, ended_at)
                   SELECT s.id, k.j, k.j / 2, 'standing-hamstring', CASE k.j % 2 WHEN 0 THEN 'left' ELSE 'right' END, 1, 30,
                          20 + (s.id + k.j) % 15, s.started_at + 30 * k.j
                   FROM sessions s, k)");
    }
    const std::string data_sql =
        "SELECT (SELECT count(*) || ' ' || sum(pain_before) || ' ' || sum(duration_s) FROM sessions) || ' ' || "
        "(SELECT count(*) || ' ' || sum(held_s) FROM holds)";
    const auto data = one(pristine, data_sql);
    CHECK_THAT(data, StartsWith("2000 "));
    const auto fresh_copy = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(limber.db().string() + suffix);
        fs::copy_file(pristine, limber.db());
    };
    const auto full = duration_of([&] {
        fresh_copy();
        must(limber.run({"history", "--limit", "1"}));
    });
    std::uniform_int_distribution<long> moment(0, full.count() * 5 / 4);
    std::map<int, int> seen;  // how many kills left each version
    for (int i = 0; i < 30; ++i) {
        const microseconds delay{moment(random)};
        INFO("kill " << i << " after " << delay.count() << " µs of about " << full.count());
        fresh_copy();
        kill_after(limber, {"history", "--limit", "1"}, delay);
        int version = 0;
        {
            SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE);
            version = db.execAndGet("PRAGMA user_version").getInt();
            REQUIRE(expected.count(version) == 1);
            CHECK(schema_of(db) == expected[version]);  // exactly that version's schema
            CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        }
        CHECK(one(limber.db(), data_sql) == data);  // every row of the old version is there
        ++seen[version];
        // and the next run migrates to the latest version with everything kept
        must(limber.run({"history", "--limit", "1"}));
        CHECK(one(limber.db(), "PRAGMA user_version") == std::to_string(steps.size()));
        CHECK(one(limber.db(), data_sql) == data);
        check_sound(limber.db());
    }
    INFO("kills leaving versions 1, 2, 3: " << seen[1] << ", " << seen[2] << ", " << seen[3]);
    CHECK(seen[1] > 0);  // some kills landed during the migration, not only after it
}
