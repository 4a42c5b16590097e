#pragma once
// R27: red-flag symptoms in two tiers, what reporting one does given the flags recorded
// before, and whether the person's routines are suspended. Pure: the store keeps the flags.

#include <limber/time/dates.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// Red-flag symptoms (NICE NG59; NHS "sciatica" and "back pain").
enum class Symptom {
    // emergency
    SaddleNumbness,
    BladderBowel,
    BothLegs,
    ProgressiveWeakness,
    SexualDysfunction,
    // see a doctor first
    Fever,
    WeightLoss,
    CancerHistory,
    Trauma,
    NightPain,
    Steroids,
};
std::string_view to_string(Symptom symptom);  ///< the --symptom name: "saddle-numbness", "fever", …
std::optional<Symptom> parse_symptom(std::string_view text);
const std::vector<Symptom>& all_symptoms();
/// The symptom in plain words: "numbness around the groin or buttocks".
std::string_view describe(Symptom symptom);

enum class Tier { Emergency, SeeDoctor };
std::string_view to_string(Tier tier);  ///< "emergency", "see-doctor"
std::optional<Tier> parse_tier(std::string_view text);
Tier tier_of(Symptom symptom);

/// A flag as recorded: the symptom, the day it was reported for, whether it stopped the
/// routines, and whether a clinician has cleared it since.
struct FlagRecord {
    Symptom symptom = Symptom::Fever;
    Day day;
    bool stops = true;     ///< false: a see-doctor symptom cleared before, reported again (a warning)
    bool cleared = false;  ///< a clearance was recorded after it
};

/// What reporting symptoms does (R27): emergency symptoms always stop; a see-doctor symptom
/// stops unless a clinician cleared that same symptom before, when it only warns.
struct SafetyCall {
    std::vector<Symptom> stopping;  ///< in the order reported, without repeats
    std::vector<Symptom> warned;    ///< see-doctor symptoms cleared before
    Tier tier = Tier::SeeDoctor;    ///< emergency when any stopping symptom is
    bool stops() const { return !stopping.empty(); }
};
SafetyCall assess(const std::vector<Symptom>& reported, const std::vector<FlagRecord>& recorded);

/// The advice of a stop, in plain words (not an error): what the symptoms can mean and where
/// to go — an emergency department now, or a doctor (today with a fever) before stretching.
std::string stop_advice(Tier tier, const std::vector<Symptom>& symptoms);

/// The warning for see-doctor symptoms a clinician has cleared before.
std::string cleared_warning(const std::vector<Symptom>& symptoms);

/// The flags that suspend the routines now: those that stopped and are not cleared.
std::vector<FlagRecord> in_force(const std::vector<FlagRecord>& recorded);

/// Why the routines are suspended, for `start`, `plan show` and `stats`; "" when they are not.
/// "Routines are suspended since 2026-11-30 (fever): see a doctor … then 'limber flag clear'."
std::string suspension_text(const std::vector<FlagRecord>& recorded);

}  // namespace limber
