// End-to-end: pain and red flags steer the programme (DOMAIN.md R25, R27). Scripted histories
// are imported as JSON and read back through `plan show --json` and `stats --json`; red flags
// of each of the three tiers suspend start, due and remind until `flag clear`; an event reported
// after a clearance stops again, a lasting condition only warns; a safety stop's JSON matches
// schemas/safety-stop.schema.json; a pain of 8 at `start` on a terminal asks before stretching.
#include "harness.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string one(const Limber& limber, const std::string& sql) {
    SQLite::Database db(limber.db().string());
    return db.execAndGet(sql).getString();
}

Env at(const std::string& day) { return {{"LIMBER_NOW", day + "T07:00:00Z"}}; }

/// One scripted week: the seconds held in each of its stretch holds (nullopt: a logged
/// session without holds) and the pain of each of its seven daily sessions.
struct Week {
    std::optional<int> held_s;
    std::optional<int> before;
    std::optional<int> after;
};

/// Daily sessions of routine "default" from 2026-11-02 (a Monday), one week after another;
/// within a week, `flares` last sessions are rated 2 → 5 instead.
json history(const std::vector<Week>& weeks, int flares_at_end = 0) {
    json sessions = json::array();
    int n = 0;
    for (std::size_t w = 0; w < weeks.size(); ++w)
        for (int d = 0; d < 7; ++d, ++n) {
            const int day = 2 + n;  // 2 November onwards
            const std::string date = day <= 30 ? fmt::format("2026-11-{:02}", day) : fmt::format("2026-12-{:02}", day - 30);
            json s = {{"uuid", fmt::format("00000000-0000-4000-8000-{:012}", n)},
                      {"date", date},
                      {"started_at", date + "T08:00:00Z"},
                      {"ended_at", date + "T08:10:00Z"},
                      {"duration_s", 600},
                      {"routine", "default"},
                      {"status", "completed"},
                      {"note", ""},
                      {"source", weeks[w].held_s ? "guided" : "manual"}};
            const bool flare = w + 1 == weeks.size() && d >= 7 - flares_at_end;
            s["pain_before"] = flare ? json(2) : weeks[w].before ? json(*weeks[w].before) : json(nullptr);
            s["pain_after"] = flare ? json(5) : weeks[w].after ? json(*weeks[w].after) : json(nullptr);
            json holds = json::array();
            if (weeks[w].held_s)
                for (const char* side : {"left", "right"})
                    for (int rep = 1; rep <= 2; ++rep)
                        holds.push_back({{"exercise", "heel-on-step"}, {"side", side}, {"rep", rep},
                                         {"target_s", 15}, {"held_s", *weeks[w].held_s}});
            s["holds"] = holds;
            sessions.push_back(s);
        }
    return sessions;
}

/// A beginner routine made on 2026-11-02 with `weeks` imported; then plan show --json and
/// stats --json on the Monday after them.
struct Shown {
    json plan;
    json stats;
    std::string plan_text;
    std::string stats_text;
};
Shown after_weeks(const std::vector<Week>& weeks, int flares_at_end = 0) {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "-q"}, at("2026-11-02")).exit_code == 0);
    write_file(limber.dir() / "history.json", history(weeks, flares_at_end).dump());
    const auto imported = limber.run({"import", (limber.dir() / "history.json").string()});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    const int days = 2 + 7 * static_cast<int>(weeks.size());
    const std::string today = days <= 30 ? fmt::format("2026-11-{:02}", days) : fmt::format("2026-12-{:02}", days - 30);
    Shown shown;
    const auto plan = limber.run({"plan", "show", "--json"}, at(today));
    const auto stats = limber.run({"stats", "--json"}, at(today));
    const auto plan_text = limber.run({"plan", "show"}, at(today));
    const auto stats_text = limber.run({"stats"}, at(today));
    for (const auto* r : {&plan, &stats, &plan_text, &stats_text}) {
        INFO(r->err);
        REQUIRE(r->exit_code == 0);
    }
    shown.plan = json::parse(plan.out);
    shown.stats = json::parse(stats.out);
    shown.plan_text = flat(plan_text.out);
    shown.stats_text = flat(stats_text.out);
    // plan show and stats always agree on the hold
    CHECK(shown.stats["progression"]["hold_s"] == shown.plan["hold_s"]);
    CHECK(shown.stats["progression"]["next_hold_s"] == shown.plan["next_hold_s"]);
    CHECK(shown.stats["progression"]["session_hold_s"] == shown.plan["session_hold_s"]);
    return shown;
}

std::string python(const std::string& script, const std::vector<std::string>& args) {
    const Result r = run_python(script, args);
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

/// Validates each JSON file against schemas/safety-stop.schema.json; "ok" per file.
std::string validate_stops(const std::vector<std::string>& files) {
    const fs::path schema = fs::path(LIMBER_SOURCE_DIR) / "schemas" / "safety-stop.schema.json";
    const std::string check =
        "import json, sys, jsonschema\n"
        "schema = json.load(open(sys.argv[1]))\n"
        "jsonschema.Draft202012Validator.check_schema(schema)\n"
        "for doc in sys.argv[2:]:\n"
        "    jsonschema.validate(json.load(open(doc)), schema, cls=jsonschema.Draft202012Validator)\n"
        "    print(\"ok\")";
    std::vector<std::string> args = {schema.string()};
    args.insert(args.end(), files.begin(), files.end());
    return python(check, args);
}

}  // namespace

