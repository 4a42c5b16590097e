#include <limber/plan/rules.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace limber {

std::string_view to_string(Constraint constraint) {
    switch (constraint) {
    case Constraint::Pregnant: return "pregnant";
    case Constraint::Injured: return "injured";
    case Constraint::AcuteStrain: return "acute-strain";
    case Constraint::NoFloor: return "no-floor";
    case Constraint::BackPain: return "back-pain";
    case Constraint::Sciatica: return "sciatica";
    }
    return {};
}

const std::vector<Constraint>& all_constraints() {
    static const std::vector<Constraint> all = {Constraint::Pregnant, Constraint::Injured,
                                                Constraint::AcuteStrain, Constraint::NoFloor,
                                                Constraint::BackPain, Constraint::Sciatica};
    return all;
}

std::optional<Constraint> parse_constraint(std::string_view text) {
    for (auto c : all_constraints())
        if (to_string(c) == text) return c;
    return std::nullopt;
}

bool has(const Profile& profile, Constraint constraint) {
    return std::find(profile.constraints.begin(), profile.constraints.end(), constraint) !=
           profile.constraints.end();
}

namespace {

bool targets(const Exercise& exercise, std::string_view muscle) {
    return std::find(exercise.targets.begin(), exercise.targets.end(), muscle) !=
           exercise.targets.end();
}

}  // namespace

namespace {

using Add = std::function<void(std::string_view who, std::string_view why)>;

/// R4, R17, R16: what rules an exercise out for anyone: bouncing, the level, missing equipment.
void general_reasons(const Exercise& e, const Profile& profile, const Add& add) {
    if (e.flags.ballistic) add("R4", "bounces, which fires the stretch reflex");
    if (profile.level && std::find(e.levels.begin(), e.levels.end(), *profile.level) == e.levels.end())
        add(to_string(*profile.level), "not an exercise for this level");
    if (profile.equipment) {  // everything it needs must be there (a partner counts)
        for (auto needed : e.equipment)
            if (std::find(profile.equipment->begin(), profile.equipment->end(), needed) == profile.equipment->end())
                add("equipment", fmt::format("needs a {}", to_string(needed)));
    }
}

/// R9, R10: standing stretches are done holding a chair or a wall.
void support_reasons(const Exercise& e, const Profile& profile, const Add& add) {
    const auto has_equipment = [&profile](Equipment needed) {
        return std::find(profile.equipment->begin(), profile.equipment->end(), needed) != profile.equipment->end();
    };
    const bool support = !profile.equipment || has_equipment(Equipment::Chair) || has_equipment(Equipment::Wall);
    if (e.position != Position::Standing || e.kind != Kind::Static || support) return;
    if (has(profile, Constraint::Pregnant)) add("pregnant", "standing stretches need a chair or a wall to hold");
    if (has(profile, Constraint::Injured)) add("injured", "standing stretches need a chair or a wall to hold");
}

void pregnancy_reasons(const Exercise& e, const Add& add) {  // R9
    if (e.position == Position::FloorSupine) add("pregnant", "lies on the back, which can press on the vena cava");
    if (e.position == Position::FloorProne) add("pregnant", "a plank loads the abdominal wall");
    if (e.flags.partner) add("pregnant", "a partner can push a loosened joint too far");
    if (e.flags.balance) add("pregnant", "challenges balance");
    if (e.flags.spinal_flexion_load) add("pregnant", "folding forward presses on the belly");
}

void injury_reasons(const Exercise& e, const Add& add) {  // R10
    if (e.position != Position::Standing && e.position != Position::SeatedChair)
        add("injured", "only standing or chair exercises while injured");
    if (e.flags.partner) add("injured", "a partner can push an injured muscle too far");
    if (e.flags.balance) add("injured", "challenges balance");
    if (e.kind == Kind::Strength) add("injured", "no strength work with load while injured");
    if (e.kind == Kind::Release) add("injured", "pressure on an injured muscle can aggravate it");
    if (e.flags.spinal_flexion_load) add("injured", "a deep stretch");
}

void acute_strain_reasons(const Exercise& e, const Add& add) {  // R11: walking, gentle movement and isometric holds only
    const bool isometric_hold = e.kind == Kind::Strength && e.dose.hold_s > 0;
    const bool walking = e.kind == Kind::Dynamic && !targets(e, "hamstrings");
    if (targets(e, "hamstrings")) {
        add("acute-strain", e.kind == Kind::Strength ? "loads the strained hamstring"
                                                     : "no hamstring stretching or massage in the first days of a strain");
    } else if (!walking && !isometric_hold) {
        add("acute-strain", "only walking, gentle movement and isometric holds in the first days of a strain");
    }
}

/// R12, R13, R14: the floor, the lumbar discs and the sciatic nerve.
void floor_and_back_reasons(const Exercise& e, const Profile& profile, const Add& add) {
    if (has(profile, Constraint::NoFloor) && is_floor(e.position))
        add("no-floor", e.position == Position::Kneeling ? "kneels on the floor" : "done on the floor");
    const bool sciatica = has(profile, Constraint::Sciatica);
    if ((has(profile, Constraint::BackPain) || sciatica) && e.flags.spinal_flexion_load)
        add(sciatica && !has(profile, Constraint::BackPain) ? "sciatica" : "back-pain",
            "loads the lumbar discs in flexion");
    if (sciatica && e.flags.nerve_tension) add("sciatica", "puts the sciatic nerve on tension");
}

}  // namespace

std::vector<std::string> exclusion_reasons(const Exercise& e, const Profile& profile) {
    std::vector<std::string> reasons;
    const Add add = [&reasons](std::string_view who, std::string_view why) {
        reasons.push_back(fmt::format("{}: {}", who, why));
    };
    general_reasons(e, profile, add);
    support_reasons(e, profile, add);
    if (has(profile, Constraint::Pregnant)) pregnancy_reasons(e, add);
    if (has(profile, Constraint::Injured)) injury_reasons(e, add);
    if (has(profile, Constraint::AcuteStrain)) acute_strain_reasons(e, add);
    floor_and_back_reasons(e, profile, add);
    return reasons;
}

std::optional<int> hold_cap_for(const Profile& profile) {
    if (has(profile, Constraint::Pregnant) || has(profile, Constraint::Injured)) return 30;  // R9, R10
    return std::nullopt;
}

}  // namespace limber
