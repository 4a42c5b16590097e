// End-to-end: the programme of DOMAIN.md R19–R28 from the binary — the golden plans a
// physiotherapist read and approved, strength days through plan, start, due, remind and stats
// (R23), eight weeks of progression within the minutes (R24), and a routine saved by schema 3
// migrated and shown with its strength days and cautions.
#include "refusals.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

const Env k_monday = {{"LIMBER_NOW", "2026-11-30T08:00:00Z"}};

Env at(const std::string& day) { return {{"LIMBER_NOW", day + "T08:00:00Z"}, {"NO_COLOR", "1"}}; }

std::string one(const Limber& limber, const std::string& sql) {
    SQLite::Database db(limber.db().string());
    return db.execAndGet(sql).getString();
}

json plan_json(const Limber& limber, const std::vector<std::string>& args, const Env& env = k_monday) {
    const auto r = limber.run(args, env);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
}

/// The library's static hamstring stretches, read from `exercises --json` (the attributes).
std::set<std::string> hamstring_stretches(const Limber& limber) {
    std::set<std::string> ids;
    for (const auto& e : plan_json(limber, {"exercises", "--json"})) {
        bool hamstrings = false;
        for (const auto& t : e.at("targets")) hamstrings = hamstrings || t == "hamstrings";
        if (e.at("kind") == "static" && hamstrings) ids.insert(e.at("id").get<std::string>());
    }
    return ids;
}

/// Seconds a side of static hamstring stretching in one day's session of a plan JSON: items
/// without `days`, or whose `days` hold `day` (a weekday name or an ordinal).
int hamstring_seconds(const json& plan, const std::set<std::string>& stretches, const json& day) {
    int seconds = 0;
    for (const auto& item : plan.at("items")) {
        if (item.contains("days") && std::find(item.at("days").begin(), item.at("days").end(), day) == item.at("days").end())
            continue;
        if (stretches.count(item.at("exercise").get<std::string>()))
            seconds += item.at("hold_s").get<int>() * item.at("reps").get<int>() * item.at("sets").get<int>();
    }
    return seconds;
}

}  // namespace

TEST_CASE("golden plans, read and approved as a physiotherapist would, print byte for byte") {
    Limber limber;
    const std::map<std::string, std::vector<std::string>> plans = {
        {"pregnant_no_equipment", {"--level", "beginner", "--constraint", "pregnant", "--equipment", "none"}},
        {"injured_chair", {"--level", "beginner", "--constraint", "injured", "--equipment", "chair", "--minutes", "20"}},
        {"beginner_85", {"--level", "beginner", "--age", "85"}},
        {"sciatica_strap", {"--level", "beginner", "--constraint", "sciatica", "--equipment", "strap"}},
        {"acute_strain", {"--level", "beginner", "--constraint", "acute-strain"}},
        {"hip_replacement", {"--level", "beginner", "--constraint", "hip-replacement", "--age", "68"}},
        {"osteoporosis_no_floor", {"--level", "beginner", "--constraint", "osteoporosis,no-floor", "--age", "72"}},
        {"advanced_60", {"--level", "advanced", "--minutes", "60", "--equipment",
                         "strap,chair,step,wall,table,foam-roller,ball,partner", "--age", "40"}},
    };
    const std::regex rule_code("\\bR[0-9]+\\b");
    for (const auto& [name, args] : plans) {
        INFO(name);
        std::vector<std::string> command = {"plan", name};
        command.insert(command.end(), args.begin(), args.end());
        command.push_back("--dry-run");
        const auto r = limber.run(command, at("2026-11-30"));
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK_FALSE(std::regex_search(r.out, rule_code));  // R20: plain words, no rule codes
        CHECK(r.out == golden_or_update("programme/" + name + ".txt", r.out));
    }
    CHECK(one(limber, "SELECT count(*) FROM routines") == "0");  // --dry-run
}

