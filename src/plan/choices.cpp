#include <limber/plan/choices.hpp>

#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <algorithm>

namespace limber {

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
