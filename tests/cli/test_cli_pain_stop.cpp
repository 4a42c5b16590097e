// End-to-end: while progression is stopped (DOMAIN.md R25: three flares in a row, or four among
// the last seven rated sessions), every place that says what to do today — bare `limber`,
// `remind`, `stats`, `plan show`, `start` — gives the advice to see a clinician first, and none
// urges keeping the streak. Histories are logged day by day with --pain-before/--pain-after;
// the read-only commands leave the database as it was.
#include "refusals.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

/// A beginner routine made on Monday 2026-11-09, then one session a day from the 9th: 'F' a
/// flare (pain 2 before, 5 after), 'c' a calm one (3 and 3). The harness's today, Saturday
/// 2026-11-21, is in routine week 2 (16-22 November) and still due.
void history(const Limber& limber, const std::string& days) {
    must(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-09T07:00:00Z"}}));
    for (std::size_t i = 0; i < days.size(); ++i) {
        const std::string day = (9 + i < 10 ? "2026-11-0" : "2026-11-") + std::to_string(9 + i);
        const bool flare = days[i] == 'F';
        must(limber.run({"log", "--date", day, "--pain-before", flare ? "2" : "3", "--pain-after", flare ? "5" : "3", "-q"},
                        {{"LIMBER_NOW", day + "T20:00:00Z"}}));
    }
}

/// Runs a command that only reads: exit 0, nothing on stderr, the database byte for byte as it was.
Result look(const Limber& limber, const std::vector<std::string>& args) {
    const std::string before = read_file(limber.db());
    const auto r = limber.run(args);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(read_file(limber.db()) == before);
    return r;
}

/// Nothing urges keeping a streak.
void no_streak_urged(const std::string& out) {
    CHECK(out.find("makes it") == std::string::npos);
    CHECK(out.find("streak going") == std::string::npos);
    CHECK(out.find("at stake") == std::string::npos);
    CHECK(out.find("Streak:") == std::string::npos);
    CHECK(out.find("Start a streak") == std::string::npos);
}

/// Everything that says what to do today, checked for `advice` (the first two sentences of
/// the stop advice) first; `why` is the stop_why of the JSON.
void advice_comes_first(const Limber& limber, const std::string& advice, const std::string& why) {
    SECTION("bare limber leads with it, and urges no streak") {
        const auto r = look(limber, {});
        CHECK_THAT(r.out, StartsWith("Sat 2026-11-21\n\ndefault: progression stopped; due today, about "));
        const std::string text = flat(r.out);
        const auto at = text.find("due today, about ");
        const auto advice_at = text.find(advice);
        REQUIRE(at != std::string::npos);
        REQUIRE(advice_at != std::string::npos);
        CHECK(advice_at > at);  // the first note under the routine, before its hold
        CHECK(advice_at < text.find(" s this week (routine week 2)."));
        CHECK_THAT(r.out, Contains("\nNext: see a physiotherapist or doctor; until then limber start stretches gently at this week's holds\n"));
        CHECK(r.out.find("\nNext: limber start") == std::string::npos);
        no_streak_urged(r.out);
        CHECK_THAT(look(limber, {"-q"}).out, StartsWith("default: progression stopped; due today, about "));
    }
    SECTION("remind prints the advice instead of the streak, still one line and exit 0") {
        const auto r = look(limber, {"remind"});
        CHECK_THAT(r.out, StartsWith(advice + " If you stretch today, gently: routine \"default\", about "));
        CHECK(line_count(r.out) == 1);
        no_streak_urged(r.out);
        // once today's session is done, nothing is due: silence, as ever
        must(limber.run({"log", "--pain-before", "3", "--pain-after", "3", "-q"}));
        const auto done = look(limber, {"remind"});
        CHECK(done.out.empty());
    }
    SECTION("stats puts it before the figures, and its JSON says why") {
        const auto r = look(limber, {"stats"});
        CHECK_THAT(flat(r.out), StartsWith("Routine \"default\" · daily · week 2 · Sat 2026-11-21 Stopped " + advice));
        CHECK(r.out.find("Stopped") < r.out.find("Streak"));
        CHECK(r.out.find("next week if") == std::string::npos);
        CHECK_THAT(r.out, Contains(" · progression stopped\n"));
        const auto j = json::parse(look(limber, {"stats", "--json"}).out);
        CHECK(j["progression"]["stopped"] == true);
        CHECK(j["progression"]["stop_why"] == why);
        CHECK_THAT(j["progression"]["notes"][0].get<std::string>(), StartsWith(advice));
    }
    SECTION("plan show puts it under the routine's name, before the week; its JSON says why") {
        const auto r = look(limber, {"plan", "show"});
        const auto lines = flat(r.out);
        CHECK_THAT(lines, StartsWith("Routine \"default\" — beginner · chair, wall · daily ! " + advice));
        CHECK(r.out.find(advice.substr(0, 30)) < r.out.find("Week 2:"));
        CHECK(r.out.find("Progression is stopped") == r.out.rfind("Progression is stopped"));  // once
        const auto j = json::parse(look(limber, {"plan", "show", "--json"}).out);
        CHECK(j["progression_stopped"] == true);
        CHECK(j["stop_why"] == why);
        CHECK_THAT(j["hold_notes"][0].get<std::string>(), StartsWith(advice));
    }
    SECTION("start without a terminal says it before anything else, and the session runs") {
        const auto r = limber.run({"start", "--hold", "1", "--rest", "0", "--pain-before", "3", "--pain-after", "3"});
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, StartsWith(advice + " The hold can rise again after a week"));
        CHECK_THAT(r.out, Contains("\nstart: routine \"default\", session "));
        CHECK(r.out.find("Progression is stopped") == r.out.rfind("Progression is stopped"));
        // -q too: the advice is not a note that quiet leaves out (the calm session just done ended
        // the run of flares, not the stop: no week has ended since)
        const auto quiet = limber.run({"start", "--hold", "1", "--rest", "0", "--no-prompt", "-q"});
        CHECK(quiet.exit_code == 0);
        CHECK_THAT(quiet.out, StartsWith("Progression is stopped: "));
        CHECK_THAT(flat(quiet.out), Contains("See a physiotherapist or doctor before going on."));
    }
    SECTION("start on a terminal says it before the overview and the pain question") {
        Terminal terminal(limber, {"start", "--hold", "1", "--rest", "0", "--no-bell"});
        REQUIRE(terminal.wait_for("Progression is stopped:"));
        REQUIRE(terminal.wait_for("physiotherapist or doctor before going on."));
        REQUIRE(terminal.wait_for("Coming up: "));
        REQUIRE(terminal.wait_for("Back pain now? 0 (none) to 10 (worst), Enter to skip: "));
        terminal.type("\n");
        REQUIRE(terminal.wait_for("Enter to skip: ", std::chrono::seconds{60}));
        terminal.type("\n");
        CHECK(terminal.wait_exit() == 0);
        const std::string& out = terminal.output();
        CHECK(out.find("Progression is stopped:") < out.find("Coming up: "));
    }
}

}  // namespace

