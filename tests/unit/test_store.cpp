// Unit tests: path resolution, opening, refusing and migrating databases.
#include <limber/util/error.hpp>
#include "database.hpp"
#include "migrations.hpp"
#include <limber/store/store.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace limber;
namespace fs = std::filesystem;

namespace {

struct Scratch {
    fs::path dir;
    Scratch() {
        std::string pattern = (fs::temp_directory_path() / "limber-unit-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()));
        dir = pattern;
    }
    ~Scratch() { fs::remove_all(dir); }
};

std::string bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("resolve_db_path follows --db, LIMBER_DB, XDG_DATA_HOME, HOME") {
    Environment env;
    env.home = "/home/ann";
    CHECK(resolve_db_path(std::nullopt, env) == "/home/ann/.local/share/limber/limber.db");
    env.xdg_data_home = "/data";
    CHECK(resolve_db_path(std::nullopt, env) == "/data/limber/limber.db");
    env.limber_db = "/env.db";
    CHECK(resolve_db_path(std::nullopt, env) == "/env.db");
    CHECK(resolve_db_path(std::string("flag.db"), env) == "flag.db");
    env.limber_db = "";  // an empty variable counts as unset
    CHECK(resolve_db_path(std::nullopt, env) == "/data/limber/limber.db");
    CHECK_THROWS_AS(resolve_db_path(std::string(""), env), UsageError);
    CHECK_THROWS_AS(resolve_db_path(std::nullopt, Environment{}), StorageError);
}

TEST_CASE("migrations are numbered 1, 2, 3… without gaps") {
    const auto& all = migrations();
    REQUIRE_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i].version == static_cast<int>(i) + 1);
    CHECK(latest_schema_version() == all.back().version);
}

TEST_CASE("an in-memory store is migrated to the latest version with every table") {
    auto store = Store::open_in_memory();
    CHECK(store->schema_version() == latest_schema_version());
    for (const char* table : {"settings", "routines", "routine_items", "sessions", "holds", "pauses"}) {
        INFO(table);
        CHECK(database(*store).tableExists(table));
    }
    CHECK(database(*store).execAndGet("PRAGMA foreign_keys").getInt() == 1);
}

TEST_CASE("the schema enforces its invariants") {
    auto store = Store::open_in_memory();
    auto& db = database(*store);
    db.exec("INSERT INTO sessions (uuid, routine, day, started_at, zone, status, source, created_at) "
            "VALUES ('u1', 'default', '2026-11-21', 0, 'UTC', 'completed', 'manual', 0)");
    CHECK_THROWS(db.exec("INSERT INTO sessions (uuid, routine, day, started_at, zone, status, source, created_at) "
                         "VALUES ('u1', 'default', '2026-11-21', 0, 'UTC', 'completed', 'manual', 0)"));  // uuid unique
    CHECK_THROWS(db.exec("UPDATE sessions SET pain_before = 11"));
    CHECK_THROWS(db.exec("UPDATE sessions SET status = 'done'"));
    CHECK_THROWS(db.exec("UPDATE sessions SET source = 'web'"));
    CHECK_THROWS(db.exec("INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s) "
                         "VALUES (99, 0, 'plank', '', 1, 20, 20)"));  // foreign key
    CHECK_THROWS(db.exec("INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s) "
                         "VALUES (1, 0, 'plank', 'middle', 1, 20, 20)"));
    CHECK_THROWS(db.exec("INSERT INTO pauses (from_day, to_day, created_at) VALUES ('2026-11-21', '2026-11-20', 0)"));
    db.exec("INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s) VALUES (1, 0, 'plank', '', 1, 20, 18)");
    db.exec("DELETE FROM sessions WHERE id = 1");
    CHECK(db.execAndGet("SELECT count(*) FROM holds").getInt() == 0);  // cascade
}

TEST_CASE("opening a file creates it, and opening it again keeps its data") {
    Scratch scratch;
    const auto path = scratch.dir / "nested" / "limber.db";
    {
        auto store = Store::open(path);
        CHECK(store->schema_version() == latest_schema_version());
        database(*store).exec("INSERT INTO settings VALUES ('week_start', 'sunday')");
    }
    auto again = Store::open(path);
    CHECK(database(*again).execAndGet("SELECT value FROM settings").getString() == "sunday");
    CHECK(database(*again).execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("a database at an older version is migrated forward") {
    Scratch scratch;
    const auto path = scratch.dir / "old.db";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        // an empty file of this program at version 0: application id set, nothing else yet
        db.exec("PRAGMA application_id = 1280131666");
    }
    auto store = Store::open(path);
    CHECK(store->schema_version() == latest_schema_version());
}

TEST_CASE("a failed migration leaves the database at its old version") {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE settings (x INTEGER)");  // collides with migration 1
    CHECK_THROWS(migrate(db, ":memory:"));
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 0);
    CHECK_FALSE(db.tableExists("routines"));  // the whole migration rolled back
}

TEST_CASE("refused databases are left byte for byte") {
    Scratch scratch;
    SECTION("corrupt") {
        const auto path = scratch.dir / "corrupt.db";
        std::ofstream(path) << std::string(4096, 'x');
        const auto before = bytes(path);
        CHECK_THROWS_AS(Store::open(path), StorageError);
        CHECK(bytes(path) == before);
    }
    SECTION("newer schema") {
        const auto path = scratch.dir / "newer.db";
        { auto store = Store::open(path); }
        {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
            db.exec(fmt::format("PRAGMA user_version = {}", latest_schema_version() + 1));
        }
        const auto before = bytes(path);
        try {
            Store::open(path);
            FAIL("opened");
        } catch (const StorageError& e) {
            CHECK(std::string(e.what()).find("is newer than this limber knows") != std::string::npos);
            CHECK(std::string(e.what()).find(path.string()) != std::string::npos);
        }
        CHECK(bytes(path) == before);
    }
    SECTION("another application's id") {
        const auto path = scratch.dir / "other.db";
        {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("PRAGMA application_id = 42");
        }
        const auto before = bytes(path);
        CHECK_THROWS_AS(Store::open(path), StorageError);
        CHECK(bytes(path) == before);
    }
}

TEST_CASE("an empty file is taken as a new database") {
    Scratch scratch;
    const auto path = scratch.dir / "empty.db";
    std::ofstream(path).close();
    auto store = Store::open(path);
    CHECK(store->schema_version() == latest_schema_version());
}

TEST_CASE("a write lock held by another connection is waited for, then reported as busy") {
    Scratch scratch;
    const auto path = scratch.dir / "locked.db";
    auto store = Store::open(path);
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    database(*store).setBusyTimeout(200);  // shorter than the default 5 s, to keep the test fast
    const auto start = std::chrono::steady_clock::now();
    try {
        WriteTransaction transaction(*store);
        FAIL("took the lock");
    } catch (const SQLite::Exception& e) {
        CHECK(e.getErrorCode() == SQLITE_BUSY);
    }
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(150));
    other.exec("ROLLBACK");
    WriteTransaction transaction(*store);  // free now
    transaction.commit();
}