TEST_CASE("R25 end to end: weeks held short keep the hold, weeks held fully raise it") {
    SECTION("two weeks of 1-second holds stay at 15 s") {
        const auto s = after_weeks({{1, 3, 3}, {1, 3, 3}});
        CHECK(s.plan["hold_s"] == 15);
        CHECK(s.plan["hold_why"] == "held-short");
        CHECK(s.stats["progression"]["why"] == "held-short");
        CHECK_THAT(s.plan_text, Contains("Hold 15 s: unchanged, as last week's holds lasted 1 s (the median), under "
                                         "90 % of its 15 s."));
        CHECK_THAT(s.stats_text, Contains("under 90 % of its 15 s"));
    }
    SECTION("held fully: 15, 20, 25") {
        const auto s = after_weeks({{15, 3, 3}, {20, 3, 3}});
        CHECK(s.plan["hold_s"] == 25);
        CHECK(s.plan["hold_why"] == "advanced");
        CHECK(s.plan["next_hold_s"] == 30);
        CHECK_THAT(s.plan_text, Contains("Hold 25 s: up 5 s, as last week's sessions were all done, held fully, and "
                                         "pain did not rise."));
    }
    SECTION("weeks with no recorded holds advance as before") {
        const auto s = after_weeks({{std::nullopt, 3, 3}, {std::nullopt, std::nullopt, std::nullopt}});
        CHECK(s.plan["hold_s"] == 25);
    }
    SECTION("weeks with no rated sessions: nothing stops, no flares") {
        const auto s = after_weeks({{15, std::nullopt, std::nullopt}, {20, std::nullopt, std::nullopt}});
        CHECK(s.plan["hold_s"] == 25);
        CHECK(s.stats["pain"]["flares"] == 0);
        CHECK(s.stats["pain"]["trend"]["first_week_avg"].is_null());
        CHECK(s.stats["progression"]["stopped"] == false);
    }
}

TEST_CASE("R25 end to end: a flare shortens the next session, three in a row stop progression") {
    SECTION("one flare at the end of the week") {
        const auto s = after_weeks({{15, 3, 3}, {20, 3, 3}}, 1);
        CHECK(s.plan["hold_s"] == 20);  // the flare raised the week's pain after by 3/7 on average: no rise
        CHECK(s.plan["hold_why"] == "more-pain");
        CHECK(s.plan["session_hold_s"] == 15);
        CHECK(s.stats["pain"]["flares"] == 1);
        CHECK(s.stats["pain"]["last_was_flare"] == true);
        CHECK(s.stats["progression"]["stopped"] == false);
        int stretches = 0;
        for (const auto& item : s.plan["items"])
            if (item["phase"] == "stretch") {
                CHECK(item["hold_s"] == 15);
                CHECK(item["reps"] == 3);  // the reps of 20 s holds: the session is shorter
                ++stretches;
            }
        CHECK(stretches > 0);
        CHECK_THAT(s.plan_text, Contains("Hold 20 s: unchanged, as last week your back hurt 0.4 points more after "
                                         "sessions than before, on average."));
        CHECK_THAT(s.plan_text, Contains("Next session: 15 s holds, 5 s less, as your last one ended with pain 5 after "
                                         "2 before (a flare); the hold is back to 20 s after it."));
        CHECK_THAT(s.stats_text, Contains("15 s next session, after a flare"));
    }
    SECTION("three flares in a row") {
        const auto s = after_weeks({{15, 3, 3}, {20, 3, 3}}, 3);
        CHECK(s.plan["hold_s"] == 20);  // week 2 ended on three flares: no rise
        CHECK(s.plan["hold_why"] == "flare-run");
        CHECK(s.plan["next_hold_s"] == 20);
        CHECK(s.stats["pain"]["flare_run"] == 3);
        CHECK(s.stats["progression"]["stopped"] == true);
        CHECK_THAT(s.plan_text, Contains("Progression is stopped: your last 3 rated sessions were flares. See a "
                                         "physiotherapist or doctor"));
        CHECK_THAT(s.stats_text, Contains("progression stopped"));
    }
}

TEST_CASE("R25 end to end: pain before rising from 2 to 8 over four weeks stops progression with advice") {
    const auto s = after_weeks({{15, 2, 2}, {20, 4, 4}, {20, 6, 6}, {20, 8, 8}});
    CHECK(s.plan["hold_s"] == 20);  // week 2 is 2 points up: stopped from then on
    CHECK(s.plan["hold_why"] == "pain-rising");
    CHECK(s.stats["pain"]["trend"]["rising"] == true);
    CHECK(s.stats["pain"]["trend"]["first_week_avg"] == 2);
    CHECK(s.stats["pain"]["trend"]["last_week_avg"] == 8);
    CHECK(s.stats["progression"]["stopped"] == true);
    CHECK_THAT(s.plan_text, Contains("Progression is stopped: your back pain before sessions has risen from 2 to 8 "
                                     "(weekly average). See a physiotherapist or doctor"));
}

