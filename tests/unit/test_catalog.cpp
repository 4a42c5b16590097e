// Unit tests: the exercise library's invariants.
#include <limber/catalog/catalog.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

using namespace limber;

namespace {

bool contains(const std::vector<Equipment>& items, Equipment item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

const Exercise& exercise(const char* id) {
    const Exercise* e = find_exercise(id);
    REQUIRE(e != nullptr);
    return *e;
}

}  // namespace

TEST_CASE("the library holds the 22 exercises of DOMAIN.md and the 15 added for R19-R29, with unique ids") {
    const auto& all = library();
    CHECK(all.size() == 37);
    std::set<std::string> ids;
    for (const auto& e : all) ids.insert(e.id);
    CHECK(ids.size() == all.size());
    for (const char* id : {"standing-toe-touch", "seated-forward-fold", "supine-leg-raise", "supine-strap",
                           "standing-hamstring", "heel-on-step", "heel-on-table", "one-leg-squat-hamstring",
                           "partner-hamstring", "seated-knee-extension", "leg-swings", "march-in-place",
                           "foam-roll-hamstrings", "ball-release", "glute-bridge", "clamshell", "donkey-kick",
                           "plank", "kneeling-hip-flexor", "standing-hip-flexor", "standing-quad",
                           "extended-triangle",
                           // R19, R23, R26, R28, R29: from mainstream guidance, not the seeds
                           "supine-hands-thigh", "seated-cushion-hamstring", "seated-heel-dig", "sit-to-stand",
                           "supported-hip-abduction", "wall-sit", "bird-dog", "dead-bug", "standing-calf",
                           "seated-figure-4", "standing-adductor", "seated-march", "seated-knee-extension-hold",
                           "cushion-squeeze", "supine-heel-dig"}) {
        INFO(id);
        CHECK(ids.count(id) == 1);
        CHECK(find_exercise(id) != nullptr);
    }
    CHECK(find_exercise("no-such-exercise") == nullptr);
}

TEST_CASE("every exercise is complete and none is ballistic") {
    const std::regex id_form("[a-z0-9]+(-[a-z0-9]+)*");
    // A source a reader can find: an article by its title, or a named guideline in plain words
    // ("NHS: sitting exercises"); never an internal file name (R20, R29).
    const std::regex source_form("article \".+\"( \\(.+\\))?|[A-Z].+");
    const std::regex file_name("[0-9a-f]{8,}|\\.txt");
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
        for (const auto& source : e.sources) {
            CHECK(std::regex_match(source, source_form));
            CHECK_FALSE(std::regex_search(source, file_name));
        }
        CHECK((e.dose.hold_s > 0) != (e.dose.reps > 0));
        if (e.dose.reps > 0) CHECK(e.dose.sets >= 1);
        CHECK(e.sided == !e.side_cue.empty());  // every sided exercise has a side cue
        CHECK(e.flags.partner == (std::find(e.equipment.begin(), e.equipment.end(), Equipment::Partner) !=
                                  e.equipment.end()));  // R16: a partner counts as equipment
        CHECK_FALSE(contains(e.equipment_any, Equipment::Partner));
    }
}

TEST_CASE("human text speaks plain words, never rule codes") {
    // R20: names, cues, side cues and cautions reach the person; "(R9)" is for code and JSON.
    const std::regex rule_code("\\bR[0-9]+\\b");
    for (const auto& e : library()) {
        INFO(e.id);
        std::vector<std::string> texts{e.name, e.side_cue};
        texts.insert(texts.end(), e.cues.begin(), e.cues.end());
        for (const auto& c : e.cautions) texts.push_back(c.text);
        for (const auto& text : texts) {
            INFO(text);
            CHECK_FALSE(std::regex_search(text, rule_code));
        }
    }
}

TEST_CASE("every target is a muscle group the planner knows") {
    // R22: targets are the muscle groups the budget is shared among; "warm-up" is not one.
    const std::set<std::string> groups{"hamstrings", "hip-flexors", "quadriceps", "glutes",
                                       "calves",     "adductors",   "core"};
    for (const auto& e : library()) {
        INFO(e.id);
        for (const auto& target : e.targets) {
            INFO(target);
            CHECK(groups.count(target) == 1);
        }
    }
    const auto& march = exercise("march-in-place");
    CHECK(std::find(march.targets.begin(), march.targets.end(), "warm-up") == march.targets.end());
}

TEST_CASE("equipment of which one is needed") {
    // R16: seed 001 rests the heel on a step or a chair.
    const auto& step = exercise("heel-on-step");
    CHECK(step.equipment.empty());
    CHECK(step.equipment_any == std::vector<Equipment>{Equipment::Step, Equipment::Chair});
    // An alternative never repeats an item that is needed anyway, nor another alternative.
    for (const auto& e : library()) {
        INFO(e.id);
        if (e.equipment_any.empty()) continue;
        CHECK(e.equipment_any.size() >= 2);
        for (auto item : e.equipment_any) CHECK_FALSE(contains(e.equipment, item));
        const std::set<Equipment> distinct(e.equipment_any.begin(), e.equipment_any.end());
        CHECK(distinct.size() == e.equipment_any.size());
    }
}

