// End-to-end: limber log and limber pause — what is stored, on which day, and what is refused.
#include "refusals.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

/// One stored session row, as text, for exact checks.
struct Row {
    std::string day, started_at, ended_at, duration_s, zone, status, pain_before, pain_after, note, source, routine;
};

std::vector<Row> rows(const Limber& limber) {
    SQLite::Database db(limber.db().string());
    SQLite::Statement q(db, R"(SELECT day, datetime(started_at, 'unixepoch'), coalesce(datetime(ended_at, 'unixepoch'), ''),
                                      coalesce(duration_s, ''), zone, status, coalesce(pain_before, ''),
                                      coalesce(pain_after, ''), coalesce(note, ''), source, routine
                               FROM sessions ORDER BY id)");
    std::vector<Row> out;
    while (q.executeStep()) {
        Row r;
        std::string* fields[] = {&r.day, &r.started_at, &r.ended_at, &r.duration_s, &r.zone, &r.status,
                                 &r.pain_before, &r.pain_after, &r.note, &r.source, &r.routine};
        for (int i = 0; i < 11; ++i) *fields[i] = q.getColumn(i).getString();
        out.push_back(r);
    }
    return out;
}

/// A scratch database with a beginner routine "default" made at 2026-11-01.
void make_routine(const Limber& limber, const Env& env = {}) {
    Env at_creation = env;
    at_creation["LIMBER_NOW"] = "2026-11-01T12:00:00Z";
    REQUIRE(limber.run({"plan", "--level", "beginner", "-q"}, at_creation).exit_code == 0);
}

}  // namespace

TEST_CASE("log without options records a completed session of the routine that just ended") {
    Limber limber;
    make_routine(limber);
    const auto shown = json::parse(limber.run({"plan", "show", "--json"}).out);
    const int estimate = shown.at("estimated_s");
    const auto r = limber.run({"log"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, StartsWith("Logged session 1: default, Sat 2026-11-21 "));
    const auto stored = rows(limber);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].day == "2026-11-21");
    CHECK(stored[0].ended_at == "2026-11-21 07:30:00");          // it ended now
    CHECK(stored[0].duration_s == std::to_string(estimate));       // the routine's estimate at this week's hold
    CHECK(stored[0].status == "completed");
    CHECK(stored[0].source == "manual");
    CHECK(stored[0].zone == "UTC");
    CHECK(stored[0].routine == "default");
}

TEST_CASE("log with every option stores exactly what was given") {
    Limber limber;
    make_routine(limber);
    const auto r = limber.run({"log", "--date", "yesterday", "--time", "18:05", "--minutes", "12", "--pain-before", "6",
                               "--pain-after", "3", "--note", "gym, after the bike", "--json"});
    REQUIRE(r.exit_code == 0);
    const auto object = json::parse(r.out);
    CHECK(object.at("id") == 1);
    CHECK(object.at("date") == "2026-11-20");
    CHECK(object.at("started_at") == "2026-11-20T18:05:00Z");
    CHECK(object.at("ended_at") == "2026-11-20T18:17:00Z");
    CHECK(object.at("duration_s") == 720);
    CHECK(object.at("status") == "completed");
    CHECK(object.at("pain_before") == 6);
    CHECK(object.at("pain_after") == 3);
    CHECK(object.at("note") == "gym, after the bike");
    CHECK(object.at("holds") == json::array());
    CHECK(object.at("source") == "manual");
    CHECK(object.at("uuid").get<std::string>().size() == 36);
    const auto stored = rows(limber);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].pain_before == "6");
    CHECK(stored[0].note == "gym, after the bike");

    const auto quiet = limber.run({"log", "--partial", "--minutes", "4", "-q"});
    REQUIRE(quiet.exit_code == 0);
    CHECK(quiet.out == "2\n");  // only the id, for scripts
    CHECK(rows(limber).at(1).status == "partial");
}

