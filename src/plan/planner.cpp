#include <limber/plan/planner.hpp>

#include <limber/catalog/catalog.hpp>
#include <limber/time/dates.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace limber {

// ---------------------------------------------------------------------------------------------
// Dose

Profile profile_of(const PlanRequest& request) {
    return Profile{request.level, request.constraints, request.equipment, request.age, request.allow_flexion,
                   request.floor_ok};
}

HoldRule hold_rule_for(const PlanRequest& request) {
    const bool older = request.age && *request.age >= 65;
    HoldRule rule;
    switch (request.level) {  // R5 start holds
    case Level::Beginner: rule.start_s = 15; break;
    case Level::Intermediate: rule.start_s = 20; break;
    case Level::Advanced: rule.start_s = 30; break;
    }
    if (older) rule.start_s = 30;                 // R1: 30–60 s at 65 and over
    rule.cap_s = older ? 60 : 30;                 // R5 cap
    if (auto cap = hold_cap_for(profile_of(request))) rule.cap_s = std::min(rule.cap_s, *cap);  // R9, R10, R28
    rule.start_s = std::min(rule.start_s, rule.cap_s);  // R26: the lowest cap wins, the start never above it
    return rule;
}

const std::vector<std::string>& safety_text() {
    static const std::vector<std::string> text = {
        "Breathe slowly all the way through; never hold your breath.",                 // R3
        "Move slowly and never bounce: bouncing makes the muscle tighten.",             // R4
        "Stretch to a feeling of mild tension, never pain; stop at any sharp pain.",    // R3
        "Emergency — numbness or tingling around the groin, genitals, buttocks or back passage, difficulty "
        "passing urine or new loss of bladder or bowel control, pain, numbness or weakness in both legs, leg "
        "weakness that gets worse, new sexual problems, back pain with chest pain or after a serious accident: "
        "stop, and go to an emergency department now or call your emergency number.",  // R27
        "Urgent, the same day — back pain with a fever, weight loss you cannot explain, a lump or swelling in the "
        "back, pain that rest does not ease or that is worse at night, pain made worse by coughing, sneezing or "
        "opening the bowels, pain between the shoulder blades, a fall or knock: call your doctor's surgery for an "
        "appointment today, or your urgent health line (111 in England).",  // R27
        "See a doctor soon, before stretching — a history of cancer, long-term steroids or a weakened immune "
        "system. 'limber flag add' records any red flag and holds your routines until a clinician has cleared "
        "you.",  // R27
    };
    return text;
}

StrengthDays strength_days_for(const Schedule& schedule) {
    StrengthDays days;
    const int per_week = schedule.days_per_week();
    if (per_week <= 2) {  // R8: at most 2 days a week, so every session may carry it
        days.kind = StrengthDays::Kind::Every;
        return days;
    }
    if (schedule.kind == ScheduleKind::PerWeek) {  // R23: the 1st and 3rd session of the week
        days.kind = StrengthDays::Kind::Ordinals;
        days.days = {1, 3};
        return days;
    }
    std::vector<unsigned> weekdays = schedule.weekdays;
    if (schedule.kind == ScheduleKind::Daily) weekdays = {1, 2, 3, 4, 5, 6, 0};
    std::sort(weekdays.begin(), weekdays.end(), [](unsigned a, unsigned b) { return (a + 6) % 7 < (b + 6) % 7; });
    // R23: as far apart around the week as the schedule allows; ties go to the earliest pair
    int best = -1;
    for (std::size_t i = 0; i < weekdays.size(); ++i)
        for (std::size_t j = i + 1; j < weekdays.size(); ++j) {
            const int apart = static_cast<int>((weekdays[j] + 7 - weekdays[i]) % 7);
            const int around = std::min(apart, 7 - apart);
            if (around > best) {
                best = around;
                days.days = {weekdays[i], weekdays[j]};
            }
        }
    days.kind = StrengthDays::Kind::Weekdays;
    return days;
}

std::string strength_days_label(const StrengthDays& days) {
    std::vector<std::string> names;
    switch (days.kind) {
    case StrengthDays::Kind::Weekdays:
        for (auto d : days.days) names.push_back(weekday_title(d));
        return join(names, " and ");
    case StrengthDays::Kind::Ordinals:
        for (auto d : days.days) names.push_back(d == 1 ? "1st" : d == 2 ? "2nd" : d == 3 ? "3rd" : fmt::format("{}th", d));
        return fmt::format("the {} session of each week", join(names, " and "));
    case StrengthDays::Kind::Every: return "every session";
    case StrengthDays::Kind::None: break;
    }
    return "no day";
}

std::vector<RoutineItem> items_on(const std::vector<RoutineItem>& items, bool strength_day) {
    std::vector<RoutineItem> out;
    for (const auto& item : items)
        if (item.on == DayPart::Every || (item.on == DayPart::StrengthDays) == strength_day) out.push_back(item);
    return out;
}

