#include <limber/io/plan_view.hpp>

#include <limber/catalog/catalog.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
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

std::string phase_title(Phase phase, bool acute) {
    switch (phase) {
    case Phase::Warmup: return acute ? "Gentle movement" : "Warm-up";
    case Phase::Stretch: return "Stretch";
    case Phase::Strength: return acute ? "Pain-free isometric holds" : "Strength";
    case Phase::Cooldown: return "Cool-down";
    }
    return {};
}

bool is_acute(const PlanRequest& request) {
    return std::find(request.constraints.begin(), request.constraints.end(), Constraint::AcuteStrain) !=
           request.constraints.end();
}

ordered_json strength_days_json(const StrengthDays& days) {
    ordered_json out = ordered_json::array();
    switch (days.kind) {
    case StrengthDays::Kind::Weekdays:
        for (auto d : days.days) out.push_back(std::string(weekday_short_name(d)));
        break;
    case StrengthDays::Kind::Ordinals:
        for (auto d : days.days) out.push_back(d);
        break;
    case StrengthDays::Kind::Every:
    case StrengthDays::Kind::None: break;
    }
    return out;
}

namespace {

/// The days an item is on, as the plan JSON writes them; null for every session.
ordered_json item_days_json(const RoutineItem& item, const PlanView& v) {
    if (item.on == DayPart::Every || v.strength.kind == StrengthDays::Kind::None ||
        v.strength.kind == StrengthDays::Kind::Every)
        return nullptr;
    if (item.on == DayPart::StrengthDays) return strength_days_json(v.strength);
    ordered_json out = ordered_json::array();
    if (v.strength.kind == StrengthDays::Kind::Ordinals) {
        for (unsigned n = 1; n <= static_cast<unsigned>(v.request.schedule.days_per_week()); ++n)
            if (std::find(v.strength.days.begin(), v.strength.days.end(), n) == v.strength.days.end()) out.push_back(n);
        return out;
    }
    std::vector<unsigned> weekdays = v.request.schedule.weekdays;
    if (v.request.schedule.kind == ScheduleKind::Daily) weekdays = {1, 2, 3, 4, 5, 6, 0};
    for (auto d : weekdays)
        if (std::find(v.strength.days.begin(), v.strength.days.end(), d) == v.strength.days.end())
            out.push_back(std::string(weekday_short_name(d)));
    return out;
}

}  // namespace

std::string item_days_label(const RoutineItem& item, const PlanView& v) {
    if (item.on == DayPart::Every || v.strength.kind == StrengthDays::Kind::None ||
        v.strength.kind == StrengthDays::Kind::Every)
        return {};
    if (item.on == DayPart::StrengthDays) return "strength days only";
    return "not on strength days";
}

