#pragma once
// Helpers shared by the unit tests: the constraint subsets, the sample size of the property
// tests, a plain-words check, and the tests' own safety oracle.
//
// The oracle (broken_rules) is written from DOMAIN.md's words and the exercise attributes
// alone (kind, position, equipment, equipment_any, levels, targets, flags, dose). It never
// calls exclusion_reasons(), is_floor(), is_hamstring_stretch() or anything else of
// src/plan, so a planner that trusts a wrong rule in rules.cpp still fails here.

#include <limber/catalog/catalog.hpp>
#include <limber/plan/rules.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber::test {

/// Every subset of the constraints (2^11 = 2048), the empty one first.
inline std::vector<std::vector<Constraint>> constraint_subsets() {
    const auto& all = all_constraints();
    std::vector<std::vector<Constraint>> subsets;
    for (unsigned mask = 0; mask < (1u << all.size()); ++mask) {
        std::vector<Constraint> subset;
        for (std::size_t i = 0; i < all.size(); ++i)
            if (mask & (1u << i)) subset.push_back(all[i]);
        subsets.push_back(subset);
    }
    return subsets;
}

/// LIMBER_PROPERTY_SAMPLE=N: the property tests check every Nth case (default 1: all of them).
/// The sanitizer build sets it, since ASan and UBSan make each plan many times slower.
inline std::size_t property_sample() {
    const char* text = std::getenv("LIMBER_PROPERTY_SAMPLE");
    if (!text || !*text) return 1;
    char* end = nullptr;
    const unsigned long n = std::strtoul(text, &end, 10);
    return end && *end == '\0' && n > 0 ? static_cast<std::size_t>(n) : 1;
}

/// R20: a rule code such as "R7" or "(R19)" as a word of its own.
inline bool has_rule_code(std::string_view text) {
    const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != 'R' || (i > 0 && word(text[i - 1]))) continue;
        std::size_t j = i + 1;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
        if (j > i + 1 && (j == text.size() || !word(text[j]))) return true;
    }
    return false;
}

/// Who an exercise is judged for. An unset level or equipment list does not filter.
struct Person {
    std::optional<Level> level;
    std::vector<Constraint> constraints;
    std::optional<std::vector<Equipment>> equipment;
    std::optional<int> age;
    bool allow_flexion = false;
    bool floor_ok = false;

    bool has(Constraint c) const {
        return std::find(constraints.begin(), constraints.end(), c) != constraints.end();
    }
    bool has_kit(Equipment e) const {
        return !equipment || std::find(equipment->begin(), equipment->end(), e) != equipment->end();
    }
    bool older() const { return age && *age >= 65; }   // R26
    bool oldest() const { return age && *age >= 80; }  // R26
};

/// A rule the exercise breaks for the person, and who a reason for it may name ("pregnant",
/// "equipment", "beginner", "age 65 and over", …): any one of `who`.
struct Broken {
    std::vector<std::string_view> who;
    std::string_view rule;  ///< what is wrong, for messages
};

inline bool has_target(const Exercise& e, std::string_view muscle) {
    return std::find(e.targets.begin(), e.targets.end(), muscle) != e.targets.end();
}

/// Off the floor means standing or sitting on a chair (R12): every other position is down.
inline bool on_floor(const Exercise& e) {
    return e.position != Position::Standing && e.position != Position::SeatedChair;
}

/// A static stretch of the hamstrings (R19).
inline bool hamstring_stretch(const Exercise& e) { return e.kind == Kind::Static && has_target(e, "hamstrings"); }

/// R11/R26: the isometric hamstring hold of an acute strain (heel digs).
inline bool isometric_hamstring_hold(const Exercise& e) {
    return e.kind == Kind::Strength && e.dose.hold_s > 0 && has_target(e, "hamstrings");
}

