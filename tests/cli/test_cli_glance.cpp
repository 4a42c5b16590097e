// End-to-end: bare `limber` — today at a glance on a first run (no database made), with a
// routine due, done, not due until another day, after a flare, suspended, and quiet.
#include "refusals.hpp"

#include <catch2/catch.hpp>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

TEST_CASE("bare limber on a first run says how to plan a routine, and makes no database") {
    Limber limber;
    const auto r = limber.run({});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("No routine yet. Plan your first one"));
    CHECK_THAT(r.out, Contains("\n  limber plan --level beginner\n"));
    CHECK(!std::filesystem::exists(limber.db()));
    const auto quiet = limber.run({"-q"});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.out.empty());
    CHECK(quiet.err.empty());
    // a database without routines (a history imported, say) says the same
    must(limber.run({"config", "set", "week_start", "monday"}));
    REQUIRE(std::filesystem::exists(limber.db()));
    CHECK_THAT(limber.run({}).out, Contains("No routine yet."));
}

TEST_CASE("bare limber with a routine due shows its minutes, hold, streak and the command to run") {
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-17T08:00:00Z"}}));
    for (const char* day : {"2026-11-18", "2026-11-19", "2026-11-20"})
        must(limber.run({"log", "--date", day, "-q"}, {{"LIMBER_NOW", std::string(day) + "T20:00:00Z"}}));
    const std::string before = read_file(limber.db());
    const auto r = limber.run({});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto plan = limber.run({"plan", "show"}).out;  // "Week 1: hold 15 s · about 10 min 10 s, …"
    const auto about = plan.find("about ");
    REQUIRE(about != std::string::npos);
    const std::string minutes = plan.substr(about + 6, plan.find_first_of(",(", about) - about - 6);
    CHECK(r.out == "Sat 2026-11-21\n\n"
                   "default: due today, about " + minutes.substr(0, minutes.find_last_not_of(' ') + 1) + "\n"
                   "  Hold 15 s this week (routine week 1).\n"
                   "  Streak: 3 days; today's session makes it 4.\n"
                   "\n"
                   "Next: limber start\n");
    CHECK(read_file(limber.db()) == before);  // a look changes nothing
    const auto quiet = limber.run({"-q"});
    CHECK(quiet.out == "default: due today, about " + minutes.substr(0, minutes.find_last_not_of(' ') + 1) + "\n");
    // colour only when asked for
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK_THAT(limber.run({"--color", "always"}).out, Contains("\x1b[1mdefault\x1b[0m: due today"));
}