ordered_json plan_to_json(const PlanView& v) {
    ordered_json items = ordered_json::array();
    for (const auto& item : v.items) {
        ordered_json j = {
            {"exercise", item.exercise},
            {"phase", std::string(to_string(item.phase))},
            {"sides", item.sided ? ordered_json::array({"left", "right"}) : ordered_json::array()},
            {"sets", item.sets},
            {"reps", item.reps},
            {"hold_s", item.hold_s},
            {"rest_s", item.rest_s},
            {"why", item.why},
            {"rule", item.rule},
            {"cautions", item.cautions},
        };
        if (auto days = item_days_json(item, v); !days.is_null()) j["days"] = days;
        items.push_back(std::move(j));
    }
    ordered_json excluded = ordered_json::array();
    for (const auto& e : v.excluded) excluded.push_back({{"exercise", e.exercise}, {"reasons", e.reasons}});
    ordered_json unlock = ordered_json::array();
    for (const auto& u : v.unlock) unlock.push_back({{"equipment", names_of(u.equipment)}, {"exercises", u.exercises}});
    ordered_json j = {
        {"name", v.name},
        {"level", std::string(to_string(v.request.level))},
        {"constraints", names_of(v.request.constraints)},
        {"equipment", names_of(v.request.equipment)},
        {"minutes", v.request.minutes},
        {"schedule", schedule_json(v.request.schedule)},
        {"age", v.request.age ? ordered_json(*v.request.age) : ordered_json(nullptr)},
        {"allow_flexion", v.request.allow_flexion},
        {"floor_ok", v.request.floor_ok},
        {"week", v.week},
        {"hold_s", v.hold_s},
        {"next_hold_s", v.next_hold_s},
        {"session_hold_s", v.session_hold_s},
        {"hold_why", std::string(to_string(v.progress.why))},
        {"hold_notes", hold_notes(v)},
        {"progression_stopped", v.pain.stopped()},
        {"stop_why", v.pain.stopped() ? ordered_json(std::string(to_string(v.pain.stop))) : ordered_json(nullptr)},
        {"estimated_s", v.estimated_s},
        {"plain_day_s", v.plain_s},
        {"strength_day_s", v.strength_s},
        {"strength_days", strength_days_json(v.strength)},
        {"strength_today", v.strength_today},
        {"items", items},
        {"excluded", excluded},
        {"unlock", unlock},
        {"review_on", v.review_on ? ordered_json(format_day(*v.review_on)) : ordered_json(nullptr)},
        {"suspended", v.suspended()},
        {"suspension", v.suspended() ? ordered_json(v.suspension) : ordered_json(nullptr)},
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
    if (v.request.allow_flexion)  // R21: only where the opt-in acts
        profile.push_back(flexion_refused_by(profile_of(v.request)).empty() ? "forward folds allowed"
                                                                             : "forward folds asked for (ignored)");
    if (v.request.floor_ok) profile.push_back("floor ok");
    const bool acute = is_acute(v.request);
    const bool stretches = has_stretches(v.items);

    out << style.bold(fmt::format("Routine \"{}\"", v.name)) << " — " << join(profile, " · ") << '\n';
    if (v.suspended()) out << style.red("!") << ' ' << v.suspension << '\n';  // R27
    if (v.request.age && *v.request.age < 16) out << style.red("!") << ' ' << child_advice() << '\n';  // R26: first
    const auto stop = stop_advice(v.pain);  // R25: the advice to see a clinician comes first
    if (stop) out << style.red("!") << ' ' << *stop << '\n';
    const std::string hold = stretches ? fmt::format("hold {} s · ", v.hold_s) : std::string{};
    if (v.strength.some())
        out << fmt::format("Week {}: {}about {}, {} on strength days ({}) (asked for {} min)\n", v.week, hold,
                           format_duration(v.plain_s), format_duration(v.strength_s), strength_days_label(v.strength),
                           v.request.minutes);
    else
        out << fmt::format("Week {}: {}about {} (asked for {} min)\n", v.week, hold, format_duration(v.estimated_s),
                           v.request.minutes);
    if (stretches)
        for (const auto& note : hold_notes(v))  // R25
            if (note != stop) out << note << '\n';
    if (v.review_on)
        out << fmt::format("Review on {}: plan again once {} are pain-free.\n", format_day(*v.review_on),
                           strain_review_test(v.request));

    for (Phase phase : {Phase::Warmup, Phase::Stretch, Phase::Strength, Phase::Cooldown}) {
        ui::Table table({"EXERCISE", "SIDES", "DOSE", "REST"});
        std::vector<const RoutineItem*> in_phase;
        for (const auto& item : v.items)
            if (item.phase == phase) in_phase.push_back(&item);
        if (in_phase.empty()) continue;
        std::string title = phase_title(phase, acute);
        if (phase == Phase::Strength && !acute &&
            v.strength.some())
            title += " — " + strength_days_label(v.strength);
        out << '\n' << style.bold(title) << '\n';
        for (const auto* item : in_phase) {
            const Exercise* e = find_exercise(item->exercise);
            const std::string days = phase == Phase::Strength ? std::string{} : item_days_label(*item, v);
            table.add_row({(e ? e->name : item->exercise) + (days.empty() ? "" : " (" + days + ")"),
                           item->sided ? "left, right" : "both",
                           dose_label(*item), item->rest_s > 0 ? fmt::format("{} s", item->rest_s) : "-"});
        }
        std::ostringstream rendered;
        table.print(rendered, style);
        std::istringstream lines(rendered.str());
        std::string line;
        std::size_t row = 0;
        while (std::getline(lines, line)) {
            out << "  " << line << '\n';
            if (row > 0) {
                const RoutineItem& item = *in_phase[row - 1];
                const Exercise* e = find_exercise(item.exercise);
                if (options.explain && !item.why.empty()) out << "      " << style.dim("why: " + item.why) << '\n';
                if (e && (options.explain || options.cues))
                    for (const auto& cue : e->cues) out << "      - " << cue << '\n';
                for (const auto& caution : item.cautions) out << "      " << style.yellow("!") << ' ' << caution << '\n';  // R20
            }
            ++row;
        }
    }

    if (options.explain && !v.excluded.empty()) {
        out << '\n' << style.bold("Left out") << '\n';
        for (const auto& e : v.excluded) out << "  " << e.exercise << ": " << join(e.reasons, "; ") << '\n';
    }
    std::vector<std::string> warnings;  // the child advice came first
    std::copy_if(v.warnings.begin(), v.warnings.end(), std::back_inserter(warnings),
                 [](const std::string& w) { return w != child_advice(); });
    if (!warnings.empty()) {
        out << '\n' << style.bold("Warnings") << '\n';
        for (const auto& w : warnings) out << "  " << style.yellow("!") << ' ' << w << '\n';
    }
    out << '\n' << style.bold("Safety") << '\n';
    for (const auto& line : safety_text()) out << "  " << line << '\n';
}

}  // namespace limber
