// End-to-end: safety at the edges (DOMAIN.md R26, R29, R31) from the binary — golden plans for
// the people at the edge of each rule, read as a physiotherapist would; a support that is
// really free; a routine of no exercise never saved; a re-plan that keeps every constraint and
// says what changed; `--constraint none` naming what it removes.
#include "refusals.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

Env at(const std::string& day) { return {{"LIMBER_NOW", day + "T08:00:00Z"}, {"NO_COLOR", "1"}}; }
const Env k_monday = at("2026-11-30");

std::string one(const Limber& limber, const std::string& sql) {
    SQLite::Database db(limber.db().string());
    return db.execAndGet(sql).getString();
}

/// Every routine and item as stored, to show that a refused command changed nothing.
std::string routines_dump(const Limber& limber) {
    return one(limber, "SELECT (SELECT group_concat(name || level || constraints || equipment || minutes || schedule || "
                       "coalesce(age, '-') || allow_flexion || floor_ok, '|') FROM routines) || '#' || "
                       "(SELECT count(*) FROM routine_items)");
}

json run_json(const Limber& limber, const std::vector<std::string>& args, const Env& env = k_monday) {
    const auto r = limber.run(args, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
}

/// The library by id, from `exercises --json` (the attributes the rules read).
std::map<std::string, json> library(const Limber& limber) {
    std::map<std::string, json> by_id;
    for (const auto& e : run_json(limber, {"exercises", "--json"})) by_id[e.at("id").get<std::string>()] = e;
    return by_id;
}

std::set<std::string> exercises_of(const json& plan) {
    std::set<std::string> ids;
    for (const auto& item : plan.at("items")) ids.insert(item.at("exercise").get<std::string>());
    return ids;
}

bool listed(const json& array, const std::string& value) {
    return std::find(array.begin(), array.end(), value) != array.end();
}

}  // namespace

TEST_CASE("golden plans at the edges, read as a physiotherapist would, print byte for byte (R26, R29)") {
    Limber limber;
    const std::map<std::string, std::vector<std::string>> plans = {
        {"age_85_chair", {"--level", "beginner", "--age", "85", "--equipment", "chair"}},
        {"pregnant_chair", {"--level", "beginner", "--constraint", "pregnant", "--equipment", "chair"}},
        {"hip_replacement_20", {"--level", "beginner", "--constraint", "hip-replacement", "--minutes", "20"}},
        {"knee_no_equipment", {"--level", "beginner", "--constraint", "knee", "--equipment", "none"}},
        {"acute_strain_60_none", {"--level", "beginner", "--constraint", "acute-strain", "--minutes", "60",
                                  "--equipment", "none"}},
    };
    const std::regex rule_code("\\bR[0-9]+\\b");
    for (const auto& [name, args] : plans) {
        INFO(name);
        std::vector<std::string> command = {"plan", name};
        command.insert(command.end(), args.begin(), args.end());
        command.push_back("--dry-run");
        const auto r = limber.run(command, k_monday);
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK_FALSE(std::regex_search(r.out, rule_code));  // R20: plain words
        CHECK(r.out == golden_or_update("edges/" + name + ".txt", r.out));
    }
    // 85 with nothing at all: no standing exercise without something to hold, no floor at 85, no
    // chair: no routine, and what would make one
    const auto none = limber.run({"plan", "--level", "beginner", "--age", "85", "--equipment", "none"}, k_monday);
    CHECK(none.exit_code == 2);
    CHECK(none.out.empty());
    CHECK(none.err == golden_or_update("edges/age_85_none.err", none.err));
    CHECK_THAT(none.err, StartsWith("limber: error: no exercise of the library is safe"));
    CHECK_THAT(none.err, Contains("a chair") && Contains("a wall") && Contains("--floor-ok"));
    CHECK_FALSE((std::filesystem::exists(limber.db()) && one(limber, "SELECT count(*) FROM routines") != "0"));
}