TEST_CASE("bare limber after today's session says when the next one is due") {
    Limber limber;
    SECTION("daily: tomorrow") {
        must(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-20T08:00:00Z"}}));
        must(limber.run({"log", "-q"}));
        const auto r = limber.run({});
        CHECK_THAT(r.out, Contains("default: done today; next session tomorrow, Sun 2026-11-22\n"));
        CHECK_THAT(r.out, Contains("  Streak: 1 day.\n"));
        CHECK_THAT(r.out, Contains("Nothing is due today."));
        CHECK(r.out.find("Next: limber start") == std::string::npos);
    }
    SECTION("weekdays: the next of its days") {
        must(limber.run({"plan", "--level", "beginner", "--days", "mon,wed", "-q"}, {{"LIMBER_NOW", "2026-11-16T08:00:00Z"}}));
        CHECK_THAT(limber.run({"-q"}).out, Contains("default: nothing due today; next session Mon 2026-11-23\n"));
    }
    SECTION("per week, this week's count met: next week") {
        must(limber.run({"plan", "--level", "beginner", "--per-week", "2", "-q"}, {{"LIMBER_NOW", "2026-11-16T08:00:00Z"}}));
        for (const char* day : {"2026-11-17", "2026-11-19"})
            must(limber.run({"log", "--date", day, "-q"}, {{"LIMBER_NOW", std::string(day) + "T20:00:00Z"}}));
        CHECK(limber.run({"-q"}).out == "default: nothing due today; next session Mon 2026-11-23\n");
        // with the week starting on Sunday, tomorrow begins the next week
        must(limber.run({"config", "set", "week_start", "sunday"}));
        CHECK(limber.run({"-q"}).out == "default: nothing due today; next session tomorrow, Sun 2026-11-22\n");
    }
    SECTION("a pause: the day after it") {
        must(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-20T08:00:00Z"}}));
        must(limber.run({"pause", "--from", "2026-11-21", "--to", "2026-11-24", "-q"}));
        CHECK(limber.run({"-q"}).out == "default: nothing due today; next session Wed 2026-11-25\n");
    }
}

TEST_CASE("bare limber shows a flare's shorter hold, a suspension, and each routine's command") {
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-10T08:00:00Z"}}));
    must(limber.run({"log", "--date", "2026-11-20", "--pain-before", "2", "--pain-after", "5", "-q"},
                    {{"LIMBER_NOW", "2026-11-20T20:00:00Z"}}));
    must(limber.run({"plan", "desk", "--level", "beginner", "--constraint", "seated-only", "-q"}));
    const auto r = limber.run({});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("default: due today"));
    CHECK_THAT(r.out, Contains("desk: due today"));
    CHECK_THAT(r.out, Contains("  Next session: "));  // R25: after a flare, 5 s shorter holds
    CHECK_THAT(r.out, Contains("Next: limber start\nNext: limber start desk\n"));

    REQUIRE(limber.run({"flag", "add", "fever", "-q"}).exit_code == 5);
    const auto suspended = limber.run({});
    CHECK(suspended.exit_code == 0);
    CHECK_THAT(suspended.out, Contains("default: suspended\n"));
    CHECK_THAT(suspended.out, Contains("desk: suspended\n"));
    CHECK_THAT(suspended.out, Contains("\nEvery routine is suspended since 2026-11-21: you reported back pain with a\n"));
    CHECK(suspended.out.find("Next: limber start") == std::string::npos);
    CHECK(limber.run({"-q"}).out == "default: suspended\ndesk: suspended\n");
    must(limber.run({"flag", "clear", "-q"}));
    CHECK_THAT(limber.run({}).out, Contains("Next: limber start\n"));
}

TEST_CASE("bare limber still refuses bad global options and unknown commands") {
    Limber limber;
    const auto colour = limber.run({"--color", "sometimes"});
    CHECK(colour.exit_code == 2);
    CHECK(colour.out.empty());
    CHECK_THAT(colour.err, StartsWith("limber: error: "));
    CHECK(limber.run({"--frobnicate"}).exit_code == 2);
    CHECK(!std::filesystem::exists(limber.db()));
}

TEST_CASE("bare limber's today follows day_start and the zone: after midnight, before 04:00, it is still yesterday") {
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-15T08:00:00Z"}}));
    must(limber.run({"config", "set", "day_start", "04:00"}));
    must(limber.run({"log", "--date", "2026-11-21", "--time", "22:00", "-q"}, {{"LIMBER_NOW", "2026-11-21T23:00:00Z"}}));
    // 02:00 on Sunday is still Saturday's day, and Saturday is done
    const auto night = limber.run({}, {{"LIMBER_NOW", "2026-11-22T02:00:00Z"}});
    CHECK_THAT(night.out, StartsWith("Sat 2026-11-21\n\ndefault: done today; next session tomorrow, Sun 2026-11-22\n"));
    // from 04:00 Sunday is due
    CHECK(limber.run({"-q"}, {{"LIMBER_NOW", "2026-11-22T04:00:00Z"}}).out.rfind("default: due today", 0) == 0);
    // in Tokyo 02:00 UTC is 11:00 on Sunday: due
    const auto tokyo = limber.run({}, {{"LIMBER_NOW", "2026-11-22T02:00:00Z"}, {"TZ", "Asia/Tokyo"}});
    CHECK_THAT(tokyo.out, StartsWith("Sun 2026-11-22\n\ndefault: due today"));
}

TEST_CASE("bare limber names a pause in force, a lapsed streak, and a flare after today's session") {
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-10T08:00:00Z"}}));
    for (const char* day : {"2026-11-12", "2026-11-13"})
        must(limber.run({"log", "--date", day, "-q"}, {{"LIMBER_NOW", std::string(day) + "T20:00:00Z"}}));
    const auto lapsed = limber.run({});
    CHECK_THAT(lapsed.out, Contains("  No streak running (the longest was 2 days): today's session starts one.\n"));
    // today's session was a flare: the next one is shorter, though nothing is due now
    must(limber.run({"log", "--pain-before", "2", "--pain-after", "6", "-q"}));
    const auto flare = limber.run({});
    CHECK_THAT(flare.out, Contains("default: done today; next session tomorrow, Sun 2026-11-22\n"));
    CHECK_THAT(flare.out, Contains("  Next session: "));
    must(limber.run({"pause", "--from", "2026-11-21", "--to", "2026-11-25", "--reason", "flu", "-q"}));
    const auto paused = limber.run({});
    CHECK_THAT(paused.out, Contains("next session Thu 2026-11-26\n"));
    CHECK_THAT(paused.out, Contains("  Paused to Wed 2026-11-25 (flu).\n"));
}