TEST_CASE("R25 end to end: after three flares in a row the advice to see a clinician comes first everywhere") {
    Limber limber;
    history(limber, "cccccccccFFF");  // 9-17 November calm, 18-20 flares: a 12-day streak
    // before, bare limber said "Streak: 12 days; today's session makes it 13." and remind "Keep
    // your 12-day streak going.", with the advice only in plan show, stats and start
    advice_comes_first(limber,
                       "Progression is stopped: your last 3 rated sessions were flares. See a physiotherapist or "
                       "doctor before going on.",
                       "flare-run");
}

TEST_CASE("R25 end to end: four flares among the last seven rated sessions, none in a row, stop progression too") {
    Limber limber;
    history(limber, "cccccFcFcFcF");  // 14-20 November: F c F c F c F
    advice_comes_first(limber,
                       "Progression is stopped: 4 of your last 7 rated sessions were flares. See a physiotherapist or "
                       "doctor before going on.",
                       "flares-in-seven");
}

TEST_CASE("R25 end to end: three flares among seven stop nothing, four stop until a week ends clear of them") {
    Limber limber;
    SECTION("three flares among the last seven: the streak as ever") {
        history(limber, "cccccFcFcFcc");  // 14-20 November: F c F c F c c
        const auto glance = look(limber, {});
        CHECK(glance.out.find("Progression is stopped") == std::string::npos);
        CHECK_THAT(glance.out, Contains("  Streak: 12 days; today's session makes it 13.\n"));
        CHECK_THAT(glance.out, Contains("\nNext: limber start\n"));
        CHECK_THAT(look(limber, {"remind"}).out, Contains("Keep your 12-day streak going."));
        CHECK(json::parse(look(limber, {"plan", "show", "--json"}).out)["progression_stopped"] == false);
        CHECK(json::parse(look(limber, {"stats", "--json"}).out)["progression"]["stop_why"].is_null());
    }
    SECTION("four: a calm session today does not lift the stop, the end of a week clear of them does") {
        history(limber, "cccccFcFcFcF");
        must(limber.run({"log", "--pain-before", "3", "--pain-after", "3", "-q"}));  // Saturday 21st
        const auto saturday = look(limber, {});
        CHECK_THAT(flat(saturday.out), Contains("Progression is stopped: four of seven of your rated sessions were "
                                                "flares, and no week has ended clear of them since. See a "
                                                "physiotherapist or doctor before going on."));
        no_streak_urged(saturday.out);
        const Env sunday = {{"LIMBER_NOW", "2026-11-22T20:00:00Z"}};
        must(limber.run({"log", "--pain-before", "3", "--pain-after", "3", "-q"}, sunday));
        // the week of 16-22 November ends with F c F c F c c: progression goes on from Monday
        const Env monday = {{"LIMBER_NOW", "2026-11-23T07:00:00Z"}};
        const auto plan = limber.run({"plan", "show", "--json"}, monday);
        must(plan);
        const auto j = json::parse(plan.out);
        CHECK(j["progression_stopped"] == false);
        CHECK(j["stop_why"].is_null());
        CHECK(j["hold_why"] == "more-pain");  // the week's pain after rose on average: no rise yet
        const auto glance = limber.run({}, monday);
        CHECK(glance.out.find("Progression is stopped") == std::string::npos);
        CHECK_THAT(glance.out, Contains("  Streak: 14 days; today's session makes it 15.\n"));
    }
}