TEST_CASE("R25 end to end: six weeks without 2 points of improvement suggest a physiotherapist") {
    const auto s = after_weeks({{15, 5, 5}, {20, 5, 5}, {25, 5, 5}, {30, 4, 4}, {30, 4, 4}, {30, 4, 4}});
    CHECK(s.stats["pain"]["trend"]["see_physio"] == true);
    CHECK(s.plan["hold_s"] == 30);
    CHECK_THAT(s.stats_text, Contains("After 6 weeks your back pain before sessions (4) is not 2 points better"));
}

TEST_CASE("R27: a red flag of each tier suspends start, due and remind until flag clear") {
    for (const std::string symptom : {"bladder-bowel", "fever", "cancer-history"}) {
        DYNAMIC_SECTION(symptom) {
            Limber limber;
            REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}).exit_code == 0);
            REQUIRE(limber.run({"due"}).exit_code == 0);
            const auto stop = limber.run({"plan", "--level", "beginner", "--symptom", symptom});
            CHECK(stop.exit_code == 5);
            CHECK(stop.err.empty());  // advice, not an error
            if (symptom == "bladder-bowel") {
                CHECK_THAT(stop.out, StartsWith("Emergency: stop now.\n"));
                CHECK_THAT(flat(stop.out), Contains("go to an emergency department now or call your emergency number."));
            } else if (symptom == "fever") {
                CHECK_THAT(stop.out, StartsWith("Urgent: see a doctor today.\n"));
                CHECK_THAT(flat(stop.out), Contains("call your doctor's surgery for an appointment today, or your "
                                                    "urgent health line (111 in England)."));
                CHECK_THAT(stop.out, !Contains("emergency"));
            } else {
                CHECK_THAT(stop.out, StartsWith("See a doctor first.\n"));
                CHECK_THAT(flat(stop.out), Contains("see a doctor soon, before stretching (it need not be today)."));
                CHECK_THAT(stop.out, !Contains("emergency") && !Contains("111"));
            }
            CHECK(one(limber, "SELECT symptom || ' ' || day || ' ' || source || ' ' || stops FROM red_flags") ==
                  symptom + " 2026-11-21 plan 1");
            CHECK(one(limber, "SELECT count(*) FROM routine_items") != "0");  // the saved routine stays, suspended

            const auto start = limber.run({"start", "--hold", "1", "--rest", "0"});
            CHECK(start.exit_code == 5);
            CHECK_THAT(start.out, StartsWith("Every routine is suspended since 2026-11-21"));
            CHECK(one(limber, "SELECT count(*) FROM sessions") == "0");
            CHECK(limber.run({"due"}).exit_code == 1);
            const auto remind = limber.run({"remind"});
            CHECK(remind.exit_code == 0);
            CHECK(remind.out.empty());
            const auto show = limber.run({"plan", "show", "--json"});
            CHECK(json::parse(show.out)["suspended"] == true);
            CHECK_THAT(flat(limber.run({"plan", "show"}).out), Contains("! Every routine is suspended since 2026-11-21"));
            CHECK(json::parse(limber.run({"stats", "--json"}).out)["suspended"] == true);
            CHECK_THAT(flat(limber.run({"stats"}).out), Contains("Suspended Every routine is suspended"));
            const auto list = json::parse(limber.run({"flag", "list", "--json"}).out);
            CHECK(list["suspended"] == true);
            REQUIRE(list["flags"].size() == 1);
            CHECK(list["flags"][0]["tier"] == (symptom == "fever"            ? "urgent"
                                               : symptom == "cancer-history" ? "see-doctor"
                                                                             : "emergency"));

            const auto clear = limber.run({"flag", "clear", "--note", "seen by Dr Okafor"}, at("2026-11-23"));
            CHECK(clear.exit_code == 0);
            CHECK_THAT(flat(clear.out), StartsWith("Cleared 1 red flag on 2026-11-23 (seen by Dr Okafor); your routines resume"));
            CHECK(one(limber, "SELECT note || ' ' || day FROM flag_clearances") == "seen by Dr Okafor 2026-11-23");
            CHECK(limber.run({"due"}, at("2026-11-23")).exit_code == 0);
            CHECK_THAT(limber.run({"remind"}, at("2026-11-23")).out, StartsWith("Stretch today"));
            CHECK(json::parse(limber.run({"plan", "show", "--json"}, at("2026-11-23")).out)["suspended"] == false);
            CHECK(limber.run({"start", "--hold", "1", "--rest", "0"}, at("2026-11-23")).exit_code == 0);
            // the suspended days are excused, as paused days are: not missed, and no streak broken
            const json stats = json::parse(limber.run({"stats", "--json"}, at("2026-11-23")).out);
            for (const auto& d : stats["days"])
                if (d["date"] == "2026-11-21" || d["date"] == "2026-11-22") CHECK(d["state"] == "paused");
            CHECK(stats["streak"]["current"] == 1);
            CHECK(stats["adherence"]["due"] == 1);

            // reported again after the clearance: a lasting condition warns, an event stops again
            const auto again = limber.run({"flag", "add", symptom}, at("2026-11-24"));
            if (symptom == "cancer-history") {
                CHECK(again.exit_code == 0);
                CHECK_THAT(again.err, StartsWith("limber: warning: A history of cancer: a clinician has cleared this "
                                                 "before"));
                CHECK(limber.run({"due"}, at("2026-11-24")).exit_code == 0);
            } else {
                CHECK(again.exit_code == 5);
                CHECK(limber.run({"due"}, at("2026-11-24")).exit_code == 1);
            }
        }
    }
}