TEST_CASE("R19: with no equipment a pregnant beginner still stretches the hamstrings, and an injured one is told what would let one in") {
    Limber limber;
    const auto stretches = hamstring_stretches(limber);
    const auto pregnant = plan_json(limber, {"plan", "--level", "beginner", "--constraint", "pregnant", "--equipment",
                                             "none", "--json", "--dry-run"});
    CHECK(hamstring_seconds(pregnant, stretches, "tue") >= 60);
    CHECK(hamstring_seconds(pregnant, stretches, "mon") >= 60);
    CHECK(pregnant.at("unlock").empty());

    // R29: injured with nothing to hold has no standing exercise and no floor: no routine, and the
    // refusal names what would make one
    const auto injured = limber.run({"plan", "--level", "beginner", "--constraint", "injured", "--equipment", "none",
                                     "--json", "--dry-run"});
    CHECK(injured.exit_code == 2);
    CHECK(injured.out.empty());
    CHECK_THAT(injured.err, Contains("with a chair or a wall there would be one"));
    // the unlock is a warning that fixes it: with a chair the routine has its hamstring stretch
    const auto with_chair = plan_json(limber, {"plan", "--level", "beginner", "--constraint", "injured", "--equipment",
                                               "chair", "--json", "--dry-run"});
    CHECK(hamstring_seconds(with_chair, stretches, "tue") >= 60);
    CHECK(with_chair.at("unlock").empty());
}

TEST_CASE("R20, R21, R26: cautions on each item, no forward fold without --allow-flexion, review of an acute strain") {
    Limber limber;
    const auto plain = plan_json(limber, {"plan", "--level", "advanced", "--equipment", "table", "--json", "--dry-run"});
    for (const auto& item : plain.at("items")) {
        INFO(item.at("exercise"));
        CHECK(item.at("exercise") != "standing-toe-touch");
        CHECK(item.at("exercise") != "heel-on-table");
        CHECK_FALSE(item.at("cautions").empty());
    }
    const auto folded = plan_json(limber, {"plan", "--level", "advanced", "--equipment", "none", "--allow-flexion",
                                           "--minutes", "30", "--json", "--dry-run"});
    std::set<std::string> chosen;
    for (const auto& item : folded.at("items")) chosen.insert(item.at("exercise").get<std::string>());
    CHECK((chosen.count("standing-toe-touch") + chosen.count("seated-forward-fold")) >= 1);
    CHECK(folded.at("allow_flexion") == true);
    // ignored, with a warning, at 65 and over
    const auto older = limber.run({"plan", "--level", "advanced", "--equipment", "none", "--allow-flexion", "--age", "70",
                                   "--minutes", "30", "--dry-run"});
    REQUIRE(older.exit_code == 0);
    CHECK_THAT(older.out, Contains("--allow-flexion is ignored with age 65 and over"));
    CHECK_THAT(older.out, !Contains("Standing toe touch") && !Contains("Seated forward fold"));

    REQUIRE(limber.run({"plan", "strain", "--level", "beginner", "--constraint", "acute-strain", "-q"}, k_monday).exit_code == 0);
    const auto strain = plan_json(limber, {"plan", "show", "strain", "--json"});
    CHECK(strain.at("review_on") == "2026-12-05");
    CHECK_THAT(limber.run({"plan", "show", "strain"}, at("2026-12-04")).out, !Contains("review:"));
    CHECK_THAT(limber.run({"plan", "show", "strain"}, at("2026-12-05")).out, Contains("plan again with --constraint none,injured"));
    CHECK_THAT(limber.run({"remind", "strain"}, at("2026-12-05")).out, Contains("plan again with --constraint none,injured"));
    const auto started = limber.run({"start", "strain", "--hold", "1", "--rest", "0", "--pain-before", "2",
                                     "--pain-after", "2"}, at("2026-12-05"));
    CHECK(started.exit_code == 0);
    CHECK_THAT(started.out, Contains("plan again with --constraint none,injured"));

    // the get-ready step of the guided session shows the cautions of what comes next
    REQUIRE(limber.run({"plan", "--level", "beginner", "--constraint", "sciatica", "--minutes", "5", "-q"}, k_monday).exit_code == 0);
    const auto run = limber.run({"start", "--hold", "1", "--rest", "1", "--pain-before", "2", "--pain-after", "2"}, at("2026-12-01"));
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("get ready 1 s: March in place\n  ! "));
    CHECK_THAT(run.out, Contains("  ! Keep the foot relaxed (do not pull the toes up)"));
}

