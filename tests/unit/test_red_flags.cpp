// Unit tests: R27 red flags — the three tiers, events and lasting conditions, what reporting a
// symptom does given the flags recorded before, and the words of a stop and of a suspension.
#include <limber/plan/red_flags.hpp>

#include <catch2/catch.hpp>

#include <set>

using namespace limber;
using namespace date::literals;

namespace {

const std::vector<std::string> k_emergency = {"saddle-numbness", "bladder-bowel",     "both-legs",
                                              "progressive-weakness", "sexual-dysfunction", "both-legs-pain",
                                              "urinary-retention",    "chest-pain",         "serious-accident"};
const std::vector<std::string> k_urgent = {"fever",    "weight-loss",  "night-pain", "trauma",
                                           "back-lump", "cough-sneeze", "upper-back"};
const std::vector<std::string> k_see_doctor = {"cancer-history", "steroids", "weakened-immunity"};

Symptom named(const std::string& name) {
    const auto s = parse_symptom(name);
    REQUIRE(s);
    return *s;
}

const std::string k_emergency_words = "go to an emergency department now or call your emergency number";
const std::string k_urgent_words =
    "call your doctor's surgery for an appointment today, or your urgent health line (111 in England)";

}  // namespace

TEST_CASE("R27: nineteen symptoms in three tiers, each with its name and words") {
    REQUIRE(all_symptoms().size() == 19);
    std::set<std::string> names;
    for (auto s : all_symptoms()) {
        CHECK(parse_symptom(to_string(s)) == s);
        names.emplace(to_string(s));
        CHECK_FALSE(describe(s).empty());
    }
    CHECK(names.size() == 19);
    for (const auto& name : k_emergency) CHECK(tier_of(named(name)) == Tier::Emergency);
    for (const auto& name : k_urgent) CHECK(tier_of(named(name)) == Tier::Urgent);
    for (const auto& name : k_see_doctor) CHECK(tier_of(named(name)) == Tier::SeeDoctor);
    CHECK(symptoms_in(Tier::Emergency).size() == k_emergency.size());
    CHECK(symptoms_in(Tier::Urgent).size() == k_urgent.size());
    CHECK(symptoms_in(Tier::SeeDoctor).size() == k_see_doctor.size());
    CHECK_FALSE(parse_symptom("Fever"));  // the caller lower-cases
    CHECK_FALSE(parse_symptom("headache"));
    for (auto tier : {Tier::Emergency, Tier::Urgent, Tier::SeeDoctor}) CHECK(parse_tier(to_string(tier)) == tier);
    CHECK(to_string(Tier::Emergency) == "emergency");
    CHECK(to_string(Tier::Urgent) == "urgent");
    CHECK(to_string(Tier::SeeDoctor) == "see-doctor");
    CHECK_FALSE(parse_tier("soon"));
    // steroids are long-term steroids; a weakened immune system is its own condition
    CHECK_THAT(std::string(describe(Symptom::Steroids)), Catch::Contains("long-term") && !Catch::Contains("immune"));
    CHECK_THAT(std::string(describe(Symptom::WeakenedImmunity)), Catch::Contains("immune"));
}

TEST_CASE("R27: every emergency and urgent symptom is an event, cancer, steroids and a weak immune system last") {
    for (auto s : all_symptoms()) {
        INFO(to_string(s));
        CHECK(lasting(s) == (tier_of(s) == Tier::SeeDoctor));
    }
    CHECK(lasting(Symptom::CancerHistory));
    CHECK(lasting(Symptom::Steroids));
    CHECK(lasting(Symptom::WeakenedImmunity));
    CHECK_FALSE(lasting(Symptom::Fever));
    CHECK_FALSE(lasting(Symptom::Trauma));
}

TEST_CASE("R27: the advice of each tier says where to go, in the words of its tier") {
    for (auto s : all_symptoms()) {
        INFO(to_string(s));
        const auto advice = stop_advice(tier_of(s), {s});
        CHECK_THAT(advice, Catch::Contains(std::string(describe(s)), Catch::CaseSensitive::No));
        CHECK_THAT(advice, !Catch::Contains("error"));
        switch (tier_of(s)) {
        case Tier::Emergency:
            CHECK_THAT(advice, Catch::Contains(k_emergency_words) && !Catch::Contains("111"));
            break;
        case Tier::Urgent:
            CHECK_THAT(advice, Catch::Contains(k_urgent_words) && !Catch::Contains("emergency"));
            break;
        case Tier::SeeDoctor:
            CHECK_THAT(advice, Catch::Contains("see a doctor soon, before stretching") &&
                                   Catch::Contains("need not be today") && !Catch::Contains("emergency") &&
                                   !Catch::Contains("today,") && !Catch::Contains("111"));
            break;
        }
    }
}

TEST_CASE("R27: emergency advice fits its symptom: cauda equina only for the nerve signs") {
    for (auto name : {"saddle-numbness", "bladder-bowel", "both-legs", "progressive-weakness", "sexual-dysfunction",
                      "both-legs-pain", "urinary-retention"}) {
        INFO(name);
        CHECK_THAT(stop_advice(Tier::Emergency, {named(name)}), Catch::Contains("cauda equina"));
    }
    const auto chest = stop_advice(Tier::Emergency, {Symptom::ChestPain});
    CHECK_THAT(chest, Catch::Contains("heart") && !Catch::Contains("cauda equina") && !Catch::Contains("nerves"));
    const auto accident = stop_advice(Tier::Emergency, {Symptom::SeriousAccident});
    CHECK_THAT(accident, Catch::Contains("broken bone in the spine") && !Catch::Contains("cauda equina"));
    // together: each reason once, the place to go once, and the less pressing ones named
    const auto all = stop_advice(Tier::Emergency, {Symptom::ChestPain, Symptom::SaddleNumbness, Symptom::Fever});
    CHECK_THAT(all, Catch::Contains("heart") && Catch::Contains("cauda equina") &&
                        Catch::EndsWith("Tell them also about back pain with a fever."));
    CHECK(all.find(k_emergency_words) == all.rfind(k_emergency_words));
}

