#include <limber/plan/red_flags.hpp>

#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace limber {

namespace {

struct SymptomInfo {
    Symptom symptom;
    std::string_view name;
    Tier tier;
    std::string_view words;
};

constexpr SymptomInfo k_symptoms[] = {
    {Symptom::SaddleNumbness, "saddle-numbness", Tier::Emergency, "numbness around the groin, buttocks or genitals"},
    {Symptom::BladderBowel, "bladder-bowel", Tier::Emergency, "new trouble controlling or passing urine or stools"},
    {Symptom::BothLegs, "both-legs", Tier::Emergency, "numbness, tingling or weakness in both legs"},
    {Symptom::ProgressiveWeakness, "progressive-weakness", Tier::Emergency, "leg weakness that is getting worse"},
    {Symptom::SexualDysfunction, "sexual-dysfunction", Tier::Emergency, "new trouble getting an erection or feeling during sex"},
    {Symptom::Fever, "fever", Tier::SeeDoctor, "back pain with a fever"},
    {Symptom::WeightLoss, "weight-loss", Tier::SeeDoctor, "weight loss you cannot explain"},
    {Symptom::CancerHistory, "cancer-history", Tier::SeeDoctor, "a history of cancer"},
    {Symptom::Trauma, "trauma", Tier::SeeDoctor, "back pain after a recent fall or accident"},
    {Symptom::NightPain, "night-pain", Tier::SeeDoctor, "constant pain at night that rest does not ease"},
    {Symptom::Steroids, "steroids", Tier::SeeDoctor, "long-term steroid tablets or a weakened immune system"},
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

bool has_fever(const std::vector<Symptom>& symptoms) {
    return std::find(symptoms.begin(), symptoms.end(), Symptom::Fever) != symptoms.end();
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

std::string_view to_string(Tier tier) { return tier == Tier::Emergency ? "emergency" : "see-doctor"; }

std::optional<Tier> parse_tier(std::string_view text) {
    if (text == "emergency") return Tier::Emergency;
    if (text == "see-doctor") return Tier::SeeDoctor;
    return std::nullopt;
}

Tier tier_of(Symptom symptom) { return info(symptom).tier; }

SafetyCall assess(const std::vector<Symptom>& reported, const std::vector<FlagRecord>& recorded) {
    SafetyCall call;
    for (const auto s : reported) {
        if (std::find(call.stopping.begin(), call.stopping.end(), s) != call.stopping.end() ||
            std::find(call.warned.begin(), call.warned.end(), s) != call.warned.end())
            continue;
        const bool cleared_before = std::any_of(recorded.begin(), recorded.end(), [&](const FlagRecord& f) {
            return f.symptom == s && f.cleared;
        });
        const bool in_force_now = std::any_of(recorded.begin(), recorded.end(), [&](const FlagRecord& f) {
            return f.symptom == s && f.stops && !f.cleared;
        });
        if (tier_of(s) == Tier::SeeDoctor && cleared_before && !in_force_now) call.warned.push_back(s);
        else call.stopping.push_back(s);
    }
    call.tier = std::any_of(call.stopping.begin(), call.stopping.end(),
                            [](Symptom s) { return tier_of(s) == Tier::Emergency; })
                    ? Tier::Emergency
                    : Tier::SeeDoctor;
    return call;
}

std::string stop_advice(Tier tier, const std::vector<Symptom>& symptoms) {
    if (tier == Tier::Emergency) {
        std::vector<Symptom> emergency, others;
        for (auto s : symptoms) (tier_of(s) == Tier::Emergency ? emergency : others).push_back(s);
        std::string text = fmt::format("Do not stretch. {} can mean pressure on the nerves at the base of the spine "
                                       "(cauda equina syndrome), which needs treatment within hours: go to an "
                                       "emergency department now or call your emergency number.",
                                       capitalized(described(emergency)));
        if (!others.empty()) text += fmt::format(" Tell them also about {}.", described(others));
        return text;
    }
    const bool fever = has_fever(symptoms);
    return fmt::format("Do not stretch yet. {} can point to a cause a doctor should rule out first (an infection, "
                       "a fracture or, rarely, a tumour): see a doctor {}, before stretching.",
                       capitalized(described(symptoms)), fever ? "today" : "within days");
}

std::string cleared_warning(const std::vector<Symptom>& symptoms) {
    return fmt::format("{}: a clinician has cleared this before, so your routines go on; if it is new or worse, see "
                       "a doctor {}.",
                       capitalized(described(symptoms)), has_fever(symptoms) ? "today" : "within days");
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
        if (std::find(symptoms.begin(), symptoms.end(), f.symptom) == symptoms.end()) symptoms.push_back(f.symptom);
        since = std::min(since, f.day);
    }
    const bool emergency = std::any_of(symptoms.begin(), symptoms.end(),
                                       [](Symptom s) { return tier_of(s) == Tier::Emergency; });
    return fmt::format("Every routine is suspended since {}: you reported {}. {} Once a clinician has cleared you, "
                       "'limber flag clear' resumes them.",
                       format_day(since), described(symptoms),
                       emergency ? "Go to an emergency department now or call your emergency number if you have "
                                   "not been seen."
                       : has_fever(symptoms) ? "See a doctor today, before stretching."
                                             : "See a doctor before stretching.");
}

}  // namespace limber
