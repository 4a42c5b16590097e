#include <limber/choices.hpp>

#include <limber/error.hpp>
#include <limber/text.hpp>

#include <fmt/format.h>

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

std::string or_list(const std::vector<std::string>& words) {
    if (words.size() <= 1) return words.empty() ? std::string{} : words.front();
    std::vector<std::string> head(words.begin(), words.end() - 1);
    return join(head, ", ") + " or " + words.back();
}

namespace {

template <class T, class Parse, class All>
T parse_choice(std::string_view value, std::string_view option, std::string_view what,
               Parse parse, const All& all) {
    if (auto parsed = parse(to_lower(value))) return *parsed;
    return all.at(word_option(value, option, what, names_of(all)));  // refuses: the names are what parse takes
}

template <class T, class One>
std::vector<T> parse_list(const std::vector<std::string>& values, std::string_view option, One one) {
    std::vector<T> out;
    for (const auto& value : values)
        for (const auto& piece : split(value, ',')) {
            const T item = one(piece, option);
            if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
        }
    return out;
}

}  // namespace

std::size_t word_option(std::string_view value, std::string_view option, std::string_view what,
                        const std::vector<std::string>& words) {
    const auto it = std::find(words.begin(), words.end(), to_lower(value));
    if (it != words.end()) return static_cast<std::size_t>(it - words.begin());
    const std::string suggestion = nearest(value, words);
    throw UsageError(fmt::format("{} {}: not {}; use {}", option, quote(value), what, or_list(words)),
                     suggestion.empty() ? std::string{} : fmt::format("did you mean '{}'?", suggestion));
}

Level level_option(std::string_view value, std::string_view option) {
    return parse_choice<Level>(value, option, "a level", parse_level, all_levels());
}

Position position_option(std::string_view value, std::string_view option) {
    return parse_choice<Position>(value, option, "a position", parse_position, all_positions());
}

Constraint constraint_option(std::string_view value, std::string_view option) {
    return parse_choice<Constraint>(value, option, "a constraint", parse_constraint,
                                    all_constraints());
}

Equipment equipment_option(std::string_view value, std::string_view option) {
    return parse_choice<Equipment>(value, option, "a piece of equipment", parse_equipment,
                                   all_equipment());
}

std::vector<Constraint> constraint_list(const std::vector<std::string>& values,
                                        std::string_view option) {
    return parse_list<Constraint>(values, option, constraint_option);
}

std::vector<Equipment> equipment_list(const std::vector<std::string>& values,
                                      std::string_view option) {
    if (!values.empty() && std::all_of(values.begin(), values.end(),
                                       [](const std::string& v) { return to_lower(v) == "none"; }))
        return {};
    return parse_list<Equipment>(values, option, equipment_option);
}

}  // namespace limber