TEST_CASE("R27: a safety stop with --json is one object on stdout that matches its schema") {
    Limber limber;
    const auto plan = limber.run({"plan", "--level", "beginner", "--symptom", "fever,saddle-numbness", "--json"});
    CHECK(plan.exit_code == 5);
    CHECK(plan.err.empty());
    const json stop = json::parse(plan.out);
    CHECK(stop["safety_stop"] == true);
    CHECK(stop["tier"] == "emergency");
    CHECK(stop["symptoms"] == json::array({"fever", "saddle-numbness"}));
    CHECK(stop["recorded"] == true);
    CHECK_THAT(stop["advice"].get<std::string>(), Contains("emergency department"));
    const auto flag = limber.run({"flag", "add", "weight-loss", "--date", "yesterday", "--json", "--dry-run"});
    CHECK(flag.exit_code == 5);
    CHECK(json::parse(flag.out)["recorded"] == false);
    CHECK(json::parse(flag.out)["date"] == "2026-11-20");
    write_file(limber.dir() / "plan.json", plan.out);
    write_file(limber.dir() / "flag.json", flag.out);
    CHECK(validate_stops({(limber.dir() / "plan.json").string(), (limber.dir() / "flag.json").string()}) == "ok\nok\n");
}

TEST_CASE("R27: --dry-run gives the advice and stores nothing, the flag included") {
    Limber limber;
    const auto r = limber.run({"plan", "--level", "beginner", "--symptom", "trauma", "--dry-run"});
    CHECK(r.exit_code == 5);
    CHECK_THAT(flat(r.out), Contains("Not recorded (--dry-run): your routines are not suspended."));
    CHECK_FALSE((fs::exists(limber.db()) && one(limber, "SELECT count(*) FROM red_flags") != "0"));
    CHECK(json::parse(limber.run({"flag", "list", "--json"}).out)["flags"].empty());
}

TEST_CASE("R27: an unknown symptom is a usage error that stores nothing") {
    Limber limber;
    const auto bad = limber.run({"flag", "add", "headache"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, StartsWith("limber: error: SYMPTOM 'headache': not a red-flag symptom; emergency: "
                                   "saddle-numbness, bladder-bowel, both-legs, progressive-weakness, sexual-dysfunction, "
                                   "both-legs-pain, urinary-retention, chest-pain, serious-accident; urgent: fever, "
                                   "weight-loss, night-pain, trauma, back-lump, cough-sneeze, upper-back; see-doctor: "
                                   "cancer-history, steroids, weakened-immunity\n"));
    CHECK(line_count(bad.err) == 1);
    CHECK(limber.run({"flag", "add", "fever", "--date", "tomorrow"}).exit_code == 2);
    CHECK(json::parse(limber.run({"flag", "list", "--json"}).out)["flags"].empty());
    CHECK(limber.run({"flag", "clear"}).out == "No red flag suspends your routines; nothing to clear.\n");
    CHECK(one(limber, "SELECT count(*) FROM flag_clearances") == "0");
    // a red flag outranks a wrong option; an unknown symptom does not
    CHECK(limber.run({"plan", "--level", "expert", "--symptom", "night-pain"}).exit_code == 5);
    CHECK(limber.run({"plan", "--level", "beginner", "--symptom", "nightpain"}).exit_code == 2);
}

TEST_CASE("R25: a session whose holds add up to more than its duration is refused on import and edit") {
    Limber limber;
    json sessions = history({{15, 3, 3}});
    sessions[3]["duration_s"] = 50;  // four holds of 15 s
    write_file(limber.dir() / "bad.json", sessions.dump());
    const auto r = limber.run({"import", (limber.dir() / "bad.json").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err == fmt::format("limber: error: {} index 3, duration_s '50': shorter than the 60 s its holds add up to; "
                               "a session lasts at least as long as its holds\n",
                               (limber.dir() / "bad.json").string()));
    CHECK_FALSE((fs::exists(limber.db()) && one(limber, "SELECT count(*) FROM sessions") != "0"));
    // a CSV row's hold_seconds counts the same way
    write_file(limber.dir() / "bad.csv",
               "uuid,date,started_at,ended_at,duration_s,routine,status,pain_before,pain_after,holds,hold_seconds,note,source\n"
               "00000000-0000-4000-8000-000000000001,2026-11-20,2026-11-20T08:00:00Z,,120,default,completed,,,8,400,,guided\n");
    const auto csv = limber.run({"import", (limber.dir() / "bad.csv").string()});
    CHECK(csv.exit_code == 2);
    CHECK_THAT(csv.err, Contains("line 2, duration_s '120': shorter than the 400 s its holds add up to"));
    // edit --minutes below the holds
    sessions[3]["duration_s"] = 600;
    write_file(limber.dir() / "good.json", sessions.dump());
    REQUIRE(limber.run({"import", (limber.dir() / "good.json").string()}).exit_code == 0);
    const auto edit = limber.run({"edit", "4", "--minutes", "0"});
    CHECK(edit.exit_code == 2);
    const auto short_edit = limber.run({"edit", "4", "--minutes", "1"});
    CHECK(short_edit.exit_code == 0);  // 60 s of holds fit in a minute
    REQUIRE(limber.run({"edit", "4", "--minutes", "10"}).exit_code == 0);
    json longer = history({{15, 3, 3}});
    for (auto& s : longer) {
        s["uuid"] = std::string(s["uuid"]).replace(0, 8, "11111111");
        for (auto& h : s["holds"]) h["held_s"] = 30;  // 120 s of holds
    }
    write_file(limber.dir() / "longer.json", longer.dump());
    REQUIRE(limber.run({"import", (limber.dir() / "longer.json").string()}).exit_code == 0);
    const auto refused = limber.run({"edit", "8", "--minutes", "1"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err == "limber: error: --minutes '1': shorter than the 120 s session 8's holds add up to; use 2 to 600\n");
    CHECK(one(limber, "SELECT duration_s FROM sessions WHERE id = 8") == "600");
}

TEST_CASE("R25: pain of 7 or more at start without a terminal says so and goes on") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}).exit_code == 0);
    const auto r = limber.run({"start", "--hold", "1", "--rest", "0", "--pain-before", "8"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "limber: warning: Pain 8 of 10 before stretching: a gentle walk of 10 to 20 minutes may help more "
                   "than stretching today. With no terminal to ask, the session goes on; stop at any sharp pain.\n");
    CHECK(one(limber, "SELECT status || ' ' || pain_before FROM sessions") == "completed 8");
    CHECK(limber.run({"start", "--hold", "1", "--rest", "0", "--pain-before", "6"}).err.empty());
}