TEST_CASE("R29: whoever needs support holds a chair or a wall the exercise leaves free, the warm-up included") {
    Limber limber;
    const auto lib = library(limber);
    struct Who {
        std::vector<std::string> args;
    };
    const std::vector<std::vector<std::string>> people = {
        {"--age", "85"}, {"--constraint", "pregnant"}, {"--constraint", "injured"}, {"--constraint", "osteoporosis"},
        {"--age", "70", "--constraint", "back-pain"}};
    const std::vector<std::string> kits = {"chair", "wall", "step", "chair,step", "chair,wall", "step,strap", "none"};
    int plans = 0, standing_items = 0;
    for (const auto& who : people)
        for (const auto& kit : kits) {
            std::vector<std::string> args = {"plan", "--level", "beginner", "--equipment", kit, "--json", "--dry-run"};
            args.insert(args.end(), who.begin(), who.end());
            const auto r = limber.run(args, k_monday);
            INFO(kit << " " << who.front() << " " << who.back() << ": " << r.err);
            if (r.exit_code == 2) {  // no routine at all: said, and nothing saved
                CHECK_THAT(r.err, Contains("no exercise of the library is safe"));
                continue;
            }
            REQUIRE(r.exit_code == 0);
            ++plans;
            const auto plan = json::parse(r.out);
            CHECK_FALSE(plan.at("items").empty());
            std::set<std::string> have;
            for (const auto& piece : plan.at("equipment")) have.insert(piece.get<std::string>());
            for (const auto& item : plan.at("items")) {
                const json& e = lib.at(item.at("exercise").get<std::string>());
                if (e.at("position") != "standing") continue;
                ++standing_items;
                // what the exercise takes: all its equipment, and the first alternative there
                std::set<std::string> takes;
                for (const auto& k : e.at("equipment")) takes.insert(k.get<std::string>());
                for (const auto& k : e.at("equipment_any"))
                    if (have.count(k.get<std::string>())) {
                        takes.insert(k.get<std::string>());
                        break;
                    }
                bool free = false;
                for (const std::string support : {"chair", "wall"})
                    if (have.count(support) && (!takes.count(support) || listed(e.at("held"), support))) free = true;
                INFO(item.at("exercise"));
                CHECK(free);
                bool told = !e.at("held").empty();  // held: its own cues say to hold it
                for (const auto& c : item.at("cautions")) told = told || c.get<std::string>().rfind("Keep a hand on the ", 0) == 0;
                CHECK(told);
            }
        }
    CHECK(plans > 20);
    CHECK(standing_items > 40);
    // the heel-on-step stretch on the only chair, at 85: out; with a wall beside it: in, holding the wall
    const auto chair = run_json(limber, {"plan", "--level", "beginner", "--age", "85", "--equipment", "chair", "--json", "--dry-run"});
    CHECK_FALSE(exercises_of(chair).count("heel-on-step"));
    const auto both = run_json(limber, {"plan", "--level", "beginner", "--age", "85", "--minutes", "20", "--json", "--dry-run"});
    for (const auto& item : both.at("items"))
        if (item.at("exercise") == "heel-on-step") CHECK(listed(item.at("cautions"), "Keep a hand on the wall the whole time."));
}

