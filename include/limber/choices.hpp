#pragma once
// Command-line values from fixed sets (levels, constraints, equipment, positions), parsed
// with one error shape: "--option 'value': not a <what>; use a, b or c" and a did-you-mean hint.

#include <limber/exercise.hpp>
#include <limber/rules.hpp>

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

/// A whole number from min to max; UsageError "OPTION 'value': not a whole number of UNIT
/// from MIN to MAX" otherwise.
int whole_number_option(std::string_view value, std::string_view option, int min, int max, std::string_view unit);

/// A pain rating, a whole number from 0 (none) to 10 (worst).
int pain_option(std::string_view value, std::string_view option);

/// The index of `value` among `words` (case-insensitive); UsageError "OPTION 'value': not WHAT;
/// use a, b or c" with a did-you-mean hint otherwise.
std::size_t word_option(std::string_view value, std::string_view option, std::string_view what,
                        const std::vector<std::string>& words);

/// A note or reason (see note_problem); UsageError "OPTION 'value': <problem>" otherwise.
std::string note_option(std::string_view value, std::string_view option);

/// "a, b or c".
std::string or_list(const std::vector<std::string>& words);

}  // namespace limber