TEST_CASE("R25, R28: a person who cannot stand is advised a seated march at high pain, never a walk") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "5", "--constraint", "seated-only", "-q"}).exit_code == 0);
    const auto r = limber.run({"start", "--hold", "1", "--rest", "0", "--pain-before", "8"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "limber: warning: Pain 8 of 10 before stretching: a gentle seated march of 10 to 20 minutes may "
                   "help more than stretching today. With no terminal to ask, the session goes on; stop at any sharp "
                   "pain.\n");
    CHECK_THAT(r.out + r.err, !Catch::Matchers::Contains("walk"));
}

TEST_CASE("R25 on a terminal: a pain of 8 at start asks the emergency questions and for confirmation") {
    SECTION("no to every question, then no: nothing is stored") {
        Limber limber;
        REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}).exit_code == 0);
        Terminal t(limber, {"start", "--hold", "1", "--rest", "0"}, {{"NO_COLOR", "1"}});
        REQUIRE(t.wait_for("Back pain now?"));
        t.type("8\r");
        REQUIRE(t.wait_for("Pain 8 of 10 is high."));
        for (const char* q : {"groin", "urine", "both legs", "leg getting weaker"}) {
            REQUIRE(t.wait_for(q));
            t.type("n\r");
        }
        REQUIRE(t.wait_for("a gentle walk of 10 to 20 minutes"));
        REQUIRE(t.wait_for("Stretch anyway"));
        t.type("\r");
        REQUIRE(t.wait_for("No session today."));
        CHECK(t.wait_exit() == 0);
        CHECK(one(limber, "SELECT count(*) FROM sessions") == "0");
        CHECK(one(limber, "SELECT count(*) FROM red_flags") == "0");
    }
    SECTION("yes to a question: an emergency stop, recorded from start") {
        Limber limber;
        REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}).exit_code == 0);
        Terminal t(limber, {"start", "--pain-before", "9"}, {{"NO_COLOR", "1"}});
        REQUIRE(t.wait_for("groin"));
        t.type("n\r");
        REQUIRE(t.wait_for("urine"));
        t.type("yes\r");
        REQUIRE(t.wait_for("both legs"));
        t.type("n\r");
        REQUIRE(t.wait_for("weaker"));
        t.type("n\r");
        REQUIRE(t.wait_for("Emergency: stop now."));
        CHECK(t.wait_exit() == 5);
        CHECK(one(limber, "SELECT symptom || ' ' || source FROM red_flags") == "bladder-bowel start");
        CHECK(one(limber, "SELECT count(*) FROM sessions") == "0");
        CHECK(limber.run({"due"}).exit_code == 1);
    }
    SECTION("no, then yes: the session runs") {
        Limber limber;
        REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}).exit_code == 0);
        Terminal t(limber, {"start", "--hold", "1", "--rest", "0", "--pain-before", "7", "--pain-after", "6"},
                   {{"NO_COLOR", "1"}});
        for (int i = 0; i < 4; ++i) {
            REQUIRE(t.wait_for("?"));
            t.type("n\r");
        }
        REQUIRE(t.wait_for("Stretch anyway"));
        t.type("y\r");
        REQUIRE(t.wait_for("Done:", std::chrono::seconds{30}));
        CHECK(t.wait_exit() == 0);
        CHECK(one(limber, "SELECT status || ' ' || pain_before || ' ' || pain_after FROM sessions") == "completed 7 6");
    }
}

