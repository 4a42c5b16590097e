#pragma once
// Small text helpers shared by the messages and the parsers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// The value as it should appear inside a message: at most 60 characters (then "…"),
/// control characters escaped, wrapped in single quotes.
std::string quote(std::string_view value);

/// The length of the valid UTF-8 sequence starting at `text[at]`, or 0 when the bytes there
/// are not UTF-8 (overlong, truncated, a surrogate, beyond U+10FFFF) or are a NUL byte.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

/// The position of the first byte that is not part of valid UTF-8 (a NUL byte counts as
/// invalid: it is not text), or npos when all of `text` is valid.
std::size_t invalid_utf8_at(std::string_view text);

/// The most characters a session note, a skip reason or a pause reason holds.
inline constexpr std::size_t k_note_max_characters = 1000;

/// Why `text` cannot be a note, or "" when it can: a note is UTF-8 text, at most
/// k_note_max_characters long, without control characters other than tab, CR and LF (so no
/// terminal escapes, NUL or DEL).
std::string note_problem(std::string_view text);

/// ASCII lower case.
std::string to_lower(std::string_view text);

/// The text with its first letter in (ASCII) upper case: "numbness …" → "Numbness …".
std::string capitalized(std::string_view text);

/// Splits on `separator`; empty pieces are kept (so callers can reject them).
std::vector<std::string> split(std::string_view text, char separator);

/// The command-line names of enum values (found by to_string), in order.
template <class T>
std::vector<std::string> names_of(const std::vector<T>& items) {
    std::vector<std::string> names;
    for (const auto& item : items) names.emplace_back(to_string(item));
    return names;
}

/// The value of `values` whose name (to_string) is exactly `text`, or nullopt.
template <class Enum>
std::optional<Enum> parse_among(const std::vector<Enum>& values, std::string_view text) {
    for (const Enum value : values)
        if (to_string(value) == text) return value;
    return std::nullopt;
}

/// "1 day", "3 days": the number and the word that goes with it.
std::string counted(long long n, std::string_view one, std::string_view many);

/// Joins with `separator`.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// Levenshtein distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

/// Parses a whole decimal integer in [min, max]; no sign for min >= 0, no spaces, no
/// leading '+'. Returns false when the text is not such a number.
bool parse_int(std::string_view text, long long min, long long max, long long& out);

}  // namespace limber
