// End-to-end: where the database lives, and refusing databases limber must not touch.
#include "harness.hpp"

#include "migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <thread>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

int folder_mode(const fs::path& path) {
    struct stat info {};
    ::stat(path.c_str(), &info);
    return static_cast<int>(info.st_mode & 07777);
}

const std::vector<std::string> k_write = {"config", "set", "day_start", "04:00"};

}  // namespace

TEST_CASE("the db option wins over LIMBER_DB, which wins over XDG_DATA_HOME, which wins over HOME") {
    Limber limber;
    const auto home = limber.dir() / "home";
    const auto xdg = limber.dir() / "xdg";
    const auto env_db = limber.dir() / "env" / "limber.db";
    const auto flag_db = limber.dir() / "flag" / "limber.db";

    REQUIRE(limber.run(k_write, {{"LIMBER_DB", std::nullopt}, {"XDG_DATA_HOME", std::nullopt}}).exit_code == 0);
    CHECK(fs::exists(home / ".local/share/limber/limber.db"));

    REQUIRE(limber.run(k_write, {{"LIMBER_DB", std::nullopt}, {"XDG_DATA_HOME", xdg.string()}}).exit_code == 0);
    CHECK(fs::exists(xdg / "limber/limber.db"));

    REQUIRE(limber.run(k_write, {{"LIMBER_DB", env_db.string()}, {"XDG_DATA_HOME", xdg.string()}}).exit_code == 0);
    CHECK(fs::exists(env_db));

    const auto before_env = read_file(env_db);
    REQUIRE(limber.run({"--db", flag_db.string(), "config", "set", "week_start", "sunday"},
                       {{"LIMBER_DB", env_db.string()}}).exit_code == 0);
    CHECK(fs::exists(flag_db));
    CHECK(limber.run({"config", "get", "week_start"}, {{"LIMBER_DB", env_db.string()}}).out == "monday\n");
    CHECK(limber.run({"config", "get", "week_start", "--db", flag_db.string()}).out == "sunday\n");
}

TEST_CASE("a new database and its WAL are the owner's alone (0600), and an export, a report and a backup too") {
    Limber limber;
    REQUIRE(limber.run(k_write).exit_code == 0);
    CHECK(folder_mode(limber.db()) == 0600);
    if (fs::exists(limber.db().string() + "-wal")) CHECK(folder_mode(limber.db().string() + "-wal") == 0600);
    REQUIRE(limber.run({"export", "-o", (limber.dir() / "out.csv").string()}).exit_code == 0);
    CHECK(folder_mode(limber.dir() / "out.csv") == 0600);
    REQUIRE(limber.run({"backup", (limber.dir() / "copy.db").string()}).exit_code == 0);
    CHECK(folder_mode(limber.dir() / "copy.db") == 0600);
}

TEST_CASE("an output that is the database or its WAL, by any path or link, is refused and nothing is written") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner"}).exit_code == 0);
    const auto size_before = fs::file_size(limber.db());
    const std::string db = limber.db().string();
    fs::create_symlink(limber.db(), limber.dir() / "link.db");
    const std::vector<std::vector<std::string>> commands = {
        {"export", "-o", db},
        {"export", "-o", (limber.dir() / "." / limber.db().filename()).string()},
        {"export", "-o", (limber.dir() / "link.db").string()},
        {"export", "--format", "json", "-o", db + "-wal"},
        {"report", "-o", db},
        {"report", "-o", (limber.dir() / "link.db").string()},
        {"backup", db + "-wal"},
        {"backup", db + "-journal"},
    };
    for (const auto& args : commands) {
        INFO(args.front() << " " << args.back());
        const auto r = limber.run(args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("that is limber's database") != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 2);  // the error and its hint
    }
    CHECK(fs::file_size(limber.db()) == size_before);
    CHECK_FALSE(fs::exists(db + "-journal"));
    CHECK(limber.run({"plan", "show"}).exit_code == 0);  // every routine still there
    // the default database path (no --db, no LIMBER_DB)
    Limber home;
    const Env no_db = {{"LIMBER_DB", std::nullopt}, {"XDG_DATA_HOME", std::nullopt}};
    REQUIRE(home.run({"plan", "--level", "beginner"}, no_db).exit_code == 0);
    const fs::path fallback = home.dir() / "home" / ".local" / "share" / "limber" / "limber.db";
    REQUIRE(fs::exists(fallback));
    const auto size = fs::file_size(fallback);
    const auto r = home.run({"export", "-o", fallback.string()}, no_db);
    CHECK(r.exit_code == 2);
    CHECK(fs::file_size(fallback) == size);
    CHECK(home.run({"plan", "show"}, no_db).exit_code == 0);
}

TEST_CASE("missing folders of the database path are created with mode 0700") {
    Limber limber;
    const auto db = limber.dir() / "a" / "b" / "limber.db";
    REQUIRE(limber.run(k_write, {{"LIMBER_DB", db.string()}}).exit_code == 0);
    CHECK(folder_mode(limber.dir() / "a") == 0700);
    CHECK(folder_mode(limber.dir() / "a" / "b") == 0700);
}