namespace {

/// Every symptom of CLI.md with its tier (DOMAIN.md R27 as revised).
const std::vector<std::pair<std::string, std::string>> k_tiers = {
    {"saddle-numbness", "emergency"}, {"bladder-bowel", "emergency"},     {"both-legs", "emergency"},
    {"progressive-weakness", "emergency"}, {"sexual-dysfunction", "emergency"}, {"both-legs-pain", "emergency"},
    {"urinary-retention", "emergency"}, {"chest-pain", "emergency"},       {"serious-accident", "emergency"},
    {"fever", "urgent"},              {"weight-loss", "urgent"},          {"night-pain", "urgent"},
    {"trauma", "urgent"},             {"back-lump", "urgent"},            {"cough-sneeze", "urgent"},
    {"upper-back", "urgent"},         {"cancer-history", "see-doctor"},   {"steroids", "see-doctor"},
    {"weakened-immunity", "see-doctor"},
};

const std::string k_emergency_words = "go to an emergency department now or call your emergency number.";
const std::string k_urgent_words =
    "call your doctor's surgery for an appointment today, or your urgent health line (111 in England).";
const std::string k_see_doctor_words = "see a doctor soon, before stretching (it need not be today).";


}  // namespace

TEST_CASE("R27: every symptom stops in its tier, with plan --symptom and flag add, as JSON of the schema") {
    Limber files;  // holds the JSON documents
    std::vector<std::string> documents;
    for (const auto& [symptom, tier] : k_tiers) {
        INFO(symptom);
        Limber limber;
        const auto plan = limber.run({"plan", "--level", "beginner", "--symptom", symptom, "--json"});
        CHECK(plan.exit_code == 5);
        CHECK(plan.err.empty());
        const auto flag = limber.run({"flag", "add", symptom, "--json"});
        CHECK(flag.exit_code == 5);
        CHECK(flag.err.empty());
        for (const auto* r : {&plan, &flag}) {
            const json stop = json::parse(r->out);
            CHECK(stop["safety_stop"] == true);
            CHECK(stop["tier"] == tier);
            CHECK(stop["symptoms"] == json::array({symptom}));
            CHECK(stop["suspended"] == true);
            const std::string advice = stop["advice"];
            CHECK_THAT(advice, Contains(tier == "emergency" ? k_emergency_words
                                        : tier == "urgent"  ? k_urgent_words
                                                            : k_see_doctor_words));
            const std::string file = (files.dir() / fmt::format("{}-{}.json", symptom, documents.size())).string();
            write_file(file, r->out);
            documents.push_back(file);
        }
        // stored with its name and its tier; the routines suspended, none planned
        CHECK(one(limber, "SELECT group_concat(symptom || ' ' || tier || ' ' || stops, ', ') FROM red_flags") ==
              fmt::format("{0} {1} 1, {0} {1} 1", symptom, tier));
        CHECK(one(limber, "SELECT count(*) FROM routines") == "0");
        const json list = json::parse(limber.run({"flag", "list", "--json"}).out);
        CHECK(list["suspended"] == true);
        CHECK(list["flags"][0]["tier"] == tier);
    }
    std::string oks;
    for (std::size_t i = 0; i < documents.size(); ++i) oks += "ok\n";
    CHECK(validate_stops(documents) == oks);
}

TEST_CASE("R27: the words of each tier, in the text of a stop and of the suspension") {
    struct Case {
        std::string symptom, head, words, suspension;
    };
    for (const auto& c : std::vector<Case>{
             {"chest-pain", "Emergency: stop now.\n", k_emergency_words,
              "Go to an emergency department now or call your emergency number if you have not been seen."},
             {"upper-back", "Urgent: see a doctor today.\n", k_urgent_words,
              "Call your doctor's surgery for an appointment today, or your urgent health line (111 in England), if "
              "you have not been seen."},
             {"weakened-immunity", "See a doctor first.\n", k_see_doctor_words, "See a doctor before stretching."}}) {
        INFO(c.symptom);
        Limber limber;
        const auto stop = limber.run({"flag", "add", c.symptom});
        CHECK(stop.exit_code == 5);
        CHECK_THAT(stop.out, StartsWith(c.head));
        CHECK_THAT(flat(stop.out), Contains(c.words));
        CHECK_THAT(flat(limber.run({"flag", "list"}).out), Contains(c.suspension));
    }
    // the emergency reason fits the symptom: the nerves only for the nerve signs
    Limber limber;
    const auto chest = flat(limber.run({"flag", "add", "chest-pain", "--dry-run"}).out);
    CHECK_THAT(chest, Contains("heart attack") && !Contains("cauda equina"));
    const auto accident = flat(limber.run({"flag", "add", "serious-accident", "--dry-run"}).out);
    CHECK_THAT(accident, Contains("broken bone in the spine") && !Contains("cauda equina"));
    CHECK_THAT(flat(limber.run({"flag", "add", "urinary-retention", "--dry-run"}).out), Contains("cauda equina"));
    const auto fall = flat(limber.run({"flag", "add", "trauma", "--dry-run"}).out);
    CHECK_THAT(fall, StartsWith("Urgent: see a doctor today.") && Contains("With osteoporosis, or at 65 and over, a "
                                                                         "fall or knock can break a bone in the spine"));
    CHECK_FALSE((fs::exists(limber.db()) && one(limber, "SELECT count(*) FROM red_flags") != "0"));
}

