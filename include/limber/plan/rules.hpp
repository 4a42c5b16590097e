#pragma once
// The hard safety rules of DOMAIN.md (R4, R9–R14, R16, R17, R19, R21, R26, R28) as one
// exclusion test, shared by `limber exercises --constraint` and the planner. A routine that
// breaks one is a bug.

#include <limber/catalog/exercise.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace limber {

enum class Constraint {
    Pregnant, Injured, AcuteStrain, NoFloor, BackPain, Sciatica,            // R9–R14
    Osteoporosis, HipReplacement, Knee, Hypermobility, SeatedOnly,          // R28
};

std::string_view to_string(Constraint constraint);
std::optional<Constraint> parse_constraint(std::string_view text);
const std::vector<Constraint>& all_constraints();

/// Who the exercises are for. An unset level, equipment list or age does not filter.
struct Profile {
    Profile() = default;
    Profile(std::optional<Level> level_, std::vector<Constraint> constraints_,
            std::optional<std::vector<Equipment>> equipment_ = std::nullopt, std::optional<int> age_ = std::nullopt,
            bool allow_flexion_ = false, bool floor_ok_ = false)
        : level(level_), constraints(std::move(constraints_)), equipment(std::move(equipment_)), age(age_),
          allow_flexion(allow_flexion_), floor_ok(floor_ok_) {}
    std::optional<Level> level;
    std::vector<Constraint> constraints;
    std::optional<std::vector<Equipment>> equipment;  ///< what the user has (R16)
    std::optional<int> age;                           ///< R26: falls rules at 65 and 80
    bool allow_flexion = false;                       ///< R21: the user opted in to flexion-loaded stretches
    bool floor_ok = false;                            ///< R26: 80 and over, can get down and up safely
};

bool has(const Profile& profile, Constraint constraint);

/// Why `exercise` must be left out for `profile`, one reason per broken rule, each
/// "<constraint or rule>: <why>"; empty when the exercise is allowed.
std::vector<std::string> exclusion_reasons(const Exercise& exercise, const Profile& profile);

/// The longest static hold allowed for the profile's constraints, if any caps one
/// (R9 pregnant and R10 injured: 30 s; R28 hypermobility: 20 s).
std::optional<int> hold_cap_for(const Profile& profile);

/// R21: the constraints (and age) under which the flexion opt-in is ignored; empty when
/// `--allow-flexion` takes effect.
std::vector<std::string> flexion_refused_by(const Profile& profile);

/// R26: at 65 and over standing exercises need something to hold, at 80 and over the floor is
/// left out unless the user says they can get down and up safely.
bool is_older(const Profile& profile);
bool is_oldest(const Profile& profile);

/// R29: whoever needs something to hold for standing work: 65 and over, pregnant, injured,
/// osteoporosis (every balance exercise needs it too, whoever does it).
bool needs_support(const Profile& profile);

/// The equipment an exercise takes of what the person has: all of `equipment`, and the first
/// of `equipment_any` they have.
std::vector<Equipment> equipment_used(const Exercise& exercise, const Profile& profile);

/// R29: the chair and wall the person can hold while doing `exercise`: those they have that the
/// exercise does not use as its step, seat or prop (its own `held` equipment counts). Without an
/// equipment list, both.
std::vector<Equipment> free_supports(const Exercise& exercise, const Profile& profile);

/// R29: whether a caution concerns the person (one for everyone always does).
bool concerns(const Caution& caution, const Profile& profile);

/// A hamstring stretch: a static stretch whose targets include the hamstrings (R19).
bool is_hamstring_stretch(const Exercise& exercise);
bool targets(const Exercise& exercise, std::string_view muscle);

}  // namespace limber
