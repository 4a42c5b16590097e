#include <limber/io/plan_view.hpp>

#include <limber/catalog/catalog.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <ostream>
#include <sstream>

namespace limber {

nlohmann::ordered_json schedule_json(const Schedule& schedule) {
    switch (schedule.kind) {
    case ScheduleKind::Weekdays: {
        std::vector<std::string> days;
        for (auto d : schedule.weekdays) days.emplace_back(weekday_short_name(d));
        return {{"kind", "weekdays"}, {"days", days}};
    }
    case ScheduleKind::PerWeek: return {{"kind", "per_week"}, {"count", schedule.per_week}};
    case ScheduleKind::Daily: break;
    }
    return {{"kind", "daily"}};
}

using nlohmann::ordered_json;


namespace {

std::string dose_label(const RoutineItem& item) {
    std::string dose;
    if (item.hold_s > 0) {
        dose = item.reps > 1 ? fmt::format("{} × {} s", item.reps, item.hold_s) : format_duration(item.hold_s);
    } else {
        dose = fmt::format("{} reps", item.reps);
    }
    if (item.sets > 1) dose = fmt::format("{} sets of {}", item.sets, dose);
    return dose;
}

std::string phase_title(Phase phase) {
    switch (phase) {
    case Phase::Warmup: return "Warm-up";
    case Phase::Stretch: return "Stretch";
    case Phase::Strength: return "Strength";
    case Phase::Cooldown: return "Cool-down";
    }
    return {};
}

}  // namespace

ordered_json plan_to_json(const PlanView& v) {
    ordered_json items = ordered_json::array();
    for (const auto& item : v.items) {
        items.push_back({
            {"exercise", item.exercise},
            {"phase", std::string(to_string(item.phase))},
            {"sides", item.sided ? ordered_json::array({"left", "right"}) : ordered_json::array()},
            {"sets", item.sets},
            {"reps", item.reps},
            {"hold_s", item.hold_s},
            {"rest_s", item.rest_s},
            {"why", item.why},
        });
    }
    ordered_json excluded = ordered_json::array();
    for (const auto& e : v.excluded) excluded.push_back({{"exercise", e.exercise}, {"reasons", e.reasons}});
    ordered_json j = {
        {"name", v.name},
        {"level", std::string(to_string(v.request.level))},
        {"constraints", names_of(v.request.constraints)},
        {"equipment", names_of(v.request.equipment)},
        {"minutes", v.request.minutes},
        {"schedule", schedule_json(v.request.schedule)},
        {"age", v.request.age ? ordered_json(*v.request.age) : ordered_json(nullptr)},
        {"week", v.week},
        {"hold_s", v.hold_s},
        {"next_hold_s", v.next_hold_s},
        {"estimated_s", v.estimated_s},
        {"items", items},
        {"excluded", excluded},
        {"warnings", v.warnings},
        {"safety", safety_text()},
    };
    return j;
}

void print_plan(std::ostream& out, const ui::Style& style, const PlanView& v, const PlanPrintOptions& options) {
    std::vector<std::string> profile = {std::string(to_string(v.request.level))};
    if (!v.request.constraints.empty()) profile.push_back(join(names_of(v.request.constraints), ", "));
    profile.push_back(v.request.equipment.empty() ? "no equipment" : join(names_of(v.request.equipment), ", "));
    profile.push_back(schedule_label(v.request.schedule));
    if (v.request.age) profile.push_back(fmt::format("age {}", *v.request.age));

    out << style.bold(fmt::format("Routine \"{}\"", v.name)) << " — " << join(profile, " · ") << '\n';
    out << fmt::format("Week {}: hold {} s · about {} (asked for {} min)\n", v.week, v.hold_s,
                       format_duration(v.estimated_s), v.request.minutes);

    for (Phase phase : {Phase::Warmup, Phase::Stretch, Phase::Strength, Phase::Cooldown}) {
        ui::Table table({"EXERCISE", "SIDES", "DOSE", "REST"});
        std::vector<const RoutineItem*> in_phase;
        for (const auto& item : v.items)
            if (item.phase == phase) in_phase.push_back(&item);
        if (in_phase.empty()) continue;
        out << '\n' << style.bold(phase_title(phase)) << '\n';
        for (const auto* item : in_phase) {
            const Exercise* e = find_exercise(item->exercise);
            table.add_row({e ? e->name : item->exercise, item->sided ? "left, right" : "both",
                           dose_label(*item), item->rest_s > 0 ? fmt::format("{} s", item->rest_s) : "-"});
        }
        std::ostringstream rendered;
        table.print(rendered, style);
        std::istringstream lines(rendered.str());
        std::string line;
        std::size_t row = 0;
        while (std::getline(lines, line)) {
            out << "  " << line << '\n';
            if (row > 0 && (options.explain || options.cues)) {
                const RoutineItem& item = *in_phase[row - 1];
                const Exercise* e = find_exercise(item.exercise);
                if (options.explain && !item.why.empty()) out << "      " << style.dim("why: " + item.why) << '\n';
                if (e)
                    for (const auto& cue : e->cues) out << "      - " << cue << '\n';
            }
            ++row;
        }
    }

    if (options.explain && !v.excluded.empty()) {
        out << '\n' << style.bold("Left out") << '\n';
        for (const auto& e : v.excluded) out << "  " << e.exercise << ": " << join(e.reasons, "; ") << '\n';
    }
    if (!v.warnings.empty()) {
        out << '\n' << style.bold("Warnings") << '\n';
        for (const auto& w : v.warnings) out << "  " << style.yellow("!") << ' ' << w << '\n';
    }
    out << '\n' << style.bold("Safety") << '\n';
    for (const auto& line : safety_text()) out << "  " << line << '\n';
}

}  // namespace limber
