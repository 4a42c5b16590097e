#include <limber/plan/planner.hpp>

#include <limber/catalog/catalog.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace limber {

// ---------------------------------------------------------------------------------------------
// R15 red flags

std::string_view to_string(Symptom symptom) {
    switch (symptom) {
    case Symptom::SaddleNumbness: return "saddle-numbness";
    case Symptom::BladderBowel: return "bladder-bowel";
    case Symptom::BothLegs: return "both-legs";
    case Symptom::ProgressiveWeakness: return "progressive-weakness";
    }
    return {};
}

const std::vector<Symptom>& all_symptoms() {
    static const std::vector<Symptom> all = {Symptom::SaddleNumbness, Symptom::BladderBowel,
                                             Symptom::BothLegs, Symptom::ProgressiveWeakness};
    return all;
}

std::optional<Symptom> parse_symptom(std::string_view text) {
    for (auto s : all_symptoms())
        if (to_string(s) == text) return s;
    return std::nullopt;
}

void stop_on_red_flags(const std::vector<Symptom>& symptoms) {
    if (symptoms.empty()) return;
    std::vector<std::string> described;
    for (auto s : symptoms) {
        switch (s) {
        case Symptom::SaddleNumbness: described.emplace_back("numbness around the groin or buttocks"); break;
        case Symptom::BladderBowel: described.emplace_back("new bladder or bowel trouble"); break;
        case Symptom::BothLegs: described.emplace_back("symptoms in both legs"); break;
        case Symptom::ProgressiveWeakness: described.emplace_back("leg weakness that is getting worse"); break;
        }
    }
    throw SafetyStop(
        fmt::format("{} can mean pressure on the nerves of the lower spine: no routine was made; "
                    "get urgent medical care today",
                    join(described, " and ")),
        "do not stretch until a doctor has seen you; if you cannot reach your doctor now, go to "
        "an emergency department or call emergency services");
}

// ---------------------------------------------------------------------------------------------
// Dose

Profile profile_of(const PlanRequest& request) {
    return Profile{request.level, request.constraints, request.equipment};
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
    if (auto cap = hold_cap_for(profile_of(request))) rule.cap_s = std::min(rule.cap_s, *cap);  // R9, R10
    rule.start_s = std::min(rule.start_s, rule.cap_s);
    return rule;
}

std::vector<RoutineItem> items_at_hold(const std::vector<RoutineItem>& items, int hold_s) {
    std::vector<RoutineItem> out = items;
    for (auto& item : out) {
        const Exercise* e = find_exercise(item.exercise);
        if (!e || e->kind != Kind::Static || item.hold_s <= 0) continue;
        item.reps = std::min(item.reps, reps_for_hold(hold_s));  // R2 at every hold
        item.hold_s = hold_s;
    }
    return out;
}

