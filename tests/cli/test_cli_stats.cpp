// End-to-end: limber stats — golden JSON and screen, agreement with plan show, stored days
// across zones and DST, a ten-year history, and what is refused.
#include "refusals.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

/// Three weeks of a daily beginner routine made on Sunday 2026-11-01: done, partial, skipped,
/// paused, missed days, pain ratings, a note, and the holds a guided session stores.
void three_weeks(const Limber& limber) {
    must(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-01T12:00:00Z"}}));
    const auto log = [&](const std::string& day, std::vector<std::string> extra) {
        std::vector<std::string> args = {"log", "--date", day, "--time", "07:00", "-q"};
        args.insert(args.end(), extra.begin(), extra.end());
        must(limber.run(args, {{"LIMBER_NOW", day + "T20:00:00Z"}}));
    };
    log("2026-11-02", {"--minutes", "10", "--pain-before", "6", "--pain-after", "4"});
    log("2026-11-03", {"--minutes", "10", "--pain-before", "5", "--pain-after", "4"});
    must(limber.run({"log", "--skip", "--date", "2026-11-04", "--reason", "a cold", "-q"}));
    log("2026-11-05", {"--minutes", "5", "--partial"});
    must(limber.run({"pause", "--from", "2026-11-09", "--to", "2026-11-10", "--reason", "travel", "-q"}));
    for (const char* day : {"2026-11-11", "2026-11-12", "2026-11-13"})
        log(day, {"--minutes", "12", "--pain-before", "4", "--pain-after", "3"});
    for (const char* day : {"2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"})
        log(day, {"--minutes", "11", "--pain-before", "3", "--pain-after", "2"});
    SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE);
    db.exec(R"(
        INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s)
        SELECT id, 0, 'march-in-place', '', 1, 60, 60 FROM sessions WHERE day IN ('2026-11-12', '2026-11-19');
        INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s)
        SELECT id, 1, 'standing-hamstring', 'left', 1, 15, 15 FROM sessions WHERE day = '2026-11-12';
        INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s)
        SELECT id, 2, 'standing-hamstring', 'right', 1, 15, 16 FROM sessions WHERE day = '2026-11-12';
        INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s)
        SELECT id, 1, 'standing-hamstring', 'left', 1, 20, 20 FROM sessions WHERE day = '2026-11-19';
        INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s)
        SELECT id, 2, 'standing-hamstring', 'right', 1, 20, 18 FROM sessions WHERE day = '2026-11-19';)");
}

}  // namespace

TEST_CASE("stats --json and the screen match the golden output for three weeks of history") {
    Limber limber;
    three_weeks(limber);
    const auto j = limber.run({"stats", "--weeks", "3", "--json"});
    must(j);
    CHECK(j.err.empty());
    CHECK(j.out == golden_or_update("stats_three_weeks.json", j.out));

    const auto screen = limber.run({"stats", "--weeks", "3"}, {{"NO_COLOR", "1"}});
    must(screen);
    CHECK(screen.out == golden_or_update("stats_three_weeks.txt", screen.out));
    CHECK(screen.out.find('\x1b') == std::string::npos);
    // With colour forced, the same screen plus escapes.
    const auto coloured = limber.run({"stats", "--weeks", "3", "--color", "always"});
    CHECK_THAT(coloured.out, Contains("\x1b[32m●\x1b[0m"));
}

TEST_CASE("stats and plan show agree on this week's hold and the next") {
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-10-24T12:00:00Z"}}));
    // Every day of the first two routine weeks done without more pain: 15 s -> 20 s -> 25 s.
    for (int d = 24; d <= 31 + 6; ++d) {
        const std::string day = d <= 31 ? "2026-10-" + std::to_string(d) : "2026-11-0" + std::to_string(d - 31);
        must(limber.run({"log", "--date", day, "--pain-before", "3", "--pain-after", "2", "-q"},
                        {{"LIMBER_NOW", day + "T20:00:00Z"}}));
    }
    const auto stats = json::parse(limber.run({"stats", "--json"}).out);
    const auto plan = json::parse(limber.run({"plan", "show", "--json"}).out);
    CHECK(stats.at("progression").at("hold_s") == plan.at("hold_s"));
    CHECK(stats.at("progression").at("week") == plan.at("week"));
    CHECK(stats.at("progression").at("hold_s") == 25);
    CHECK(stats.at("progression").at("next_hold_s") == 30);
    const auto screen = limber.run({"stats"});
    CHECK_THAT(screen.out, Contains("Hold       25 s this week · 30 s next week if this week's sessions are all done, held fully and pain "
                                    "does not rise\n"));
}

