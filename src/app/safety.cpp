#include <limber/app/safety.hpp>

#include <limber/io/safety_view.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

namespace limber {

std::vector<Symptom> symptoms_of(const std::vector<std::string>& values, std::vector<std::string>& unknown) {
    std::vector<Symptom> symptoms;
    for (const auto& value : values)
        for (const auto& piece : split(value, ',')) {
            if (const auto symptom = parse_symptom(to_lower(piece))) {
                if (std::find(symptoms.begin(), symptoms.end(), *symptom) == symptoms.end()) symptoms.push_back(*symptom);
            } else {
                unknown.push_back(piece);
            }
        }
    return symptoms;
}

std::string symptom_type_name() { return join(names_of(all_symptoms()), "|") + "[,...]"; }

void refuse_unknown_symptoms(const std::vector<std::string>& unknown, std::string_view option) {
    if (unknown.empty()) return;
    std::vector<std::string> names, tiers;
    for (auto tier : {Tier::Emergency, Tier::Urgent, Tier::SeeDoctor}) {
        const auto these = names_of(symptoms_in(tier));
        names.insert(names.end(), these.begin(), these.end());
        tiers.push_back(fmt::format("{}: {}", to_string(tier), join(these, ", ")));
    }
    const std::string suggestion = nearest(to_lower(unknown.front()), names);
    throw UsageError(fmt::format("{} {}: not a red-flag symptom; {}", option, quote(unknown.front()), join(tiers, "; ")),
                     suggestion.empty() ? std::string{} : fmt::format("did you mean '{}'?", suggestion));
}

void record_flags(Context& context, const SafetyCall& call, FlagSource source, Day day) {
    Store& store = context.store();
    const Instant now = context.clock().now();
    for (const auto s : call.stopping) insert_flag(store, StoredFlag{0, s, day, now, source, true, std::nullopt});
    for (const auto s : call.warned) insert_flag(store, StoredFlag{0, s, day, now, source, false, std::nullopt});
}

bool report_symptoms(Context& context, const std::vector<Symptom>& symptoms, FlagSource source, Day day, bool dry_run,
                     bool json) {
    if (symptoms.empty()) return false;
    return report_call(context, assess(symptoms, flag_records(context.store())), source, day, dry_run, json);
}

bool report_call(Context& context, const SafetyCall& call, FlagSource source, Day day, bool dry_run, bool json) {
    if (!dry_run) {
        WriteTransaction transaction(context.store());
        record_flags(context, call, source, day);
        transaction.commit();
    }
    return announce(context, call, day, !dry_run, json);
}

bool announce(Context& context, const SafetyCall& call, Day day, bool recorded, bool json) {
    if (!call.stops()) {
        if (!call.warned.empty()) context.err() << "limber: warning: " << cleared_warning(call.warned) << '\n';
        return false;
    }
    const StopRecord record{recorded, day};
    if (json) context.out() << safety_stop_json(call, record).dump(2) << '\n';
    else print_safety_stop(context.out(), ui::Style(context.color()), call, record);
    context.set_exit_code(static_cast<int>(ExitCode::SafetyStop));
    return true;
}

std::string suspension_now(Context& context) { return suspension_text(flag_records(context.store())); }

}  // namespace limber