namespace {

// ---------------------------------------------------------------------------------------------
// The candidates, in the order the planner prefers them

/// Hamstring stretches, the ones kindest to the back first (R13, R21: the neutral-pelvis seated
/// stretch leads; the flexion-loaded ones come last and only on the user's word).
const std::vector<std::string_view> k_hamstrings = {
    "seated-knee-extension", "supine-strap", "heel-on-step", "standing-hamstring", "supine-hands-thigh",
    "seated-cushion-hamstring", "supine-leg-raise", "partner-hamstring", "heel-on-table", "extended-triangle",
    "one-leg-squat-hamstring", "seated-forward-fold", "standing-toe-touch"};
const std::vector<std::string_view> k_warmups = {"march-in-place", "seated-march"};
/// R26: the acute strain's isometric hamstring holds, on a chair, else lying with the knee bent.
const std::vector<std::string_view> k_heel_digs = {"seated-heel-dig", "supine-heel-dig"};
constexpr int k_strain_walk_max_s = 20 * 60;  // R26: gentle walking capped at about 10–20 minutes

/// R22: the other muscle groups a longer session is filled with, one stretch each.
struct Group {
    std::vector<std::string_view> stretches;
    std::string_view why;
};
const std::vector<Group> k_other_groups = {
    {{"standing-hip-flexor", "kneeling-hip-flexor"},
     "loosens the front of the hip, which otherwise tips the pelvis forward and arches the lower back"},
    {{"seated-figure-4"}, "eases tight buttock muscles, which pull on the pelvis and the lower back"},
    {{"standing-calf"}, "supple calves let the leg straighten fully in the hamstring stretches"},
    {{"standing-quad"}, "the front of the thigh balances the pelvis against the hamstrings"},
    {{"standing-adductor"}, "supple inner thighs let the pelvis move freely"},
};
const std::vector<std::string_view> k_releases = {"foam-roll-hamstrings", "ball-release"};

/// R23: the strength block, glutes and core first (seeds 002, 004).
const std::vector<std::string_view> k_glute_strength = {"glute-bridge", "sit-to-stand", "supported-hip-abduction",
                                                        "clamshell", "donkey-kick", "seated-knee-extension-hold"};
const std::vector<std::string_view> k_core_strength = {"dead-bug", "bird-dog", "plank", "cushion-squeeze"};
const std::vector<std::string_view> k_more_strength = {"wall-sit", "seated-knee-extension-hold", "clamshell",
                                                       "supported-hip-abduction", "sit-to-stand"};

constexpr int k_group_cap_s = 120;  // R22: per session and side

/// Where an exercise is done, from standing down to the floor, so a routine goes down once.
int position_rank(Position p) {
    switch (p) {
    case Position::Standing: return 0;
    case Position::SeatedChair: return 1;
    case Position::Kneeling: return 2;
    case Position::FloorSeated: return 3;
    case Position::FloorSupine: return 4;
    case Position::FloorSide: return 5;
    case Position::FloorProne: return 6;
    }
    return 7;
}

struct Chosen {
    const Exercise* exercise;
    RoutineItem item;
};

/// The safe exercises of the library for the request, and the judgement of each.
struct Safe {
    explicit Safe(const PlanRequest& request) : profile(profile_of(request)) {
        for (const auto& e : library()) {
            auto reasons = exclusion_reasons(e, profile);
            if (reasons.empty()) ok.push_back(&e);
            else unsafe.emplace(e.id, std::move(reasons));
        }
    }
    const Exercise* find(std::string_view id) const {
        for (const auto* e : ok)
            if (e->id == id) return e;
        return nullptr;
    }
    const Exercise* first(const std::vector<std::string_view>& ids, const std::vector<Chosen>& except = {}) const {
        for (auto id : ids)
            if (const auto* e = find(id);
                e && std::none_of(except.begin(), except.end(), [&](const Chosen& c) { return c.exercise == e; }))
                return e;
        return nullptr;
    }
    Profile profile;
    std::vector<const Exercise*> ok;
    std::map<std::string, std::vector<std::string>, std::less<>> unsafe;
};

bool back_sensitive(const Profile& p) { return has(p, Constraint::BackPain) || has(p, Constraint::Sciatica); }

/// R20: the exercise's own cautions and the constraint advice that applies to it, in plain words.
std::vector<std::string> cautions_for(const Exercise& e, const Profile& p) {
    std::vector<std::string> out;
    for (const auto& c : e.cautions)
        if (concerns(c, p)) out.push_back(c.text);  // R29: only those it concerns
    const bool hamstring = is_hamstring_stretch(e);
    const bool standing = e.position == Position::Standing && e.kind != Kind::Dynamic;
    if (hamstring && standing && back_sensitive(p))
        out.emplace_back("Keep the back flat and bend at the hips, not the waist.");
    if (hamstring && has(p, Constraint::Sciatica))
        out.emplace_back("Keep the foot relaxed (do not pull the toes up); stop if symptoms travel down the leg.");
    if (has(p, Constraint::Pregnant) && e.kind == Kind::Static)
        out.emplace_back("Pregnancy loosens the joints: stretch gently, never to the end of your range.");
    if (has(p, Constraint::Injured)) out.emplace_back("Stop if the injured area hurts.");
    // R29: the support it leaves free (one it holds itself says so in its own cues and cautions)
    if (e.position == Position::Standing && e.held.empty() && (needs_support(p) || e.flags.balance)) {
        std::vector<std::string> names;
        for (auto support : free_supports(e, p)) names.emplace_back(to_string(support));
        if (!names.empty()) out.push_back(fmt::format("Keep a hand on the {} the whole time.", or_list(names)));
    }
    if (has(p, Constraint::Osteoporosis)) out.emplace_back("Keep the spine long: no rounding or twisting.");
    if (has(p, Constraint::HipReplacement) && (hamstring || e.kind == Kind::Strength))
        out.emplace_back("Keep the hip bend under 90 degrees and the knees apart; your surgeon's precautions come first.");
    if (has(p, Constraint::Knee) && e.kind != Kind::Dynamic && (e.kind == Kind::Strength || targets(e, "quadriceps")))
        out.emplace_back("Keep the knee bend shallow and pain-free.");
    if (has(p, Constraint::Hypermobility) && e.kind == Kind::Static)
        out.emplace_back("Stop well short of the end of your range, even where it feels easy.");
    if (p.allow_flexion && e.flags.spinal_flexion_load)
        out.emplace_back("You chose to include this forward fold: bend the knees and come up slowly with a flat back.");
    return out;
}

/// Seconds of static stretching per side that `c` gives each of its targets (R2, R22).
int per_side_s(const RoutineItem& item) { return item.hold_s * item.reps * item.sets; }

/// R22: no group over 120 s a side, and no other group over the hamstrings' share.
bool within_caps(const std::vector<Chosen>& chosen) {
    std::map<std::string_view, int> seconds;
    for (const auto& c : chosen)
        if (c.exercise->kind == Kind::Static)
            for (const auto& t : c.exercise->targets) seconds[t] += per_side_s(c.item);
    const auto hamstrings = seconds.count("hamstrings") ? seconds["hamstrings"] : 0;
    for (const auto& [muscle, s] : seconds) {
        if (s > k_group_cap_s) return false;
        if (hamstrings > 0 && muscle != "hamstrings" && s > hamstrings) return false;
    }
    return true;
}

int phase_rank(Phase p) { return static_cast<int>(p); }

/// Phases in order. The warm-up and stretches go from standing down to the floor; the phases
/// after them start where the stretches ended (on the floor or up), so the user goes down once.
void order(std::vector<Chosen>& chosen) {
    std::stable_sort(chosen.begin(), chosen.end(), [](const Chosen& a, const Chosen& b) {
        if (a.item.phase != b.item.phase) return phase_rank(a.item.phase) < phase_rank(b.item.phase);
        return position_rank(a.exercise->position) < position_rank(b.exercise->position);
    });
    const auto later = std::find_if(chosen.begin(), chosen.end(),
                                    [](const Chosen& c) { return phase_rank(c.item.phase) > phase_rank(Phase::Stretch); });
    if (later == chosen.begin() || later == chosen.end()) return;
    const bool on_floor = is_floor(std::prev(later)->exercise->position);
    std::stable_sort(later, chosen.end(), [on_floor](const Chosen& a, const Chosen& b) {
        if (a.item.phase != b.item.phase) return phase_rank(a.item.phase) < phase_rank(b.item.phase);
        const bool a_stays = is_floor(a.exercise->position) == on_floor;
        const bool b_stays = is_floor(b.exercise->position) == on_floor;
        if (a_stays != b_stays) return a_stays;
        return position_rank(a.exercise->position) < position_rank(b.exercise->position);
    });
}

/// R21: a forward fold the person opted in to comes after the safest hamstring stretch, even where
/// it stands higher (a standing toe touch before a seated stretch).
void fold_after_safest(std::vector<Chosen>& chosen) {
    const auto safest = std::find_if(chosen.begin(), chosen.end(), [](const Chosen& c) {
        return is_hamstring_stretch(*c.exercise) && !c.exercise->flags.spinal_flexion_load;
    });
    if (safest == chosen.end()) return;
    std::stable_partition(chosen.begin(), safest + 1,
                          [](const Chosen& c) { return !c.exercise->flags.spinal_flexion_load; });
}

std::vector<RoutineItem> items_of(std::vector<Chosen> chosen) {
    order(chosen);
    fold_after_safest(chosen);
    std::vector<RoutineItem> items;
    items.reserve(chosen.size());
    for (auto& c : chosen) items.push_back(std::move(c.item));
    return items;
}

/// The seconds of a session of `chosen`, by the timing model `start` runs (timing.hpp).
int seconds_of(const std::vector<Chosen>& chosen, const Timing& timing) { return estimate_seconds(items_of(chosen), timing); }

class Builder {
public:
    Builder(const PlanRequest& request, const Safe& safe, int hold_s, const Timing& timing)
        : m_request(request), m_safe(safe), m_hold(hold_s), m_timing(timing), m_budget(request.minutes * 60) {}