TEST_CASE("R29: cautions reach only those they concern, and the sources are ones a reader can find") {
    Limber limber;
    const auto old = limber.run({"plan", "--level", "beginner", "--age", "85", "--floor-ok", "--equipment", "none",
                                 "--explain", "--dry-run"}, k_monday);
    REQUIRE(old.exit_code == 0);
    // the cautions under the items (the explanation of what is left out may name pregnancy)
    CHECK_THAT(old.out.substr(0, old.out.find("Left out")), !Contains("pregnan"));
    const auto pregnant = limber.run({"plan", "--level", "beginner", "--constraint", "pregnant", "--dry-run"}, k_monday);
    CHECK_THAT(pregnant.out, Contains("pregnan"));
    const auto show = limber.run({"exercises", "show", "heel-on-step"});
    CHECK_THAT(show.out, Contains("Sources: article \"The Importance of Stretching Hamstrings to Help with Back Pain\""));
    for (const auto& e : run_json(limber, {"exercises", "--json"}))
        for (const auto& source : e.at("sources")) CHECK_THAT(source.get<std::string>(), !Contains(".txt"));
    // plain grammar for one of anything
    const auto swings = limber.run({"exercises", "show", "leg-swings"});
    CHECK_THAT(swings.out, Contains("1 set of 10") && !Contains("1 sets"));
    const auto once = limber.run({"plan", "--level", "beginner", "--per-week", "1", "--dry-run"}, k_monday);
    CHECK_THAT(once.out, !Contains("1 days") && !Contains("1 sets"));
}

TEST_CASE("R29: a routine of no exercise is never saved, and the database is left as it was") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner"}, k_monday).exit_code == 0);
    const std::string before = routines_dump(limber);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"plan", "chairless", "--level", "beginner", "--constraint", "seated-only", "--equipment", "none"},
             {"plan", "chairless", "--level", "beginner", "--constraint", "seated-only,acute-strain", "--equipment", "none"},
             {"plan", "old", "--level", "beginner", "--age", "85", "--equipment", "none", "--dry-run"}}) {
        const auto r = limber.run(args, k_monday);
        INFO(args.back());
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, StartsWith("limber: error: no exercise of the library is safe") && Contains("a chair"));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') <= 2);
    }
    CHECK(routines_dump(limber) == before);
}

TEST_CASE("R31: a re-plan changes only what is given, keeps every constraint and says what changed") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "--constraint", "hip-replacement", "--age", "70", "--equipment",
                        "chair,wall", "--days", "mon,wed,fri"},
                       k_monday)
                .exit_code == 0);
    const std::string created = one(limber, "SELECT created_day FROM routines WHERE name = 'default'");
    // the person only asks for longer sessions: the constraint, age, equipment and days stay
    const auto longer = limber.run({"plan", "--minutes", "15"}, at("2026-12-03"));
    INFO(longer.err);
    REQUIRE(longer.exit_code == 0);
    CHECK_THAT(longer.out, StartsWith("Re-planned \"default\": kept: hip-replacement, age 70; minutes 10 → 15.\n"));
    const auto shown = run_json(limber, {"plan", "show", "--json"}, at("2026-12-03"));
    CHECK(shown.at("constraints") == json::array({"hip-replacement"}));
    CHECK(shown.at("age") == 70);
    CHECK(shown.at("minutes") == 15);
    CHECK(shown.at("equipment") == json::array({"chair", "wall"}));
    CHECK_FALSE(exercises_of(shown).count("seated-figure-4"));  // crosses the legs
    CHECK_FALSE(exercises_of(shown).count("leg-swings"));       // momentum on one leg
    CHECK(one(limber, "SELECT created_day FROM routines WHERE name = 'default'") == created);  // R5: weeks go on
    // a constraint given is added to those kept; JSON says what changed
    const auto knee = run_json(limber, {"plan", "--constraint", "knee", "--level", "intermediate", "--json"}, at("2026-12-03"));
    CHECK(knee.at("constraints") == json::array({"hip-replacement", "knee"}));
    CHECK(knee.at("replanned").at("kept") == json::array({"hip-replacement", "age 70"}));
    CHECK(knee.at("replanned").at("added") == json::array({"knee"}));
    CHECK(knee.at("replanned").at("removed").empty());
    CHECK(knee.at("replanned").at("changed") == json::array({"level beginner → intermediate"}));
    // --constraint none removes them, and names each one
    const auto none = limber.run({"plan", "--constraint", "none"}, at("2026-12-03"));
    REQUIRE(none.exit_code == 0);
    CHECK_THAT(none.out, StartsWith("Re-planned \"default\": kept: age 70; removed: hip-replacement, knee.\n"));
    CHECK(run_json(limber, {"plan", "show", "--json"}, at("2026-12-03")).at("constraints").empty());
    // none with others: exactly those
    const auto only = run_json(limber, {"plan", "--constraint", "none,back-pain", "--json"}, at("2026-12-03"));
    CHECK(only.at("constraints") == json::array({"back-pain"}));
    CHECK(only.at("replanned").at("added") == json::array({"back-pain"}));
    // a new routine still needs its level, and an unknown constraint is refused with nothing changed
    const std::string before = routines_dump(limber);
    const auto fresh = limber.run({"plan", "other", "--minutes", "15"}, k_monday);
    CHECK(fresh.exit_code == 2);
    CHECK_THAT(fresh.err, Contains("--level is required"));
    const auto bad = limber.run({"plan", "--constraint", "nonee"}, k_monday);
    CHECK(bad.exit_code == 2);
    CHECK(routines_dump(limber) == before);
}