TEST_CASE("R27: a fall or knock is urgent, and says a fall can break a vertebra with osteoporosis or at 65") {
    const auto trauma = stop_advice(Tier::Urgent, {Symptom::Trauma});
    CHECK_THAT(trauma, Catch::Contains(k_urgent_words) && Catch::Contains("osteoporosis") &&
                           Catch::Contains("65 and over") && Catch::Contains("vertebra"));
    CHECK_THAT(stop_advice(Tier::Urgent, {Symptom::Fever}), !Catch::Contains("vertebra"));
    CHECK_THAT(stop_advice(Tier::Urgent, {Symptom::Fever, Symptom::Steroids}),
               Catch::EndsWith("Tell them also about long-term steroid treatment."));
}

TEST_CASE("R27: an event stops again after a clearance, a lasting condition once cleared only warns") {
    const Day d = Day{2026_y / 11 / 20};
    SafetyCall call = assess({Symptom::Fever}, {});
    CHECK(call.stops());
    CHECK(call.tier == Tier::Urgent);
    call = assess({Symptom::CancerHistory}, {});
    CHECK(call.stops());
    CHECK(call.tier == Tier::SeeDoctor);
    call = assess({Symptom::Fever, Symptom::BladderBowel, Symptom::Fever}, {});
    CHECK(call.tier == Tier::Emergency);
    CHECK(call.stopping == std::vector<Symptom>{Symptom::Fever, Symptom::BladderBowel});
    CHECK(assess({Symptom::Steroids, Symptom::Trauma}, {}).tier == Tier::Urgent);
    // cleared before
    const std::vector<FlagRecord> cleared = {{Symptom::CancerHistory, d, true, true},
                                             {Symptom::BothLegs, d, true, true},
                                             {Symptom::Fever, d, true, true},
                                             {Symptom::Trauma, d, true, true}};
    call = assess({Symptom::CancerHistory}, cleared);
    CHECK_FALSE(call.stops());
    CHECK(call.warned == std::vector<Symptom>{Symptom::CancerHistory});
    CHECK(assess({Symptom::BothLegs}, cleared).stops());  // an emergency event always stops
    call = assess({Symptom::Fever}, cleared);             // a new fever is a new event
    CHECK(call.stops());
    CHECK(call.tier == Tier::Urgent);
    CHECK(call.warned.empty());
    CHECK(assess({Symptom::Trauma}, cleared).stops());     // and so is a new fall
    CHECK(assess({Symptom::Steroids}, cleared).stops());   // another lasting condition, not cleared: it stops
    call = assess({Symptom::CancerHistory, Symptom::Trauma}, cleared);
    CHECK(call.stopping == std::vector<Symptom>{Symptom::Trauma});
    CHECK(call.warned == std::vector<Symptom>{Symptom::CancerHistory});
    // a warning recorded for it and cleared since still counts as cleared
    CHECK_FALSE(assess({Symptom::WeakenedImmunity}, {{Symptom::WeakenedImmunity, d, false, true}}).stops());
    // in force again (reported and not yet cleared): it stops
    const std::vector<FlagRecord> again = {{Symptom::CancerHistory, d, true, true},
                                           {Symptom::CancerHistory, d, true, false}};
    CHECK(assess({Symptom::CancerHistory}, again).stops());
}

TEST_CASE("R27: the warning of a cleared lasting condition lets the routines go on") {
    const auto text = cleared_warning({Symptom::CancerHistory});
    CHECK_THAT(text, Catch::StartsWith("A history of cancer: a clinician has cleared this before, so your routines "
                                       "go on"));
    CHECK_THAT(text, Catch::Contains("see a doctor"));
}

TEST_CASE("R27: flags in force suspend every routine until cleared, with the words of the most pressing tier") {
    const Day d = Day{2026_y / 11 / 20};
    CHECK(suspension_text({}).empty());
    CHECK(in_force({{Symptom::Fever, d, true, true}}).empty());
    CHECK(in_force({{Symptom::CancerHistory, d, false, false}}).empty());  // a warning does not suspend
    const auto text = suspension_text({{Symptom::Trauma, d + date::days{2}, true, false},
                                       {Symptom::Fever, d, true, false},
                                       {Symptom::WeightLoss, d - date::days{9}, true, true}});
    CHECK_THAT(text, Catch::Contains("since 2026-11-20") && Catch::Contains("fever") && Catch::Contains("fall") &&
                         Catch::Contains("limber flag clear") && Catch::Contains("Call your doctor's surgery for an "
                                                                                 "appointment today"));
    CHECK_THAT(text, !Catch::Contains("weight"));
    CHECK_THAT(suspension_text({{Symptom::ProgressiveWeakness, d, true, false}, {Symptom::Fever, d, true, false}}),
               Catch::Contains("Go to an emergency department now or call your emergency number") &&
                   !Catch::Contains("111"));
    CHECK_THAT(suspension_text({{Symptom::Steroids, d, true, false}}),
               Catch::Contains("See a doctor before stretching.") && !Catch::Contains("today") &&
                   !Catch::Contains("emergency"));
}