TEST_CASE("the flags carry what the constraint rules test") {
    // R14: the strap draws the straight leg up by the foot; the ball presses under the thigh.
    CHECK(exercise("supine-strap").flags.nerve_tension);
    CHECK(exercise("ball-release").flags.nerve_pressure);
    // R28 hip-replacement: past 90° of hip flexion, or the legs crossed.
    for (const char* id : {"supine-strap", "supine-leg-raise", "partner-hamstring", "seated-forward-fold",
                           "heel-on-table", "one-leg-squat-hamstring", "standing-toe-touch", "supine-hands-thigh"}) {
        INFO(id);
        CHECK(exercise(id).flags.deep_hip_flexion);
    }
    CHECK(exercise("seated-figure-4").flags.crossed_legs);
    // R28 osteoporosis: the triangle bends the spine sideways under load.
    CHECK(exercise("extended-triangle").flags.twisting);
    CHECK(exercise("extended-triangle").flags.balance);
    // R28 knee: deep knee bends; the wall sit goes only to 45°.
    CHECK(exercise("one-leg-squat-hamstring").flags.deep_knee_bend);
    CHECK(exercise("standing-quad").flags.deep_knee_bend);
    CHECK_FALSE(exercise("wall-sit").flags.deep_knee_bend);
    // R9: the wide-leg adductor stretch is left out in pregnancy.
    CHECK(exercise("standing-adductor").flags.wide_legs);
    // R3: the partner stops at mild tension, not at a deep stretch.
    for (const auto& cue : exercise("partner-hamstring").cues) {
        INFO(cue);
        CHECK(cue.find("deep") == std::string::npos);
    }
}

TEST_CASE("the added exercises have the shape R19, R23, R26 and R28 rely on") {
    // R26: the acute strain's heel digs are held isometrics in a chair.
    const auto& heel_dig = exercise("seated-heel-dig");
    CHECK(heel_dig.kind == Kind::Strength);
    CHECK(heel_dig.position == Position::SeatedChair);
    CHECK(heel_dig.dose.hold_s == 5);
    CHECK(heel_dig.targets == std::vector<std::string>{"hamstrings"});
    // R23: standing and chair strength work, and seated variants for seated-only.
    for (const char* id : {"sit-to-stand", "supported-hip-abduction", "wall-sit"}) {
        INFO(id);
        CHECK(exercise(id).kind == Kind::Strength);
        CHECK(exercise(id).position == Position::Standing);
    }
    for (const char* id : {"seated-knee-extension-hold", "cushion-squeeze", "seated-heel-dig"}) {
        INFO(id);
        CHECK(exercise(id).kind == Kind::Strength);
        CHECK(exercise(id).position == Position::SeatedChair);
    }
    const auto& seated_march = exercise("seated-march");
    CHECK(seated_march.kind == Kind::Dynamic);
    CHECK(seated_march.position == Position::SeatedChair);
    // R28 seated-only: a warm-up, a hamstring stretch and strength work all remain in a chair.
    bool chair_warmup = false, chair_hamstring = false, chair_strength = false;
    for (const auto& e : library()) {
        if (e.position != Position::SeatedChair) continue;
        chair_warmup |= e.kind == Kind::Dynamic;
        chair_strength |= e.kind == Kind::Strength;
        chair_hamstring |= e.kind == Kind::Static && e.targets.front() == "hamstrings";
    }
    CHECK(chair_warmup);
    CHECK(chair_hamstring);
    CHECK(chair_strength);
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
    // R19: with no equipment at all, a lying hamstring stretch (not when pregnant) ...
    const auto& lying = exercise("supine-hands-thigh");
    CHECK(lying.kind == Kind::Static);
    CHECK(lying.position == Position::FloorSupine);
    CHECK(lying.equipment.empty());
    CHECK(lying.equipment_any.empty());
    CHECK(lying.targets.front() == "hamstrings");
    CHECK_FALSE(lying.flags.nerve_tension);  // the foot stays relaxed, the knee soft (R14)
    CHECK_FALSE(lying.flags.spinal_flexion_load);
    // ... and one that pregnancy allows: not lying on the back, no balance challenge, no partner,
    // no wide legs, no fold (R9).
    const auto& cushion = exercise("seated-cushion-hamstring");
    CHECK(cushion.kind == Kind::Static);
    CHECK(cushion.position == Position::FloorSeated);
    CHECK(cushion.equipment.empty());
    CHECK(cushion.equipment_any.empty());
    CHECK(cushion.targets.front() == "hamstrings");
    CHECK_FALSE(cushion.flags.spinal_flexion_load);
    CHECK_FALSE(cushion.flags.balance);
    CHECK_FALSE(cushion.flags.partner);
    CHECK_FALSE(cushion.flags.nerve_tension);
    CHECK_FALSE(cushion.flags.wide_legs);
    bool pregnancy_safe_no_equipment = false;
    for (const auto& e : library()) {
        const auto& f = e.flags;
        if (e.kind == Kind::Static && e.targets.front() == "hamstrings" && e.equipment.empty() &&
            e.equipment_any.empty() && e.position != Position::FloorSupine && !f.spinal_flexion_load &&
            !f.balance && !f.partner && !f.wide_legs)
            pregnancy_safe_no_equipment = true;
    }
    CHECK(pregnancy_safe_no_equipment);
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