    /// What every item of `e` starts from: its id, phase, sides, and its cautions for this person (R20).
    RoutineItem item_for(const Exercise& e, Phase phase, std::string why, std::string rule) const {
        RoutineItem item;
        item.exercise = e.id;
        item.phase = phase;
        item.sided = e.sided;
        item.why = std::move(why);
        item.rule = std::move(rule);
        item.cautions = cautions_for(e, m_safe.profile);
        return item;
    }

    Chosen stretch(const Exercise& e, std::string why, std::string rule) const {
        RoutineItem item = item_for(e, Phase::Stretch, std::move(why), std::move(rule));
        item.hold_s = m_hold;
        item.reps = reps_for_hold(m_hold);  // R2
        item.rest_s = 10;
        return {&e, item};
    }

    Chosen warmup(const Exercise& e, int seconds, bool walking) const {
        const bool seated = e.position == Position::SeatedChair;
        RoutineItem item = item_for(
            e, Phase::Warmup,
            walking ? (seated ? "gentle movement keeps a strained muscle moving while it heals, without stretching it"
                              : "gentle walking keeps a strained muscle moving while it heals, without stretching it")
            : seated
                ? "warms the leg muscles without standing up, so they stretch further with less strain"
                : "warms the leg muscles, so they stretch further with less strain",
            walking ? "R11" : "R7");
        item.hold_s = seconds;
        return {&e, item};
    }

