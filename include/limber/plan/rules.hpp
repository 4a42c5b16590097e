#pragma once
// The hard safety rules of DOMAIN.md (R9–R14, R16, R17) as one exclusion test, shared by
// `limber exercises --constraint` and the planner. A routine that breaks one is a bug.

#include <limber/catalog/exercise.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

enum class Constraint { Pregnant, Injured, AcuteStrain, NoFloor, BackPain, Sciatica };

std::string_view to_string(Constraint constraint);
std::optional<Constraint> parse_constraint(std::string_view text);
const std::vector<Constraint>& all_constraints();

/// Who the exercises are for. An unset level or equipment list does not filter.
struct Profile {
    std::optional<Level> level;
    std::vector<Constraint> constraints;
    std::optional<std::vector<Equipment>> equipment;  ///< what the user has (R16)
};

bool has(const Profile& profile, Constraint constraint);

/// Why `exercise` must be left out for `profile`, one reason per broken rule, each
/// "<constraint or rule>: <why>"; empty when the exercise is allowed.
std::vector<std::string> exclusion_reasons(const Exercise& exercise, const Profile& profile);

/// The longest static hold allowed for the profile's constraints, if any caps one
/// (R9 pregnant and R10 injured: 30 s).
std::optional<int> hold_cap_for(const Profile& profile);

}  // namespace limber
