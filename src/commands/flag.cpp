// limber flag add S[,S...] [--date D] [--json] [--dry-run]
// limber flag list [--json]
// limber flag clear [--note TEXT]
#include <limber/app/commands.hpp>
#include <limber/app/safety.hpp>
#include <limber/app/session_options.hpp>
#include <limber/store/flags.hpp>
#include <limber/ui/ui.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <ostream>

namespace limber {

namespace {

struct FlagOptions {
    std::vector<std::string> symptoms;
    std::optional<std::string> date;
    std::optional<std::string> note;
    bool json = false;
    bool dry_run = false;
};

void run_add(const FlagOptions& o, Context& context) {
    std::vector<std::string> unknown;
    const auto symptoms = symptoms_of(o.symptoms, unknown);
    refuse_unknown_symptoms(unknown, "SYMPTOM");
    if (symptoms.empty()) throw UsageError("SYMPTOM is required: name at least one red-flag symptom");
    const Day day = o.date ? past_day_option(*o.date, context, "--date") : context.today();
    if (report_symptoms(context, symptoms, FlagSource::Flag, day, o.dry_run, o.json)) return;
    // only lasting conditions a clinician cleared before: recorded as a warning, routines go on
    if (o.json) {
        context.out() << nlohmann::ordered_json{{"safety_stop", false},
                                                {"symptoms", names_of(symptoms)},
                                                {"recorded", !o.dry_run},
                                                {"date", format_day(day)},
                                                {"suspended", !suspension_now(context).empty()},
                                                {"warnings", nlohmann::ordered_json::array({cleared_warning(symptoms)})}}
                             .dump(2)
                      << '\n';
    } else if (!context.quiet()) {
        context.out() << (o.dry_run ? "Not recorded (--dry-run).\n"
                                    : fmt::format("Recorded {} for {}; your routines go on.\n",
                                                  join(names_of(symptoms), ", "), format_day(day)));
    }
}

std::string status_of(const StoredFlag& f, const std::map<std::int64_t, Clearance>& clearances) {
    if (f.cleared_by) {
        const auto c = clearances.find(*f.cleared_by);
        return c == clearances.end() ? "cleared" : "cleared " + format_day(c->second.day);
    }
    return f.stops ? "suspends routines" : "noted (cleared before)";
}

void run_list(const FlagOptions& o, Context& context) {
    Store& store = context.store();
    const auto flags = list_flags(store);
    const auto clearances = list_clearances(store);
    std::map<std::int64_t, Clearance> by_id;
    for (const auto& c : clearances) by_id[c.id] = c;
    const std::string suspension = suspension_now(context);
    if (o.json) {
        nlohmann::ordered_json j;
        j["suspended"] = !suspension.empty();
        auto flag_array = nlohmann::ordered_json::array();
        for (const auto& f : flags)
            flag_array.push_back(
                {{"id", f.id},
                 {"symptom", std::string(to_string(f.symptom))},
                 {"tier", std::string(to_string(tier_of(f.symptom)))},
                 {"date", format_day(f.day)},
                 {"recorded_at", format_instant(f.recorded_at)},
                 {"source", std::string(to_string(f.source))},
                 {"stops", f.stops},
                 {"cleared_by", f.cleared_by ? nlohmann::ordered_json(*f.cleared_by) : nlohmann::ordered_json(nullptr)}});
        j["flags"] = flag_array;
        auto clear_array = nlohmann::ordered_json::array();
        for (const auto& c : clearances)
            clear_array.push_back({{"id", c.id},
                                   {"date", format_day(c.day)},
                                   {"recorded_at", format_instant(c.recorded_at)},
                                   {"note", c.note.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.note)}});
        j["clearances"] = clear_array;
        context.out() << j.dump(2) << '\n';
        return;
    }
    const ui::Style style(context.color());
    if (flags.empty()) {
        if (!context.quiet()) context.out() << "No red flags recorded; your routines are not suspended.\n";
        return;
    }
    ui::Table table({"ID", "DATE", "SYMPTOM", "TIER", "STATUS"});
    for (const auto& f : flags)
        table.add_row({std::to_string(f.id), format_day(f.day), std::string(to_string(f.symptom)),
                       std::string(to_string(tier_of(f.symptom))), status_of(f, by_id)});
    table.print(context.out(), style);
    if (!clearances.empty()) {
        context.out() << '\n';
        ui::Table cleared({"CLEARED", "NOTE"});
        for (const auto& c : clearances) cleared.add_row({format_day(c.day), c.note.empty() ? "-" : c.note});
        cleared.print(context.out(), style);
    }
    if (!context.quiet()) {
        context.out() << '\n';
        if (suspension.empty()) context.out() << "Your routines are not suspended.\n";
        else
            for (const auto& line : ui::wrap(suspension, 78)) context.out() << line << '\n';
    }
}

void run_clear(const FlagOptions& o, Context& context) {
    Clearance c;
    c.day = context.today();
    c.recorded_at = context.clock().now();
    c.note = note_option(o.note.value_or(""), "--note");
    Store& store = context.store();
    if (suspension_now(context).empty()) {
        if (!context.quiet())
            context.out() << "No red flag suspends your routines; nothing to clear"
                          << (c.note.empty() ? "" : " (the note was not stored)") << ".\n";
        return;
    }
    WriteTransaction transaction(store);
    const Cleared cleared = clear_flags(store, c);
    transaction.commit();
    if (!context.quiet())
        context.out() << fmt::format("Cleared {} red flag{} on {}{}; your routines resume ('limber start'). A new "
                                     "fever, fall or other event reported later stops them again; a lasting condition "
                                     "cleared now (a history of cancer, long-term steroids, a weakened immune system) "
                                     "only warns when reported again.\n",
                                     cleared.flags, cleared.flags == 1 ? "" : "s", format_day(c.day),
                                     c.note.empty() ? "" : " (" + c.note + ")");
}

}  // namespace

void register_flag(CLI::App& app, Context& context) {
    auto o = std::make_shared<FlagOptions>();
    auto* command = app.add_subcommand("flag", "Red-flag symptoms: record one, list them, or clear them after a "
                                               "clinician has seen you");
    command->require_subcommand(1);
    auto* add = command->add_subcommand("add", "Record a red-flag symptom that appeared after planning: every routine "
                                               "is suspended (exit 5)");
    add->add_option("SYMPTOM", o->symptoms, "One or more symptoms, comma-separated")
        ->type_name(symptom_type_name())
        ->required();
    add->add_option("--date", o->date, "The day it began: today (default), yesterday, YYYY-MM-DD, a weekday or -Nd")
        ->type_name("D");
    add->add_flag("--json", o->json, "Print the safety stop as one JSON object");
    add->add_flag("--dry-run", o->dry_run, "Give the advice; record nothing");
    auto* list = command->add_subcommand("list", "List the red flags and clearances, and whether routines are suspended");
    list->add_flag("--json", o->json, "Print one JSON object");
    auto* clear = command->add_subcommand("clear", "Record that a clinician has cleared you: routines resume");
    clear->add_option("--note", o->note, "Who cleared you, and what they said")->type_name("TEXT");
    command->callback([o, &context, add, list, clear] {
        if (add->parsed()) return run_add(*o, context);
        if (list->parsed()) return run_list(*o, context);
        if (clear->parsed()) return run_clear(*o, context);
    });
}

}  // namespace limber