    Chosen strength(const Exercise& e, int sets) const {
        RoutineItem item = item_for(e, Phase::Strength, "", "R23");
        if (e.dose.hold_s >= 15) {  // a held exercise (plank, wall sit): three holds
            item.hold_s = e.dose.hold_s;
            item.reps = sets >= 3 ? 3 : 1;
            item.rest_s = 20;
        } else if (e.dose.hold_s > 0) {  // short isometric holds, ten of them
            item.hold_s = e.dose.hold_s;
            item.reps = 10;
            item.rest_s = 5;
        } else {  // R8: 3 sets of 10 (1 set under 15 minutes, R23)
            item.reps = e.dose.reps;
            item.sets = sets;
            item.rest_s = sets > 1 ? 30 : 0;
        }
        if (targets(e, "hamstrings") && e.dose.hold_s > 0) {
            item.why = "a gentle, pain-free contraction helps a strained hamstring heal without stretching it";
            item.rule = "R26";
        } else if (e.targets.front() == "glutes") {
            item.why = "strong buttock muscles hold the pelvis steady and take load off the lower back";
        } else if (targets(e, "core")) {
            item.why = "a strong trunk supports the lower back";
        } else {
            item.why = "strong thighs make getting up and down easier on the back";
        }
        return {&e, item};
    }

    std::optional<Chosen> release() const {
        const Exercise* e = m_safe.first(k_releases);
        if (!e) return std::nullopt;
        RoutineItem item = item_for(*e, Phase::Cooldown, "gentle pressure relaxes the hamstrings at the end", "R22");
        item.hold_s = e->dose.hold_s;
        item.reps = 1;
        return Chosen{e, item};
    }

    /// The dynamic hamstring warm-up (R4, R7), when it is safe.
    std::optional<Chosen> leg_swings() const {
        const Exercise* e = m_safe.find("leg-swings");
        if (!e) return std::nullopt;
        RoutineItem item = item_for(
            *e, Phase::Warmup, "loosens the hamstrings with slow, controlled movement before they are stretched", "R7");
        item.reps = e->dose.reps;
        item.sets = e->dose.sets;
        return Chosen{e, item};
    }

    int seconds(const std::vector<Chosen>& chosen) const { return seconds_of(chosen, m_timing); }
    bool over(int s) const { return s * 10 > m_budget * 11; }
    bool short_of(int s) const { return s * 10 < m_budget * 9; }

    /// Greedy fill (R22): each filler that keeps the caps and the budget joins; then extra rounds
    /// of stretches whose groups still have room; then the warm-up length that lands nearest.
    void fill(std::vector<Chosen>& chosen, const std::vector<Chosen>& fillers) const {
        std::optional<std::size_t> warm;  // the timed warm-up (march), whose length is the last knob
        for (std::size_t i = 0; i < chosen.size(); ++i)
            if (chosen[i].item.phase == Phase::Warmup && chosen[i].item.hold_s > 0) warm = i;
        if (warm) chosen[*warm].item.hold_s = 60;  // R7: a minute of warm-up while the stretches are chosen
        for (const auto& f : fillers) {
            chosen.push_back(f);
            if (!within_caps(chosen) || over(seconds(chosen))) chosen.pop_back();
        }
        for (auto& c : chosen) {
            if (c.exercise->kind != Kind::Static || !short_of(seconds(chosen))) continue;
            ++c.item.sets;
            if (!within_caps(chosen) || over(seconds(chosen))) --c.item.sets;
        }
        if (!warm) return;
        // R7: a minute or more of warm-up when the time allows; then nearest the budget
        int best_w = 30, best_key = INT_MAX;
        for (int w : {30, 60, 90, 120}) {
            chosen[*warm].item.hold_s = w;
            const int s = seconds(chosen);
            const int key = (over(s) ? 1'000'000 : 0) + (w < 60 && !over(s) ? 1000 : 0) + std::abs(s - m_budget);
            if (key < best_key) best_key = key, best_w = w;
        }
        chosen[*warm].item.hold_s = best_w;
    }

