// End-to-end: limber history, edit and rm, and many writers at once.
#include "refusals.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <thread>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

/// A routine made on 2026-11-01 and three sessions: 19th skipped, 20th at 18:00 rated, 21st partial.
void make_history(const Limber& limber) {
    REQUIRE(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-01T12:00:00Z"}}).exit_code == 0);
    REQUIRE(limber.run({"log", "--skip", "--date", "2026-11-19", "--reason", "flu"}).exit_code == 0);
    REQUIRE(limber.run({"log", "--date", "2026-11-20", "--time", "18:00", "--minutes", "12", "--pain-before", "5",
                        "--pain-after", "3", "--note", "gym, with \"Sam\""}).exit_code == 0);
    REQUIRE(limber.run({"log", "--time", "07:00", "--minutes", "6", "--partial"}).exit_code == 0);
}

std::string one(const Limber& limber, const std::string& sql) {
    SQLite::Database db(limber.db().string());
    return db.execAndGet(sql).getString();
}

}  // namespace

TEST_CASE("history lists sessions newest first, as a table, JSON or CSV") {
    Limber limber;
    make_history(limber);
    const auto table = limber.run({"history"});
    REQUIRE(table.exit_code == 0);
    CHECK(table.out == "ID  DAY         TIME   ROUTINE  STATUS     MIN  PAIN  NOTE\n"
                       "3   2026-11-21  07:00  default  partial    6    -     \n"
                       "2   2026-11-20  18:00  default  completed  12   5→3   gym, with \"Sam\"\n"
                       "1   2026-11-19  12:00  default  skipped    -    -     flu\n");
    const auto array = json::parse(limber.run({"history", "--json"}).out);
    REQUIRE(array.size() == 3);
    CHECK(array[0].at("id") == 3);
    CHECK(array[1].at("note") == "gym, with \"Sam\"");
    CHECK(array[1].at("pain_before") == 5);
    CHECK(array[2].at("status") == "skipped");
    const auto csv = limber.run({"history", "--csv"});
    const auto uuid = array[1].at("uuid").get<std::string>();
    CHECK_THAT(csv.out, StartsWith("id,uuid,date,started_at,ended_at,duration_s,routine,status,pain_before,pain_after,"
                                   "holds,hold_seconds,note,source\n3,"));
    CHECK_THAT(csv.out, Contains("\n2," + uuid + ",2026-11-20,2026-11-20T18:00:00Z,2026-11-20T18:12:00Z,720,default,"
                                 "completed,5,3,0,0,\"gym, with \"\"Sam\"\"\",manual\n"));
    CHECK(line_count(csv.out) == 4);
}

TEST_CASE("history filters by days, routine and count") {
    Limber limber;
    make_history(limber);
    REQUIRE(limber.run({"plan", "evening", "--level", "advanced", "-q"}).exit_code == 0);
    REQUIRE(limber.run({"log", "evening", "--date", "2026-11-20", "--minutes", "20"}).exit_code == 0);
    auto ids = [&](const std::vector<std::string>& args) {
        std::vector<int> out;
        for (const auto& s : json::parse(limber.run(args).out)) out.push_back(s.at("id"));
        return out;
    };
    CHECK(ids({"history", "--json"}) == std::vector<int>{3, 2, 4, 1});  // the 20th: 18:00 before 12:00
    CHECK(ids({"history", "--json", "--since", "2026-11-20"}) == std::vector<int>{3, 2, 4});
    CHECK(ids({"history", "--json", "--until", "yesterday"}) == std::vector<int>{2, 4, 1});
    CHECK(ids({"history", "--json", "--since", "-1d", "--until", "-1d"}) == std::vector<int>{2, 4});
    CHECK(ids({"history", "--json", "--routine", "evening"}) == std::vector<int>{4});
    CHECK(ids({"history", "--json", "--limit", "2"}) == std::vector<int>{3, 2});
    CHECK(limber.run({"history", "--since", "2026-11-22"}).out == "No sessions match.\n");
    // a removed routine's sessions stay and can still be asked for
    REQUIRE(limber.run({"plan", "rm", "evening"}).exit_code == 0);
    CHECK(ids({"history", "--json", "--routine", "evening"}) == std::vector<int>{4});
    const auto unknown = limber.run({"history", "--routine", "evnin"});
    CHECK(unknown.exit_code == 3);
    CHECK(unknown.err == "limber: error: no routine 'evnin' and no sessions recorded for it\nhint: did you mean 'evening'?\n");
}

TEST_CASE("history of an empty database says so, and its JSON and CSV stay well-formed") {
    Limber limber;
    CHECK(limber.run({"history"}).out == "No sessions yet. 'limber start' runs one; 'limber log' records one done elsewhere.\n");
    CHECK(limber.run({"history", "-q"}).out.empty());
    CHECK(limber.run({"history", "--json"}).out == "[]\n");
    CHECK(limber.run({"history", "--csv"}).out == "id,uuid,date,started_at,ended_at,duration_s,routine,status,pain_before,"
                                                  "pain_after,holds,hold_seconds,note,source\n");
}