TEST_CASE("R27: a fever cleared, then reported again months later, is a new event and stops again") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}).exit_code == 0);
    REQUIRE(limber.run({"flag", "add", "fever", "-q"}).exit_code == 5);
    REQUIRE(limber.run({"flag", "clear", "--note", "GP: viral"}, at("2026-11-23")).exit_code == 0);
    REQUIRE(limber.run({"due"}, at("2026-11-23")).exit_code == 0);

    const auto again = limber.run({"flag", "add", "fever"}, at("2027-03-10"));
    CHECK(again.exit_code == 5);
    CHECK(again.err.empty());
    CHECK_THAT(again.out, StartsWith("Urgent: see a doctor today.\n"));
    CHECK_THAT(flat(again.out), Contains("Recorded for 2027-03-10: your routines are suspended"));
    CHECK_THAT(again.out, !Contains("go on"));
    CHECK(one(limber, "SELECT group_concat(day || ' ' || stops || ' ' || (cleared_by IS NULL), ', ') FROM red_flags") ==
          "2026-11-21 1 0, 2027-03-10 1 1");
    CHECK(limber.run({"due"}, at("2027-03-10")).exit_code == 1);
    CHECK(limber.run({"start", "--hold", "1", "--rest", "0"}, at("2027-03-10")).exit_code == 5);
    const json list = json::parse(limber.run({"flag", "list", "--json"}, at("2027-03-10")).out);
    CHECK(list["suspended"] == true);
    CHECK_THAT(flat(limber.run({}, at("2027-03-10")).out), Contains("Every routine is suspended since 2027-03-10"));
    // and as JSON, and through plan: a stop, not a warning
    const auto json_again = limber.run({"flag", "add", "fever", "--json", "--dry-run"}, at("2027-03-11"));
    CHECK(json_again.exit_code == 5);
    CHECK(json::parse(json_again.out)["safety_stop"] == true);
    CHECK(json::parse(json_again.out)["tier"] == "urgent");
    REQUIRE(limber.run({"flag", "clear"}, at("2027-03-12")).exit_code == 0);
    const auto plan = limber.run({"plan", "--level", "beginner", "--symptom", "fever"}, at("2027-06-01"));
    CHECK(plan.exit_code == 5);
    CHECK(one(limber, "SELECT count(*) FROM red_flags WHERE stops = 1") == "3");
}

TEST_CASE("R27: a cleared history of cancer reported again warns and does not stop") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}).exit_code == 0);
    REQUIRE(limber.run({"flag", "add", "cancer-history", "-q"}).exit_code == 5);
    const auto clear = limber.run({"flag", "clear"}, at("2026-11-23"));
    REQUIRE(clear.exit_code == 0);
    CHECK_THAT(flat(clear.out), Contains("A new fever, fall or other event reported later stops them again; a lasting "
                                         "condition cleared now (a history of cancer, long-term steroids, a weakened "
                                         "immune system) only warns when reported again."));

    const auto again = limber.run({"flag", "add", "cancer-history"}, at("2027-03-10"));
    CHECK(again.exit_code == 0);
    CHECK(again.out == "Recorded cancer-history for 2027-03-10; your routines go on.\n");
    CHECK_THAT(again.err, StartsWith("limber: warning: A history of cancer: a clinician has cleared this before, so "
                                     "your routines go on"));
    CHECK(one(limber, "SELECT stops FROM red_flags WHERE day = '2027-03-10'") == "0");
    CHECK(limber.run({"due"}, at("2027-03-10")).exit_code == 0);
    const auto as_json = limber.run({"flag", "add", "cancer-history", "--json"}, at("2027-03-11"));
    CHECK(as_json.exit_code == 0);
    const json warned = json::parse(as_json.out);
    CHECK(warned["safety_stop"] == false);
    CHECK(warned["suspended"] == false);
    CHECK(warned["symptoms"] == json::array({"cancer-history"}));
    CHECK(warned["warnings"].size() == 1);
    const auto plan = limber.run({"plan", "--level", "beginner", "--symptom", "cancer-history", "-q"}, at("2027-03-12"));
    CHECK(plan.exit_code == 0);
    CHECK_THAT(plan.err, Contains("A history of cancer: a clinician has cleared this before"));
    CHECK(json::parse(limber.run({"flag", "list", "--json"}, at("2027-03-12")).out)["suspended"] == false);
    // with an event beside it, the event stops and the condition is the warning
    const auto both = limber.run({"flag", "add", "cancer-history,back-lump", "--json"}, at("2027-03-13"));
    CHECK(both.exit_code == 5);
    const json stop = json::parse(both.out);
    CHECK(stop["tier"] == "urgent");
    CHECK(stop["symptoms"] == json::array({"back-lump"}));
    CHECK(stop["warnings"].size() == 1);
}