const std::vector<std::string>& safety_text() {
    static const std::vector<std::string> text = {
        "Breathe slowly all the way through; never hold your breath (R3).",
        "Move slowly and never bounce: bouncing makes the muscle tighten (R4).",
        "Stretch to a feeling of mild tension, never pain; stop at any sharp pain (R3).",
        "Red flags — numbness around the groin or buttocks, new bladder or bowel trouble, "
        "symptoms in both legs, leg weakness that gets worse: stop and get urgent medical care (R15).",
    };
    return text;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Candidates

/// Hamstring stretches, the ones kindest to the back first (R13 prefers the first three).
const std::vector<std::string> k_hamstring_order = {
    "seated-knee-extension", "supine-strap", "heel-on-step", "standing-hamstring",
    "supine-leg-raise", "heel-on-table", "partner-hamstring", "extended-triangle",
    "one-leg-squat-hamstring", "seated-forward-fold", "standing-toe-touch"};
const std::vector<std::string> k_hip_flexor_order = {"standing-hip-flexor", "kneeling-hip-flexor"};
const std::vector<std::string> k_strength_order = {"glute-bridge", "clamshell", "plank", "donkey-kick"};
const std::vector<std::string> k_release_order = {"foam-roll-hamstrings", "ball-release"};

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

int phase_rank(Phase p) { return static_cast<int>(p); }

struct Candidate {
    const Exercise* exercise;
    Phase phase;
    std::string why;
};

struct Selection {
    std::vector<Candidate> priority;        ///< in the order they are added to fill time
    std::size_t minimum = 1;                ///< the first `minimum` are the required structure
    std::map<std::string, std::string> left_out;  ///< exercise -> reason, beyond the rules
};

Selection select(const PlanRequest& request) {
    const Profile profile = profile_of(request);
    const bool back = has(profile, Constraint::BackPain) || has(profile, Constraint::Sciatica);
    const bool strength_allowed = request.schedule.days_per_week() <= 2;  // R8
    auto safe = [&](const std::string& id) {
        const Exercise* e = find_exercise(id);
        return e && exclusion_reasons(*e, profile).empty() ? e : nullptr;
    };

    Selection s;
    std::vector<Candidate> hamstrings, alternates;
    // the first safe exercise of `ids` joins the priority list; the others wait as alternates
    auto first_then_alternates = [&](const std::vector<std::string>& ids, Phase phase, const char* why) {
        bool taken = false;
        for (const auto& id : ids)
            if (const auto* e = safe(id)) {
                (taken ? alternates : s.priority).push_back({e, phase, why});
                taken = true;
            }
    };
    if (const auto* march = safe("march-in-place"))
        s.priority.push_back({march, Phase::Warmup,
                              has(profile, Constraint::AcuteStrain)
                                  ? "walking in place: the gentle movement a fresh strain allows (R11)"
                                  : "warm-up first: muscles stretch better warm (R7)"});
    for (const auto& id : k_hamstring_order)
        if (const auto* e = safe(id)) {
            const bool preferred = back && (id == "seated-knee-extension" || id == "supine-strap" || id == "heel-on-step");
            hamstrings.push_back({e, Phase::Stretch,
                                  preferred ? "hamstring stretch with a neutral back, preferred with back pain (R13)"
                                            : "hamstring stretch"});
        }
    const std::size_t required_hamstrings = std::min<std::size_t>(2, hamstrings.size());
    for (std::size_t i = 0; i < required_hamstrings; ++i) s.priority.push_back(hamstrings[i]);
    s.minimum = s.priority.size();

    first_then_alternates(k_hip_flexor_order, Phase::Stretch, "back care: loose hip flexors let the pelvis sit neutral");
    if (const auto* quad = safe("standing-quad"))
        s.priority.push_back({quad, Phase::Stretch, "back care: the quadriceps balance the pelvis"});
    if (const auto* swings = safe("leg-swings"))
        s.priority.push_back({swings, Phase::Warmup, "dynamic warm-up for the hamstrings, slow and controlled (R4, R7)"});
    for (const auto& id : k_strength_order) {
        const Exercise* e = safe(id);
        if (!e) continue;
        if (!strength_allowed) {
            s.left_out[id] = fmt::format("R8: strength work is for at most 2 days a week; this schedule asks for {}",
                                         request.schedule.days_per_week());
            continue;
        }
        s.priority.push_back({e, Phase::Strength, "strength: core and glutes protect the back, at most 2 days a week (R8)"});
    }
    for (std::size_t i = required_hamstrings; i < hamstrings.size(); ++i) s.priority.push_back(hamstrings[i]);
    first_then_alternates(k_release_order, Phase::Cooldown, "cool-down: gentle release of the hamstrings");
    for (auto& c : alternates) s.priority.push_back(c);
    return s;
}

// ---------------------------------------------------------------------------------------------
// Dose and order of the chosen items

struct Knobs {
    std::size_t count;   ///< how many of the priority list
    bool shared;         ///< R2's 60 s per muscle group shared by the stretches of that group, 5 s rests
    int warmup_s;        ///< march in place
    int rounds;          ///< sets of each static stretch
};

/// R2 reps for one stretch. R2 asks for about 60 s per muscle group per session in 2–4
/// repetitions. Read per exercise (clamp(ceil(60 / hold), 2, 4)) when time allows; when the
/// budget is tight, the group's 60 s is shared by the `group_size` stretches of that group.
int r2_reps(int hold_s, bool shared, int group_size) {
    return reps_for_hold(shared ? hold_s * group_size : hold_s);
}

RoutineItem dose(const Candidate& c, const Knobs& k, int hold_s, int group_size) {
    const Exercise& e = *c.exercise;
    RoutineItem item;
    item.exercise = e.id;
    item.phase = c.phase;
    item.sided = e.sided;
    item.why = c.why;
    if (e.id == "march-in-place") {
        item.hold_s = k.warmup_s;
        item.reps = 1;
    } else if (e.kind == Kind::Static) {
        item.hold_s = hold_s;
        item.reps = r2_reps(hold_s, k.shared, group_size);  // R2
        item.sets = k.rounds;
        item.rest_s = k.shared ? 5 : 10;
        if (k.shared && group_size > 1)
            item.why += fmt::format("; R2's 60 s for the {} shared by {} stretches", e.targets.front(), group_size);
        if (k.rounds > 1)
            item.why += fmt::format("; {} rounds to fill the time asked for", k.rounds);
    } else if (e.kind == Kind::Release) {
        item.hold_s = e.dose.hold_s;
        item.reps = 1;
    } else if (e.dose.hold_s > 0) {  // a held strength exercise (plank)
        item.hold_s = e.dose.hold_s;
        item.reps = 3;
        item.rest_s = 20;
    } else {  // repetitions: strength 3 sets of 10 (R8), leg swings one set
        item.reps = e.dose.reps;
        item.sets = e.dose.sets;
        item.rest_s = e.dose.sets > 1 ? 30 : 0;
    }
    return item;
}

std::vector<RoutineItem> build(const Selection& s, const Knobs& k, int hold_s) {
    std::vector<Candidate> chosen(s.priority.begin(), s.priority.begin() + static_cast<long>(k.count));
    // Phases in order. The warm-up and stretches go from standing down to the floor; the phases
    // after them start where the stretches ended (on the floor or up), so the user goes down once.
    std::stable_sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) {
        if (a.phase != b.phase) return phase_rank(a.phase) < phase_rank(b.phase);
        return position_rank(a.exercise->position) < position_rank(b.exercise->position);
    });
    const auto later = std::find_if(chosen.begin(), chosen.end(),
                                    [](const Candidate& c) { return phase_rank(c.phase) > phase_rank(Phase::Stretch); });
    if (later != chosen.begin() && later != chosen.end()) {
        const bool on_floor = is_floor(std::prev(later)->exercise->position);
        std::stable_sort(later, chosen.end(), [on_floor](const Candidate& a, const Candidate& b) {
            if (a.phase != b.phase) return phase_rank(a.phase) < phase_rank(b.phase);
            const bool a_stays = is_floor(a.exercise->position) == on_floor;
            const bool b_stays = is_floor(b.exercise->position) == on_floor;
            if (a_stays != b_stays) return a_stays;
            return position_rank(a.exercise->position) < position_rank(b.exercise->position);
        });
    }
    std::map<std::string, int> group_sizes;  // static stretches per primary muscle group
    for (const auto& c : chosen)
        if (c.exercise->kind == Kind::Static) ++group_sizes[c.exercise->targets.front()];
    std::vector<RoutineItem> items;
    for (const auto& c : chosen)
        items.push_back(dose(c, k, hold_s, c.exercise->kind == Kind::Static ? group_sizes[c.exercise->targets.front()] : 1));
    return items;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

