#pragma once
// Values typed by people (options) or read from documents (import fields), checked with one
// error shape: "OPTION 'value': not a <what>; use a, b or c" and a did-you-mean hint.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

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

/// "22.5" or "25": a figure rounded to one decimal, without a needless ".0".
std::string figure(double value);

/// "a, b or c".
std::string or_list(const std::vector<std::string>& words);
/// "a, b and c" (the same shape as or_list).
std::string and_list(const std::vector<std::string>& words);

}  // namespace limber