TEST_CASE("log --skip records a day off with its reason") {
    Limber limber;
    make_routine(limber);
    const auto r = limber.run({"log", "--skip", "--date", "2026-11-19", "--reason", "flu"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "Skipped 2026-11-19 for routine \"default\" (session 1): flu.\n");
    const auto stored = rows(limber);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].day == "2026-11-19");
    CHECK(stored[0].status == "skipped");
    CHECK(stored[0].duration_s == "0");
    CHECK(stored[0].note == "flu");
}

TEST_CASE("log names a routine, and an unknown routine is not found") {
    Limber limber;
    make_routine(limber);
    REQUIRE(limber.run({"plan", "evening", "--level", "advanced", "-q"}).exit_code == 0);
    REQUIRE(limber.run({"log", "evening", "--minutes", "20"}).exit_code == 0);
    CHECK(rows(limber).at(0).routine == "evening");
    const auto before = read_file(limber.db());
    const auto r = limber.run({"log", "evenin"});
    CHECK(r.exit_code == 3);
    CHECK(r.err == "limber: error: no routine 'evenin'\nhint: did you mean 'evening'?\n");
    CHECK(read_file(limber.db()) == before);
    Limber empty;
    const auto none = empty.run({"log"});
    CHECK(none.exit_code == 3);
    CHECK(none.err == "limber: error: no routine 'default'\nhint: make one with 'limber plan --level beginner'\n");
}

TEST_CASE("the day is the local day in the zone in force, shifted by day_start") {
    Limber limber;
    make_routine(limber, {{"TZ", "America/New_York"}});
    // 22:30 in New York on the 21st is 03:30 UTC on the 22nd: the session belongs to the 21st
    REQUIRE(limber.run({"log", "--minutes", "10"}, {{"TZ", "America/New_York"}, {"LIMBER_NOW", "2026-11-22T03:30:00Z"}}).exit_code == 0);
    CHECK(rows(limber).back().day == "2026-11-21");
    CHECK(rows(limber).back().zone == "America/New_York");
    // with days starting at 04:00, 01:30 belongs to the day before
    REQUIRE(limber.run({"config", "set", "day_start", "04:00"}).exit_code == 0);
    REQUIRE(limber.run({"log", "--minutes", "10"}, {{"TZ", "America/New_York"}, {"LIMBER_NOW", "2026-11-22T06:30:00Z"}}).exit_code == 0);
    CHECK(rows(limber).back().day == "2026-11-21");
    // --date D --time 01:30 with day_start 04:00 is the night after D, still D's session
    REQUIRE(limber.run({"log", "--date", "2026-11-20", "--time", "01:30", "--minutes", "10"},
                       {{"TZ", "America/New_York"}, {"LIMBER_NOW", "2026-11-22T12:00:00Z"}}).exit_code == 0);
    CHECK(rows(limber).back().day == "2026-11-20");
    CHECK(rows(limber).back().started_at == "2026-11-21 06:30:00");
    // midnight exactly starts a new day when day_start is 00:00
    REQUIRE(limber.run({"config", "set", "day_start", "00:00"}).exit_code == 0);
    REQUIRE(limber.run({"log", "--time", "00:00", "--minutes", "5"}, {{"TZ", "UTC"}, {"LIMBER_NOW", "2026-11-22T00:10:00Z"}}).exit_code == 0);
    CHECK(rows(limber).back().day == "2026-11-22");
    CHECK(rows(limber).back().started_at == "2026-11-22 00:00:00");
}

TEST_CASE("a session logged in New York stays on its day when read in Tokyo") {
    Limber limber;
    make_routine(limber);
    const Env new_york = {{"TZ", "America/New_York"}, {"LIMBER_NOW", "2026-11-22T03:30:00Z"}};
    REQUIRE(limber.run({"log", "--time", "22:00", "--minutes", "10"}, new_york).exit_code == 0);
    const Env tokyo = {{"TZ", "Asia/Tokyo"}, {"LIMBER_NOW", "2026-11-22T03:35:00Z"}};  // 12:35 on the 22nd there
    const auto history = limber.run({"history"}, tokyo);
    REQUIRE(history.exit_code == 0);
    CHECK_THAT(history.out, Contains("2026-11-21  22:00 EST"));
    const auto object = json::parse(limber.run({"history", "--json"}, tokyo).out).at(0);
    CHECK(object.at("date") == "2026-11-21");
    CHECK(object.at("started_at") == "2026-11-22T03:00:00Z");
    // and a session logged now in Tokyo belongs to Tokyo's day
    REQUIRE(limber.run({"log", "--minutes", "10"}, tokyo).exit_code == 0);
    CHECK(rows(limber).back().day == "2026-11-22");
}