TEST_CASE("R31: the opt-ins are kept on a re-plan until turned off by name") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "intermediate", "--allow-flexion", "--age", "40"}, k_monday).exit_code == 0);
    const auto kept = run_json(limber, {"plan", "--minutes", "12", "--json"}, k_monday);
    CHECK(kept.at("allow_flexion") == true);
    const auto off = run_json(limber, {"plan", "--no-allow-flexion", "--json"}, k_monday);
    CHECK(off.at("allow_flexion") == false);
    CHECK(listed(off.at("replanned").at("changed"), "--allow-flexion on → off"));
}

TEST_CASE("R21: with --allow-flexion the safest hamstring stretch stays first, and the opt-in is not suggested "
          "where it would be ignored") {
    Limber limber;
    const auto lib = library(limber);
    for (const std::string kit : {"chair,wall", "chair", "none", "chair,wall,table,step"}) {
        const auto plan = run_json(limber, {"plan", "--level", "advanced", "--age", "30", "--allow-flexion", "--minutes",
                                            "20", "--equipment", kit, "--json", "--dry-run"});
        INFO(kit);
        for (const auto& item : plan.at("items")) {
            const json& e = lib.at(item.at("exercise").get<std::string>());
            if (item.at("phase") != "stretch") continue;
            CHECK_FALSE(e.at("flags").at("spinal_flexion_load").get<bool>());  // the first stretch is not a fold
            break;
        }
    }
    const auto explained = limber.run({"plan", "--level", "beginner", "--constraint", "sciatica", "--explain", "--dry-run"},
                                      k_monday);
    REQUIRE(explained.exit_code == 0);
    CHECK_THAT(explained.out, !Contains("--allow-flexion"));
    const auto adult = limber.run({"plan", "--level", "beginner", "--explain", "--dry-run"}, k_monday);
    CHECK_THAT(adult.out, Contains("--allow-flexion"));
}

TEST_CASE("R26: an acute strain walks at most about 20 minutes, digs its heels in without a chair, and seated-only is "
          "never told to walk") {
    Limber limber;
    const auto plan = run_json(limber, {"plan", "--level", "beginner", "--constraint", "acute-strain", "--minutes", "60",
                                        "--equipment", "none", "--json", "--dry-run"});
    int walk = 0;
    for (const auto& item : plan.at("items"))
        if (item.at("phase") == "warmup") walk += item.at("hold_s").get<int>();
    CHECK(walk >= 10 * 60);
    CHECK(walk <= 20 * 60);
    CHECK(exercises_of(plan).count("supine-heel-dig"));
    CHECK(plan.at("estimated_s").get<int>() < 30 * 60);
    bool said = false;
    for (const auto& w : plan.at("warnings")) said = said || w.get<std::string>().find("about 20 minutes") != std::string::npos;
    CHECK(said);
    const auto seated = limber.run({"plan", "--level", "beginner", "--constraint", "acute-strain,seated-only",
                                    "--explain", "--dry-run"},
                                   k_monday);
    REQUIRE(seated.exit_code == 0);
    CHECK_THAT(seated.out, !Contains("walk"));
    CHECK_THAT(seated.out, Contains("seated marching"));
    const auto injured = limber.run({"plan", "--level", "beginner", "--constraint", "injured", "--dry-run"}, k_monday);
    CHECK_THAT(injured.out, Contains("--constraint acute-strain"));
}