/// Every hard rule of DOMAIN.md (R4, R9–R14, R16, R17, R21, R26, R28) that `e` breaks for `p`.
inline std::vector<Broken> broken_rules(const Exercise& e, const Person& p) {
    std::vector<Broken> out;
    const auto add = [&out](std::vector<std::string_view> who, std::string_view rule) {
        out.push_back({std::move(who), rule});
    };
    const auto name = [](Constraint c) { return to_string(c); };
    const bool flexion = e.flags.spinal_flexion_load;
    const bool floor_seated_stretch = e.position == Position::FloorSeated && e.kind == Kind::Static;

    if (e.flags.ballistic) add({"bouncing"}, "R4 bounces");
    if (p.level && std::find(e.levels.begin(), e.levels.end(), *p.level) == e.levels.end())
        add({to_string(*p.level)}, "R17 not for this level");
    for (auto needed : e.equipment)
        if (!p.has_kit(needed)) add({"equipment"}, "R16 needs what it lists");
    if (!e.equipment_any.empty() &&
        std::none_of(e.equipment_any.begin(), e.equipment_any.end(), [&](Equipment k) { return p.has_kit(k); }))
        add({"equipment"}, "R16 needs one of its alternatives");

    // R29 (R9, R10, R26, R28): whoever needs support, and everyone in a balance exercise, stands
    // (the warm-up included) only with a chair or a wall left free: one the exercise does not
    // take as its step, seat or prop, or one it is held by
    if (e.position == Position::Standing) {
        std::vector<Equipment> takes = e.equipment;
        for (auto k : e.equipment_any)
            if (p.has_kit(k)) {
                takes.push_back(k);
                break;
            }
        const auto listed = [](const std::vector<Equipment>& list, Equipment k) {
            return std::find(list.begin(), list.end(), k) != list.end();
        };
        bool free = false;
        for (auto k : {Equipment::Chair, Equipment::Wall})
            if (p.has_kit(k) && (!listed(takes, k) || listed(e.held, k))) free = true;
        if (!free) {
            bool needs = false;
            for (auto c : {Constraint::Pregnant, Constraint::Injured, Constraint::Osteoporosis})
                if (p.has(c)) add({name(c)}, "R29 standing without a free chair or wall to hold"), needs = true;
            if (p.older()) add({"age 65 and over"}, "R29 standing without a free chair or wall to hold"), needs = true;
            if (e.flags.balance && !needs) add({"balance"}, "R29 a balance exercise without a free chair or wall");
        }
    }
    if (p.has(Constraint::Pregnant)) {  // R9, R28
        if (e.position == Position::FloorSupine) add({"pregnant"}, "R9 lies on the back");
        if (e.position == Position::FloorProne) add({"pregnant"}, "R9 lies face down");
        if (e.flags.partner) add({"pregnant"}, "R9 partner");
        if (e.flags.balance) add({"pregnant"}, "R9 balance");
        if (flexion) add({"pregnant"}, "R9 flexion load");
        if (e.flags.wide_legs) add({"pregnant"}, "R28 wide legs in pregnancy");
    }
    if (p.has(Constraint::Injured)) {  // R10
        if (e.position != Position::Standing && e.position != Position::SeatedChair)
            add({"injured"}, "R10 not standing or on a chair");
        if (e.flags.partner) add({"injured"}, "R10 partner");
        if (e.flags.balance) add({"injured"}, "R10 balance");
        if (e.kind == Kind::Release) add({"injured"}, "R10 release");
        if (flexion) add({"injured"}, "R10 deep (flexion-loaded) stretch");
    }
    if (p.has(Constraint::AcuteStrain)) {  // R11, R26: walking and the isometric hamstring hold only
        const bool walking = e.kind == Kind::Dynamic && !has_target(e, "hamstrings");
        if (!walking && !isometric_hamstring_hold(e)) add({"acute-strain"}, "R11 not walking or an isometric hold");
    }
    if (p.has(Constraint::NoFloor) && on_floor(e)) add({"no-floor"}, "R12 on the floor or kneeling");
    std::vector<std::string_view> back;
    for (auto c : {Constraint::BackPain, Constraint::Sciatica})
        if (p.has(c)) back.push_back(name(c));
    if (!back.empty()) {  // R13, R14, R19
        if (flexion) add(back, "R13 flexion load");
        if (floor_seated_stretch) add(back, "R19 floor-seated stretch with a sensitive back");
    }
    if (p.has(Constraint::Sciatica)) {  // R14
        if (e.flags.nerve_tension) add({"sciatica"}, "R14 nerve tension");
        if (e.flags.nerve_pressure) add({"sciatica"}, "R14 nerve pressure");
    }
    if (flexion) {  // R21
        std::vector<std::string_view> refused;
        for (auto c : {Constraint::BackPain, Constraint::Sciatica, Constraint::Pregnant, Constraint::Injured,
                       Constraint::Osteoporosis, Constraint::HipReplacement})
            if (p.has(c)) refused.push_back(name(c));
        if (p.older()) refused.emplace_back("age 65 and over");
        if (!p.allow_flexion) add({"flexion"}, "R21 flexion load without --allow-flexion");
        else if (!refused.empty()) add(refused, "R21 flexion load where the opt-in is ignored");
    }
    if (p.older() && e.flags.balance) add({"age 65 and over"}, "R26 balance at 65 and over");
    if (p.oldest() && on_floor(e) && !p.floor_ok) add({"age 80 and over"}, "R26 floor at 80 and over");
    if (p.has(Constraint::Osteoporosis)) {  // R28
        if (flexion) add({"osteoporosis"}, "R28 flexion load");
        if (e.flags.twisting) add({"osteoporosis"}, "R28 twisting");
        if (e.flags.balance) add({"osteoporosis"}, "R28 balance");
        if (e.position == Position::FloorProne) add({"osteoporosis"}, "R28 plank");
        if (floor_seated_stretch) add({"osteoporosis"}, "R19 floor-seated stretch");
    }
    if (p.has(Constraint::HipReplacement)) {  // R28
        if (e.flags.deep_hip_flexion) add({"hip-replacement"}, "R28 hip past 90 degrees");
        if (e.flags.crossed_legs) add({"hip-replacement"}, "R28 crossed legs");
        if (e.flags.momentum) add({"hip-replacement"}, "R29 momentum on one leg");
        if (e.flags.all_fours) add({"hip-replacement"}, "R29 all-fours at 90 degrees of hip flexion");
        if (e.position == Position::FloorSeated) add({"hip-replacement"}, "R28 floor sitting");
    }
    if (p.has(Constraint::Knee)) {  // R28
        if (e.position == Position::Kneeling) add({"knee"}, "R28 kneeling");
        if (e.flags.deep_knee_bend) add({"knee"}, "R28 deep knee bend");
    }
    if (p.has(Constraint::Hypermobility) && e.flags.partner) add({"hypermobility"}, "R28 partner");
    if (p.has(Constraint::SeatedOnly) && e.position != Position::SeatedChair)
        add({"seated-only"}, "R28 not on a chair");
    return out;
}