TEST_CASE("R23: a daily routine's strength days through plan, start, due, remind and stats") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "10", "-q"}, k_monday).exit_code == 0);
    const auto plan = plan_json(limber, {"plan", "show", "--json"});
    CHECK(plan.at("strength_days") == json::array({"mon", "thu"}));
    CHECK(plan.at("strength_today") == true);
    std::set<std::string> strength;
    for (const auto& item : plan.at("items"))
        if (item.at("phase") == "strength") {
            strength.insert(item.at("exercise").get<std::string>());
            CHECK(item.at("days") == json::array({"mon", "thu"}));
            CHECK(item.at("sets") == 1);  // R23: one set under 15 minutes
        }
    REQUIRE_FALSE(strength.empty());
    CHECK_THAT(limber.run({"plan", "show"}, at("2026-11-30")).out, Contains("Strength — Mon and Thu"));
    const auto strength_holds = [&](int session) {
        std::string list;
        for (const auto& id : strength) list += (list.empty() ? "'" : ",'") + id + "'";
        return std::stoi(one(limber, "SELECT count(*) FROM holds WHERE session_id = " + std::to_string(session) +
                                         " AND exercise IN (" + list + ")"));
    };
    const std::vector<std::string> fast = {"start", "--hold", "1", "--rest", "0", "--pain-before", "3", "--pain-after", "2"};

    // Monday: a strength day
    CHECK(limber.run({"due"}, at("2026-11-30")).exit_code == 0);
    CHECK_THAT(limber.run({"remind"}, at("2026-11-30")).out, Contains("with strength work"));
    const auto monday = limber.run(fast, at("2026-11-30"));
    REQUIRE(monday.exit_code == 0);
    CHECK_THAT(monday.out, Contains("Today is a strength day"));
    CHECK(strength_holds(1) > 0);
    CHECK(limber.run({"due"}, at("2026-11-30")).exit_code == 1);
    auto stats = plan_json(limber, {"stats", "--json"}, at("2026-11-30"));
    CHECK(stats.at("strength").at("days") == json::array({"mon", "thu"}));
    CHECK(stats.at("strength").at("today") == true);
    CHECK(stats.at("strength").at("this_week") == json({{"planned", 2}, {"done", 1}}));

    // Tuesday: stretches only, and shorter or longer only within the minutes
    const auto tuesday_plan = plan_json(limber, {"plan", "show", "--json"}, at("2026-12-01"));
    CHECK(tuesday_plan.at("strength_today") == false);
    CHECK_THAT(limber.run({"remind"}, at("2026-12-01")).out, !Contains("strength"));
    const auto tuesday = limber.run(fast, at("2026-12-01"));
    REQUIRE(tuesday.exit_code == 0);
    CHECK_THAT(tuesday.out, !Contains("strength day"));
    CHECK(strength_holds(2) == 0);

    // Thursday: the second strength day; stats and the screen know it
    CHECK_THAT(limber.run({"remind"}, at("2026-12-03")).out, Contains("with strength work"));
    stats = plan_json(limber, {"stats", "--json"}, at("2026-12-03"));
    CHECK(stats.at("strength").at("today") == true);
    CHECK(stats.at("strength").at("this_week") == json({{"planned", 2}, {"done", 1}}));
    CHECK_THAT(limber.run({"stats"}, at("2026-12-03")).out, Contains("Strength   Mon and Thu · 1 of 2 done this week · today is a strength day"));
    REQUIRE(limber.run(fast, at("2026-12-03")).exit_code == 0);
    CHECK(strength_holds(3) > 0);
    stats = plan_json(limber, {"stats", "--json"}, at("2026-12-04"));
    CHECK(stats.at("strength").at("this_week") == json({{"planned", 2}, {"done", 2}}));
}

