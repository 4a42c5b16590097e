// limber plan [NAME] --level L [--constraint C,...] [--equipment E,...|none] [--minutes M]
//             [--days D,... | --per-week N | --daily] [--age Y] [--allow-flexion] [--floor-ok]
//             [--symptom S,...]
//             [--explain] [--json] [--dry-run]
// limber plan show [NAME] [--json] [--cues] | plan list [--json] | plan rm NAME
#include <limber/app/commands.hpp>
#include <limber/app/routine_lookup.hpp>
#include <limber/app/safety.hpp>
#include <limber/io/plan_view.hpp>
#include <limber/plan/choices.hpp>
#include <limber/store/routines.hpp>
#include <limber/store/settings.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <ostream>

namespace limber {

namespace {

struct PlanOptions {
    std::string name;
    std::string level;
    std::vector<std::string> constraints;
    std::vector<std::string> equipment;
    std::string minutes;
    std::vector<std::string> days;
    std::string per_week;
    bool daily = false;
    std::string age;
    std::vector<std::string> symptoms;
    bool explain = false;
    bool json = false;
    bool dry_run = false;
    bool cues = false;
    bool allow_flexion = false, no_allow_flexion = false;
    bool floor_ok = false, no_floor_ok = false;
    // which of the optional options were given
    bool has_level = false, has_equipment = false, has_minutes = false, has_days = false, has_per_week = false,
         has_age = false;
};

std::vector<unsigned> weekday_list(const std::vector<std::string>& values) {
    std::vector<std::string> full;
    for (unsigned d = 0; d < 7; ++d) full.emplace_back(weekday_full_name(d));
    std::vector<unsigned> days;
    for (const auto& value : values)
        for (const auto& piece : split(value, ',')) {
            const auto day = parse_weekday(piece);
            if (!day) {
                const std::string suggestion = nearest(piece, full);
                throw UsageError(fmt::format("--days {}: not a weekday; use mon, tue, wed, thu, fri, sat or sun "
                                             "(or the full names)", quote(piece)),
                                 suggestion.empty() ? std::string{} : fmt::format("did you mean '{}'?", suggestion));
            }
            if (std::find(days.begin(), days.end(), *day) == days.end()) days.push_back(*day);
        }
    std::sort(days.begin(), days.end(), [](unsigned a, unsigned b) { return (a + 6) % 7 < (b + 6) % 7; });  // Monday first
    return days;
}

/// R31: `--constraint` adds to the constraints kept; `none` among them removes every one kept first.
std::vector<Constraint> constraints_from(const std::vector<std::string>& values, std::vector<Constraint> kept) {
    std::vector<std::string> named;
    bool none = false;
    for (const auto& value : values)
        for (const auto& piece : split(value, ',')) {
            if (to_lower(piece) == "none") none = true;
            else named.push_back(piece);
        }
    if (none) kept.clear();
    for (auto c : constraint_list(named, "--constraint"))
        if (std::find(kept.begin(), kept.end(), c) == kept.end()) kept.push_back(c);
    std::sort(kept.begin(), kept.end(), [](Constraint a, Constraint b) { return to_string(a) < to_string(b); });
    return kept;
}

/// The request a plan is made from: over an existing routine, its own request with only what
/// is given changed (R31); otherwise the defaults, and --level is required.
PlanRequest request_from(const PlanOptions& o, const std::optional<SavedRoutine>& existing) {
    PlanRequest request = existing ? existing->request : PlanRequest{};
    if (!o.has_level && !existing) throw UsageError("--level is required; use beginner, intermediate or advanced");
    if (o.has_level) request.level = level_option(o.level, "--level");
    request.constraints = constraints_from(o.constraints, request.constraints);
    if (o.has_equipment) request.equipment = equipment_list(o.equipment, "--equipment");
    std::sort(request.equipment.begin(), request.equipment.end());  // the same set prints the same
    if (o.has_minutes) request.minutes = whole_number_option(o.minutes, "--minutes", 5, 60, "minutes");
    const int schedules = int(o.has_days) + int(o.has_per_week) + int(o.daily);
    if (schedules > 1) throw UsageError("--days, --per-week and --daily are alternatives; give one of them");
    if (o.daily) request.schedule = Schedule{};
    if (o.has_days) {
        request.schedule.kind = ScheduleKind::Weekdays;
        request.schedule.weekdays = weekday_list(o.days);
    } else if (o.has_per_week) {
        request.schedule.kind = ScheduleKind::PerWeek;
        request.schedule.per_week = whole_number_option(o.per_week, "--per-week", 1, 7, "days");
    }
    if (o.has_age) request.age = whole_number_option(o.age, "--age", 1, 120, "years");
    if (o.allow_flexion || o.no_allow_flexion) request.allow_flexion = o.allow_flexion;  // R31: kept unless given
    if (o.floor_ok || o.no_floor_ok) request.floor_ok = o.floor_ok;
    return request;
}

/// R31: what a re-plan kept, added, removed and changed, in plain words, for the person and JSON.
struct Replanned {
    std::vector<std::string> kept, added, removed, changed;
    std::string text() const {
        std::vector<std::string> parts;
        if (!kept.empty()) parts.push_back("kept: " + join(kept, ", "));
        if (!added.empty()) parts.push_back("added: " + join(added, ", "));
        if (!removed.empty()) parts.push_back("removed: " + join(removed, ", "));
        parts.insert(parts.end(), changed.begin(), changed.end());
        if (added.empty() && removed.empty() && changed.empty())
            parts.emplace_back(kept.empty() ? "nothing changed" : "nothing else changed");
        return join(parts, "; ");
    }
};

Replanned replanned(const PlanRequest& before, const PlanRequest& after) {
    Replanned r;
    const auto in = [](const std::vector<Constraint>& list, Constraint c) {
        return std::find(list.begin(), list.end(), c) != list.end();
    };
    for (auto c : after.constraints) (in(before.constraints, c) ? r.kept : r.added).emplace_back(to_string(c));
    for (auto c : before.constraints)
        if (!in(after.constraints, c)) r.removed.emplace_back(to_string(c));
    if (before.age && before.age == after.age) r.kept.push_back(fmt::format("age {}", *before.age));
    const auto change = [&](std::string_view what, const std::string& from, const std::string& to) {
        if (from != to) r.changed.push_back(fmt::format("{} {} → {}", what, from, to));
    };
    const auto kit = [](const std::vector<Equipment>& e) { return e.empty() ? std::string("none") : join(names_of(e), ","); };
    const auto on = [](bool b) { return std::string(b ? "on" : "off"); };
    change("level", std::string(to_string(before.level)), std::string(to_string(after.level)));
    change("minutes", std::to_string(before.minutes), std::to_string(after.minutes));
    change("equipment", kit(before.equipment), kit(after.equipment));
    change("schedule", schedule_label(before.schedule, true), schedule_label(after.schedule, true));
    if (after.age && before.age != after.age)  // an age once given is kept: it can change, not go
        change("age", before.age ? std::to_string(*before.age) : "not given", std::to_string(*after.age));
    change("--allow-flexion", on(before.allow_flexion), on(after.allow_flexion));
    change("--floor-ok", on(before.floor_ok), on(after.floor_ok));
    return r;
}

void output(const PlanView& view, const PlanOptions& o, Context& context) {
    if (o.json) {
        context.out() << plan_to_json(view).dump(2) << '\n';
        return;
    }
    print_plan(context.out(), ui::Style(context.color()), view, PlanPrintOptions{o.explain, o.cues});
}

/// `call`: the symptoms given, none of which stops (a see-doctor one cleared before only warns).
void run_plan(const PlanOptions& o, const SafetyCall& call, Context& context) {
    const std::string name = o.name.empty() ? "default" : o.name;
    check_routine_name(name, "NAME");
    auto& store = context.store();
    const auto existing = load_routine(store, name);
    const PlanRequest request = request_from(o, existing);
    const Plan plan = make_plan(request);
    if (plan.items.empty()) {  // R29: a routine of no exercise is never saved
        const std::string ways = ways_to_a_routine(request);
        std::vector<std::string> who = names_of(request.constraints);
        if (request.age) who.push_back(fmt::format("age {}", *request.age));
        who.push_back(request.equipment.empty() ? "no equipment" : join(names_of(request.equipment), ","));
        throw UsageError(fmt::format("no exercise of the library is safe for {}, so {}{}", join(who, ", "),
                                     existing ? fmt::format("routine \"{}\" was left as it was", name)
                                              : std::string("no routine was saved"),
                                     ways.empty() ? std::string(".") : "; " + ways + "."));
    }
    const Day today = context.today();
    // symptoms a clinician cleared before: recorded with the routine, and a warning
    const Instant now = context.clock().now();
    SavedRoutine routine;
    routine.name = name;
    routine.request = request;
    routine.items = plan.items;
    routine.warnings = plan.warnings;
    routine.created_day = today;
    // R5: weeks go on; R26: a strain newly added is a fresh start, reviewed 5 days from today
    const bool fresh_strain = existing && has(profile_of(request), Constraint::AcuteStrain) &&
                              !has(profile_of(existing->request), Constraint::AcuteStrain);
    if (existing && !fresh_strain) routine.created_day = existing->created_day;
    if (!o.dry_run) {
        WriteTransaction transaction(store);
        record_flags(context, call, FlagSource::Plan, today);
        save_routine(store, name, request, plan, today, now, fresh_strain);
        transaction.commit();
    }
    announce(context, call, today, !o.dry_run, o.json);
    const PlanView view = view_this_week(routine, context);
    Replanned changes = existing ? replanned(existing->request, request) : Replanned{};
    if (fresh_strain) changes.changed.emplace_back("week 1 again from today, for the fresh strain");
    if (existing && o.json) {  // R31: what the re-plan changed
        const Replanned& r = changes;
        auto j = plan_to_json(view);
        j["replanned"] = {{"kept", r.kept}, {"added", r.added}, {"removed", r.removed}, {"changed", r.changed}};
        context.out() << j.dump(2) << '\n';
    } else {
        if (existing && !context.quiet())
            context.out() << fmt::format("Re-planned \"{}\": {}.\n\n", name, changes.text());
        output(view, o, context);
    }
    if (!o.json && !context.quiet())
        context.out() << '\n'
                      << (o.dry_run ? "Not saved (--dry-run).\n"
                                    : fmt::format("Saved as routine \"{}\". 'limber plan show {}' shows it with this week's holds.\n",
                                                  name, name));
}

void run_show(const PlanOptions& o, Context& context) {
    const std::string name = routine_name_or_default(o.name, context);
    output(view_this_week(load_or_not_found(context, name), context), o, context);
}

void run_list(const PlanOptions& o, Context& context) {
    Store& store = context.store();
    const std::string default_name = context.settings().default_routine;
    std::vector<SavedRoutine> routines;
    for (const auto& name : routine_names(store)) routines.push_back(*load_routine(store, name));
    if (o.json) {
        nlohmann::ordered_json array = nlohmann::ordered_json::array();
        for (const auto& r : routines)
            array.push_back({{"name", r.name},
                             {"level", std::string(to_string(r.request.level))},
                             {"minutes", r.request.minutes},
                             {"schedule", schedule_json(r.request.schedule)},
                             {"estimated_s", estimate_seconds(items_on(r.items, false))},
                             {"created", format_day(r.created_day)},
                             {"default", r.name == default_name}});
        context.out() << array.dump(2) << '\n';
        return;
    }
    if (routines.empty()) {
        if (!context.quiet()) context.out() << "No routines yet. Make one with 'limber plan --level beginner'.\n";
        return;
    }
    const ui::Style style(context.color());
    ui::Table table({"NAME", "LEVEL", "CONSTRAINTS", "MINUTES", "SCHEDULE", "SINCE"});
    for (const auto& r : routines) {
        table.add_row({r.name + (r.name == default_name ? " *" : ""), std::string(to_string(r.request.level)),
                       r.request.constraints.empty() ? "-" : join(names_of(r.request.constraints), ","),
                       std::to_string(r.request.minutes), schedule_label(r.request.schedule, true),
                       format_day(r.created_day)});
    }
    table.print(context.out(), style);
}

void run_rm(const PlanOptions& o, Context& context) {
    check_routine_name(o.name, "NAME");
    auto& store = context.store();
    WriteTransaction transaction(store);
    if (!remove_routine(store, o.name)) load_or_not_found(context, o.name);  // throws NotFound; rolls back
    if (context.settings().default_routine == o.name) remove_setting(store, "default_routine");
    transaction.commit();
    if (!context.quiet())
        context.out() << fmt::format("Removed routine \"{}\"; its sessions stay in the history.\n", o.name);
}

}  // namespace

void register_plan(CLI::App& app, Context& context) {
    auto o = std::make_shared<PlanOptions>();
    auto* command = app.add_subcommand("plan", "Build a safe stretching routine for your level, constraints and time");
    command->add_option("NAME", o->name, "Routine name (default: default)")
        ->each([](const std::string& value) { check_routine_name(value, "NAME"); });  // '' too
    auto* level = command->add_option("--level", o->level,
                                      "beginner, intermediate or advanced (required for a new routine)")
        ->type_name("beginner|intermediate|advanced");
    auto* constraint = command->add_option("--constraint", o->constraints,
                                           "What to plan around; over an existing routine these are added to the "
                                           "ones it keeps, and none removes them all")
        ->type_name("pregnant|injured|acute-strain|no-floor|back-pain|sciatica|osteoporosis|hip-replacement|"
                    "knee|hypermobility|seated-only|none[,...]");
    auto* equipment = command->add_option("--equipment", o->equipment, "What you have (default: chair,wall)")
        ->type_name("strap|chair|step|wall|table|foam-roller|ball|partner[,...]|none");
    auto* minutes = command->add_option("--minutes", o->minutes, "Time for one session, 5 to 60 (default: 10)")
        ->type_name("M");
    auto* days = command->add_option("--days", o->days, "Weekdays to stretch on")
        ->type_name("mon|tue|wed|thu|fri|sat|sun[,...]");
    auto* per_week = command->add_option("--per-week", o->per_week, "Days a week, 1 to 7, any days")->type_name("N");
    auto* daily = command->add_flag("--daily", o->daily, "Every day (the default)");
    auto* age = command->add_option("--age", o->age, "Your age in years (65 and over: longer holds and falls rules)")
        ->type_name("YEARS");
    auto* allow_flexion = command->add_flag("--allow-flexion", o->allow_flexion,
                                            "Include toe touches and forward folds (never with back pain, "
                                            "pregnancy, osteoporosis or at 65 and over); a re-plan keeps it");
    auto* no_allow_flexion = command->add_flag("--no-allow-flexion", o->no_allow_flexion,
                                               "Leave toe touches and forward folds out again")
                                 ->excludes(allow_flexion);
    auto* floor_ok = command->add_flag("--floor-ok", o->floor_ok,
                                       "80 and over: you can get down to the floor and up again safely; a re-plan "
                                       "keeps it");
    auto* no_floor_ok = command->add_flag("--no-floor-ok", o->no_floor_ok, "Keep the routine off the floor again")
                            ->excludes(floor_ok);
    auto* symptom = command->add_option("--symptom", o->symptoms,
                                        "Red-flag symptoms: any one stops planning, gives the advice of its tier "
                                        "(exit 5) and suspends every routine until 'limber flag clear'")
        ->type_name(symptom_type_name());
    command->add_flag("--explain", o->explain, "Say why each exercise is in or out, with the cues");
    command->add_flag("--json", o->json, "Print the plan as one JSON object");
    auto* dry_run = command->add_flag("--dry-run", o->dry_run, "Show the plan without saving it (nor a red flag)");

    auto* show = command->add_subcommand("show", "Show a routine with this week's holds (progression applied)");
    add_routine_name_option(*show, o->name);
    show->add_flag("--json", o->json, "Print the plan as one JSON object");
    show->add_flag("--cues", o->cues, "Print how to do each exercise");
    show->add_flag("--explain", o->explain, "Also say why each exercise is in or out");

    auto* list = command->add_subcommand("list", "List the routines");
    list->add_flag("--json", o->json, "Print a JSON array");

    auto* rm = command->add_subcommand("rm", "Remove a routine (its sessions stay in the history)");
    rm->add_option("NAME", o->name, "Routine name")->required();

    const std::vector<const CLI::Option*> planning = {level, constraint, equipment, minutes, days, per_week, daily,
                                                age, allow_flexion, no_allow_flexion, floor_ok, no_floor_ok, symptom,
                                                dry_run};
    command->callback([o, &context, command, show, list, rm, level, equipment, minutes, days, per_week, age, planning] {
        o->has_equipment = equipment->count() > 0;
        o->has_minutes = minutes->count() > 0;
        o->has_days = days->count() > 0;
        o->has_per_week = per_week->count() > 0;
        o->has_age = age->count() > 0;
        o->has_level = level->count() > 0;
        // R27 first: a red flag that stops outranks every other option, even a wrong one; only
        // then is an unknown symptom a usage error
        std::vector<std::string> unknown;
        const auto symptoms = symptoms_of(o->symptoms, unknown);
        const SafetyCall call = symptoms.empty() ? SafetyCall{} : assess(symptoms, flag_records(context.store()));
        if (call.stops()) {
            report_call(context, call, FlagSource::Plan, context.today(), o->dry_run, o->json);
            return;
        }
        refuse_unknown_symptoms(unknown, "--symptom");
        refuse_parent_options(*command, {show, list, rm}, planning, "making a plan");
        if (show->parsed()) return run_show(*o, context);
        if (list->parsed()) return run_list(*o, context);
        if (rm->parsed()) return run_rm(*o, context);
        run_plan(*o, call, context);
    });
}

}  // namespace limber
