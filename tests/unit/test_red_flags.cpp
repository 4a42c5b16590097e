// Unit tests: R27 red flags — the two tiers, what reporting a symptom does given the flags
// recorded before, and the words of a stop and of a suspension.
#include <limber/plan/red_flags.hpp>

#include <catch2/catch.hpp>

#include <set>

using namespace limber;
using namespace date::literals;

TEST_CASE("R27: eleven symptoms in two tiers, each with its name and words") {
    REQUIRE(all_symptoms().size() == 11);
    std::set<std::string> names;
    int emergency = 0;
    for (auto s : all_symptoms()) {
        CHECK(parse_symptom(to_string(s)) == s);
        names.emplace(to_string(s));
        CHECK_FALSE(describe(s).empty());
        emergency += tier_of(s) == Tier::Emergency;
    }
    CHECK(names.size() == 11);
    CHECK(emergency == 5);
    for (auto name : {"saddle-numbness", "bladder-bowel", "both-legs", "progressive-weakness", "sexual-dysfunction"})
        CHECK(tier_of(*parse_symptom(name)) == Tier::Emergency);
    for (auto name : {"fever", "weight-loss", "cancer-history", "trauma", "night-pain", "steroids"})
        CHECK(tier_of(*parse_symptom(name)) == Tier::SeeDoctor);
    CHECK_FALSE(parse_symptom("Fever"));  // the caller lower-cases
    CHECK_FALSE(parse_symptom("headache"));
    CHECK(parse_tier("see-doctor") == Tier::SeeDoctor);
    CHECK(to_string(Tier::Emergency) == "emergency");
}

TEST_CASE("R27: the advice names the place to go, by tier") {
    const auto emergency = stop_advice(Tier::Emergency, {Symptom::SaddleNumbness, Symptom::BothLegs});
    CHECK_THAT(emergency, Catch::Contains("emergency department now") && Catch::Contains("emergency number") &&
                              Catch::Contains("both legs") && Catch::Contains("groin"));
    const auto doctor = stop_advice(Tier::SeeDoctor, {Symptom::WeightLoss});
    CHECK_THAT(doctor, Catch::Contains("see a doctor within days, before stretching"));
    CHECK_THAT(doctor, !Catch::Contains("emergency"));
    CHECK_THAT(stop_advice(Tier::SeeDoctor, {Symptom::Fever}), Catch::Contains("see a doctor today"));
    for (const auto& text : {emergency, doctor}) CHECK_THAT(text, !Catch::Contains("error"));
}

TEST_CASE("R27: emergency symptoms always stop, a see-doctor one cleared before only warns") {
    const Day d = Day{2026_y / 11 / 20};
    SafetyCall call = assess({Symptom::Fever}, {});
    CHECK(call.stops());
    CHECK(call.tier == Tier::SeeDoctor);
    call = assess({Symptom::Fever, Symptom::BladderBowel, Symptom::Fever}, {});
    CHECK(call.tier == Tier::Emergency);
    CHECK(call.stopping == std::vector<Symptom>{Symptom::Fever, Symptom::BladderBowel});
    // cleared before
    const std::vector<FlagRecord> cleared = {{Symptom::CancerHistory, d, true, true}, {Symptom::BothLegs, d, true, true}};
    call = assess({Symptom::CancerHistory}, cleared);
    CHECK_FALSE(call.stops());
    CHECK(call.warned == std::vector<Symptom>{Symptom::CancerHistory});
    CHECK(assess({Symptom::BothLegs}, cleared).stops());           // an emergency one always stops
    CHECK(assess({Symptom::Fever}, cleared).stops());              // another see-doctor symptom stops
    call = assess({Symptom::CancerHistory, Symptom::Trauma}, cleared);
    CHECK(call.stopping == std::vector<Symptom>{Symptom::Trauma});
    CHECK(call.warned == std::vector<Symptom>{Symptom::CancerHistory});
    // in force again (reported and not yet cleared): it stops
    const std::vector<FlagRecord> again = {{Symptom::CancerHistory, d, true, true},
                                           {Symptom::CancerHistory, d, true, false}};
    CHECK(assess({Symptom::CancerHistory}, again).stops());
}

TEST_CASE("R27: flags in force suspend every routine until cleared") {
    const Day d = Day{2026_y / 11 / 20};
    CHECK(suspension_text({}).empty());
    CHECK(in_force({{Symptom::Fever, d, true, true}}).empty());
    CHECK(in_force({{Symptom::Fever, d, false, false}}).empty());  // a warning does not suspend
    const auto text = suspension_text({{Symptom::Trauma, d + date::days{2}, true, false},
                                       {Symptom::Fever, d, true, false},
                                       {Symptom::WeightLoss, d - date::days{9}, true, true}});
    CHECK_THAT(text, Catch::Contains("since 2026-11-20") && Catch::Contains("fever") && Catch::Contains("fall") &&
                         Catch::Contains("limber flag clear") && Catch::Contains("See a doctor"));
    CHECK_THAT(text, !Catch::Contains("weight"));
    CHECK_THAT(suspension_text({{Symptom::ProgressiveWeakness, d, true, false}}),
               Catch::Contains("emergency department"));
}