TEST_CASE("R27: with a red flag in force and no routine yet, start stops with the advice, due is 1, remind is silent") {
    Limber limber;
    REQUIRE(limber.run({"flag", "add", "trauma"}, k_monday).exit_code == 5);
    const auto start = limber.run({"start"}, k_monday);
    CHECK(start.exit_code == 5);
    CHECK_THAT(start.out, StartsWith("Every routine is suspended since 2026-11-30"));
    CHECK(start.err.empty());
    const auto due = limber.run({"due"}, k_monday);
    CHECK(due.exit_code == 1);
    CHECK(due.out.empty());
    CHECK(due.err.empty());
    const auto remind = limber.run({"remind"}, k_monday);
    CHECK(remind.exit_code == 0);
    CHECK(remind.out.empty());
    CHECK(remind.err.empty());
    CHECK(one(limber, "SELECT count(*) FROM sessions") == "0");
    // cleared, a missing routine is a missing routine again
    REQUIRE(limber.run({"flag", "clear"}, k_monday).exit_code == 0);
    CHECK(limber.run({"start"}, k_monday).exit_code == 3);
}

TEST_CASE("R26, R31: a strain added by a re-plan is reviewed 5 days from then, and the advice's command works") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner", "--constraint", "back-pain"}, k_monday).exit_code == 0);
    const auto strain = limber.run({"plan", "--constraint", "acute-strain"}, at("2027-03-01"));
    REQUIRE(strain.exit_code == 0);
    CHECK_THAT(strain.out, StartsWith("Re-planned \"default\": kept: back-pain; added: acute-strain; week 1 again from "
                                      "today, for the fresh strain.\n"));
    CHECK_THAT(strain.out, Contains("Review on 2027-03-06"));
    CHECK_THAT(limber.run({"remind"}, at("2027-03-01")).out, !Contains("review"));
    const auto due = limber.run({"remind"}, at("2027-03-06"));
    CHECK_THAT(due.out, Contains("plan again with --constraint none,back-pain,injured."));
    // the command it gives replaces the strain with injured and keeps the back
    const auto review = run_json(limber, {"plan", "--constraint", "none,back-pain,injured", "--json"}, at("2027-03-06"));
    CHECK(review.at("constraints") == json::array({"back-pain", "injured"}));
    CHECK(review.at("replanned").at("removed") == json::array({"acute-strain"}));
    CHECK(review.at("review_on").is_null());
}

TEST_CASE("R7, R29: a routine without a warm-up says so and what would give it one, and a balance exercise names its support") {
    Limber limber;
    const auto plan = run_json(limber, {"plan", "--level", "beginner", "--age", "65", "--equipment", "none", "--json",
                                        "--dry-run"});
    bool said = false;
    for (const auto& w : plan.at("warnings"))
        said = said || w.get<std::string>().rfind("warning", 0) == 0 ||
               w.get<std::string>().find("warm-up: no warm-up is safe with this equipment") == 0;
    CHECK(said);
    for (const auto& item : plan.at("items")) CHECK(item.at("phase") != "warmup");
    const auto triangle = run_json(limber, {"plan", "--level", "advanced", "--age", "30", "--equipment", "wall",
                                            "--minutes", "30", "--json", "--dry-run"});
    for (const auto& item : triangle.at("items"))
        if (item.at("exercise") == "extended-triangle")
            CHECK(listed(item.at("cautions"), "Keep a hand on the wall the whole time."));
}
