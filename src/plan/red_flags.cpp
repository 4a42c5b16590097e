#include <limber/plan/red_flags.hpp>

#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace limber {

namespace {

/// Why an emergency symptom needs an emergency department now: each reason is its own.
enum class Reason { None, CaudaEquina, Heart, Fracture };

struct SymptomInfo {
    Symptom symptom;
    std::string_view name;
    Tier tier;
    bool lasting;
    Reason reason;
    std::string_view words;
};

constexpr SymptomInfo k_symptoms[] = {
    {Symptom::SaddleNumbness, "saddle-numbness", Tier::Emergency, false, Reason::CaudaEquina, "numbness or tingling around the groin, genitals, buttocks or back passage"},
    {Symptom::BladderBowel, "bladder-bowel", Tier::Emergency, false, Reason::CaudaEquina, "new loss of bladder or bowel control"},
    {Symptom::BothLegs, "both-legs", Tier::Emergency, false, Reason::CaudaEquina, "numbness, tingling or weakness in both legs"},
    {Symptom::ProgressiveWeakness, "progressive-weakness", Tier::Emergency, false, Reason::CaudaEquina, "leg weakness that is getting worse"},
    {Symptom::SexualDysfunction, "sexual-dysfunction", Tier::Emergency, false, Reason::CaudaEquina, "new trouble getting an erection or feeling during sex"},
    {Symptom::BothLegsPain, "both-legs-pain", Tier::Emergency, false, Reason::CaudaEquina, "pain in both legs (sciatica on both sides)"},
    {Symptom::UrinaryRetention, "urinary-retention", Tier::Emergency, false, Reason::CaudaEquina, "difficulty passing urine"},
    {Symptom::ChestPain, "chest-pain", Tier::Emergency, false, Reason::Heart, "back pain with chest pain"},
    {Symptom::SeriousAccident, "serious-accident", Tier::Emergency, false, Reason::Fracture, "back pain that began with a serious accident (such as a car crash or a fall from a height)"},
    {Symptom::Fever, "fever", Tier::Urgent, false, Reason::None, "back pain with a fever"},
    {Symptom::WeightLoss, "weight-loss", Tier::Urgent, false, Reason::None, "weight loss you cannot explain"},
    {Symptom::NightPain, "night-pain", Tier::Urgent, false, Reason::None, "pain that rest does not ease or that is worse at night"},
    {Symptom::Trauma, "trauma", Tier::Urgent, false, Reason::None, "back pain after a fall or knock"},
    {Symptom::BackLump, "back-lump", Tier::Urgent, false, Reason::None, "a lump or swelling in the back, or a change in its shape"},
    {Symptom::CoughSneeze, "cough-sneeze", Tier::Urgent, false, Reason::None, "pain made worse by coughing, sneezing or opening the bowels"},
    {Symptom::UpperBack, "upper-back", Tier::Urgent, false, Reason::None, "pain between the shoulder blades"},
    {Symptom::CancerHistory, "cancer-history", Tier::SeeDoctor, true, Reason::None, "a history of cancer"},
    {Symptom::Steroids, "steroids", Tier::SeeDoctor, true, Reason::None, "long-term steroid treatment"},
    {Symptom::WeakenedImmunity, "weakened-immunity", Tier::SeeDoctor, true, Reason::None, "a weakened immune system"},
};

const SymptomInfo& info(Symptom symptom) {
    for (const auto& i : k_symptoms)
        if (i.symptom == symptom) return i;
    return k_symptoms[0];
}

std::string described(const std::vector<Symptom>& symptoms) {
    std::vector<std::string> words;
    for (auto s : symptoms) words.emplace_back(describe(s));
    return and_list(words);
}

bool has(const std::vector<Symptom>& symptoms, Symptom symptom) {
    return std::find(symptoms.begin(), symptoms.end(), symptom) != symptoms.end();
}

/// The symptoms of `symptoms` for which `keep` holds, in their order.
template <typename Keep>
std::vector<Symptom> those(const std::vector<Symptom>& symptoms, Keep keep) {
    std::vector<Symptom> out;
    std::copy_if(symptoms.begin(), symptoms.end(), std::back_inserter(out), keep);
    return out;
}

/// The most pressing tier among `symptoms`; see-doctor when there is none.
Tier most_pressing(const std::vector<Symptom>& symptoms) {
    Tier tier = Tier::SeeDoctor;
    for (auto s : symptoms) tier = std::min(tier, tier_of(s));  // Emergency < Urgent < SeeDoctor
    return tier;
}

constexpr std::string_view k_emergency = "go to an emergency department now or call your emergency number";
constexpr std::string_view k_urgent =
    "call your doctor's surgery for an appointment today, or your urgent health line (111 in England)";

/// "Numbness … can mean pressure on the nerves …": why the emergency symptoms of `reason` need
/// help now; "" when none of `symptoms` has that reason.
std::string emergency_reason(const std::vector<Symptom>& symptoms, Reason reason) {
    const auto these = those(symptoms, [&](Symptom s) { return info(s).reason == reason; });
    if (these.empty()) return {};
    const std::string what = capitalized(described(these));
    switch (reason) {
    case Reason::CaudaEquina:
        return fmt::format("{} can mean pressure on the nerves at the base of the spine (cauda equina syndrome), "
                           "which needs treatment within hours",
                           what);
    case Reason::Heart:
        return fmt::format("{} can be a sign of a heart attack or of a tear in the body's main artery, which needs "
                           "help at once",
                           what);
    case Reason::Fracture:
        return fmt::format("{} can mean a broken bone in the spine, which needs checking at once", what);
    case Reason::None: break;
    }
    return {};
}

std::string emergency_advice(const std::vector<Symptom>& emergency) {
    std::vector<std::string> reasons;
    for (auto reason : {Reason::CaudaEquina, Reason::Heart, Reason::Fracture})
        if (auto r = emergency_reason(emergency, reason); !r.empty()) reasons.push_back(std::move(r));
    return fmt::format("Do not stretch. {}: {}.", join(reasons, ". "), k_emergency);
}

std::string urgent_advice(const std::vector<Symptom>& urgent) {
    std::string text = fmt::format("Do not stretch yet. {} can point to a cause a doctor should rule out first (an "
                                   "infection, a fracture or, rarely, a tumour): {}.",
                                   capitalized(described(urgent)), k_urgent);
    if (has(urgent, Symptom::Trauma))
        text += " With osteoporosis, or at 65 and over, a fall or knock can break a bone in the spine (a vertebra).";
    return text;
}

std::string see_doctor_advice(const std::vector<Symptom>& conditions) {
    return fmt::format("Do not stretch yet. With {}, back pain is more likely to have a cause a doctor should rule "
                       "out first (an infection, a fracture or, rarely, a tumour): see a doctor soon, before "
                       "stretching (it need not be today).",
                       described(conditions));
}

}  // namespace