TEST_CASE("R27: with a red flag and no routine, bare limber and flag list lead with the suspension") {
    Limber limber;
    REQUIRE(limber.run({"flag", "add", "fever", "-q"}).exit_code == 5);
    const auto glance = limber.run({});
    CHECK(glance.exit_code == 0);
    CHECK_THAT(glance.out, StartsWith("Sat 2026-11-21\n\nEvery routine is suspended since 2026-11-21: you reported back "
                                      "pain with a"));
    CHECK_THAT(flat(glance.out), Contains("Call your doctor's surgery for an appointment today") &&
                                     Contains("No routine yet. Once a clinician has cleared you, 'limber plan --level "
                                              "beginner' plans your first one."));
    CHECK_THAT(glance.out, !Contains("Plan your first one"));
    CHECK(limber.run({"-q"}).out == "suspended (no routine yet)\n");
    const auto list = limber.run({"flag", "list"});
    CHECK(list.exit_code == 0);
    CHECK_THAT(list.out, Contains("fever") && Contains("urgent") && Contains("suspends routines"));
    CHECK_THAT(flat(list.out), Contains("Every routine is suspended since 2026-11-21: you reported back pain with a "
                                        "fever. Call your doctor's surgery"));
    CHECK(json::parse(limber.run({"flag", "list", "--json"}).out)["suspended"] == true);
    // R27: start stops with the suspension, routine or none (exit 5, the advice on stdout)
    const auto start = limber.run({"start"});
    CHECK(start.exit_code == 5);
    CHECK(start.err.empty());
    CHECK_THAT(flat(start.out), StartsWith("Every routine is suspended since 2026-11-21"));
    // a command that needs the routine's own data still says none exists, and why
    const auto stats = limber.run({"stats"});
    CHECK(stats.exit_code == 3);
    CHECK(stats.err == "limber: error: no routine 'default'\nhint: a red flag suspends every routine ('limber flag "
                       "list'); once a clinician has cleared you, 'limber plan --level beginner' makes one\n");
    // planning while suspended saves the routine and says it is suspended
    const auto plan = limber.run({"plan", "--level", "beginner"});
    CHECK(plan.exit_code == 0);
    CHECK_THAT(flat(plan.out), Contains("! Every routine is suspended since 2026-11-21"));
    CHECK_THAT(limber.run({}).out, Contains("default: suspended\n"));
    CHECK(limber.run({"plan", "rm", "default", "-q"}).exit_code == 0);
    // once cleared, the first run says how to plan
    REQUIRE(limber.run({"flag", "clear", "-q"}).exit_code == 0);
    CHECK_THAT(limber.run({}).out, Contains("No routine yet. Plan your first one"));
    CHECK(limber.run({"-q"}).out.empty());
}

TEST_CASE("R27: bad symptom names are refused with exit 2 and no change to the database") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "-q"}).exit_code == 0);
    const auto before = read_file(limber.db());
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"flag", "add", "chestpain"},
             {"flag", "add", "fever,headache"},
             {"flag", "add", "back-lump", "both-leg"},
             {"flag", "add", ""},
             {"flag", "add", "urgent"},
             {"plan", "--level", "beginner", "--symptom", "immunity"},
             {"plan", "--level", "beginner", "--symptom", "cough"}}) {
        INFO(fmt::format("{}", fmt::join(args, " ")));
        const auto r = limber.run(args);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, StartsWith("limber: error: "));
        CHECK(r.out.empty());
    }
    CHECK_THAT(limber.run({"flag", "add", "chestpain"}).err, Contains("hint: did you mean 'chest-pain'?"));
    CHECK(read_file(limber.db()) == before);
    CHECK(one(limber, "SELECT count(*) FROM red_flags") == "0");
}

TEST_CASE("R27: a database of schema 5 keeps its red flags, re-tiered, and takes urgent ones") {
    Limber limber;
    {
        SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (const char* file :
             {"001_initial.sql", "002_session_ids.sql", "003_hold_totals.sql", "004_programme.sql", "005_red_flags.sql"}) {
            std::ifstream in(fs::path(LIMBER_SOURCE_DIR) / "schemas" / file);
            std::stringstream sql;
            sql << in.rdbuf();
            db.exec(sql.str());
        }
        db.exec("PRAGMA user_version = 5");
        db.exec(R"(INSERT INTO flag_clearances (id, day, recorded_at, note) VALUES (1, '2026-10-03', 1790000000, 'GP'))");
        db.exec(R"(INSERT INTO red_flags (symptom, tier, day, recorded_at, source, stops, cleared_by) VALUES
                   ('cancer-history', 'see-doctor', '2026-10-01', 1789800000, 'flag', 1, 1),
                   ('trauma', 'see-doctor', '2026-10-01', 1789800000, 'plan', 1, 1),
                   ('fever', 'see-doctor', '2026-11-20', 1795000000, 'flag', 1, NULL))");
    }
    const auto list = limber.run({"flag", "list", "--json"});
    REQUIRE(list.exit_code == 0);
    CHECK(one(limber, "PRAGMA user_version") == "6");
    CHECK(one(limber, "SELECT group_concat(symptom || ' ' || tier || ' ' || stops || ' ' || ifnull(cleared_by, '-'), "
                      "', ') FROM red_flags") == "cancer-history see-doctor 1 1, trauma urgent 1 1, fever urgent 1 -");
    const json j = json::parse(list.out);
    CHECK(j["suspended"] == true);  // the fever still in force
    CHECK(j["flags"][2]["tier"] == "urgent");
    CHECK(j["clearances"][0]["note"] == "GP");
    REQUIRE(limber.run({"flag", "clear"}).exit_code == 0);
    CHECK(limber.run({"flag", "add", "trauma", "-q"}).exit_code == 5);  // a new fall stops
    CHECK(limber.run({"flag", "add", "cancer-history", "-q"}).exit_code == 0);
    CHECK(one(limber, "SELECT tier FROM red_flags ORDER BY id DESC LIMIT 1") == "see-doctor");
    CHECK(one(limber, "SELECT count(*) FROM red_flags WHERE tier = 'urgent'") == "3");
}