TEST_CASE("R23: a per-week routine carries the strength block on the 1st and 3rd session of the week") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "15", "--per-week", "3", "-q"}, k_monday).exit_code == 0);
    CHECK(plan_json(limber, {"plan", "show", "--json"}).at("strength_days") == json::array({1, 3}));
    const std::vector<std::string> fast = {"start", "--hold", "1", "--rest", "0", "--pain-before", "3", "--pain-after", "2"};
    const auto today = [&](const std::string& day) { return plan_json(limber, {"plan", "show", "--json"}, at(day)).at("strength_today"); };
    CHECK(today("2026-11-30") == true);  // the 1st session of the week
    REQUIRE(limber.run(fast, at("2026-11-30")).exit_code == 0);
    CHECK(today("2026-12-01") == false);  // the 2nd, if done today
    CHECK(today("2026-12-02") == false);  // still the 2nd: Tuesday had no session
    REQUIRE(limber.run(fast, at("2026-12-02")).exit_code == 0);
    CHECK(today("2026-12-02") == false);  // the day of the 2nd stays the 2nd after it
    CHECK(today("2026-12-03") == true);   // the 3rd
    CHECK(today("2026-12-07") == true);   // next week's 1st
}

TEST_CASE("R24: eight weeks of progression stay within the minutes on every kind of day") {
    for (const auto& [age, holds] : std::vector<std::pair<std::string, std::vector<int>>>{
             {"40", {15, 20, 25, 30, 30, 30, 30, 30}}, {"70", {30, 35, 40, 45, 50, 55, 60, 60}}}) {
        for (const char* minutes : {"5", "10", "20"}) {
            INFO("age " << age << ", " << minutes << " minutes");
            Limber limber;
            REQUIRE(limber.run({"plan", "--level", "beginner", "--age", age, "--minutes", minutes, "-q"}, k_monday).exit_code == 0);
            const auto stretches = hamstring_stretches(limber);
            {
                SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE);
                for (int d = 0; d < 56; ++d)
                    db.exec("INSERT INTO sessions (uuid, routine, day, started_at, zone, status, source, created_at) "
                            "VALUES ('s" + std::to_string(d) + "', 'default', date('2026-11-30', '+" + std::to_string(d) +
                            " days'), 0, 'UTC', 'completed', 'manual', 0)");
            }
            const int budget = std::stoi(minutes) * 60;
            for (int week = 1; week <= 8; ++week) {
                INFO("week " << week);
                static const char* const k_mondays[] = {"2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21",
                                                        "2026-12-28", "2027-01-04", "2027-01-11", "2027-01-18"};
                const std::string day = k_mondays[week - 1];
                const auto p = plan_json(limber, {"plan", "show", "--json"}, at(day));
                CHECK(p.at("week") == week);
                CHECK(p.at("hold_s") == holds[static_cast<std::size_t>(week - 1)]);
                for (const char* key : {"plain_day_s", "strength_day_s"}) {
                    const int s = p.at(key).get<int>();
                    if (s == 0) continue;  // no strength days at 5 minutes
                    INFO(key << " " << s);
                    CHECK(s * 10 >= budget * 9);
                    CHECK(s * 10 <= budget * 11);
                }
                for (const auto& w : p.at("warnings")) CHECK_FALSE(w.get<std::string>().starts_with("time:"));
                CHECK(hamstring_seconds(p, stretches, "tue") >= 60);  // R19, every week
                CHECK(hamstring_seconds(p, stretches, "mon") >= 60);
                CHECK(hamstring_seconds(p, stretches, "tue") <= 120);  // R22
            }
        }
    }
}