TEST_CASE("stats reads the stored days: a session logged in New York keeps its day in Tokyo, across DST") {
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "-q"}, {{"TZ", "America/New_York"}, {"LIMBER_NOW", "2026-10-20T12:00:00Z"}}));
    // 23:30 on the night the clocks go back (2026-11-01), and 01:30, the repeated hour.
    must(limber.run({"log", "--date", "2026-10-31", "--time", "23:30", "-q"},
                    {{"TZ", "America/New_York"}, {"LIMBER_NOW", "2026-11-02T12:00:00Z"}}));
    must(limber.run({"log", "--date", "2026-11-01", "--time", "01:30", "-q"},
                    {{"TZ", "America/New_York"}, {"LIMBER_NOW", "2026-11-02T12:00:00Z"}}));
    // In Tokyo, 2026-11-02T16:00Z is already the 3rd.
    const auto r = limber.run({"stats", "--weeks", "2", "--json"}, {{"TZ", "Asia/Tokyo"}, {"LIMBER_NOW", "2026-11-02T16:00:00Z"}});
    must(r);
    const auto j = json::parse(r.out);
    CHECK(j.at("today") == "2026-11-03");
    std::map<std::string, std::string> state;
    for (const auto& d : j.at("days")) state[d.at("date")] = d.at("state");
    CHECK(state.at("2026-10-31") == "done");
    CHECK(state.at("2026-11-01") == "done");
    CHECK(state.at("2026-11-02") == "missed");
    CHECK(state.at("2026-11-03") == "pending");
    CHECK(j.at("streak").at("current") == 0);
    CHECK(j.at("streak").at("longest") == 2);
    CHECK(j.at("days").size() == 14);
}

TEST_CASE("stats with day_start: a session after midnight but before the day starts counts for the evening before") {
    Limber limber;
    must(limber.run({"config", "set", "day_start", "04:00"}));
    must(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-15T12:00:00Z"}}));
    // 02:00 on the 21st is still the limber day of the 20th.
    must(limber.run({"log", "--minutes", "10", "-q"}, {{"LIMBER_NOW", "2026-11-21T02:00:00Z"}}));
    const auto j = json::parse(limber.run({"stats", "--json", "--weeks", "1"}, {{"LIMBER_NOW", "2026-11-21T02:30:00Z"}}).out);
    CHECK(j.at("today") == "2026-11-20");
    CHECK(j.at("days").at(4) == json({{"date", "2026-11-20"}, {"state", "done"}}));
    const auto later = json::parse(limber.run({"stats", "--json", "--weeks", "1"}, {{"LIMBER_NOW", "2026-11-21T05:00:00Z"}}).out);
    CHECK(later.at("today") == "2026-11-21");
    CHECK(later.at("days").at(5) == json({{"date", "2026-11-21"}, {"state", "pending"}}));
    CHECK(later.at("streak").at("current") == 1);
}

TEST_CASE("stats on ten years of daily sessions with holds") {
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "-q"}));
    {
        SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE);
        db.exec(R"(
            UPDATE routines SET created_day = '2016-11-22';
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 3651)
            INSERT INTO sessions (uuid, routine, day, started_at, ended_at, duration_s, zone, status,
                                  pain_before, pain_after, note, source, created_at)
            SELECT printf('%08x-0000-4000-8000-000000000000', i), 'default', date('2016-11-22', '+' || i || ' days'),
                   unixepoch(date('2016-11-22', '+' || i || ' days')) + 25200, NULL, 600, 'UTC', 'completed',
                   6 - i / 1000, 5 - i / 1000, NULL, 'manual', 0
            FROM n WHERE date('2016-11-22', '+' || i || ' days') < '2026-11-21';
            UPDATE sessions SET ended_at = started_at + 600;
            INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s)
            SELECT id, k, 'standing-hamstring', '', 1, 30, 28 + k FROM sessions, (SELECT 0 AS k UNION SELECT 1 UNION SELECT 2);)");
    }
    const auto r = limber.run({"stats", "--json"});
    must(r);
    const auto j = json::parse(r.out);
    const int days = static_cast<int>((std::chrono::sys_days{std::chrono::year{2026} / 11 / 21} -
                                       std::chrono::sys_days{std::chrono::year{2016} / 11 / 22}).count());
    CHECK(j.at("totals").at("sessions") == days);
    CHECK(j.at("totals").at("minutes") == days * 10);
    CHECK(j.at("totals").at("holds") == days * 3);
    CHECK(j.at("totals").at("hold_seconds") == days * (28 + 29 + 30));
    CHECK(j.at("streak") == json({{"current", days}, {"longest", days}, {"unit", "days"}}));
    CHECK(j.at("adherence").at("due") == 12 * 7 - 2);  // today pending, tomorrow future
    CHECK(j.at("adherence").at("rate") == 1);
    CHECK(j.at("progression").at("hold_s") == 30);
    CHECK(j.at("progression").at("weekly").back().at("median_hold_s") == 29);
    CHECK(j.at("pain").at("first_avg") == 6);
    CHECK(j.at("pain").at("last_avg") == 3);
    CHECK(j.at("days").size() == 84);

    // the report and bare limber read the same decade, and count it the same way
    const auto report = json::parse(limber.run({"report", "--format", "json", "--weeks", "520"}).out);
    CHECK(report.at("stats") == json::parse(limber.run({"stats", "--json", "--weeks", "520"}).out));
    CHECK(report.at("report").at("weeks") == 520);
    CHECK(report.at("report").at("from") == "2016-12-05");  // 520 weeks back from this Monday
    const auto md = limber.run({"report", "--format", "md", "--weeks", "52"});
    must(md);
    CHECK_THAT(md.out, Contains("**Calendar of the last 26 of 52 weeks (the table above has them all)**\n\n| Day | 2026 W22 | W23 |"));
    CHECK_THAT(md.out, Contains("| 2025-W48 | 2025-11-24 | 7 of 7 | 70 | 30 | 29 |"));
    CHECK_THAT(limber.run({}).out, Contains(fmt::format("Streak: {} days; today's session makes it {}.", days, days + 1)));
}