    const PlanRequest& m_request;
    const Safe& m_safe;
    int m_hold;
    const Timing& m_timing;
    int m_budget;
};

std::string exercise_name(std::string_view id) {
    const Exercise* e = find_exercise(id);
    return e ? to_lower(e->name) : std::string(id);
}

/// R19: equipment that would let a hamstring stretch in, one item first, then two.
std::vector<Unlock> unlocks_for(const PlanRequest& request) {
    std::vector<Unlock> out;
    auto try_with = [&](std::vector<Equipment> extra) {
        PlanRequest more = request;
        for (auto e : extra) more.equipment.push_back(e);
        const Profile profile = profile_of(more);
        Unlock unlock{extra, {}};
        for (auto id : k_hamstrings)
            if (const Exercise* e = find_exercise(id); e && exclusion_reasons(*e, profile).empty())
                unlock.exercises.emplace_back(id);
        if (!unlock.exercises.empty()) out.push_back(std::move(unlock));
    };
    std::vector<Equipment> missing;
    for (auto e : all_equipment())
        if (std::find(request.equipment.begin(), request.equipment.end(), e) == request.equipment.end())
            missing.push_back(e);
    for (auto e : missing) try_with({e});
    if (out.empty())
        for (std::size_t i = 0; i < missing.size(); ++i)
            for (std::size_t j = i + 1; j < missing.size(); ++j) try_with({missing[i], missing[j]});
    return out;
}

std::string unlock_text(const PlanRequest& request, const std::vector<Unlock>& unlocks) {
    std::vector<std::string> parts;
    for (const auto& u : unlocks) {
        std::vector<std::string> kit, names;
        for (auto e : u.equipment) kit.push_back(fmt::format("a {}", to_string(e)));
        for (const auto& id : u.exercises) names.push_back(exercise_name(id));
        parts.push_back(fmt::format("with {}: the {}", join(kit, " and "), and_list(names)));
    }
    std::vector<std::string> first;
    for (auto e : request.equipment) first.emplace_back(to_string(e));
    for (auto e : unlocks.front().equipment) first.emplace_back(to_string(e));
    return fmt::format("no hamstring stretch is safe with the equipment given, and stretching the hamstrings is "
                       "what this routine is for: {}. If you have one, plan again with it added to --equipment "
                       "(--equipment {}).",
                       join(parts, "; "), join(first, ","));
}

/// R11, R26: what the first days of a strain are, in the words of the person's routine: seated
/// marching for seated-only, and the heel digs that are safe (on a chair, or lying down).
std::string acute_strain_warning(const Profile& profile) {
    const auto safe = [&](std::string_view id) {
        const Exercise* e = find_exercise(id);
        return e && exclusion_reasons(*e, profile).empty();
    };
    const std::string movement = has(profile, Constraint::SeatedOnly) ? "gentle seated marching" : "gentle walking";
    const std::string digs = safe("seated-heel-dig")   ? " and pain-free heel digs on a chair"
                             : safe("supine-heel-dig") ? " and pain-free heel digs (lying on your back, knee bent, "
                                                         "the heel pressed into the floor)"
                                                       : "";
    const std::string no_digs = is_oldest(profile) && !profile.floor_ok
                                    ? " (heel digs need a chair, or lying on the floor with --floor-ok if you can get "
                                      "down and up again safely)"
                                    : " (heel digs need a chair, or lying on the floor)";
    return fmt::format("acute-strain: no hamstring stretching for now; only {}{}{}. Ice several times a day and "
                       "rest. See a doctor within days after a pop, large bruising or a limp, or if it is not better "
                       "in a few days.",
                       movement, digs, digs.empty() ? no_digs : "");
}

/// The advice for the person, most urgent first (R9–R14, R26, R28); schedule and time follow.
std::vector<std::string> constraint_warnings(const PlanRequest& request, const Profile& profile) {
    std::vector<std::string> w;
    if (request.age && *request.age < 16) w.push_back(child_advice());  // R26: first
    if (has(profile, Constraint::Pregnant))
        w.push_back("pregnant: stretch gently and never to the end of your range (pregnancy loosens the joints); "
                    "hold something steady when standing. Stop and call your midwife or doctor on bleeding, "
                    "dizziness, chest pain, calf pain or swelling, contractions, fluid leaking, or the baby "
                    "moving less.");
    if (has(profile, Constraint::Injured))  // R19: an injured hamstring itself is planned as an acute strain
        w.push_back(has(profile, Constraint::AcuteStrain)
                        ? "injured: gentle standing and chair exercises only; rest an injured hamstring tendon and "
                          "stop if the injury hurts."
                        : "injured: gentle standing and chair exercises only; rest an injured hamstring tendon and "
                          "stop if the injury hurts. If it is a hamstring you have injured, do not stretch it: plan "
                          "with --constraint acute-strain for its first days instead.");
    if (has(profile, Constraint::AcuteStrain)) w.push_back(acute_strain_warning(profile));
    if (back_sensitive(profile))
        w.push_back("back: keep the back flat and hinge at the hips; no toe touches or forward folds.");
    if (has(profile, Constraint::Sciatica))
        w.push_back("sciatica: keep the foot relaxed (do not pull the toes up) and stop if symptoms travel down "
                    "the leg.");
    if (has(profile, Constraint::Osteoporosis))
        w.push_back("osteoporosis: no bending forward under load and no twisting; hold something steady when "
                    "standing. Strength and standing work help the bones most.");
    if (has(profile, Constraint::HipReplacement))
        w.push_back("hip-replacement: no bending the hip past 90 degrees, no crossing the legs and no turning the "
                    "knee in, usually for the first 6–12 weeks; follow your surgeon's own precautions first (an "
                    "anterior approach has others).");
    if (has(profile, Constraint::Knee))
        w.push_back("knee: no kneeling and no deep knee bends; keep every bend shallow and pain-free.");
    if (has(profile, Constraint::Hypermobility))
        w.push_back("hypermobility: stretch gently and never to the end of your range; holds stay at 20 s or less. "
                    "Strength work steadies loose joints more than stretching does.");
    if (has(profile, Constraint::SeatedOnly))
        w.push_back("seated-only: every exercise is done sitting on a sturdy chair without wheels.");
    if (!request.age)
        w.push_back("age: this plan assumes an adult under 65; plan with --age YEARS for the holds and falls "
                    "advice of your age.");
    else if (*request.age >= 65)
        w.push_back(fmt::format(
            "falls: at {} the routine has no balance challenges and every standing exercise is done holding a "
            "chair or a wall{}. Clear the floor around you and wear shoes that grip.",
            *request.age,
            *request.age >= 80 && !request.floor_ok
                ? "; it stays off the floor (plan with --floor-ok if you can get down and up safely)"
                : ""));
    if (request.allow_flexion) {
        const auto refused = flexion_refused_by(profile);
        if (!refused.empty())
            w.push_back(fmt::format("--allow-flexion is ignored with {}: forward folds load the lower back's discs.",
                                    join(refused, ", ")));
    }
    if (request.schedule.days_per_week() < 3)
        w.push_back(fmt::format(
            "schedule: {} day{} a week does not keep flexibility gains; a few minutes every day works best.",
            request.schedule.days_per_week(), request.schedule.days_per_week() == 1 ? "" : "s"));
    return w;
}

/// R7, R29: why a routine has no warm-up, and the equipment that would give it one.
std::string warmup_warning(const PlanRequest& request) {
    std::vector<std::string> kit;
    for (auto e : all_equipment()) {
        if (std::find(request.equipment.begin(), request.equipment.end(), e) != request.equipment.end()) continue;
        PlanRequest more = request;
        more.equipment.push_back(e);
        const Profile p = profile_of(more);
        if (std::any_of(k_warmups.begin(), k_warmups.end(), [&](std::string_view id) {
                return exclusion_reasons(*find_exercise(id), p).empty();
            }))
            kit.push_back(fmt::format("a {}", to_string(e)));
    }
    return fmt::format("warm-up: no warm-up is safe with this equipment (marching needs something to hold{}){}; "
                       "start each stretch gently.",
                       has(profile_of(request), Constraint::SeatedOnly) ? ", the seated march a chair" : "",
                       kit.empty() ? std::string{} : fmt::format("; with {} there would be one", or_list(kit)));
}

struct Fitted {
    std::vector<Chosen> plain;
    std::optional<std::vector<Chosen>> strength;  ///< the strength-day session, when it fits
    bool strength_fits = false;                   ///< the strength block is in (on its days, or every session)
    bool strength_too_long = false;               ///< the schedule asks for it, but it does not fit the minutes
    bool no_strength_safe = false;                ///< the schedule asks for it, but no strength exercise is safe
};

/// The acute strain's routine (R11, R26): gentle walking (seated marching for seated-only) and
/// the heel digs, every day.
Fitted acute_strain(const Builder& b) {
    Fitted f;
    if (const Exercise* walk = b.m_safe.first(k_warmups)) f.plain.push_back(b.warmup(*walk, 60, true));
    if (const Exercise* digs = b.m_safe.first(k_heel_digs)) f.plain.push_back(b.strength(*digs, 1));
    if (!f.plain.empty() && f.plain.front().item.phase == Phase::Warmup) {
        // the walk takes what the heel digs leave of the minutes, at least a minute and at most
        // twenty (R26: not the whole budget), in whole half-minutes
        f.plain.front().item.hold_s = 0;
        const int rest = b.seconds(f.plain);
        f.plain.front().item.hold_s = std::clamp((b.m_budget - rest) / 30 * 30, 60, k_strain_walk_max_s);
    }
    return f;
}

Fitted fit(const Builder& b, const StrengthDays& days) {
    const Safe& safe = b.m_safe;
    if (has(safe.profile, Constraint::AcuteStrain)) return acute_strain(b);
    const bool back = back_sensitive(safe.profile);
    std::vector<Chosen> core;
    if (const Exercise* warm = safe.first(k_warmups)) core.push_back(b.warmup(*warm, 60, false));
    std::vector<const Exercise*> hamstrings;
    for (auto id : k_hamstrings)
        if (const Exercise* e = safe.find(id)) hamstrings.push_back(e);
    // R21: a person who opts in to forward folds, where the opt-in holds, gets one beside the
    // safest stretch, which stays first
    if (safe.profile.allow_flexion && hamstrings.size() > 2)
        if (auto fold = std::find_if(hamstrings.begin() + 1, hamstrings.end(),
                                     [](const Exercise* e) { return e->flags.spinal_flexion_load; });
            fold != hamstrings.end())
            std::rotate(hamstrings.begin() + 1, fold, fold + 1);
    const auto hamstring_why = [&](const Exercise& e) {
        return back && !e.flags.spinal_flexion_load && e.position != Position::FloorSeated &&
                       (e.id == "seated-knee-extension" || e.id == "supine-strap" || e.id == "heel-on-step")
                   ? std::string("lengthens tight hamstrings with the back kept neutral, the kindest way for a sore "
                                 "back, so the pelvis can sit level")
                   : std::string("lengthens tight hamstrings, so the pelvis can sit level and the lower back "
                                 "carries less strain");
    };
    if (!hamstrings.empty()) core.push_back(b.stretch(*hamstrings.front(), hamstring_why(*hamstrings.front()), "R19"));

    std::vector<Chosen> fillers;  // R22: variety before volume
    if (hamstrings.size() > 1) fillers.push_back(b.stretch(*hamstrings[1], hamstring_why(*hamstrings[1]), "R19"));
    for (const auto& g : k_other_groups)
        if (const Exercise* e = safe.first(g.stretches)) fillers.push_back(b.stretch(*e, std::string(g.why), "R22"));
    if (auto swings = b.leg_swings()) fillers.push_back(*swings);
    if (auto r = b.release()) fillers.push_back(*r);

    Fitted f;
    f.plain = core;
    b.fill(f.plain, fillers);

    // R23: the strength block, 3 sets from 15 minutes, 1 set under
    const int sets = b.m_request.minutes >= 15 ? 3 : 1;
    std::vector<Chosen> block;
    if (const Exercise* g = safe.first(k_glute_strength)) block.push_back(b.strength(*g, sets));
    if (const Exercise* c = safe.first(k_core_strength, block)) block.push_back(b.strength(*c, sets));
    if (block.size() < 2 || b.m_request.minutes >= 30)
        if (const Exercise* m = safe.first(k_more_strength, block)) block.push_back(b.strength(*m, sets));
    if (days.kind == StrengthDays::Kind::None) return f;
    if (block.empty()) {
        f.no_strength_safe = true;
        return f;
    }

    // A strength day is the same session with the block, less the stretches added last to fill
    // the time (never other doses of the same ones), then a shorter warm-up.
    std::vector<Chosen> with = f.plain;
    with.insert(with.end(), block.begin(), block.end());
    std::vector<Chosen> removed;
    for (std::size_t i = f.plain.size(); i > core.size() && b.over(b.seconds(with)); --i) {
        const auto at = std::find_if(with.begin(), with.end(), [&](const Chosen& c) {
            return c.item.exercise == f.plain[i - 1].item.exercise && c.item.phase == f.plain[i - 1].item.phase;
        });
        if (at != with.end()) {
            removed.insert(removed.begin(), *at);
            with.erase(at);
        }
    }
    // a smaller one taken out on the way may fit again, then the fillers the other days did not need
    std::vector<Chosen> more = removed;
    for (const auto& filler : fillers)
        if (std::none_of(f.plain.begin(), f.plain.end(), [&](const Chosen& c) { return c.exercise == filler.exercise; }))
            more.push_back(filler);
    for (const auto& m : more) {
        if (!b.short_of(b.seconds(with))) break;
        with.push_back(m);
        if (!within_caps(with) || b.over(b.seconds(with))) with.pop_back();
    }
    for (auto& c : with)  // last, a longer warm-up
        if (c.item.phase == Phase::Warmup && c.item.hold_s > 0)
            while (c.item.hold_s < 120 && b.short_of(b.seconds(with))) c.item.hold_s += 30;
    // still over: one round of each stretch, then a shorter warm-up
    for (auto& c : with)
        if (c.item.phase == Phase::Stretch && c.item.sets > 1 && b.over(b.seconds(with))) c.item.sets = 1;
    for (int shorter : {60, 30})
        for (auto& c : with)
            if (c.item.phase == Phase::Warmup && c.item.hold_s > shorter && b.over(b.seconds(with))) c.item.hold_s = shorter;
    if (b.over(b.seconds(with))) {
        f.strength_too_long = true;
        return f;
    }
    f.strength_fits = true;
    if (days.kind == StrengthDays::Kind::Every) f.plain = with;
    else f.strength = with;
    return f;
}

Plan plan_with(const PlanRequest& request, int hold_s, const Timing& timing) {
    const Safe safe(request);
    const Builder builder(request, safe, hold_s, timing);
    Plan plan;
    plan.hold_s = hold_s;
    StrengthDays days = strength_days_for(request.schedule);
    Fitted fitted = fit(builder, days);

    // One list of items, each marked with the days it is on.
    std::vector<Chosen> all;
    if (fitted.strength && days.kind != StrengthDays::Kind::Every) {
        const auto same = [](const Chosen& a, const Chosen& b) {
            return a.item.exercise == b.item.exercise && a.item.phase == b.item.phase && a.item.sets == b.item.sets &&
                   a.item.reps == b.item.reps && a.item.hold_s == b.item.hold_s;
        };
        for (auto c : fitted.plain) {
            const bool both = std::any_of(fitted.strength->begin(), fitted.strength->end(),
                                          [&](const Chosen& s) { return same(s, c); });
            c.item.on = both ? DayPart::Every : DayPart::OtherDays;
            all.push_back(c);
        }
        for (auto c : *fitted.strength)
            if (std::none_of(fitted.plain.begin(), fitted.plain.end(), [&](const Chosen& p) { return same(p, c); })) {
                c.item.on = DayPart::StrengthDays;
                all.push_back(c);
            }
    } else {
        all = fitted.plain;
        if (!fitted.strength_fits) days = {};
    }
    plan.items = items_of(all);
    plan.strength = days;
    plan.estimated_s = estimate_seconds(items_on(plan.items, false), timing);
    if (days.some())
        plan.strength_day_s = estimate_seconds(items_on(plan.items, true), timing);
    else if (days.kind == StrengthDays::Kind::Every)
        plan.strength_day_s = plan.estimated_s;

    // Why the others are not in it.
    std::set<std::string> in_routine;
    for (const auto& item : plan.items) in_routine.insert(item.exercise);
    const bool hamstrings_in = std::any_of(plan.items.begin(), plan.items.end(), [](const RoutineItem& i) {
        const Exercise* e = find_exercise(i.exercise);
        return e && is_hamstring_stretch(*e);
    });
    for (const auto& e : library()) {
        if (in_routine.count(e.id)) continue;
        if (auto it = safe.unsafe.find(e.id); it != safe.unsafe.end()) {
            plan.excluded.push_back({e.id, it->second});
            continue;
        }
        std::string why;
        if (is_hamstring_stretch(e) && hamstrings_in)
            why = "variety: the hamstrings already get their stretching in this routine";
        else if (e.kind == Kind::Strength && plan.strength.kind == StrengthDays::Kind::None)
            why = "time: the strength work does not fit these minutes";
        else if (e.kind == Kind::Strength)
            why = "variety: the strength block already has its exercises";
        else if (has(safe.profile, Constraint::AcuteStrain))
            why = "acute-strain: not part of the first days after a strain";
        else
            why = fmt::format("time: not needed to fill {} minutes", request.minutes);
        plan.excluded.push_back({e.id, {why}});
    }

    plan.warnings = constraint_warnings(request, safe.profile);
    if (!hamstrings_in && !has(safe.profile, Constraint::AcuteStrain)) {
        plan.unlock = unlocks_for(request);
        if (!plan.unlock.empty()) plan.warnings.push_back(unlock_text(request, plan.unlock));
        else plan.warnings.push_back("no hamstring stretch is safe for these constraints; the routine keeps to what is.");
    }
    if (plan.strength.some())
        plan.warnings.push_back(fmt::format("strength: {} add{} core and buttock strength work after the stretches.",
                                            strength_days_label(plan.strength),
                                            plan.strength.kind == StrengthDays::Kind::Weekdays ? "" : "s"));
    if (fitted.strength_too_long) {
        // the fewest minutes whose plan has the strength days: a suggestion that fixes it (R24)
        std::optional<int> needs;
        for (int m = request.minutes + 1; m <= 60 && !needs; ++m) {
            PlanRequest more = request;
            more.minutes = m;
            if (fit(Builder(more, safe, hold_s, timing), strength_days_for(request.schedule)).strength_fits) needs = m;
        }
        const std::string on = strength_days_label(strength_days_for(request.schedule));
        plan.warnings.push_back(
            needs ? fmt::format("strength: core and buttock strength work does not fit {} minutes; plan with --minutes "
                                "{} or more to include it on {}.",
                                request.minutes, *needs, on)
                  : fmt::format("strength: core and buttock strength work does not fit {} minutes at {} s holds.",
                                request.minutes, hold_s));
    }
    if (fitted.no_strength_safe) {
        const bool support = std::find(request.equipment.begin(), request.equipment.end(), Equipment::Chair) !=
                                 request.equipment.end() &&
                             std::find(request.equipment.begin(), request.equipment.end(), Equipment::Wall) !=
                                 request.equipment.end();
        plan.warnings.push_back(fmt::format("strength: no strength exercise of the library is safe for these "
                                            "constraints and this equipment{}.",
                                            support ? "" : "; a chair and a wall let the chair and standing ones in"));
    }
    const int budget = request.minutes * 60;
    const int longest = std::max(plan.estimated_s, plan.strength_day_s);
    const int shortest = plan.strength_day_s > 0 ? std::min(plan.estimated_s, plan.strength_day_s) : plan.estimated_s;
    const bool strain = has(safe.profile, Constraint::AcuteStrain);
    if (shortest * 10 < budget * 9 && strain && !plan.items.empty())
        plan.warnings.push_back(fmt::format(
            "time: in the first days of a strain {} is kept to about 20 minutes, not the whole time, so the routine "
            "takes about {} of the {} minutes asked.",
            has(safe.profile, Constraint::SeatedOnly) ? "the gentle movement" : "the gentle walking",
            format_duration(shortest), request.minutes));  // R26
    else if (shortest * 10 < budget * 9 && !plan.items.empty())
        plan.warnings.push_back(fmt::format(
            "time: about {} of {} minutes is all the safe stretching that helps here; more of the same stretches "
            "adds little, so the routine is shorter instead.",
            format_duration(shortest), request.minutes));
    else if (longest * 10 > budget * 11)
        plan.warnings.push_back(fmt::format(
            "time: a warm-up and one hamstring stretch at {} s holds take about {}, more than the {} minutes asked "
            "for; plan with --minutes {}.",
            hold_s, format_duration(longest), request.minutes, (longest + 59) / 60));
    if (has(safe.profile, Constraint::AcuteStrain)) plan.review_after_days = 5;  // R26
    if (!plan.items.empty() && !strain && std::none_of(plan.items.begin(), plan.items.end(), [](const RoutineItem& i) {
            return i.phase == Phase::Warmup;
        }))
        plan.warnings.push_back(warmup_warning(request));  // R7: said, never silently left out
    return plan;
}

}  // namespace

