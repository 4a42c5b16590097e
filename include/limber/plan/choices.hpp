#pragma once
// The planner's vocabulary as typed on the command line (levels, constraints, equipment,
// positions), parsed with the error shape of util/values.hpp.

#include <limber/catalog/exercise.hpp>
#include <limber/plan/rules.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace limber {

Level level_option(std::string_view value, std::string_view option);
Position position_option(std::string_view value, std::string_view option);
Constraint constraint_option(std::string_view value, std::string_view option);
Equipment equipment_option(std::string_view value, std::string_view option);

/// Parses a comma-separated (or repeated) list; duplicates are dropped, order kept.
std::vector<Constraint> constraint_list(const std::vector<std::string>& values, std::string_view option);
/// As constraint_list; the single value "none" means no equipment.
std::vector<Equipment> equipment_list(const std::vector<std::string>& values, std::string_view option);

}  // namespace limber