TEST_CASE("history refuses bad options with exit 2") {
    Limber limber;
    make_history(limber);
    check_usage_errors(limber, {
        {{"history", "--json", "--csv"}, "limber: error: --json and --csv are alternatives; give one of them\n"},
        {{"history", "--limit", "0"}, "limber: error: --limit '0': not a whole number of sessions from 1 to 1000000000\n"},
        {{"history", "--since", "2026-11-31"}, "limber: error: --since '2026-11-31': no such date (November 2026 has 30 days)\n"},
        {{"history", "--since", "2026-11-21", "--until", "2026-11-20"},
         "limber: error: --until '2026-11-20': 2026-11-20 is before --since 2026-11-21\n"},
    });
}

TEST_CASE("edit corrects a session, keeping its day rules and its holds in step") {
    Limber limber;
    make_history(limber);
    const auto r = limber.run({"edit", "2", "--pain-after", "2", "--minutes", "15", "--note", "gym"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "Session 2 now: default, Fri 2026-11-20 18:00, 15 min, completed, pain 5→2.\n");
    CHECK(one(limber, "SELECT pain_after || ' ' || duration_s || ' ' || (ended_at - started_at) || ' ' || note FROM sessions WHERE id = 2") ==
          "2 900 900 gym");
    // --date keeps the start time; --time changes it; --status completes a partial session
    SQLite::Database(limber.db().string(), SQLite::OPEN_READWRITE)
        .exec("INSERT INTO holds (session_id, seq, exercise, rep, target_s, held_s, ended_at) "
              "SELECT 3, 0, 'seated-knee-extension', 1, 15, 15, started_at + 60 FROM sessions WHERE id = 3");
    const auto moved = json::parse(limber.run({"edit", "3", "--date", "2026-11-18", "--status", "completed", "--json"}).out);
    CHECK(moved.at("date") == "2026-11-18");
    CHECK(moved.at("started_at") == "2026-11-18T07:00:00Z");
    CHECK(moved.at("status") == "completed");
    CHECK(moved.at("holds").size() == 1);
    CHECK(one(limber, "SELECT ended_at - (SELECT started_at FROM sessions WHERE id = 3) FROM holds WHERE session_id = 3") == "60");
    REQUIRE(limber.run({"edit", "3", "--time", "06:15"}).exit_code == 0);
    CHECK(one(limber, "SELECT datetime(started_at, 'unixepoch') FROM sessions WHERE id = 3") == "2026-11-18 06:15:00");
    // a uuid prefix works too; an empty note removes it
    const auto uuid = one(limber, "SELECT uuid FROM sessions WHERE id = 2");
    REQUIRE(limber.run({"edit", uuid.substr(0, 8), "--note", ""}).exit_code == 0);
    CHECK(one(limber, "SELECT typeof(note) FROM sessions WHERE id = 2") == "null");
    // a skip can move and change its reason, nothing else
    REQUIRE(limber.run({"edit", "1", "--date", "2026-11-17", "--note", "cold"}).exit_code == 0);
    CHECK(one(limber, "SELECT day || ' ' || note || ' ' || status FROM sessions WHERE id = 1") == "2026-11-17 cold skipped");
}

TEST_CASE("a session edited while travelling keeps the zone it was recorded in") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-01T12:00:00Z"}}).exit_code == 0);
    REQUIRE(limber.run({"log", "--time", "22:00", "--minutes", "10"},
                       {{"TZ", "America/New_York"}, {"LIMBER_NOW", "2026-11-22T03:30:00Z"}}).exit_code == 0);
    const Env tokyo = {{"TZ", "Asia/Tokyo"}, {"LIMBER_NOW", "2026-11-22T04:00:00Z"}};
    const auto r = limber.run({"edit", "1", "--time", "21:30"}, tokyo);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "Session 1 now: default, Sat 2026-11-21 21:30 EST, 10 min, completed.\n");
    CHECK(one(limber, "SELECT day || ' ' || datetime(started_at, 'unixepoch') FROM sessions") == "2026-11-21 2026-11-22 02:30:00");
}