TEST_CASE("DST: a time the clocks skipped is refused, a repeated time is the first one") {
    Limber limber;
    make_routine(limber);
    const Env new_york = {{"TZ", "America/New_York"}, {"LIMBER_NOW", "2026-11-21T12:00:00Z"}};
    const auto before = read_file(limber.db());
    const auto gap = limber.run({"log", "--date", "2026-03-08", "--time", "02:30"}, new_york);
    CHECK(gap.exit_code == 2);
    CHECK(gap.err == "limber: error: --time '02:30': 2026-03-08 02:30 does not exist in America/New_York (the clocks "
                     "jumped forward)\nhint: the first valid time that day is 03:00\n");
    CHECK(read_file(limber.db()) == before);
    REQUIRE(limber.run({"log", "--date", "2026-11-01", "--time", "01:30", "--minutes", "10"}, new_york).exit_code == 0);
    CHECK(rows(limber).back().started_at == "2026-11-01 05:30:00");  // 01:30 EDT, not EST
    CHECK(rows(limber).back().day == "2026-11-01");

    const Env london = {{"TZ", "Europe/London"}, {"LIMBER_NOW", "2026-11-21T12:00:00Z"}};
    CHECK(limber.run({"log", "--date", "2026-03-29", "--time", "01:30"}, london).exit_code == 2);
    REQUIRE(limber.run({"log", "--date", "2026-10-25", "--time", "01:30", "--minutes", "10"}, london).exit_code == 0);
    CHECK(rows(limber).back().started_at == "2026-10-25 00:30:00");  // 01:30 BST
    // a day_start inside the gap: the day begins when the clocks jump
    REQUIRE(limber.run({"config", "set", "day_start", "02:30"}).exit_code == 0);
    REQUIRE(limber.run({"log", "--minutes", "50"}, {{"TZ", "America/New_York"}, {"LIMBER_NOW", "2026-03-08T07:30:00Z"}}).exit_code == 0);
    CHECK(rows(limber).back().day == "2026-03-08");
    CHECK(rows(limber).back().started_at == "2026-03-08 07:00:00");  // 03:00 EDT, not 50 minutes earlier
}

TEST_CASE("summer time after 2037 comes from the rule that ends the zone file") {
    Limber limber;
    const Env summer_2040 = {{"TZ", "Europe/Paris"}, {"LIMBER_NOW", "2040-07-02T09:00:00Z"}};
    Env at_creation = summer_2040;
    at_creation["LIMBER_NOW"] = "2040-06-01T12:00:00Z";
    REQUIRE(limber.run({"plan", "--level", "beginner", "-q"}, at_creation).exit_code == 0);
    REQUIRE(limber.run({"log", "--date", "2040-07-01", "--time", "08:00", "--minutes", "10"}, summer_2040).exit_code == 0);
    CHECK(rows(limber).back().started_at == "2040-07-01 06:00:00");  // 08:00 CEST, two hours ahead of UTC
    // the last Sunday of March 2040 (the 25th) skips 02:00 to 03:00; the last of October repeats 02:00 to 03:00
    const auto gap = limber.run({"log", "--date", "2040-03-25", "--time", "02:30"}, summer_2040);
    CHECK(gap.exit_code == 2);
    CHECK_THAT(gap.err, Contains("does not exist in Europe/Paris"));
    const Env autumn_2040 = {{"TZ", "Europe/Paris"}, {"LIMBER_NOW", "2040-11-01T09:00:00Z"}};
    REQUIRE(limber.run({"log", "--date", "2040-10-28", "--time", "02:30", "--minutes", "10"}, autumn_2040).exit_code == 0);
    CHECK(rows(limber).back().started_at == "2040-10-28 00:30:00");  // the first 02:30, still CEST
    CHECK_THAT(limber.run({"history"}, {{"TZ", "UTC"}, {"LIMBER_NOW", "2040-11-01T09:00:00Z"}}).out,
               Contains("2040-10-28  02:30 CEST"));
}