TEST_CASE("a routine saved by schema 3 migrates and shows its strength days and cautions") {
    Limber limber;
    {
        SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (const char* file : {"001_initial.sql", "002_session_ids.sql", "003_hold_totals.sql"}) {
            std::ifstream in(std::filesystem::path(LIMBER_SOURCE_DIR) / "schemas" / file);
            std::stringstream sql;
            sql << in.rdbuf();
            db.exec(sql.str());
        }
        db.exec("PRAGMA user_version = 3");
        // as the planner before R19–R28 saved it: rule codes in the text, no strength, no cautions
        db.exec(R"(INSERT INTO routines (name, level, constraints, equipment, minutes, schedule, age, estimated_s,
                       warnings, created_day, created_at, updated_at)
                   VALUES ('default', 'beginner', '["back-pain"]', '["chair","wall"]', 10, '{"kind":"daily"}', NULL, 598,
                       '["back: keep the back flat and hinge at the hips; no toe touches or forward folds (R13)."]',
                       '2026-11-23', 0, 0))");
        db.exec(R"(INSERT INTO routine_items (routine_id, position, exercise, phase, sided, sets, reps, hold_s, rest_s, why)
                   VALUES (1, 0, 'march-in-place', 'warmup', 0, 1, 1, 60, 0, 'warm-up first: muscles stretch better warm (R7)'),
                          (1, 1, 'seated-knee-extension', 'stretch', 1, 1, 4, 15, 10, 'hamstring stretch with a neutral back (R13)'),
                          (1, 2, 'standing-hamstring', 'stretch', 1, 1, 4, 15, 10, 'hamstring stretch'))");
        db.exec(R"(INSERT INTO sessions (uuid, routine, day, started_at, ended_at, duration_s, zone, status, source, created_at)
                   VALUES ('old-1', 'default', '2026-11-24', 1764000000, 1764000600, 600, 'UTC', 'completed', 'manual', 0))");
    }
    const auto shown = limber.run({"plan", "show"}, at("2026-11-30"));
    REQUIRE(shown.exit_code == 0);
    CHECK(shown.err.empty());
    CHECK(one(limber, "PRAGMA user_version") == "6");  // and on through schemas 5 and 6, the red flags
    CHECK(one(limber, "SELECT count(*) FROM sqlite_schema WHERE name IN ('red_flags', 'flag_clearances')") == "2");
    CHECK(one(limber, "SELECT count(*) FROM pragma_table_info('routine_items') WHERE name = 'days'") == "1");
    CHECK(one(limber, "SELECT allow_flexion || floor_ok FROM routines") == "00");
    CHECK(one(limber, "SELECT count(*) FROM sessions") == "1");  // the history is kept
    CHECK_THAT(shown.out, Contains("Strength — Mon and Thu"));
    CHECK_THAT(shown.out, Contains("! Keep the back flat and bend at the hips, not the waist."));
    CHECK_FALSE(std::regex_search(shown.out, std::regex("\\bR[0-9]+\\b")));
    CHECK_THAT(shown.out, StartsWith("Routine \"default\" — beginner · back-pain · chair, wall · daily\nWeek 2:"));
    const auto j = plan_json(limber, {"plan", "show", "--json"}, at("2026-11-30"));
    CHECK(j.at("strength_days") == json::array({"mon", "thu"}));
    for (const auto& item : j.at("items")) CHECK_FALSE(item.at("cautions").empty());
    // and it runs
    const auto run = limber.run({"start", "--hold", "1", "--rest", "0", "--pain-before", "2", "--pain-after", "2"}, at("2026-11-30"));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("Today is a strength day"));
}
