// limber exercises [--level L] [--constraint C,...] [--equipment E,...|none] [--position P] [--json]
// limber exercises show ID [--json]
#include <limber/app/commands.hpp>
#include <limber/catalog/catalog.hpp>
#include <limber/io/exercise_json.hpp>
#include <limber/plan/choices.hpp>
#include <limber/ui/ui.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <memory>
#include <ostream>

namespace limber {

namespace {

struct ExercisesOptions {
    std::string level;
    std::vector<std::string> constraints;
    std::vector<std::string> equipment;
    std::string position;
    bool json = false;
    bool has_level = false, has_equipment = false, has_position = false;
    std::string show_id;
    bool show = false;
};

std::string levels_label(const std::vector<Level>& levels) {
    if (levels.size() == all_levels().size()) return "all";
    std::vector<std::string> short_names = names_of(levels);
    for (auto& name : short_names) name.resize(3);
    return join(short_names, ",");
}

template <class T>
std::string names(const std::vector<T>& items, std::string_view empty) {
    return items.empty() ? std::string(empty) : join(names_of(items), ", ");
}

/// "strap, chair", "step or chair", "chair; step or wall", or `empty`.
std::string equipment_label(const Exercise& e, std::string_view empty) {
    std::vector<std::string> parts;
    if (!e.equipment.empty()) parts.push_back(join(names_of(e.equipment), ", "));
    if (!e.equipment_any.empty()) parts.push_back(join(names_of(e.equipment_any), " or "));
    return parts.empty() ? std::string(empty) : join(parts, "; ");
}

std::string dose_label(const Exercise& e) {
    if (e.dose.hold_s > 0) return fmt::format("hold {} s", e.dose.hold_s);
    return fmt::format("{} of {}", counted(e.dose.sets, "set", "sets"), e.dose.reps);
}

void show_exercise(const ExercisesOptions& options, Context& context) {
    const Exercise* exercise = find_exercise(options.show_id);
    if (!exercise) {
        std::vector<std::string> ids;
        for (const auto& e : library()) ids.push_back(e.id);
        const std::string suggestion = nearest(options.show_id, ids);
        throw NotFound(fmt::format("no exercise {}", quote(options.show_id)),
                       suggestion.empty() ? "'limber exercises' lists them"
                                          : fmt::format("did you mean '{}'?", suggestion));
    }
    auto& out = context.out();
    if (options.json) {
        out << exercise_to_json(*exercise).dump(2) << '\n';
        return;
    }
    const ui::Style style(context.color());
    const Exercise& e = *exercise;
    out << style.bold(e.name) << "  " << style.dim(e.id) << '\n';
    out << fmt::format("{} · {} · {} · {} · needs {}\n", to_string(e.kind), to_string(e.position),
                       e.sided ? "each side" : "both sides together", dose_label(e),
                       equipment_label(e, "nothing"));
    out << fmt::format("levels: {}   targets: {}\n\n", names(e.levels, "-"), join(e.targets, ", "));
    out << style.bold("How to do it") << '\n';
    for (std::size_t i = 0; i < e.cues.size(); ++i) out << fmt::format("  {}. {}\n", i + 1, e.cues[i]);
    if (e.sided) out << fmt::format("  Switching sides: {}\n", e.side_cue);
    out << '\n' << style.bold("Watch for") << '\n';
    for (const auto& caution : e.cautions) out << "  - " << caution.text << '\n';
    out << "\nSources: " << join(e.sources, ", ") << '\n';
}

void list_exercises(const ExercisesOptions& options, Context& context) {
    Profile profile;
    profile.allow_flexion = true;  // the library as it is: R21's opt-in is the planner's default, not a filter
    if (options.has_level) profile.level = level_option(options.level, "--level");
    profile.constraints = constraint_list(options.constraints, "--constraint");
    if (options.has_equipment) profile.equipment = equipment_list(options.equipment, "--equipment");
    std::optional<Position> position;
    if (options.has_position) position = position_option(options.position, "--position");

    std::vector<const Exercise*> shown;
    for (const auto& e : library())
        if ((!position || e.position == *position) && exclusion_reasons(e, profile).empty())
            shown.push_back(&e);

    auto& out = context.out();
    if (options.json) {
        auto array = nlohmann::ordered_json::array();
        for (const auto* e : shown) array.push_back(exercise_to_json(*e));
        out << array.dump(2) << '\n';
        return;
    }
    const ui::Style style(context.color());
    ui::Table table({"ID", "NAME", "POSITION", "KIND", "LEVELS", "EQUIPMENT"});
    for (const auto* e : shown)
        table.add_row({e->id, e->name, std::string(to_string(e->position)),
                       std::string(to_string(e->kind)), levels_label(e->levels),
                       equipment_label(*e, "-")});
    if (shown.empty()) {
        out << "No exercise matches these filters.\n";
    } else {
        table.print(out, style);
    }
    if (!context.quiet())
        out << style.dim(fmt::format("\n{} of {} exercises. 'limber exercises show ID' tells how.",
                                     shown.size(), library().size()))
            << '\n';
}

}  // namespace

void register_exercises(CLI::App& app, Context& context) {
    auto options = std::make_shared<ExercisesOptions>();
    auto* command = app.add_subcommand("exercises", "List the built-in exercise library, or show one");
    auto* level = command->add_option("--level", options->level, "Only exercises for this level")
        ->type_name("beginner|intermediate|advanced");
    command->add_option("--constraint", options->constraints,
                        "Only exercises safe with these constraints")
        ->type_name("pregnant|injured|acute-strain|no-floor|back-pain|sciatica|osteoporosis|hip-replacement|"
                    "knee|hypermobility|seated-only[,...]");
    auto* equipment = command->add_option("--equipment", options->equipment,
                        "Only exercises that need no more than this (or none)")
        ->type_name("strap|chair|step|wall|table|foam-roller|ball|partner[,...]|none");
    auto* position = command->add_option("--position", options->position, "Only exercises done in this position")
        ->type_name("standing|seated-chair|floor-seated|floor-supine|floor-side|floor-prone|kneeling");
    command->add_flag("--json", options->json, "Print a JSON array of exercise objects");

    auto* show = command->add_subcommand("show", "Show one exercise: cues, cautions and sources");
    show->add_option("ID", options->show_id, "Exercise id, e.g. seated-knee-extension")->required();
    show->add_flag("--json", options->json, "Print the exercise object as JSON");

    command->callback([options, show, level, equipment, position, &context] {
        options->has_level = level->count() > 0;
        options->has_equipment = equipment->count() > 0;
        options->has_position = position->count() > 0;
        if (show->parsed()) {
            show_exercise(*options, context);
        } else {
            list_exercises(*options, context);
        }
    });
}

}  // namespace limber