TEST_CASE("a zone name must name a zone file of the system, and nothing outside it") {
    Limber limber;
    make_routine(limber);
    const auto before = read_file(limber.db());
    for (const char* bad : {"../../../etc/passwd", "/etc/localtime", "posix/Europe/Paris", "right/UTC", "zone.tab", "Europe",
                            "Factory", "localtime", "europe/paris"}) {
        INFO(bad);
        const auto r = limber.run({"--tz", bad, "log", "--minutes", "10"});
        CHECK(r.exit_code == 2);
        CHECK(r.err == std::string("limber: error: --tz: '") + bad +
                           "' is not a time zone; use an IANA name such as Europe/London\nhint: 'limber log --help' lists its options\n");
        const auto env = limber.run({"log", "--minutes", "10"}, {{"TZ", bad}});
        CHECK(env.exit_code == 2);
        CHECK_THAT(env.err, StartsWith(std::string("limber: error: TZ '") + bad + "': unknown time zone\n"));
    }
    CHECK(read_file(limber.db()) == before);
    for (const char* good : {"UTC", "Etc/GMT-14", "EST5EDT", "America/Argentina/Buenos_Aires", "Pacific/Chatham"}) {
        INFO(good);
        CHECK(limber.run({"--tz", good, "history"}).exit_code == 0);
    }
}

TEST_CASE("leap days are days like any other, and 29 February of a common year is refused") {
    Limber limber;
    make_routine(limber);
    const Env march_2028 = {{"LIMBER_NOW", "2028-03-01T09:00:00Z"}};
    REQUIRE(limber.run({"log", "--date", "2028-02-29", "--minutes", "10"}, march_2028).exit_code == 0);
    CHECK(rows(limber).back().day == "2028-02-29");
    REQUIRE(limber.run({"log", "--date", "yesterday", "--minutes", "10"}, march_2028).exit_code == 0);
    CHECK(rows(limber).back().day == "2028-02-29");
    const auto r = limber.run({"log", "--date", "2027-02-29"}, march_2028);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "limber: error: --date '2027-02-29': no such date (February 2027 has 28 days)\n");
}

TEST_CASE("log refuses bad input with exit 2 and leaves the database as it was") {
    Limber limber;
    make_routine(limber);
    REQUIRE(limber.run({"log", "--minutes", "5"}).exit_code == 0);
    const std::string pain = ": not a pain rating; use a whole number from 0 (no pain) to 10 (worst)\n";
    const std::string minutes = ": not a whole number of minutes from 1 to 600\n";
    check_usage_errors(limber, {
        {{"log", "--date", "2026-02-30"}, "limber: error: --date '2026-02-30': no such date (February 2026 has 28 days)\n"},
        {{"log", "--date", "2026-13-01"}, "limber: error: --date '2026-13-01': there is no month 13 (months run 01 to 12)\n"},
        {{"log", "--date", "someday"}, "limber: error: --date 'someday': not a date; use today, yesterday, YYYY-MM-DD, a "
                                       "weekday (monday…sunday or mon…sun) or -Nd (N days ago)\n"},
        {{"log", "--date", "2026-11-25"}, "limber: error: --date '2026-11-25': 2026-11-25 is in the future; give today "
                                          "(2026-11-21) or an earlier day\n"},
        {{"log", "--time", "25:00"}, "limber: error: --time '25:00': not a time of day; use HH:MM from 00:00 to 23:59\n"},
        {{"log", "--time", "07:31"}, "limber: error: --time '07:31': 2026-11-21 07:31 is later than now (2026-11-21 "
                                     "07:30)\nhint: log a session after it happened\n"},
        {{"log", "--pain-before", "11"}, "limber: error: --pain-before '11'" + pain},
        {{"log", "--pain-after", "-1"}, "limber: error: --pain-after '-1'" + pain},
        {{"log", "--pain-before", "abc"}, "limber: error: --pain-before 'abc'" + pain},
        {{"log", "--pain-after", "4.5"}, "limber: error: --pain-after '4.5'" + pain},
        {{"log", "--minutes", "-5"}, "limber: error: --minutes '-5'" + minutes},
        {{"log", "--minutes", "abc"}, "limber: error: --minutes 'abc'" + minutes},
        {{"log", "--minutes", "0"}, "limber: error: --minutes '0'" + minutes},
        {{"log", "--skip", "--partial"}, "limber: error: --skip and --partial are alternatives: a skipped day has no session\n"},
        {{"log", "--skip", "--minutes", "5"}, "limber: error: --minutes does not go with --skip: a skip records a day "
                                              "off, not a session\nhint: give the reason with --reason\n"},
        {{"log", "--reason", "flu"}, "limber: error: --reason goes with --skip; a session's words go in --note\n"},
        {{"log", "--minutes"}, "limber: error: --minutes: 1 required M missing\nhint: 'limber log --help' lists its options\n"},
    });
    CHECK(rows(limber).size() == 1);
}

