#include <limber/io/exercise_json.hpp>

#include <limber/util/text.hpp>

namespace limber {

nlohmann::ordered_json exercise_to_json(const Exercise& e) {
    nlohmann::ordered_json dose = nlohmann::ordered_json::object();
    if (e.dose.hold_s > 0) {
        dose["hold_s"] = e.dose.hold_s;
    } else {
        dose["reps"] = e.dose.reps;
        dose["sets"] = e.dose.sets;
    }
    auto caution_texts = nlohmann::ordered_json::array();
    for (const auto& c : e.cautions) caution_texts.push_back(c.text);
    return {
        {"id", e.id},
        {"name", e.name},
        {"kind", std::string(to_string(e.kind))},
        {"position", std::string(to_string(e.position))},
        {"equipment", names_of(e.equipment)},
        {"equipment_any", names_of(e.equipment_any)},
        {"levels", names_of(e.levels)},
        {"sided", e.sided},
        {"targets", e.targets},
        {"flags",
         {{"spinal_flexion_load", e.flags.spinal_flexion_load},
          {"balance", e.flags.balance},
          {"partner", e.flags.partner},
          {"ballistic", e.flags.ballistic},
          {"nerve_tension", e.flags.nerve_tension},
          {"nerve_pressure", e.flags.nerve_pressure},
          {"deep_hip_flexion", e.flags.deep_hip_flexion},
          {"crossed_legs", e.flags.crossed_legs},
          {"twisting", e.flags.twisting},
          {"deep_knee_bend", e.flags.deep_knee_bend},
          {"wide_legs", e.flags.wide_legs},
          {"momentum", e.flags.momentum},
          {"all_fours", e.flags.all_fours}}},
        {"dose", dose},
        {"cues", e.cues},
        {"side_cue", e.side_cue},
        {"cautions", caution_texts},
        {"held", names_of(e.held)},
        {"sources", e.sources},
    };
}

}  // namespace limber