TEST_CASE("a new database is in WAL mode at the latest schema with limber's application id") {
    Limber limber;
    REQUIRE(limber.run(k_write).exit_code == 0);
    SQLite::Database db(limber.db().string());
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == static_cast<int>(limber::migrations().size()));
    CHECK(db.execAndGet("PRAGMA application_id").getInt() == 0x4C4D4252);
    CHECK(db.execAndGet("SELECT value FROM settings WHERE key = 'day_start'").getString() == "04:00");
}

TEST_CASE("a corrupt database file is refused with exit 4 and left byte for byte") {
    Limber limber;
    std::string garbage(8192, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251);
    write_file(limber.db(), garbage);
    const auto r = limber.run(k_write);
    CHECK(r.exit_code == 4);
    CHECK(r.err == "limber: error: cannot use database " + limber.db().string() + ": file is not a database\n");
    CHECK(read_file(limber.db()) == garbage);
    CHECK_FALSE(fs::exists(limber.db().string() + "-wal"));
}

TEST_CASE("a database with a newer schema is refused with exit 4 and left byte for byte") {
    Limber limber;
    REQUIRE(limber.run(k_write).exit_code == 0);
    {
        SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
        db.exec("PRAGMA journal_mode = DELETE");
    }
    const auto before = read_file(limber.db());
    const auto r = limber.run({"config", "set", "week_start", "sunday"});
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, StartsWith("limber: error: cannot use database " + limber.db().string() +
                                 fmt::format(": its schema version 99 is newer than this limber knows ({})\n", limber::migrations().size())));
    CHECK_THAT(r.err, Contains("hint: upgrade limber"));
    CHECK(read_file(limber.db()) == before);
}

TEST_CASE("another program's SQLite database is refused and left byte for byte") {
    Limber limber;
    {
        SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE bookmarks (url TEXT)");
        db.exec("INSERT INTO bookmarks VALUES ('https://example.org')");
    }
    const auto before = read_file(limber.db());
    const auto r = limber.run(k_write);
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Contains("is an SQLite database of another program"));
    CHECK(read_file(limber.db()) == before);
}

TEST_CASE("a path that cannot be created is refused with exit 4 naming it") {
    Limber limber;
    write_file(limber.dir() / "plainfile", "not a folder");
    const auto under_file = limber.dir() / "plainfile" / "limber.db";
    const auto r = limber.run(k_write, {{"LIMBER_DB", under_file.string()}});
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, StartsWith("limber: error: cannot create database " + under_file.string()));
    CHECK(read_file(limber.dir() / "plainfile") == "not a folder");

    const auto folder = limber.dir() / "afolder";
    fs::create_directory(folder);
    const auto is_folder = limber.run(k_write, {{"LIMBER_DB", folder.string()}});
    CHECK(is_folder.exit_code == 4);
    CHECK_THAT(is_folder.err, Contains("it is a folder"));
}

TEST_CASE("commands that need no database do not create one") {
    Limber limber;
    REQUIRE(limber.run({"exercises"}).exit_code == 0);
    REQUIRE(limber.run({"exercises", "show", "plank"}).exit_code == 0);
    CHECK_FALSE(fs::exists(limber.db()));
}

TEST_CASE("processes opening a new database at the same moment all succeed") {
    for (int round = 0; round < 10; ++round) {
        Limber limber;
        std::vector<std::thread> threads;
        std::vector<Result> results(6);
        for (std::size_t i = 0; i < results.size(); ++i)
            threads.emplace_back([&limber, &results, i] { results[i] = limber.run({"config", "list"}); });
        for (auto& t : threads) t.join();
        for (const auto& r : results) {
            INFO("round " << round << ": " << r.err);
            CHECK(r.exit_code == 0);
            CHECK(r.out == "day_start=00:00\nweek_start=monday\ndefault_routine=\nvoice=off\n");
        }
        SQLite::Database db(limber.db().string());
        CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    }
}

TEST_CASE("an SQLite file with a version but no application id is refused untouched") {
    Limber limber;
    {
        SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA user_version = 1");
    }
    const auto before = read_file(limber.db());
    const auto r = limber.run({"config", "list"});
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Contains("is an SQLite database of another program"));
    CHECK(read_file(limber.db()) == before);
}

TEST_CASE("a folder path for the database is refused before anything is created") {
    Limber limber;
    const auto folder = limber.dir() / "newdir";
    const auto r = limber.run({"config", "list"}, {{"LIMBER_DB", folder.string() + "/"}});
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Contains("it is a folder"));
    CHECK_FALSE(fs::exists(folder));
}

TEST_CASE("a database path with '..' is taken as written and creates no detour folders") {
    Limber limber;
    const auto path = limber.dir() / "detour" / ".." / "limber2.db";
    REQUIRE(limber.run({"config", "list"}, {{"LIMBER_DB", path.string()}}).exit_code == 0);
    CHECK(fs::exists(limber.dir() / "limber2.db"));
    CHECK_FALSE(fs::exists(limber.dir() / "detour"));
}
