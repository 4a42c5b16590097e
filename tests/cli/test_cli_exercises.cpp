// End-to-end: limber exercises and exercises show.
#include "harness.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

std::set<std::string> ids_of(const json& array) {
    std::set<std::string> ids;
    for (const auto& e : array) ids.insert(e.at("id").get<std::string>());
    return ids;
}

}  // namespace

TEST_CASE("exercises --json lists the whole library with every field of CLI.md") {
    Limber limber;
    const auto r = limber.run({"exercises", "--json"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto array = json::parse(r.out);
    REQUIRE(array.is_array());
    CHECK(array.size() == 37);
    const std::set<std::string> kinds = {"static", "dynamic", "strength", "release"};
    const std::set<std::string> positions = {"standing", "seated-chair", "floor-seated", "floor-supine",
                                             "floor-side", "floor-prone", "kneeling"};
    const std::set<std::string> equipment = {"strap", "chair", "step", "wall", "table", "foam-roller", "ball", "partner"};
    for (const auto& e : array) {
        INFO(e.dump());
        CHECK(e.at("id").is_string());
        CHECK(e.at("name").is_string());
        CHECK(kinds.count(e.at("kind").get<std::string>()) == 1);
        CHECK(positions.count(e.at("position").get<std::string>()) == 1);
        for (const auto& item : e.at("equipment")) CHECK(equipment.count(item.get<std::string>()) == 1);
        CHECK_FALSE(e.at("levels").empty());
        CHECK(e.at("sided").is_boolean());
        CHECK_FALSE(e.at("targets").empty());
        for (const auto& item : e.at("equipment_any")) CHECK(equipment.count(item.get<std::string>()) == 1);
        for (const char* flag : {"spinal_flexion_load", "balance", "partner", "ballistic", "nerve_tension", "nerve_pressure",
                                 "deep_hip_flexion", "crossed_legs", "twisting", "deep_knee_bend", "wide_legs"})
            CHECK(e.at("flags").at(flag).is_boolean());
        CHECK(e.at("flags").at("ballistic") == false);  // R4
        const auto& dose = e.at("dose");
        CHECK((dose.contains("hold_s") != (dose.contains("reps") && dose.contains("sets"))));
        CHECK_FALSE(e.at("cues").empty());
        CHECK_FALSE(e.at("cautions").empty());
        CHECK_FALSE(e.at("sources").empty());
        CHECK(e.at("side_cue").get<std::string>().empty() != e.at("sided").get<bool>());
    }
}

TEST_CASE("exercises --constraint leaves out what the hard rules forbid") {
    Limber limber;
    const auto r = limber.run({"exercises", "--constraint", "pregnant,no-floor", "--json"});
    REQUIRE(r.exit_code == 0);
    for (const auto& e : json::parse(r.out)) {
        INFO(e.at("id"));
        const auto position = e.at("position").get<std::string>();
        CHECK((position == "standing" || position == "seated-chair"));  // R12
        CHECK(e.at("flags").at("balance") == false);                    // R9
        CHECK(e.at("flags").at("partner") == false);                    // R9
    }
    const auto back = json::parse(limber.run({"exercises", "--constraint", "back-pain", "--json"}).out);
    const auto ids = ids_of(back);
    CHECK(ids.count("standing-toe-touch") == 0);  // R13
    CHECK(ids.count("seated-forward-fold") == 0);
    CHECK(ids.count("seated-knee-extension") == 1);
    const auto repeated = limber.run({"exercises", "--constraint", "pregnant", "--constraint", "no-floor", "--json"});
    CHECK(ids_of(json::parse(repeated.out)) == ids_of(json::parse(r.out)));
}

TEST_CASE("exercises filters by level, position and equipment") {
    Limber limber;
    const auto beginner = json::parse(limber.run({"exercises", "--level", "beginner", "--json"}).out);
    for (const auto& e : beginner) CHECK(e.at("levels").dump().find("beginner") != std::string::npos);
    CHECK(ids_of(beginner).count("one-leg-squat-hamstring") == 0);  // R17

    const auto chair = json::parse(limber.run({"exercises", "--position", "seated-chair", "--json"}).out);
    CHECK(ids_of(chair) == std::set<std::string>{"seated-knee-extension", "ball-release", "cushion-squeeze",
                                                 "seated-figure-4", "seated-heel-dig", "seated-knee-extension-hold",
                                                 "seated-march"});

    const auto none = json::parse(limber.run({"exercises", "--equipment", "none", "--json"}).out);
    for (const auto& e : none) CHECK(e.at("equipment").empty());  // R16
    CHECK(ids_of(none).count("march-in-place") == 1);
}

TEST_CASE("exercises prints a table for people") {
    Limber limber;
    const auto r = limber.run({"exercises", "--constraint", "no-floor", "--level", "beginner"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, StartsWith("ID "));
    CHECK_THAT(r.out, Contains("seated-knee-extension") && !Contains("glute-bridge"));
    CHECK_THAT(r.out, Contains(" of 37 exercises."));
}

TEST_CASE("exercises rejects unknown filter values with exit 2 naming option, value and choices") {
    Limber limber;
    const auto level = limber.run({"exercises", "--level", "expert"});
    CHECK(level.exit_code == 2);
    CHECK(level.err == "limber: error: --level 'expert': not a level; use beginner, intermediate or advanced\n");
    const auto constraint = limber.run({"exercises", "--constraint", "pregnant,backpain"});
    CHECK(constraint.exit_code == 2);
    CHECK_THAT(constraint.err, StartsWith("limber: error: --constraint 'backpain': not a constraint; use pregnant, "));
    CHECK_THAT(constraint.err, Contains("hint: did you mean 'back-pain'?"));
    const auto position = limber.run({"exercises", "--position", "lying"});
    CHECK(position.exit_code == 2);
    CHECK_THAT(position.err, StartsWith("limber: error: --position 'lying': not a position"));
    const auto equipment = limber.run({"exercises", "--equipment", "chair,rope"});
    CHECK(equipment.exit_code == 2);
    CHECK_THAT(equipment.err, StartsWith("limber: error: --equipment 'rope': not a piece of equipment"));
    CHECK(level.out.empty());
}

TEST_CASE("exercises show prints cues, side cue, cautions and sources") {
    Limber limber;
    const auto r = limber.run({"exercises", "show", "seated-knee-extension"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, StartsWith("Seated knee-extension stretch  seated-knee-extension\n"));
    CHECK_THAT(r.out, Contains("How to do it") && Contains("  1. ") && Contains("Switching sides: "));
    CHECK_THAT(r.out, Contains("Watch for") && Contains("Sources: article \"How to Stretch Your Hamstrings Safely and Properly to Avoid Back Problems\" (2016)"));

    const auto j = json::parse(limber.run({"exercises", "show", "plank", "--json"}).out);
    CHECK(j.at("id") == "plank");
    CHECK(j.at("kind") == "strength");
}

TEST_CASE("exercises show of an unknown id exits 3 with a suggestion") {
    Limber limber;
    const auto r = limber.run({"exercises", "show", "seated-knee-extention"});
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK(r.err == "limber: error: no exercise 'seated-knee-extention'\nhint: did you mean 'seated-knee-extension'?\n");
}