TEST_CASE("pause records days off, lists them and removes them") {
    Limber limber;
    const auto r = limber.run({"pause", "--from", "2026-11-10", "--to", "2026-11-12", "--reason", "travel"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "Pause 1: 2026-11-10 to 2026-11-12 (3 days, travel); those days are neither due nor missed.\n");
    REQUIRE(limber.run({"pause", "--from", "tomorrow"}).exit_code == 2);
    const auto one_day = limber.run({"pause", "--from", "today", "-q"});
    REQUIRE(one_day.exit_code == 0);
    CHECK(one_day.out == "2\n");
    const auto list = json::parse(limber.run({"pause", "list", "--json"}).out);
    REQUIRE(list.size() == 2);
    CHECK(list[0] == json{{"id", 1}, {"from", "2026-11-10"}, {"to", "2026-11-12"}, {"days", 3}, {"reason", "travel"},
                          {"created_at", "2026-11-21T07:30:00Z"}});
    CHECK(list[1].at("from") == "2026-11-21");
    CHECK(list[1].at("to") == "2026-11-21");
    CHECK(list[1].at("reason").is_null());
    const auto table = limber.run({"pause", "list"});
    CHECK(table.out == "ID  FROM        TO          DAYS  REASON\n"
                       "1   2026-11-10  2026-11-12  3     travel\n"
                       "2   2026-11-21  2026-11-21  1     -\n");
    CHECK(limber.run({"pause", "rm", "1"}).out == "Removed pause 1; its days are due again.\n");
    const auto gone = limber.run({"pause", "rm", "1"});
    CHECK(gone.exit_code == 3);
    CHECK(gone.err == "limber: error: no pause 1\nhint: 'limber pause list' lists the pauses\n");
    CHECK(json::parse(limber.run({"pause", "list", "--json"}).out).size() == 1);
}

TEST_CASE("pause refuses bad days with exit 2 and leaves the database as it was") {
    Limber limber;
    REQUIRE(limber.run({"pause", "--from", "2026-11-01"}).exit_code == 0);
    check_usage_errors(limber, {
        {{"pause", "--from", "2026-11-10", "--to", "2026-11-09"},
         "limber: error: --to '2026-11-09': 2026-11-09 is before --from 2026-11-10; the pause must end on or after its "
         "first day\n"},
        {{"pause", "--from", "2026-02-30"}, "limber: error: --from '2026-02-30': no such date (February 2026 has 28 days)\n"},
        {{"pause", "--to", "2026-11-30"}, "limber: error: --from is required: the first day of the pause\nhint: e.g. "
                                          "'limber pause --from today --to 2026-12-01 --reason flu'\n"},
        {{"pause", "rm", "x"}, "limber: error: ID 'x': not a pause id; use the number 'limber pause list' shows\n"},
        {{"pause", "list", "--from", "today"}, "limber: error: --from is for adding a pause; 'limber pause list' does not take it\n"},
    });
}