TEST_CASE("edit refuses bad input and unknown sessions, changing nothing") {
    Limber limber;
    make_history(limber);
    check_usage_errors(limber, {
        {{"edit", "2"}, "limber: error: nothing to change; give --date, --time, --minutes, --pain-before, --pain-after, "
                        "--note or --status\n"},
        {{"edit", "2", "--pain-before", "12"}, "limber: error: --pain-before '12': not a pain rating; use a whole number "
                                               "from 0 (no pain) to 10 (worst)\n"},
        {{"edit", "2", "--minutes", "-3"}, "limber: error: --minutes '-3': not a whole number of minutes from 1 to 600\n"},
        {{"edit", "2", "--time", "24:00"}, "limber: error: --time '24:00': not a time of day; use HH:MM from 00:00 to 23:59\n"},
        {{"edit", "2", "--date", "2026-02-29"}, "limber: error: --date '2026-02-29': no such date (February 2026 has 28 days)\n"},
        {{"edit", "2", "--date", "2026-11-22"}, "limber: error: --date '2026-11-22': 2026-11-22 is in the future; give "
                                                "today (2026-11-21) or an earlier day\n"},
        {{"edit", "2", "--status", "skipped"}, "limber: error: --status 'skipped': not allowed; use completed or partial\n"
                                               "hint: to record a day off, 'limber rm' the session and 'limber log --skip'\n"},
        {{"edit", "1", "--minutes", "5"}, "limber: error: --minutes does not apply: session 1 is a skipped day, not a "
                                          "session\nhint: 'limber rm 1' and 'limber log' record the session instead\n"},
        {{"edit", "x", "--note", "a"}, "limber: error: ID 'x': not a session id; use the number that 'limber history' "
                                       "shows, or 4 or more leading characters of the session's uuid\n"},
    });
    const auto before = read_file(limber.db());
    const auto missing = limber.run({"edit", "99", "--note", "x"});
    CHECK(missing.exit_code == 3);
    CHECK(missing.err == "limber: error: no session 99\nhint: 'limber history' lists the sessions and their ids\n");
    CHECK(read_file(limber.db()) == before);
}

TEST_CASE("rm asks on a terminal, refuses without one unless --yes, and removes the holds too") {
    Limber limber;
    make_history(limber);
    const auto before = read_file(limber.db());
    const auto refused = limber.run({"rm", "2"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err == "limber: error: not removing session 2 without --yes: there is no terminal to ask on\n"
                         "hint: 'limber rm 2 --yes' removes it\n");
    CHECK(read_file(limber.db()) == before);

    {
        Terminal terminal(limber, {"rm", "2"});
        REQUIRE(terminal.wait_for("Remove session 2 (default, Fri 2026-11-20 18:00, 12 min, completed, pain 5→3)? [y/N] "));
        terminal.type("n\n");
        CHECK(terminal.wait_exit() == 0);
        CHECK_THAT(terminal.output(), Contains("Kept session 2."));
    }
    CHECK(one(limber, "SELECT count(*) FROM sessions") == "3");
    {
        Terminal terminal(limber, {"rm", "2"});
        REQUIRE(terminal.wait_for("[y/N] "));
        terminal.type("y\n");
        CHECK(terminal.wait_exit() == 0);
        CHECK_THAT(terminal.output(), Contains("Removed session 2 (default, Fri 2026-11-20 18:00, 12 min, completed, pain 5→3)."));
    }
    CHECK(one(limber, "SELECT count(*) FROM sessions WHERE id = 2") == "0");

    SQLite::Database(limber.db().string(), SQLite::OPEN_READWRITE)
        .exec("INSERT INTO holds (session_id, seq, exercise, rep, target_s, held_s) VALUES (3, 0, 'x', 1, 15, 15)");
    const auto yes = limber.run({"rm", "3", "--yes"});
    REQUIRE(yes.exit_code == 0);
    CHECK(yes.out == "Removed session 3 (default, Sat 2026-11-21 07:00, 6 min, partial, 1 hold).\n");
    CHECK(one(limber, "SELECT count(*) FROM holds") == "0");
    const auto again = limber.run({"rm", "3", "--yes"});
    CHECK(again.exit_code == 3);
    CHECK(again.err == "limber: error: no session 3\nhint: 'limber history' lists the sessions and their ids\n");
    // a new session never takes a removed session's id
    REQUIRE(limber.run({"log", "--minutes", "5", "-q"}).out == "4\n");
}

TEST_CASE("50 log processes started together all succeed and all 50 sessions are stored") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "-q"}).exit_code == 0);
    std::vector<Result> results(50);
    std::vector<std::thread> threads;
    for (int i = 0; i < 50; ++i)
        threads.emplace_back([&limber, &results, i] {
            results[i] = limber.run({"log", "--minutes", std::to_string(i + 1), "--note", "writer " + std::to_string(i), "-q"});
        });
    for (auto& t : threads) t.join();
    std::set<std::string> ids;
    for (const auto& r : results) {
        INFO(r.err);
        CHECK(r.exit_code == 0);
        ids.insert(r.out);
    }
    CHECK(ids.size() == 50);  // each printed its own id
    CHECK(one(limber, "SELECT count(*) || ' ' || count(DISTINCT note) || ' ' || sum(duration_s) FROM sessions") ==
          "50 50 " + std::to_string(60 * 50 * 51 / 2));
}

TEST_CASE("a write lock held by another program for a few seconds is waited out") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "-q"}).exit_code == 0);
    SQLite::Database other(limber.db().string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    other.exec("INSERT INTO settings VALUES ('week_start', 'sunday')");
    Result result;
    std::thread writer([&] { result = limber.run({"log", "--minutes", "5", "-q"}); });
    std::this_thread::sleep_for(std::chrono::seconds(2));
    other.exec("COMMIT");
    writer.join();
    CHECK(result.exit_code == 0);
    CHECK(result.out == "1\n");
    CHECK(one(limber, "SELECT count(*) FROM sessions") == "1");
}
