#include <limber/util/values.hpp>

#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <cmath>

#include <algorithm>

namespace limber {

int whole_number_option(std::string_view value, std::string_view option, int min, int max, std::string_view unit) {
    long long n = 0;
    if (!parse_int(value, min, max, n))
        throw UsageError(fmt::format("{} {}: not a whole number of {} from {} to {}", option, quote(value), unit, min, max));
    return static_cast<int>(n);
}

int pain_option(std::string_view value, std::string_view option) {
    long long n = 0;
    if (!parse_int(value, 0, 10, n))
        throw UsageError(fmt::format("{} {}: not a pain rating; use a whole number from 0 (no pain) to 10 (worst)",
                                     option, quote(value)));
    return static_cast<int>(n);
}

std::string note_option(std::string_view value, std::string_view option) {
    if (const auto problem = note_problem(value); !problem.empty())
        throw UsageError(fmt::format("{} {}: {}", option, quote(value), problem));
    return std::string(value);
}

namespace {

std::string word_list(const std::vector<std::string>& words, std::string_view last) {
    if (words.size() <= 1) return words.empty() ? std::string{} : words.front();
    std::vector<std::string> head(words.begin(), words.end() - 1);
    return join(head, ", ") + std::string(last) + words.back();
}

}  // namespace

std::string or_list(const std::vector<std::string>& words) { return word_list(words, " or "); }

std::string and_list(const std::vector<std::string>& words) { return word_list(words, " and "); }

std::size_t word_option(std::string_view value, std::string_view option, std::string_view what,
                        const std::vector<std::string>& words) {
    const auto it = std::find(words.begin(), words.end(), to_lower(value));
    if (it != words.end()) return static_cast<std::size_t>(it - words.begin());
    const std::string suggestion = nearest(value, words);
    throw UsageError(fmt::format("{} {}: not {}; use {}", option, quote(value), what, or_list(words)),
                     suggestion.empty() ? std::string{} : fmt::format("did you mean '{}'?", suggestion));
}

std::string figure(double value) {
    const double r = std::round(value * 10.0) / 10.0;
    if (r == std::floor(r)) return fmt::format("{}", static_cast<long long>(r));
    return fmt::format("{:.1f}", r);
}

}  // namespace limber