namespace {

std::vector<Exclusion> exclusions(const PlanRequest& request, const Selection& selection,
                                  const std::vector<RoutineItem>& items) {
    const Profile profile = profile_of(request);
    std::set<std::string> in_routine;
    for (const auto& item : items) in_routine.insert(item.exercise);
    std::vector<Exclusion> excluded;
    for (const auto& e : library()) {
        if (in_routine.count(e.id)) continue;
        auto reasons = exclusion_reasons(e, profile);
        if (reasons.empty()) {
            if (auto it = selection.left_out.find(e.id); it != selection.left_out.end()) {
                reasons.push_back(it->second);
            } else {
                reasons.push_back(fmt::format("time: not needed to fill {} minutes", request.minutes));
            }
        }
        excluded.push_back({e.id, reasons});
    }
    return excluded;
}

}  // namespace

std::vector<Exclusion> exclusions_for(const PlanRequest& request, const std::vector<RoutineItem>& items) {
    return exclusions(request, select(request), items);
}

namespace {

struct Scored {
    Knobs knobs;
    int seconds;
};

/// The best routine shape for the budget, found by trying every combination of the knobs.
std::optional<Scored> best_knobs(const PlanRequest& request, const Profile& profile, const Selection& selection,
                                 const HoldRule& rule, const Timing& timing) {
    const int budget = request.minutes * 60;
    // R9, R10: no extra volume when pregnant or injured. R11: with an acute strain, walking is
    // the prescribed activity, so the march may run up to 10 minutes.
    const bool gentle = has(profile, Constraint::Pregnant) || has(profile, Constraint::Injured);
    std::vector<int> warmups = {30, 60, 90, 120};
    if (has(profile, Constraint::AcuteStrain)) warmups.insert(warmups.end(), {180, 240, 300, 420, 600});

    // Search every combination of the knobs; keep the best by: within ±10 % of the budget,
    // fewer rounds, R2 per exercise rather than shared, a warm-up of at least a minute (R7), closeness to the
    // budget, a warm-up near a minute.
    std::optional<Scored> best;
    auto better = [budget](const Scored& a, const Scored& b) {
        const auto key = [budget](const Scored& s) {
            const bool fits = std::abs(s.seconds - budget) * 10 <= budget;
            const int miss = fits ? 0 : std::abs(s.seconds - budget);  // when nothing fits, the closest
            return std::make_tuple(miss, s.knobs.rounds, s.knobs.shared, s.knobs.warmup_s < 60,
                                   std::abs(s.seconds - budget), std::abs(s.knobs.warmup_s - 60), s.knobs.count);
        };
        return key(a) < key(b);
    };
    for (std::size_t count = std::max<std::size_t>(selection.minimum, 1); count <= selection.priority.size(); ++count)
        for (bool shared : {false, true})
            for (int warmup : warmups)
                for (int rounds = 1; rounds <= (gentle ? 1 : 3); ++rounds) {
                    const Knobs knobs{count, shared, warmup, rounds};
                    const Scored scored{knobs, estimate_seconds(build(selection, knobs, rule.start_s), timing)};
                    if (!best || better(scored, *best)) best = scored;
                }

    return best;
}

/// Constraint advice first, then schedule and time.
std::vector<std::string> plan_warnings(const PlanRequest& request, const Profile& profile, int estimated_s) {
    const int budget = request.minutes * 60;
    std::vector<std::string> warnings;
    if (has(profile, Constraint::Pregnant))
        warnings.push_back(
            "pregnant: stretch gently and never to the end of your range (relaxin loosens joints); "
            "hold something steady when standing. Stop and call your midwife or doctor on bleeding, "
            "dizziness, chest pain, calf pain or swelling, contractions, fluid leaking, or the baby "
            "moving less (R9).");
    if (has(profile, Constraint::Injured))
        warnings.push_back(
            "injured: gentle standing and chair stretches only; rest an injured hamstring tendon and "
            "stop if the injury hurts (R10).");
    if (has(profile, Constraint::AcuteStrain))
        warnings.push_back(
            "acute-strain: no hamstring stretching for now — gentle pain-free movement and walking only. "
            "Ice several times a day and rest; see a professional if it is not better in a few days (R11).");
    if (has(profile, Constraint::BackPain) || has(profile, Constraint::Sciatica))
        warnings.push_back(
            "back: keep the back flat and hinge at the hips; no toe touches or forward folds (R13).");
    if (has(profile, Constraint::Sciatica))
        warnings.push_back(
            "sciatica: keep the foot relaxed (do not pull the toes up) and stop if symptoms travel down "
            "the leg (R14).");
    if (request.schedule.days_per_week() < 3)
        warnings.push_back(fmt::format(
            "schedule: {} day{} a week does not keep flexibility gains; a few minutes every day works "
            "best (R6).",
            request.schedule.days_per_week(), request.schedule.days_per_week() == 1 ? "" : "s"));
    const int minutes_rounded = static_cast<int>(std::lround(estimated_s / 60.0));
    if (estimated_s * 10 < budget * 9)
        warnings.push_back(fmt::format(
            "time: only about {} of {} minutes can be filled with exercises that are safe for these "
            "constraints and this equipment; the routine is shorter rather than unsafe (R18).",
            minutes_rounded, request.minutes));
    else if (estimated_s * 10 > budget * 11)
        warnings.push_back(fmt::format(
            "time: a warm-up and two hamstring stretches at this hold take about {} minutes, more than "
            "the {} asked for.",
            minutes_rounded, request.minutes));
    return warnings;
}

}  // namespace

Plan make_plan(const PlanRequest& request, const Timing& timing) {
    const HoldRule rule = hold_rule_for(request);
    const Profile profile = profile_of(request);
    const Selection selection = select(request);
    const auto best = best_knobs(request, profile, selection, rule, timing);
    Plan plan;
    plan.hold_s = rule.start_s;
    if (best) {
        plan.items = build(selection, best->knobs, rule.start_s);
        plan.estimated_s = best->seconds;
    }
    plan.excluded = exclusions(request, selection, plan.items);
    plan.warnings = plan_warnings(request, profile, plan.estimated_s);
    return plan;
}

}  // namespace limber