TEST_CASE("stats without sessions, for a per-week routine, and on a narrow terminal") {
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "--per-week", "3", "-q"}));
    const auto r = limber.run({"stats"}, {{"NO_COLOR", "1"}});
    must(r);
    CHECK_THAT(r.out, StartsWith("Routine \"default\" · 3 days a week · week 1 · Sat 2026-11-21\n"));
    CHECK_THAT(r.out, Contains("Streak     0 weeks, longest 0 weeks\n"));
    CHECK_THAT(r.out, Contains("Adherence  nothing was due since the routine began on 2026-11-21\n"));
    CHECK_THAT(r.out, Contains("Time       no sessions yet"));
    CHECK_THAT(r.out, Contains("Pain       no session rated yet"));
    // 13 columns of label, 12 empty weeks of two cells less one, two spaces, then the words.
    CHECK_THAT(r.out, Contains("hold" + std::string(9 + 23 + 2, ' ') + "no holds recorded\n"));
    const auto j = json::parse(limber.run({"stats", "--json"}).out);
    CHECK(j.at("target") == json({{"kind", "per_week"}, {"count", 3}}));
    CHECK(j.at("streak").at("unit") == "weeks");
    CHECK(j.at("adherence").at("rate").is_null());
    CHECK(j.at("pain").at("first_avg").is_null());

    Terminal narrow(limber, {"stats", "--weeks", "30"}, {{"NO_COLOR", "1"}}, Attach::Terminal, 50, 24);
    REQUIRE(narrow.wait_exit() == 0);
    CHECK_THAT(narrow.output(), Contains("The last 11 of 30 weeks fit this width"));
    const auto full = limber.run({"stats", "--weeks", "30"}, {{"NO_COLOR", "1"}});
    CHECK_THAT(full.out, !Contains("fit this width"));
}

TEST_CASE("stats refuses a bad --weeks and an unknown routine, and changes nothing") {
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "-q"}));
    check_usage_errors(limber, {
        {{"stats", "--weeks", "0"}, "limber: error: --weeks '0': not a whole number of weeks from 1 to 5200\n"},
        {{"stats", "--weeks", "5201"}, "limber: error: --weeks '5201': not a whole number of weeks from 1 to 5200\n"},
        {{"stats", "--weeks", "1.5"}, "limber: error: --weeks '1.5': not a whole number of weeks from 1 to 5200\n"},
        {{"stats", "--weeks", ""}, "limber: error: --weeks '': not a whole number of weeks from 1 to 5200\n"},
    });
    const std::string before = read_file(limber.db());
    const auto r = limber.run({"stats", "defualt"});
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK(r.err == "limber: error: no routine 'defualt'\nhint: did you mean 'default'?\n");
    CHECK(read_file(limber.db()) == before);
}
