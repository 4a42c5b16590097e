#include <limber/plan/rules.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

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
    case Constraint::Osteoporosis: return "osteoporosis";
    case Constraint::HipReplacement: return "hip-replacement";
    case Constraint::Knee: return "knee";
    case Constraint::Hypermobility: return "hypermobility";
    case Constraint::SeatedOnly: return "seated-only";
    }
    return {};
}

const std::vector<Constraint>& all_constraints() {
    static const std::vector<Constraint> all = {
        Constraint::Pregnant,     Constraint::Injured,        Constraint::AcuteStrain, Constraint::NoFloor,
        Constraint::BackPain,     Constraint::Sciatica,       Constraint::Osteoporosis, Constraint::HipReplacement,
        Constraint::Knee,         Constraint::Hypermobility,  Constraint::SeatedOnly};
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

bool targets(const Exercise& exercise, std::string_view muscle) {
    return std::find(exercise.targets.begin(), exercise.targets.end(), muscle) != exercise.targets.end();
}

bool is_hamstring_stretch(const Exercise& exercise) {
    return exercise.kind == Kind::Static && targets(exercise, "hamstrings");
}

bool is_older(const Profile& profile) { return profile.age && *profile.age >= 65; }

namespace {

/// The person has `needed` (an unset equipment list has everything).
bool has_equipment(const Profile& profile, Equipment needed) {
    return !profile.equipment ||
           std::find(profile.equipment->begin(), profile.equipment->end(), needed) != profile.equipment->end();
}

}  // namespace

bool needs_support(const Profile& profile) {
    return is_older(profile) || has(profile, Constraint::Pregnant) || has(profile, Constraint::Injured) ||
           has(profile, Constraint::Osteoporosis);
}

std::vector<Equipment> equipment_used(const Exercise& exercise, const Profile& profile) {
    std::vector<Equipment> used = exercise.equipment;
    // R16: of the alternatives, the first the person has (a step before a chair)
    if (auto any = std::find_if(exercise.equipment_any.begin(), exercise.equipment_any.end(),
                                [&](Equipment e) { return has_equipment(profile, e); });
        any != exercise.equipment_any.end())
        used.push_back(*any);
    return used;
}

std::vector<Equipment> free_supports(const Exercise& exercise, const Profile& profile) {
    const auto used = equipment_used(exercise, profile);
    const auto in = [](const std::vector<Equipment>& list, Equipment e) {
        return std::find(list.begin(), list.end(), e) != list.end();
    };
    std::vector<Equipment> out;
    for (auto support : {Equipment::Chair, Equipment::Wall})
        if (has_equipment(profile, support) && (!in(used, support) || in(exercise.held, support)))
            out.push_back(support);
    return out;
}

bool concerns(const Caution& caution, const Profile& profile) {
    if (caution.concerns.empty()) return true;
    return std::any_of(caution.concerns.begin(), caution.concerns.end(), [&](Concern c) {
        switch (c) {
        case Concern::Pregnancy: return has(profile, Constraint::Pregnant);
        case Concern::Injury: return has(profile, Constraint::Injured) || has(profile, Constraint::AcuteStrain);
        case Concern::Back: return has(profile, Constraint::BackPain) || has(profile, Constraint::Sciatica);
        case Concern::Sciatica: return has(profile, Constraint::Sciatica);
        case Concern::Osteoporosis: return has(profile, Constraint::Osteoporosis);
        case Concern::HipReplacement: return has(profile, Constraint::HipReplacement);
        case Concern::Knee: return has(profile, Constraint::Knee);
        case Concern::Unsteady: return needs_support(profile);
        }
        return true;
    });
}
bool is_oldest(const Profile& profile) { return profile.age && *profile.age >= 80; }

std::vector<std::string> flexion_refused_by(const Profile& profile) {
    std::vector<std::string> by;
    for (auto c : {Constraint::BackPain, Constraint::Sciatica, Constraint::Pregnant, Constraint::Injured,
                   Constraint::Osteoporosis, Constraint::HipReplacement})
        if (has(profile, c)) by.emplace_back(to_string(c));
    if (is_older(profile)) by.emplace_back("age 65 and over");
    return by;
}

namespace {

using Add = std::function<void(std::string_view who, std::string_view why)>;

/// R4, R17, R16: what rules an exercise out for anyone: bouncing, the level, missing equipment.
void general_reasons(const Exercise& e, const Profile& profile, const Add& add) {
    if (e.flags.ballistic) add("bouncing", "fires the stretch reflex and tightens the muscle");  // R4
    if (profile.level && std::find(e.levels.begin(), e.levels.end(), *profile.level) == e.levels.end())
        add(to_string(*profile.level), "not an exercise for this level");  // R17
    if (profile.equipment) {  // R16: everything it needs must be there (a partner counts)
        for (auto needed : e.equipment)
            if (!has_equipment(profile, needed)) add("equipment", fmt::format("needs a {}", to_string(needed)));
        if (!e.equipment_any.empty() &&
            std::none_of(e.equipment_any.begin(), e.equipment_any.end(),
                         [&](Equipment any) { return has_equipment(profile, any); })) {
            std::vector<std::string> names;
            for (auto any : e.equipment_any) names.emplace_back(to_string(any));
            add("equipment", fmt::format("needs a {}", fmt::join(names, " or a ")));
        }
    }
}

/// R9, R10, R26, R28, R29: standing exercises, the warm-up included, are done holding a chair
/// or a wall that the exercise leaves free, by people for whom a wobble is a risk and in every
/// balance exercise.
void support_reasons(const Exercise& e, const Profile& profile, const Add& add) {
    if (e.position != Position::Standing || !free_supports(e, profile).empty()) return;
    const std::string why = e.equipment.empty() && e.equipment_any.empty()
                                ? "standing exercises need a chair or a wall to hold"
                                : "standing exercises need a chair or a wall to hold that the exercise itself does not use";
    if (has(profile, Constraint::Pregnant)) add("pregnant", why);
    if (has(profile, Constraint::Injured)) add("injured", why);
    if (has(profile, Constraint::Osteoporosis)) add("osteoporosis", why);
    if (is_older(profile)) add("age 65 and over", why);
    if (e.flags.balance && !needs_support(profile)) add("balance", why);
}

void pregnancy_reasons(const Exercise& e, const Add& add) {  // R9
    if (e.position == Position::FloorSupine) add("pregnant", "lies on the back, which can press on the vena cava");
    if (e.position == Position::FloorProne) add("pregnant", "a plank loads the abdominal wall");
    if (e.flags.partner) add("pregnant", "a partner can push a loosened joint too far");
    if (e.flags.balance) add("pregnant", "challenges balance");
    if (e.flags.spinal_flexion_load) add("pregnant", "folding forward presses on the belly");
    if (e.flags.wide_legs) add("pregnant", "a wide-leg stretch can bring on pelvic girdle pain");
}

void injury_reasons(const Exercise& e, const Add& add) {  // R10 ("load" is added weight, R23: none in the library)
    if (e.position != Position::Standing && e.position != Position::SeatedChair)
        add("injured", "only standing or chair exercises while injured");
    if (e.flags.partner) add("injured", "a partner can push an injured muscle too far");
    if (e.flags.balance) add("injured", "challenges balance");
    if (e.kind == Kind::Release) add("injured", "pressure on an injured muscle can aggravate it");
    if (e.flags.spinal_flexion_load) add("injured", "a deep stretch");
}

/// R11, R26: walking, gentle movement and the isometric heel digs only.
void acute_strain_reasons(const Exercise& e, const Add& add) {
    const bool hamstring_isometric = e.kind == Kind::Strength && e.dose.hold_s > 0 && targets(e, "hamstrings");
    const bool walking = e.kind == Kind::Dynamic && !targets(e, "hamstrings");
    if (hamstring_isometric || walking) return;
    if (targets(e, "hamstrings"))
        add("acute-strain", e.kind == Kind::Strength ? "loads the strained hamstring"
                                                     : "no hamstring stretching or massage in the first days of a strain");
    else
        add("acute-strain", "only gentle movement and isometric holds in the first days of a strain");
}

/// R12, R13, R14, R19: the floor, the lumbar discs and the sciatic nerve.
void floor_and_back_reasons(const Exercise& e, const Profile& profile, const Add& add) {
    if (has(profile, Constraint::NoFloor) && is_floor(e.position))
        add("no-floor", e.position == Position::Kneeling ? "kneels on the floor" : "done on the floor");
    const bool back = has(profile, Constraint::BackPain);
    const bool sciatica = has(profile, Constraint::Sciatica);
    const std::string_view who = back ? "back-pain" : "sciatica";
    if ((back || sciatica) && e.flags.spinal_flexion_load) add(who, "loads the lumbar discs in flexion");
    if ((back || sciatica) && e.position == Position::FloorSeated && e.kind == Kind::Static)
        add(who, "sitting on the floor with the legs out rounds a tight lower back");  // R19
    if (sciatica && e.flags.nerve_tension) add("sciatica", "puts the sciatic nerve on tension");
    if (sciatica && e.flags.nerve_pressure) add("sciatica", "presses on the sciatic nerve");
}

/// R21: flexion-loaded stretches only on the user's word, and never where the opt-in is ignored.
void flexion_reasons(const Exercise& e, const Profile& profile, const Add& add) {
    if (!e.flags.spinal_flexion_load) return;
    if (!profile.allow_flexion && flexion_refused_by(profile).empty())
        add("flexion", "folds forward under load, which strains the lower back's discs; plan with "
                       "--allow-flexion to include it");
    else if (!profile.allow_flexion)  // the opt-in would be ignored (the constraint says why)
        add("flexion", "folds forward under load, which strains the lower back's discs");
    else if (is_older(profile))
        add("age 65 and over", "folds forward under load, which strains the lower back's discs");
}

/// R26: falls.
void age_reasons(const Exercise& e, const Profile& profile, const Add& add) {
    if (is_older(profile) && e.flags.balance) add("age 65 and over", "a balance challenge without support risks a fall");
    if (is_oldest(profile) && is_floor(e.position) && !profile.floor_ok)
        add("age 80 and over", "getting down to the floor and up again risks a fall; plan with --floor-ok if you "
                               "can do it safely");
}

/// R28: osteoporosis, a hip replacement, knees, hypermobility, seated only.
void more_reasons(const Exercise& e, const Profile& profile, const Add& add) {
    if (has(profile, Constraint::Osteoporosis)) {
        if (e.flags.spinal_flexion_load) add("osteoporosis", "bending forward under load can fracture a weak vertebra");
        if (e.flags.twisting) add("osteoporosis", "twists the spine under load");
        if (e.flags.balance) add("osteoporosis", "a fall can break a bone");
        if (e.position == Position::FloorProne) add("osteoporosis", "a plank loads the spine");
        if (e.position == Position::FloorSeated && e.kind == Kind::Static)
            add("osteoporosis", "sitting on the floor with the legs out rounds the spine");
    }
    if (has(profile, Constraint::HipReplacement)) {
        if (e.flags.deep_hip_flexion) add("hip-replacement", "bends the hip past 90 degrees");
        if (e.flags.crossed_legs) add("hip-replacement", "crosses the legs or turns the knee in");
        if (e.flags.momentum) add("hip-replacement", "swings the leg with momentum while standing on the other");
        if (e.flags.all_fours) add("hip-replacement", "on hands and knees the hip bends to 90 degrees under load");
        if (e.position == Position::FloorSeated) add("hip-replacement", "sits on the floor");
    }
    if (has(profile, Constraint::Knee)) {
        if (e.position == Position::Kneeling) add("knee", "kneels");
        if (e.flags.deep_knee_bend) add("knee", "bends the knee deeply under load");
    }
    if (has(profile, Constraint::Hypermobility) && e.flags.partner)
        add("hypermobility", "a partner can push a loose joint past its range");
    if (has(profile, Constraint::SeatedOnly) && e.position != Position::SeatedChair)
        add("seated-only", "not done sitting on a chair");
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
    flexion_reasons(e, profile, add);
    age_reasons(e, profile, add);
    more_reasons(e, profile, add);
    return reasons;
}

std::optional<int> hold_cap_for(const Profile& profile) {
    if (has(profile, Constraint::Hypermobility)) return 20;                                 // R28
    if (has(profile, Constraint::Pregnant) || has(profile, Constraint::Injured)) return 30;  // R9, R10
    return std::nullopt;
}

}  // namespace limber