std::string_view to_string(Symptom symptom) { return info(symptom).name; }

std::optional<Symptom> parse_symptom(std::string_view text) {
    for (const auto& i : k_symptoms)
        if (i.name == text) return i.symptom;
    return std::nullopt;
}

const std::vector<Symptom>& all_symptoms() {
    static const std::vector<Symptom> all = [] {
        std::vector<Symptom> v;
        for (const auto& i : k_symptoms) v.push_back(i.symptom);
        return v;
    }();
    return all;
}

std::string_view describe(Symptom symptom) { return info(symptom).words; }

std::string_view to_string(Tier tier) {
    switch (tier) {
    case Tier::Emergency: return "emergency";
    case Tier::Urgent: return "urgent";
    case Tier::SeeDoctor: return "see-doctor";
    }
    return "see-doctor";
}

std::optional<Tier> parse_tier(std::string_view text) {
    for (auto tier : {Tier::Emergency, Tier::Urgent, Tier::SeeDoctor})
        if (to_string(tier) == text) return tier;
    return std::nullopt;
}

Tier tier_of(Symptom symptom) { return info(symptom).tier; }

std::vector<Symptom> symptoms_in(Tier tier) {
    return those(all_symptoms(), [&](Symptom s) { return tier_of(s) == tier; });
}

bool lasting(Symptom symptom) { return info(symptom).lasting; }

SafetyCall assess(const std::vector<Symptom>& reported, const std::vector<FlagRecord>& recorded) {
    SafetyCall call;
    for (const auto s : reported) {
        if (has(call.stopping, s) || has(call.warned, s)) continue;
        const bool cleared_before = std::any_of(recorded.begin(), recorded.end(), [&](const FlagRecord& f) {
            return f.symptom == s && f.cleared;
        });
        const bool in_force_now = std::any_of(recorded.begin(), recorded.end(), [&](const FlagRecord& f) {
            return f.symptom == s && f.stops && !f.cleared;
        });
        // an event reported again is a new event; a lasting condition once cleared stays cleared
        if (lasting(s) && cleared_before && !in_force_now) call.warned.push_back(s);
        else call.stopping.push_back(s);
    }
    call.tier = most_pressing(call.stopping);
    return call;
}

std::string stop_advice(Tier tier, const std::vector<Symptom>& symptoms) {
    const auto these = those(symptoms, [&](Symptom s) { return tier_of(s) == tier; });
    const auto others = those(symptoms, [&](Symptom s) { return tier_of(s) != tier; });
    std::string text = tier == Tier::Emergency ? emergency_advice(these)
                       : tier == Tier::Urgent  ? urgent_advice(these)
                                               : see_doctor_advice(these);
    if (!others.empty()) text += fmt::format(" Tell them also about {}.", described(others));
    return text;
}

std::string cleared_warning(const std::vector<Symptom>& symptoms) {
    return fmt::format("{}: a clinician has cleared this before, so your routines go on; if your back pain changes or "
                       "a new symptom appears, see a doctor.",
                       capitalized(described(symptoms)));
}

std::vector<FlagRecord> in_force(const std::vector<FlagRecord>& recorded) {
    std::vector<FlagRecord> out;
    std::copy_if(recorded.begin(), recorded.end(), std::back_inserter(out),
                 [](const FlagRecord& f) { return f.stops && !f.cleared; });
    return out;
}

std::string suspension_text(const std::vector<FlagRecord>& recorded) {
    const auto flags = in_force(recorded);
    if (flags.empty()) return {};
    std::vector<Symptom> symptoms;
    Day since = flags.front().day;
    for (const auto& f : flags) {
        if (!has(symptoms, f.symptom)) symptoms.push_back(f.symptom);
        since = std::min(since, f.day);
    }
    const Tier tier = most_pressing(symptoms);
    const std::string what_to_do = tier == Tier::Emergency ? fmt::format("{} if you have not been seen.", capitalized(k_emergency))
                                   : tier == Tier::Urgent  ? fmt::format("{}, if you have not been seen.", capitalized(k_urgent))
                                                           : std::string("See a doctor before stretching.");
    return fmt::format("Every routine is suspended since {}: you reported {}. {} Once a clinician has cleared you, "
                       "'limber flag clear' resumes them.",
                       format_day(since), described(symptoms), what_to_do);
}

}  // namespace limber