inline bool oracle_safe(const Exercise& e, const Person& p) { return broken_rules(e, p).empty(); }

/// R29: whoever needs something to hold when standing (DOMAIN.md's list).
inline bool needs_support(const Person& p) {
    return p.older() || p.has(Constraint::Pregnant) || p.has(Constraint::Injured) || p.has(Constraint::Osteoporosis);
}

/// R29: whether a caution concerns the person, from whom it names.
inline bool concerned(const Caution& c, const Person& p) {
    if (c.concerns.empty()) return true;
    for (auto who : c.concerns) {
        switch (who) {
        case Concern::Pregnancy: if (p.has(Constraint::Pregnant)) return true; break;
        case Concern::Injury: if (p.has(Constraint::Injured) || p.has(Constraint::AcuteStrain)) return true; break;
        case Concern::Back: if (p.has(Constraint::BackPain) || p.has(Constraint::Sciatica)) return true; break;
        case Concern::Sciatica: if (p.has(Constraint::Sciatica)) return true; break;
        case Concern::Osteoporosis: if (p.has(Constraint::Osteoporosis)) return true; break;
        case Concern::HipReplacement: if (p.has(Constraint::HipReplacement)) return true; break;
        case Concern::Knee: if (p.has(Constraint::Knee)) return true; break;
        case Concern::Unsteady: if (needs_support(p)) return true; break;
        }
    }
    return false;
}

/// R1, R5, R9, R10, R26, R28, from DOMAIN.md's numbers.
inline int expected_start_s(Level level, std::optional<int> age) {
    if (age && *age >= 65) return 30;
    switch (level) {
    case Level::Beginner: return 15;
    case Level::Intermediate: return 20;
    case Level::Advanced: return 30;
    }
    return 15;
}

inline int expected_cap_s(const std::vector<Constraint>& constraints, std::optional<int> age) {
    const auto in = [&](Constraint c) { return std::find(constraints.begin(), constraints.end(), c) != constraints.end(); };
    int cap = age && *age >= 65 ? 60 : 30;
    if (in(Constraint::Pregnant) || in(Constraint::Injured)) cap = std::min(cap, 30);
    if (in(Constraint::Hypermobility)) cap = std::min(cap, 20);
    return cap;
}

/// The hold of routine week `week` (1-based) when every week meets its target without more pain.
inline int expected_hold_s(Level level, const std::vector<Constraint>& constraints, std::optional<int> age, int week) {
    const int cap = expected_cap_s(constraints, age);
    const int start = std::min(expected_start_s(level, age), cap);
    return std::min(start + 5 * (week - 1), cap);
}

/// R2: clamp(ceil(60 / hold), 2, 4).
inline int expected_reps(int hold_s) { return std::clamp((60 + hold_s - 1) / hold_s, 2, 4); }

}  // namespace limber::test
