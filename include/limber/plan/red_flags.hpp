#pragma once
// R27: red-flag symptoms in three tiers, what reporting one does given the flags recorded
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
    BothLegsPain,
    UrinaryRetention,
    ChestPain,
    SeriousAccident,
    // urgent, the same day
    Fever,
    WeightLoss,
    NightPain,
    Trauma,
    BackLump,
    CoughSneeze,
    UpperBack,
    // see a doctor before stretching (lasting conditions)
    CancerHistory,
    Steroids,
    WeakenedImmunity,
};
std::string_view to_string(Symptom symptom);  ///< the --symptom name: "saddle-numbness", "fever", …
std::optional<Symptom> parse_symptom(std::string_view text);
const std::vector<Symptom>& all_symptoms();
/// The symptom in plain words: "numbness around the groin or buttocks".
std::string_view describe(Symptom symptom);

/// How soon to get help, most pressing first: an emergency department now; the doctor's
/// surgery (or the urgent health line) today; a doctor soon, before stretching.
enum class Tier { Emergency, Urgent, SeeDoctor };
std::string_view to_string(Tier tier);  ///< "emergency", "urgent", "see-doctor"
std::optional<Tier> parse_tier(std::string_view text);
Tier tier_of(Symptom symptom);
/// The symptoms of one tier, in the order of all_symptoms().
std::vector<Symptom> symptoms_in(Tier tier);

/// A lasting condition (a history of cancer, long-term steroids, a weakened immune system) stays
/// true once a clinician has cleared it; every other symptom is an event (a new fever, a new
/// fall), and a new report of it is a new event.
bool lasting(Symptom symptom);

/// A flag as recorded: the symptom, the day it was reported for, whether it stopped the
/// routines, and whether a clinician has cleared it since.
struct FlagRecord {
    Symptom symptom = Symptom::Fever;
    Day day;
    bool stops = true;     ///< false: a lasting condition cleared before, reported again (a warning)
    bool cleared = false;  ///< a clearance was recorded after it
};

/// What reporting symptoms does (R27): an event always stops, however often it was cleared
/// before; a lasting condition stops unless a clinician cleared that same condition before and
/// it is not in force again, when it only warns.
struct SafetyCall {
    std::vector<Symptom> stopping;  ///< in the order reported, without repeats
    std::vector<Symptom> warned;    ///< lasting conditions cleared before
    Tier tier = Tier::SeeDoctor;    ///< the most pressing tier of the stopping symptoms
    bool stops() const { return !stopping.empty(); }
};
SafetyCall assess(const std::vector<Symptom>& reported, const std::vector<FlagRecord>& recorded);

/// The advice of a stop, in plain words (not an error): what the symptoms of `tier` can mean
/// and where to go — an emergency department now, the doctor's surgery today, or a doctor soon
/// before stretching; the symptoms of less pressing tiers are named to tell them about too.
std::string stop_advice(Tier tier, const std::vector<Symptom>& symptoms);

/// The warning for lasting conditions a clinician has cleared before.
std::string cleared_warning(const std::vector<Symptom>& symptoms);

/// The flags that suspend the routines now: those that stopped and are not cleared.
std::vector<FlagRecord> in_force(const std::vector<FlagRecord>& recorded);

/// Why the routines are suspended, for `start`, `plan show` and `stats`; "" when they are not.
/// "Every routine is suspended since 2026-11-30: you reported … Once a clinician has cleared
/// you, 'limber flag clear' resumes them."
std::string suspension_text(const std::vector<FlagRecord>& recorded);

}  // namespace limber