Plan make_plan(const PlanRequest& request, const Timing& timing) {
    return plan_with(request, hold_rule_for(request).start_s, timing);
}

Plan plan_at_hold(const PlanRequest& request, int hold_s, const Timing& timing) {
    return plan_with(request, hold_s, timing);
}

const std::string& child_advice() {
    static const std::string text = "under 16: back pain in a child or a young teenager should be seen by a doctor "
                                    "before any exercise plan; show them this routine.";  // NICE NG59 covers 16 and over
    return text;
}

bool seated_only(const PlanRequest& request) {
    return std::find(request.constraints.begin(), request.constraints.end(), Constraint::SeatedOnly) !=
           request.constraints.end();
}

std::string strain_review_test(const PlanRequest& request) {
    return seated_only(request) ? "seated marching and heel digs" : "walking and heel digs";
}

std::string strain_review_option(const PlanRequest& request) {
    std::vector<std::string> names = {"none"};  // R31: only none drops a constraint, so name all that stay
    bool injured = false;
    for (auto c : request.constraints) {
        if (c == Constraint::AcuteStrain) continue;
        injured = injured || c == Constraint::Injured;
        names.emplace_back(to_string(c));
    }
    if (!injured) names.emplace_back(to_string(Constraint::Injured));
    return "--constraint " + join(names, ",");
}

std::string ways_to_a_routine(const PlanRequest& request) {
    const auto makes_one = [](const PlanRequest& r) { return !make_plan(r).items.empty(); };
    std::vector<std::string> ways;
    std::vector<Equipment> missing;
    for (auto e : all_equipment())
        if (std::find(request.equipment.begin(), request.equipment.end(), e) == request.equipment.end())
            missing.push_back(e);
    for (auto e : missing) {
        PlanRequest more = request;
        more.equipment.push_back(e);
        if (makes_one(more)) ways.push_back(fmt::format("a {}", to_string(e)));
    }
    std::string text;
    if (!ways.empty())
        text = fmt::format("with {} there would be one (add it to --equipment)", or_list(ways));
    if (request.age && *request.age >= 80 && !request.floor_ok) {
        PlanRequest floor = request;
        floor.floor_ok = true;
        if (makes_one(floor))
            text += fmt::format("{}with --floor-ok, if you can get down to the floor and up again safely",
                                text.empty() ? "" : ", or ");
    }
    return text;
}

}  // namespace limber
