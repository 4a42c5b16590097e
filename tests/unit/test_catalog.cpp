// Unit tests: the exercise library's invariants.
#include <limber/catalog/catalog.hpp>

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using namespace limber;

TEST_CASE("the library holds the 22 exercises of DOMAIN.md with unique ids") {
    const auto& all = library();
    CHECK(all.size() == 22);
    std::set<std::string> ids;
    for (const auto& e : all) ids.insert(e.id);
    CHECK(ids.size() == all.size());
    for (const char* id : {"standing-toe-touch", "seated-forward-fold", "supine-leg-raise", "supine-strap",
                           "standing-hamstring", "heel-on-step", "heel-on-table", "one-leg-squat-hamstring",
                           "partner-hamstring", "seated-knee-extension", "leg-swings", "march-in-place",
                           "foam-roll-hamstrings", "ball-release", "glute-bridge", "clamshell", "donkey-kick",
                           "plank", "kneeling-hip-flexor", "standing-hip-flexor", "standing-quad",
                           "extended-triangle"}) {
        INFO(id);
        CHECK(ids.count(id) == 1);
        CHECK(find_exercise(id) != nullptr);
    }
    CHECK(find_exercise("no-such-exercise") == nullptr);
}

TEST_CASE("every exercise is complete and none is ballistic") {
    const std::regex id_form("[a-z]+(-[a-z]+)*");
    const std::regex seed_form("00[0-4]_[0-9a-f]{16}\\.txt");
    for (const auto& e : library()) {
        INFO(e.id);
        CHECK(std::regex_match(e.id, id_form));
        CHECK_FALSE(e.name.empty());
        CHECK_FALSE(e.flags.ballistic);  // R4
        CHECK_FALSE(e.levels.empty());
        CHECK_FALSE(e.targets.empty());
        CHECK(e.cues.size() >= 2);
        CHECK_FALSE(e.cautions.empty());
        CHECK_FALSE(e.sources.empty());
        for (const auto& source : e.sources) CHECK(std::regex_match(source, seed_form));
        CHECK((e.dose.hold_s > 0) != (e.dose.reps > 0));
        if (e.dose.reps > 0) CHECK(e.dose.sets >= 1);
        CHECK(e.sided == !e.side_cue.empty());  // every sided exercise has a side cue
        CHECK(e.flags.partner == (std::find(e.equipment.begin(), e.equipment.end(), Equipment::Partner) !=
                                  e.equipment.end()));  // R16: a partner counts as equipment
    }
}

TEST_CASE("the library keeps safe choices for the most constrained users") {
    // R9/R12: standing or chair hamstring stretches exist; R13: the preferred back-safe stretch
    const auto* knee_extension = find_exercise("seated-knee-extension");
    REQUIRE(knee_extension);
    CHECK(knee_extension->position == Position::SeatedChair);
    CHECK_FALSE(knee_extension->flags.spinal_flexion_load);
    CHECK_FALSE(knee_extension->flags.nerve_tension);
    CHECK(find_exercise("standing-toe-touch")->flags.spinal_flexion_load);
    CHECK(find_exercise("seated-forward-fold")->flags.spinal_flexion_load);
    // R17: beginners get supported, low-balance variants only
    for (const auto& e : library())
        if (std::find(e.levels.begin(), e.levels.end(), Level::Beginner) != e.levels.end()) {
            INFO(e.id);
            CHECK_FALSE(e.flags.balance);
            CHECK_FALSE(e.flags.spinal_flexion_load);
        }
}

TEST_CASE("enum names round-trip") {
    for (auto p : all_positions()) CHECK(parse_position(to_string(p)) == p);
    for (auto e : all_equipment()) CHECK(parse_equipment(to_string(e)) == e);
    for (auto l : all_levels()) CHECK(parse_level(to_string(l)) == l);
    for (auto k : {Kind::Static, Kind::Dynamic, Kind::Strength, Kind::Release}) CHECK(parse_kind(to_string(k)) == k);
    CHECK_FALSE(parse_level("Beginner"));
    CHECK(is_floor(Position::Kneeling));
    CHECK_FALSE(is_floor(Position::SeatedChair));
}
