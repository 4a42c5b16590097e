// The built-in exercise library (DOMAIN.md "The library, from the seeds") and the enum helpers
// declared in exercise.hpp.
//
// Most entries come from one or more seed articles in shared/seeds/; `sources` names them. The
// entries the seeds only hint at (R19, R23, R26, R28) come from mainstream guidance (NHS exercise
// sheets, ACSM, McGill, Heiderscheit et al. 2010, the Royal Osteoporosis Society), and `sources`
// names that guideline in plain words. The cues are written in our own words, and no human text
// (name, cue, side cue, caution) carries a rule code (R20). The attributes below drive the hard
// safety rules (DOMAIN.md R9–R17, R19, R21, R26, R28), so change them only with the rules in
// mind:
//   - kind          -> R11/R26 (acute strain: no static hamstring stretch; heel digs), R19 (the
//                      static hamstring minimum), R23 (strength days)
//   - position      -> R9 (no supine when pregnant), R10 (standing/chair only when injured),
//                      R12 (no floor or kneeling), R19 (no floor-seated stretch with back-pain,
//                      sciatica, osteoporosis or hip-replacement), R26 (80+: no floor without
//                      --floor-ok), R28 (knee: no kneeling; seated-only: chair positions only)
//   - equipment     -> R16 (every item listed is needed; a partner counts as equipment)
//   - equipment_any -> R16 (one of these is needed as well: a step or a chair), R19 (`unlock`)
//   - levels        -> R17 (beginners get supported, low-balance variants)
//   - targets       -> R19 (hamstrings), R22 (no group over 120 s a side), R23 (core and glutes)
//   - flags         -> R9/R10/R26/R28 (balance, partner), R13/R21/R28 (spinal_flexion_load),
//                      R14 (nerve_tension, nerve_pressure), R28 (deep_hip_flexion and
//                      crossed_legs for hip-replacement, twisting for osteoporosis,
//                      deep_knee_bend for knee), R9 (wide_legs: pelvic girdle pain)
//   - R4: no entry sets flags.ballistic; the dynamic warm-ups are slow and controlled.

#include <limber/catalog/catalog.hpp>

#include <cctype>

#include <limber/catalog/exercise.hpp>
#include <limber/util/text.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

// ---------------------------------------------------------------------------------------------
// Enum names (CLI.md "exercises")
// ---------------------------------------------------------------------------------------------

std::string_view to_string(Kind kind) {
    switch (kind) {
        case Kind::Static: return "static";
        case Kind::Dynamic: return "dynamic";
        case Kind::Strength: return "strength";
        case Kind::Release: return "release";
    }
    return {};
}

std::string_view to_string(Position position) {
    switch (position) {
        case Position::Standing: return "standing";
        case Position::SeatedChair: return "seated-chair";
        case Position::FloorSeated: return "floor-seated";
        case Position::FloorSupine: return "floor-supine";
        case Position::FloorSide: return "floor-side";
        case Position::FloorProne: return "floor-prone";
        case Position::Kneeling: return "kneeling";
    }
    return {};
}

std::string_view to_string(Equipment equipment) {
    switch (equipment) {
        case Equipment::Strap: return "strap";
        case Equipment::Chair: return "chair";
        case Equipment::Step: return "step";
        case Equipment::Wall: return "wall";
        case Equipment::Table: return "table";
        case Equipment::FoamRoller: return "foam-roller";
        case Equipment::Ball: return "ball";
        case Equipment::Partner: return "partner";
    }
    return {};
}

std::string_view to_string(Level level) {
    switch (level) {
        case Level::Beginner: return "beginner";
        case Level::Intermediate: return "intermediate";
        case Level::Advanced: return "advanced";
    }
    return {};
}

namespace {

const std::vector<Kind>& all_kinds() {
    static const std::vector<Kind> kinds{Kind::Static, Kind::Dynamic, Kind::Strength,
                                         Kind::Release};
    return kinds;
}

}  // namespace

const std::vector<Position>& all_positions() {
    static const std::vector<Position> positions{
        Position::Standing,    Position::SeatedChair, Position::FloorSeated, Position::FloorSupine,
        Position::FloorSide,   Position::FloorProne,  Position::Kneeling,
    };
    return positions;
}

const std::vector<Equipment>& all_equipment() {
    static const std::vector<Equipment> equipment{
        Equipment::Strap, Equipment::Chair,      Equipment::Step, Equipment::Wall,
        Equipment::Table, Equipment::FoamRoller, Equipment::Ball, Equipment::Partner,
    };
    return equipment;
}

const std::vector<Level>& all_levels() {
    static const std::vector<Level> levels{Level::Beginner, Level::Intermediate, Level::Advanced};
    return levels;
}

std::optional<Kind> parse_kind(std::string_view text) { return parse_among(all_kinds(), text); }

std::optional<Position> parse_position(std::string_view text) {
    return parse_among(all_positions(), text);
}

std::optional<Equipment> parse_equipment(std::string_view text) {
    return parse_among(all_equipment(), text);
}

std::optional<Level> parse_level(std::string_view text) {
    return parse_among(all_levels(), text);
}

// R12: on the floor or kneeling; only Standing and SeatedChair remain under no-floor.
bool is_floor(Position position) {
    switch (position) {
        case Position::Standing:
        case Position::SeatedChair:
            return false;
        case Position::FloorSeated:
        case Position::FloorSupine:
        case Position::FloorSide:
        case Position::FloorProne:
        case Position::Kneeling:
            return true;
    }
    return false;
}

std::string position_instruction(std::optional<Position> from, Position to) {
    if (from && *from == to) return {};
    const bool from_floor = from && is_floor(*from);
    const bool to_floor = is_floor(to);
    // on the way down or up, the first half of the words; then where to end up
    std::string way;
    if (from && !from_floor && to_floor) way = "Get down to the floor slowly, holding a chair if you need one, and ";
    else if (from_floor && !to_floor) way = "Come up slowly: roll to your side and push up to your hands and knees, then ";
    std::string end;
    switch (to) {
        case Position::Standing: end = from_floor ? "stand, holding a chair if you need one." : "stand tall, with a chair or wall in reach."; break;
        case Position::SeatedChair: end = "sit near the front of a sturdy chair, feet flat on the floor."; break;
        case Position::FloorSeated: end = "sit tall on the floor."; break;
        case Position::FloorSupine: end = "lie on your back, knees bent."; break;
        case Position::FloorSide: end = "lie on your side."; break;
        case Position::FloorProne: end = "lie face down."; break;
        case Position::Kneeling: end = "kneel on something soft."; break;
    }
    if (way.empty() && !end.empty()) end[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(end[0])));
    return way + end;
}

// ---------------------------------------------------------------------------------------------
// The library
// ---------------------------------------------------------------------------------------------

namespace {

// Seed articles (shared/seeds/).
constexpr const char* kSeed000 = "article \"What effect do hamstring stretches have on my lower back?\" (seven stretches, toe touch to partner)";
constexpr const char* kSeed001 = "article \"The Importance of Stretching Hamstrings to Help with Back Pain\"";
constexpr const char* kSeed002 = "article \"Learn how stretching the hamstrings can relieve lower back pain\" (The Stretching Handbook)";
constexpr const char* kSeed003 = "article \"How to Stretch Your Hamstrings Safely and Properly to Avoid Back Problems\" (2016)";
constexpr const char* kSeed004 = "article \"Exercises to loosen tight hamstrings\" (warm-up, release, strength and yoga; Runner's World and GMB Fitness)";

// Dose helpers: exactly one of hold_s or reps is non-zero (exercise.hpp).
constexpr Dose hold(int seconds) { return Dose{.hold_s = seconds, .reps = 0, .sets = 0}; }
constexpr Dose reps(int count, int sets) { return Dose{.hold_s = 0, .reps = count, .sets = sets}; }

// R1: static stretches are held 30 s at most for adults; the planner sets the week's actual
// target (R5), this is the library's nominal hold.
constexpr int kStretchHold = 30;

// Strength work: 3 sets of 10–12 (R8, seed 004); we list the low end.
const Dose kStrengthDose = reps(10, 3);

std::vector<Exercise> build_library() {
    // R17: the levels each exercise may appear in.
    const std::vector<Level> all_three{Level::Beginner, Level::Intermediate, Level::Advanced};
    const std::vector<Level> not_beginner{Level::Intermediate, Level::Advanced};
    const std::vector<Level> advanced_only{Level::Advanced};
    const std::vector<Level> beginner_intermediate{Level::Beginner, Level::Intermediate};

    // Shared caution texts.
    const Caution supine_pregnancy{"Lies on the back: not for pregnancy after the first trimester.",
                                   {Concern::Pregnancy}};  // R9, R29: shown only to whom it concerns
    const Caution flexion_discs{"Loads the lower-back discs in flexion; avoid with back pain or sciatica.",
                                {Concern::Back}};  // R13, R14
    const std::string nerve_tension =
        "Straight leg with the foot pulled up tensions the sciatic nerve; skip it with leg pain, "
        "numbness or tingling.";  // R14
    const std::string kneeling_pad = "Pad the knees; skip it if kneeling hurts.";
    // R26: the acute strain's heel digs, on a chair or lying down
    const std::string heel_dig_hold = "Hold for 5 to 10 seconds, breathing steadily, then relax.";
    const std::string heel_dig_pain_free = "Keep it pain-free: press more lightly if the back of the thigh hurts.";
    const Caution heel_dig_pain = "Stop at any pain in the back of the thigh.";
    const Caution heel_dig_doctor = "See a doctor within days after a pop, large bruising or a limp.";

    std::vector<Exercise> lib;
    lib.reserve(37);

    // ----- Warm-ups (R7: warm the muscles before stretching) --------------------------------

    lib.push_back(Exercise{
        .id = "march-in-place",
        .name = "March in place",
        .kind = Kind::Dynamic,
        .position = Position::Standing,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = false,
        .targets = {"hip-flexors", "quadriceps", "calves"},
        .flags = {},
        .dose = hold(60),  // a minute or two of easy movement (seed 004)
        .cues =
            {
                "March on the spot at an easy pace for a minute or two.",
                "Lift the knees only as high as feels comfortable.",
                "Let the arms swing loosely and breathe steadily.",
                "Stay near a wall or chair back if you want something to steady you.",
            },
        .side_cue = "",
        .cautions =
            {
                "Keep to an easy pace you could talk at; it is gentle movement, not a workout.",
                "Stop and sit down if you feel dizzy or short of breath.",
            },
        .sources = {kSeed004},
        .held = {},
    });

    lib.push_back(Exercise{
        .id = "leg-swings",
        .name = "Leg swings at a wall",
        .kind = Kind::Dynamic,
        .position = Position::Standing,
        .equipment = {Equipment::Wall},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hamstrings"},
        .flags = {.momentum = true},  // R4: slow and controlled, never ballistic; R29: momentum on one leg
        .dose = reps(10, 1),
        .cues =
            {
                "Stand side-on to a wall with one hand resting on it.",
                "Swing the outside leg slowly forward and back under control.",
                "Begin with small swings and let them grow a little at a time.",
                "Keep the trunk upright and breathe; never fling or kick the leg.",  // R4
            },
        .side_cue = "Turn around, put the other hand on the wall and swing the other leg.",
        .cautions =
            {
                "This loosens the muscle; it is not a stretch to force, so stay well short of "
                "any pull.",
                Caution{"Keep the swings small and slow, with a hand on the wall all the time.", {Concern::Pregnancy, Concern::Unsteady}},
            },
        .sources = {kSeed004},
        .held = {Equipment::Wall},
    });

    // The warm-up for people who cannot stand safely (R28 seated-only, R7).
    lib.push_back(Exercise{
        .id = "seated-march",
        .name = "Seated march",
        .kind = Kind::Dynamic,
        .position = Position::SeatedChair,
        .equipment = {Equipment::Chair},
        .equipment_any = {},
        .levels = all_three,
        .sided = false,
        .targets = {"hip-flexors", "core"},
        .flags = {},
        .dose = hold(60),
        .cues =
            {
                "Sit tall near the front of a sturdy chair with both feet flat on the floor.",
                "Lift one knee a little, set the foot down, then lift the other, at an easy pace.",
                "Swing the arms gently in time and breathe steadily.",
                "Keep going for a minute or two, only as briskly as feels comfortable.",
            },
        .side_cue = "",
        .cautions =
            {
                "Keep to an easy pace you could talk at; it is gentle movement, not a workout.",
                "Hold the sides of the chair if you feel unsteady, and stop if you feel dizzy.",
            },
        .sources = {"NHS: sitting exercises"},
        .held = {},
    });

    // ----- Hamstring stretches ---------------------------------------------------------------

    // R13: the preferred stretch for a sensitive back; only the knee moves (seed 003).
    lib.push_back(Exercise{
        .id = "seated-knee-extension",
        .name = "Seated knee-extension stretch",
        .kind = Kind::Static,
        .position = Position::SeatedChair,
        .equipment = {Equipment::Chair},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hamstrings"},
        .flags = {},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Sit tall near the front of a sturdy chair with both feet flat.",
                "Set the pelvis neutral: sit on the sitting bones with the natural curve in "
                "the lower back.",
                "Slowly straighten one knee until the back of the thigh feels mildly tight.",  // R3
                "Only the knee moves; keep the back and pelvis still and the foot relaxed.",  // R14
                "Breathe and hold steady without bouncing.",  // R4
            },
        .side_cue = "Lower the leg slowly and straighten the other knee.",
        .cautions =
            {
                "If the lower back starts to round, straighten the knee less.",
                "Stop if you feel tingling or pain running down the leg.",
            },
        .sources = {kSeed003},
        .held = {},
    });

    // R13: flat back keeps the load off the lumbar discs (seed 001, the Bandy protocol stretch).
    lib.push_back(Exercise{
        .id = "heel-on-step",
        .name = "Heel-on-step hamstring stretch",
        .kind = Kind::Static,
        .position = Position::Standing,
        .equipment = {},
        .equipment_any = {Equipment::Step, Equipment::Chair},  // R16: seed 001, a step or chair
        .levels = all_three,
        .sided = true,
        .targets = {"hamstrings"},
        .flags = {},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Stand facing a low step or the seat of a sturdy chair and rest one heel on it, "
                "knee straight but not locked.",
                "Keep the back flat and tip forward from the hips until the back of the thigh "
                "feels mildly tight.",  // R3
                "Keep the standing knee soft and the raised foot relaxed.",  // R14
                "Breathe and hold still; no bouncing.",  // R4
            },
        .side_cue = "Change legs: the other heel goes on the step or chair.",
        .cautions =
            {
                "If the back starts to round, lean less.",
                "Hold a rail or wall if your balance is unsure, and use a chair that cannot "
                "slide.",
            },
        .sources = {kSeed001},
        .held = {},
    });

    // The no-floor option of seed 000 §4 ("perhaps you're expecting, injured, or in pain").
    lib.push_back(Exercise{
        .id = "standing-hamstring",
        .name = "Standing hamstring stretch",
        .kind = Kind::Static,
        .position = Position::Standing,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hamstrings"},
        .flags = {},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Stand by a piece of furniture or a wall and rest a hand on it.",
                "Place one foot a short step forward, knee straight and toes relaxed.",
                "Bend the back knee a little and hinge forward from the hips, back straight.",
                "Bring the chest toward the front thigh only until you feel mild tension.",  // R3
                "Breathe and hold still; do not bounce.",  // R4
            },
        .side_cue = "Step the other foot forward and repeat.",
        .cautions =
            {
                "Go only as far as you can without strain or pain.",
            },
        .sources = {kSeed000},
        .held = {},
    });

    // Beginners' supine stretch (seed 000 §3); R13 lists it among the back-friendly options.
    lib.push_back(Exercise{
        .id = "supine-strap",
        .name = "Lying hamstring stretch with a strap",
        .kind = Kind::Static,
        .position = Position::FloorSupine,
        .equipment = {Equipment::Strap},
        .equipment_any = {},
        .levels = beginner_intermediate,
        .sided = true,
        .targets = {"hamstrings"},
        // R14: the strap draws the straight leg up by the foot; R28: the hip goes past 90°
        .flags = {.nerve_tension = true, .deep_hip_flexion = true},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Lie on your back with one knee bent and that foot flat on the floor.",
                "Loop the strap around the sole of the other foot, or hold behind that knee or "
                "calf instead.",
                "Raise the leg slowly until the back of the thigh feels mildly tight.",  // R3
                "Keep the head and lower back resting down and the foot relaxed.",  // R14
                "Breathe and hold; let the strap steady the leg, never tug it.",  // R4
            },
        .side_cue = "Lower the leg, bend that knee and loop the strap around the other foot.",
        .cautions =
            {
                supine_pregnancy,
                "Do not pull the toes toward you if you have leg symptoms.",  // R14
            },
        .sources = {kSeed000},
        .held = {},
    });

    // R19: the lying hamstring stretch that needs nothing at all (seed 000 §3 offers the hands
    // behind the knee or calf instead of a strap; seed 001 §2 holds the back of the thigh). The
    // knee stays soft and the foot relaxed, so it does not tension the sciatic nerve (R14); the
    // hip still goes past 90° (R28).
    lib.push_back(Exercise{
        .id = "supine-hands-thigh",
        .name = "Lying hamstring stretch, hands behind the thigh",
        .kind = Kind::Static,
        .position = Position::FloorSupine,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hamstrings"},
        .flags = {.deep_hip_flexion = true},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Lie on your back with both knees bent and the feet flat on the floor.",
                "Lift one knee toward the chest and clasp both hands behind that thigh.",
                "Slowly straighten that knee until the back of the thigh feels mildly tight, "
                "keeping the knee a little soft.",  // R3
                "Let the foot stay relaxed and keep the head and lower back resting down.",  // R14
                "Breathe and hold still; no bouncing.",  // R4
            },
        .side_cue = "Lower the leg, bend that knee and clasp your hands behind the other thigh.",
        .cautions =
            {
                supine_pregnancy,
                "Ease off if you feel tingling or pain running down the leg.",
            },
        .sources = {kSeed000, kSeed001, "NHS: exercises for sciatica"},
        .held = {},
    });

    // R19: the pregnancy-safe hamstring stretch with no equipment (seed 004's sitting hamstring
    // stretch, one leg at a time): sitting tall, one leg out, no fold over the belly. R19 keeps
    // it out with back-pain, sciatica, osteoporosis and hip-replacement (long sitting rounds a
    // tight person's lower back).
    lib.push_back(Exercise{
        .id = "seated-cushion-hamstring",
        .name = "Seated single-leg hamstring stretch on a cushion",
        .kind = Kind::Static,
        .position = Position::FloorSeated,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hamstrings"},
        .flags = {},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Sit tall on a firm cushion on the floor, resting on the sitting bones.",
                "Stretch one leg out straight in front, the knee soft and the foot relaxed.",
                "Bend the other knee out to the side and rest that foot by the inside of the "
                "straight leg.",
                "Keep the chest lifted and lean forward from the hips only as far as the back "
                "stays tall, until the back of the thigh feels mildly tight; do not fold over "
                "the belly.",  // R3, R9
                "Breathe and hold still; no bouncing.",  // R4
            },
        .side_cue = "Swap legs: bend the straight one out to the side and stretch the other out.",
        .cautions =
            {
                "Stop leaning if the lower back starts to round; sit on a higher cushion instead.",
                Caution{"Not with back pain or after a hip replacement: sitting with a leg out long can "
                        "round the lower back.",
                        {Concern::Back, Concern::HipReplacement, Concern::Osteoporosis}},  // R19, R28
            },
        .sources = {kSeed004, "ACSM Guidelines for Exercise Testing and Prescription"},
        .held = {},
    });

    lib.push_back(Exercise{
        .id = "supine-leg-raise",
        .name = "Lying straight-leg hamstring stretch",
        .kind = Kind::Static,
        .position = Position::FloorSupine,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hamstrings"},
        // R14: straight leg raised, foot drawn toward you; R28: the hip goes past 90°
        .flags = {.nerve_tension = true, .deep_hip_flexion = true},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Lie on your back with both legs long on the floor.",
                "Lift one straight leg slowly and hold it behind the thigh.",
                "Draw it toward you only until the back of the thigh feels mildly tight.",  // R3
                "Keep the other leg resting on the floor and breathe steadily.",
            },
        .side_cue = "Lower the leg slowly and lift the other one.",
        .cautions =
            {
                supine_pregnancy,
                nerve_tension,
                "Bend the resting knee if the lower back complains.",
            },
        .sources = {kSeed000, kSeed001, kSeed004},
        .held = {},
    });

    // R13: seed 003 warns the toe touch loads the L5-S1 disc; excluded under back-pain/sciatica.
    lib.push_back(Exercise{
        .id = "standing-toe-touch",
        .name = "Standing toe touch",
        .kind = Kind::Static,
        .position = Position::Standing,
        .equipment = {},
        .equipment_any = {},
        .levels = not_beginner,
        .sided = false,
        .targets = {"hamstrings"},
        // R13, R14; R28: the fold takes the hips past 90°
        .flags = {.spinal_flexion_load = true, .nerve_tension = true, .deep_hip_flexion = true},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Stand with the feet hip-width apart and the knees soft.",
                "Keep the hips stacked over the feet and fold forward slowly toward the toes.",
                "Lift the sitting bones toward the ceiling instead of rounding to reach lower.",
                // R3, R4
                "Hold where you feel the stretch working but nothing hurts; never bounce.",
                "Come up slowly, pressing on a table if you need help to stand.",
            },
        .side_cue = "",
        .cautions =
            {
                flexion_discs,
                "Rise slowly if you tend to feel lightheaded.",
            },
        .sources = {kSeed000, kSeed003},
        .held = {},
    });

    lib.push_back(Exercise{
        .id = "seated-forward-fold",
        .name = "Seated forward fold",
        .kind = Kind::Static,
        .position = Position::FloorSeated,
        .equipment = {},
        .equipment_any = {},
        .levels = not_beginner,
        .sided = false,
        .targets = {"hamstrings"},
        // R13, R14; R28: the fold takes the hips past 90°
        .flags = {.spinal_flexion_load = true, .nerve_tension = true, .deep_hip_flexion = true},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Sit on the floor with both legs straight out in front.",
                "Sit up tall, then tip forward slowly from the hips toward the toes.",
                "Keep the back long and stop before the spine begins to round.",
                "Hold at mild tension and breathe; no bouncing.",  // R3, R4
            },
        .side_cue = "",
        .cautions =
            {
                flexion_discs,
                "Sit on a folded towel or soften the knees if the back rounds early.",
            },
        .sources = {kSeed001},
        .held = {},
    });

    // Seed 000 §5, for active people.
    lib.push_back(Exercise{
        .id = "heel-on-table",
        .name = "Heel-on-table hamstring stretch",
        .kind = Kind::Static,
        .position = Position::Standing,
        .equipment = {Equipment::Table},
        .equipment_any = {},
        .levels = not_beginner,
        .sided = true,
        .targets = {"hamstrings"},
        // R9, R10 (one-leg stance), R13, R14; R28: chest to the raised thigh is past 90°
        .flags = {.spinal_flexion_load = true,
                  .balance = true,
                  .nerve_tension = true,
                  .deep_hip_flexion = true},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Stand facing a table at waist height or a little lower.",
                "Rest one heel on it with the leg straight and the standing knee soft.",
                "Hinge from the hips to bring the chest toward the thigh, back as straight as "
                "you can.",
                "Stop at a mild pull, breathe and hold without bouncing.",  // R3, R4
            },
        .side_cue = "Change legs: rest the other heel on the table.",
        .cautions =
            {
                Caution{"Loads the lower back if it rounds; avoid with back pain or sciatica.", {Concern::Back}},  // R13
                "A high surface stretches hard; use a lower one if the pull is strong.",
            },
        .sources = {kSeed000},
        .held = {},
    });

    // Seed 000 §6: the progression of the above; tests balance and core.
    lib.push_back(Exercise{
        .id = "one-leg-squat-hamstring",
        .name = "One-leg squat hamstring stretch",
        .kind = Kind::Static,
        .position = Position::Standing,
        .equipment = {Equipment::Table},
        .equipment_any = {},
        .levels = advanced_only,
        .sided = true,
        .targets = {"hamstrings"},
        // R9, R10 (balance), R13 (flexion), R14 (nerve tension), R28 (hip past 90°, a loaded
        // knee bend)
        .flags = {.spinal_flexion_load = true,
                  .balance = true,
                  .nerve_tension = true,
                  .deep_hip_flexion = true,
                  .deep_knee_bend = true},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Rest one heel on a table, as in the heel-on-table stretch.",
                "Slowly bend the standing knee into a shallow one-leg squat.",
                "Brace the stomach and hinge from the hips, keeping the back straight.",
                "Go only to mild tension, breathe, and rise slowly.",  // R3
            },
        .side_cue = "Stand up slowly and change legs, the other heel on the table.",
        .cautions =
            {
                Caution{"Challenges balance and core; not when pregnant, injured or unsteady.", {Concern::Pregnancy, Concern::Injury, Concern::Unsteady}},  // R9, R10
                Caution{"Loads the lower back if it rounds; avoid with back pain or sciatica.", {Concern::Back}},  // R13
            },
        .sources = {kSeed000},
        .held = {},
    });

    // Seed 000 §7. R9, R10: never with pregnancy or injury; R16: the partner is equipment.
    lib.push_back(Exercise{
        .id = "partner-hamstring",
        .name = "Partner-assisted hamstring stretch",
        .kind = Kind::Static,
        .position = Position::FloorSupine,
        .equipment = {Equipment::Partner},
        .equipment_any = {},
        .levels = not_beginner,
        .sided = true,
        .targets = {"hamstrings"},
        // R9, R10 (partner), R14 (nerve tension), R28 (hip past 90°)
        .flags = {.partner = true, .nerve_tension = true, .deep_hip_flexion = true},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Lie on your back, one leg raised, with your partner kneeling beside it.",
                "Have your partner ease the leg toward you slowly while the other leg stays down.",
                "Tell your partner to stop at the first feeling of mild tension, well before "
                "anything hurts.",  // R3
                "Keep breathing; your partner holds steady and never pushes in bursts.",  // R4
            },
        .side_cue = "Lower the leg and have your partner move to the other side.",
        .cautions =
            {
                "Tell your partner exactly how much pressure you can take.",
                Caution{"Not during pregnancy or with an injury.", {Concern::Pregnancy, Concern::Injury}},  // R9, R10
                nerve_tension,
            },
        .sources = {kSeed000},
        .held = {},
    });

    // ----- Other stretches -------------------------------------------------------------------

    // No seed of its own: the standing (no-floor, R12) variant of seed 004's lunging hip-flexor
    // stretch, so it cites seed 004.
    lib.push_back(Exercise{
        .id = "standing-hip-flexor",
        .name = "Standing hip-flexor stretch",
        .kind = Kind::Static,
        .position = Position::Standing,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hip-flexors"},
        .flags = {},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Stand in a split stance, one foot a long step ahead, a hand on a chair or wall.",
                "Bend the front knee a little and keep the back leg straight, heel lifted.",
                "Tuck the pelvis under by squeezing the buttock of the back leg.",
                "Feel a mild stretch at the front of the back hip; breathe and hold, no "
                "bouncing.",  // R3, R4
            },
        .side_cue = "Swap feet so the other leg is behind.",
        .cautions =
            {
                "Do not arch the lower back to go further.",
            },
        .sources = {kSeed004},
        .held = {},
    });

    lib.push_back(Exercise{
        .id = "kneeling-hip-flexor",
        .name = "Kneeling hip-flexor stretch",
        .kind = Kind::Static,
        .position = Position::Kneeling,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hip-flexors"},
        .flags = {},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Kneel on one knee on a cushion, the other foot flat on the floor in front.",
                "Keep the trunk upright and tuck the pelvis under.",
                "Shift the hips slowly forward until the front of the back hip feels mildly "
                "stretched.",  // R3
                "Breathe and hold still; no bouncing.",  // R4
            },
        .side_cue = "Change legs: kneel on the other knee.",
        .cautions =
            {
                kneeling_pad,
                "Do not arch the lower back to go further.",
            },
        .sources = {kSeed004},
        .held = {},
    });

    // Quads and hamstrings balance the pelvis between them (seeds 003, 004).
    lib.push_back(Exercise{
        .id = "standing-quad",
        .name = "Standing quad stretch",
        .kind = Kind::Static,
        .position = Position::Standing,
        .equipment = {Equipment::Wall},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"quadriceps", "hip-flexors"},
        .flags = {.deep_knee_bend = true},  // R28 knee: the heel comes to the buttock
        .dose = hold(kStretchHold),
        .cues =
            {
                "Stand beside a wall with one hand on it.",
                "Bend the outside knee and take hold of that ankle behind you.",
                "Keep the knees side by side and the pelvis gently tucked.",
                "Draw the heel toward the buttock only until the front of the thigh feels "
                "mildly stretched.",  // R3
                "Stand tall, breathe, and hold without bouncing.",  // R4
            },
        .side_cue = "Turn around, hold the wall with the other hand and take the other ankle.",
        .cautions =
            {
                "Do not arch the lower back or let the knee drift out to the side.",
                "Skip it if bending the knee fully hurts, or with a knee problem or a knee "
                "replacement.",
            },
        .sources = {kSeed004},
        .held = {Equipment::Wall},
    });

    // Yoga pose from seed 004; balance-challenging, so R9/R10 exclude it and R17 keeps it off
    // the beginner level.
    lib.push_back(Exercise{
        .id = "extended-triangle",
        .name = "Extended triangle pose",
        .kind = Kind::Static,
        .position = Position::Standing,
        .equipment = {},
        .equipment_any = {},
        .levels = not_beginner,
        .sided = true,
        .targets = {"hamstrings", "glutes"},
        // R9, R10; R28: side bend under load; the back foot turned in turns the knee in
        .flags = {.balance = true, .crossed_legs = true, .twisting = true},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Stand with the feet wide, front toes pointing ahead and the back foot turned "
                "in a little.",
                "Reach out over the front leg and tip sideways from the hip, both sides of the "
                "waist long.",
                "Rest the lower hand on the shin and reach the other arm up.",
                "Keep the front knee soft and stop at mild tension behind the front thigh.",  // R3
                "Breathe and hold, then come up slowly.",
            },
        .side_cue = "Come up slowly, turn the feet the other way and reach over the other leg.",
        .cautions =
            {
                Caution{"Challenges balance; not when pregnant, injured or unsteady.", {Concern::Pregnancy, Concern::Injury, Concern::Unsteady}},  // R9, R10
                Caution{"Bends the spine sideways under load; not with osteoporosis.", {Concern::Osteoporosis}},  // R28
                "Come up slowly if you feel lightheaded.",
            },
        .sources = {kSeed004},
        .held = {},
    });

    lib.push_back(Exercise{
        .id = "standing-calf",
        .name = "Standing calf stretch at a wall",
        .kind = Kind::Static,
        .position = Position::Standing,
        .equipment = {Equipment::Wall},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"calves"},
        .flags = {},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Stand facing a wall with both hands on it at shoulder height.",
                "Step one foot back, that leg straight and its heel on the floor.",
                "Bend the front knee and lean toward the wall until the back calf feels mildly "
                "stretched.",  // R3
                // R4
                "Keep the toes of both feet pointing forward; breathe and hold, no bouncing.",
            },
        .side_cue = "Swap feet so the other leg is behind.",
        .cautions =
            {
                "Keep the back heel down, and ease off if the calf starts to cramp.",
                "Stop and get advice if a calf is painful, warm or swollen.",  // R9
            },
        .sources = {"NHS: flexibility exercises"},
        .held = {Equipment::Wall},
    });

    // Piriformis and glutes from a chair (seed 004: glutes). R28 hip-replacement: the ankle
    // crosses over the other knee.
    lib.push_back(Exercise{
        .id = "seated-figure-4",
        .name = "Seated figure-4 glute stretch",
        .kind = Kind::Static,
        .position = Position::SeatedChair,
        .equipment = {Equipment::Chair},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"glutes"},
        .flags = {.crossed_legs = true},
        .dose = hold(kStretchHold),
        .cues =
            {
                "Sit tall near the front of a sturdy chair with both feet flat.",
                "Rest one ankle on the opposite knee and let the raised knee drop out to the "
                "side.",
                "Lean forward from the hips with a straight back only until the buttock feels "
                "mildly stretched.",  // R3
                "Breathe and hold still; no bouncing.",  // R4
            },
        .side_cue = "Put that foot down and rest the other ankle on the opposite knee.",
        .cautions =
            {
                Caution{"Not after a hip replacement.", {Concern::HipReplacement}},  // R28
                "Skip it if the knee or hip complains.",
            },
        .sources = {"NHS: exercises for sciatica", kSeed004},
        .held = {},
    });

    // R9: a wide stance strains the pelvic joints in pregnancy (pelvic girdle pain).
    lib.push_back(Exercise{
        .id = "standing-adductor",
        .name = "Standing side-lunge adductor stretch",
        .kind = Kind::Static,
        .position = Position::Standing,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"adductors"},
        .flags = {.deep_knee_bend = true, .wide_legs = true},  // R29: a side lunge bends the knee under load
        .dose = hold(kStretchHold),
        .cues =
            {
                "Hold the back of a chair or a wall if you like.",
                "Stand with the feet wide apart and the toes pointing forward.",
                "Bend one knee and shift your weight over it, keeping the other leg straight.",
                "Stop when the inner thigh of the straight leg feels mildly tight; breathe and "
                "hold, no bouncing.",  // R3, R4
            },
        .side_cue = "Shift back through the middle and bend the other knee.",
        .cautions =
            {
                Caution{"Not in pregnancy: the wide stance can strain the pelvic joints.", {Concern::Pregnancy}},  // R9
                "Keep the bent knee over the foot.",
            },
        .sources = {"ACSM Guidelines for Exercise Testing and Prescription"},
        .held = {},
    });

    // ----- Release (seed 004: roll the hamstrings 30–60 s) -----------------------------------

    lib.push_back(Exercise{
        .id = "foam-roll-hamstrings",
        .name = "Foam-roll the hamstrings",
        .kind = Kind::Release,
        .position = Position::FloorSeated,
        .equipment = {Equipment::FoamRoller},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hamstrings"},
        .flags = {},
        .dose = hold(45),  // within seed 004's 30–60 s per side
        .cues =
            {
                "Sit with one thigh on the foam roller and your hands on the floor behind you.",
                "Roll slowly from just above the knee toward the sitting bone.",
                "Pause on a tender spot for a few breaths, keeping the pressure bearable.",  // R3
                "Keep breathing and keep the movement slow.",
            },
        .side_cue = "Move the roller under the other thigh.",
        .cautions =
            {
                "Keep off the back of the knee.",
                "Not over a fresh injury or bruise.",
                "Ease off at sharp pain, numbness or tingling.",
            },
        .sources = {kSeed004},
        .held = {},
    });

    lib.push_back(Exercise{
        .id = "ball-release",
        .name = "Seated ball release",
        .kind = Kind::Release,
        .position = Position::SeatedChair,
        .equipment = {Equipment::Ball, Equipment::Chair},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hamstrings"},
        .flags = {.nerve_pressure = true},  // R14: the ball presses on the sciatic nerve's path
        .dose = hold(45),
        .cues =
            {
                "Sit on a firm chair with a massage ball under one thigh.",
                "Let the leg relax over the ball and shift a little to find a tight spot.",
                "Rest on that spot and breathe while the tension eases.",
                "Move the ball slowly along the back of the thigh and repeat.",
            },
        .side_cue = "Move the ball under the other thigh.",
        .cautions =
            {
                "Keep the ball off the back of the knee.",
                Caution{"The ball presses on the path of the sciatic nerve: not with sciatica or leg "
                        "symptoms.",
                        {Concern::Sciatica}},  // R14
                "Ease off if you feel numbness or tingling down the leg.",
            },
        .sources = {kSeed004},
        .held = {},
    });

    // ----- Strength (R8: 3 sets of 10–12, at most 2 days a week; seed 004) ------------------

    lib.push_back(Exercise{
        .id = "glute-bridge",
        .name = "Glute bridge",
        .kind = Kind::Strength,
        .position = Position::FloorSupine,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = false,
        .targets = {"glutes", "hamstrings", "core"},
        .flags = {},
        .dose = kStrengthDose,
        .cues =
            {
                "Lie on your back, knees bent, feet flat and hip-width apart.",
                "Squeeze the buttocks and raise the hips slowly until knees, hips and shoulders "
                "line up.",
                "Pause at the top, then lower with control.",
                "Breathe out as you lift and keep the lower back from arching.",
            },
        .side_cue = "",
        .cautions =
            {
                supine_pregnancy,
                "Stop if the lower back hurts.",
            },
        .sources = {kSeed004},
        .held = {},
    });

    lib.push_back(Exercise{
        .id = "clamshell",
        .name = "Clamshell",
        .kind = Kind::Strength,
        .position = Position::FloorSide,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"glutes"},
        .flags = {},
        .dose = kStrengthDose,
        .cues =
            {
                "Lie on your side, knees bent, heels in line with your hips.",
                "Keep the feet together and lift the top knee slowly.",
                "Keep the pelvis still; do not roll backward.",
                "Lower with control and breathe steadily.",
            },
        .side_cue = "Roll over and work the other side.",
        .cautions =
            {
                "Rest the head on your arm or a cushion to keep the neck easy.",
                "Stop at any pain in the hip.",
            },
        .sources = {kSeed004},
        .held = {},
    });

    lib.push_back(Exercise{
        .id = "donkey-kick",
        .name = "Donkey kick",
        .kind = Kind::Strength,
        .position = Position::Kneeling,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"glutes", "hamstrings"},  // hip extension loads the hamstrings (R11)
        .flags = {.all_fours = true},  // R29: hands and knees, the hips at 90 degrees
        .dose = kStrengthDose,
        .cues =
            {
                "Start on hands and knees, hands under the shoulders and knees under the hips.",
                "Keep the knee bent and press one foot slowly toward the ceiling.",
                "Lift only as high as the back stays flat and still.",
                "Lower with control, breathing out as you lift.",
            },
        .side_cue = "Switch and lift the other leg.",
        .cautions =
            {
                "Do not arch the lower back.",
                kneeling_pad,
            },
        .sources = {kSeed004},
        .held = {},
    });

    // Planks for the abdominals (seed 004; seed 002: the abdominals keep the lower spine
    // straight).
    lib.push_back(Exercise{
        .id = "plank",
        .name = "Plank",
        .kind = Kind::Strength,
        .position = Position::FloorProne,
        .equipment = {},
        .equipment_any = {},
        .levels = not_beginner,
        .sided = false,
        .targets = {"core"},
        .flags = {},
        .dose = hold(20),
        .cues =
            {
                "Rest on your forearms and toes, elbows under the shoulders; use the knees to "
                "make it easier.",
                "Brace the stomach so the body forms one straight line.",
                "Keep breathing; do not hold your breath.",  // seed 002
                "Drop to the knees as soon as the back begins to sag.",
            },
        .side_cue = "",
        .cautions =
            {
                "Stop if the lower back aches or sags.",
                Caution{"If you are pregnant, check with your clinician before planking.", {Concern::Pregnancy}},
            },
        .sources = {kSeed004, kSeed002},
        .held = {},
    });

    // R11, R26: the acute strain's strength block, pain-free isometric hamstring holds (the
    // early phase of Heiderscheit et al. 2010). The library lists one 5 s hold; the planner
    // runs it ten times a side.
    lib.push_back(Exercise{
        .id = "seated-heel-dig",
        .name = "Seated heel digs (isometric hamstring hold)",
        .kind = Kind::Strength,
        .position = Position::SeatedChair,
        .equipment = {Equipment::Chair},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hamstrings"},
        .flags = {},
        .dose = hold(5),
        .cues =
            {
                "Sit tall on a sturdy chair with one knee bent to about a right angle and the "
                "heel on the floor.",
                "Press that heel down and back into the floor at about a third of your full "
                "effort; the leg does not move.",
                heel_dig_hold,
                heel_dig_pain_free,
            },
        .side_cue = "Relax that leg and press with the other heel.",
        .cautions = {heel_dig_pain, heel_dig_doctor},
        .sources = {"Heiderscheit et al. 2010, JOSPT 40:67"},
        .held = {},
    });

    // R26: the same heel digs with no chair, lying with the knee bent and the heel pressed into
    // the floor (the early phase of Heiderscheit et al. 2010).
    lib.push_back(Exercise{
        .id = "supine-heel-dig",
        .name = "Lying heel digs (isometric hamstring hold)",
        .kind = Kind::Strength,
        .position = Position::FloorSupine,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"hamstrings"},
        .flags = {},
        .dose = hold(5),
        .cues =
            {
                "Lie on your back with one knee bent and that foot flat on the floor, the other "
                "leg resting long or bent.",
                "Press the heel of the bent leg down and back into the floor at about a third of "
                "your full effort; the leg does not move.",
                heel_dig_hold,
                heel_dig_pain_free,
            },
        .side_cue = "Relax that leg, bend the other knee and press with that heel.",
        .cautions = {heel_dig_pain, heel_dig_doctor, supine_pregnancy},
        .sources = {"Heiderscheit et al. 2010, JOSPT 40:67"},
        .held = {},
    });

    // R23: standing and chair strength for no-floor, pregnant and older users. R28 knee: a seat
    // of normal height, not a low one.
    lib.push_back(Exercise{
        .id = "sit-to-stand",
        .name = "Sit-to-stand from a chair",
        .kind = Kind::Strength,
        .position = Position::Standing,
        .equipment = {Equipment::Chair},
        .equipment_any = {},
        .levels = all_three,
        .sided = false,
        .targets = {"glutes", "quadriceps"},
        .flags = {},
        .dose = kStrengthDose,
        .cues =
            {
                "Sit near the front of a firm chair of normal height, not a low seat, with the "
                "feet flat and hip-width apart.",
                "Lean forward a little from the hips, keeping the back straight.",
                "Stand up, pushing through the feet, without using the hands if you can.",
                "Sit back down slowly and under control, breathing steadily.",
            },
        .side_cue = "",
        .cautions =
            {
                "Use the armrests if you need to.",
                "Use a higher seat if the knees or a new hip complain.",  // R28
            },
        .sources = {"NHS: strength exercises for older people"},
        .held = {},
    });

    lib.push_back(Exercise{
        .id = "supported-hip-abduction",
        .name = "Standing hip abduction holding a chair",
        .kind = Kind::Strength,
        .position = Position::Standing,
        .equipment = {Equipment::Chair},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"glutes"},
        .flags = {},
        .dose = kStrengthDose,
        .cues =
            {
                "Stand tall behind a sturdy chair and hold its back with both hands.",
                "Lift one leg slowly out to the side, the toes pointing forward.",
                "Keep the trunk upright; do not lean over to the other side.",
                "Lower the leg slowly, breathing out as you lift.",
            },
        .side_cue = "Change legs and lift the other one out to the side.",
        .cautions =
            {
                "Keep hold of the chair the whole time.",
                "Lift only as high as the hip moves without pain.",
            },
        .sources = {"NHS: strength exercises for older people", kSeed004},
        .held = {Equipment::Chair},
    });

    // R28 knee: only to about 45° of knee bend, so it is not a deep knee bend.
    lib.push_back(Exercise{
        .id = "wall-sit",
        .name = "Wall sit to a shallow bend",
        .kind = Kind::Strength,
        .position = Position::Standing,
        .equipment = {Equipment::Wall},
        .equipment_any = {},
        .levels = not_beginner,
        .sided = false,
        .targets = {"quadriceps", "glutes"},
        .flags = {},
        .dose = hold(20),
        .cues =
            {
                "Stand with your back against a wall, feet hip-width apart and a short step out "
                "from it.",
                "Slide down slowly only until the knees are bent about 45 degrees, knees over "
                "the ankles.",
                "Keep the back against the wall and breathe steadily while you hold.",
                "Slide back up slowly to standing.",
            },
        .side_cue = "",
        .cautions =
            {
                "Go no deeper than about 45 degrees of knee bend.",
                "Come up if the knees hurt.",
            },
        .sources = {"ACSM Guidelines for Exercise Testing and Prescription"},
        .held = {},
    });

    lib.push_back(Exercise{
        .id = "bird-dog",
        .name = "Bird-dog",
        .kind = Kind::Strength,
        .position = Position::Kneeling,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"core", "glutes"},
        .flags = {.all_fours = true},  // R29: hands and knees, the hips at 90 degrees
        .dose = kStrengthDose,
        .cues =
            {
                "Start on hands and knees, hands under the shoulders and knees under the hips.",
                "Brace the stomach gently and keep the back flat.",
                "Reach one arm forward and the opposite leg back until both are level with the "
                "body.",
                "Pause for a breath, then return slowly without letting the back sag or twist.",
            },
        .side_cue = "Switch to the other arm and the other leg.",
        .cautions =
            {
                kneeling_pad,
                "Do not arch the lower back; reach less far if it moves.",
            },
        .sources = {"McGill: the big three"},
        .held = {},
    });

    // Seed 002: the abdominals keep the lower spine straight.
    lib.push_back(Exercise{
        .id = "dead-bug",
        .name = "Dead bug",
        .kind = Kind::Strength,
        .position = Position::FloorSupine,
        .equipment = {},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"core"},
        .flags = {.deep_hip_flexion = true},  // R28: the legs held up bring the hips to 90 degrees and past
        .dose = kStrengthDose,
        .cues =
            {
                "Lie on your back, arms pointing at the ceiling and knees bent above the hips.",
                "Brace the stomach gently so the lower back rests down on the floor.",
                "Slowly lower one arm overhead and straighten the opposite leg toward the floor.",
                "Go only as far as the lower back stays down, then return, breathing out.",
            },
        .side_cue = "Switch to the other arm and the other leg.",
        .cautions =
            {
                supine_pregnancy,
                "Make the movement smaller if the lower back lifts off the floor.",
            },
        .sources = {kSeed002, "ACSM Guidelines for Exercise Testing and Prescription"},
        .held = {},
    });

    // R28 seated-only: chair strength work.
    lib.push_back(Exercise{
        .id = "seated-knee-extension-hold",
        .name = "Seated knee-extension hold (quadriceps)",
        .kind = Kind::Strength,
        .position = Position::SeatedChair,
        .equipment = {Equipment::Chair},
        .equipment_any = {},
        .levels = all_three,
        .sided = true,
        .targets = {"quadriceps"},
        .flags = {},
        .dose = hold(5),
        .cues =
            {
                "Sit tall on a sturdy chair, hands on its sides and feet flat.",
                "Straighten one knee slowly and tighten the muscle at the front of the thigh.",
                "Hold for 5 seconds, breathing steadily, with the foot relaxed.",  // R14
                "Lower the foot slowly back to the floor.",
            },
        .side_cue = "Change legs and straighten the other knee.",
        .cautions =
            {
                "Stop if the knee hurts.",
                "Ease off if you feel tingling or pain running down the leg.",
            },
        .sources = {"NHS: sitting exercises"},
        .held = {},
    });

    lib.push_back(Exercise{
        .id = "cushion-squeeze",
        .name = "Seated cushion squeeze",
        .kind = Kind::Strength,
        .position = Position::SeatedChair,
        .equipment = {Equipment::Chair},
        .equipment_any = {},
        .levels = all_three,
        .sided = false,
        .targets = {"adductors", "core"},
        .flags = {},
        .dose = hold(5),
        .cues =
            {
                "Sit tall on a sturdy chair, feet flat, with a cushion or rolled towel between "
                "the knees.",
                "Squeeze the knees together into the cushion and gently tighten the stomach.",
                "Hold for 5 seconds, breathing steadily, then relax.",
            },
        .side_cue = "",
        .cautions =
            {
                "Squeeze only as hard as is comfortable; stop if the groin or pelvis hurts.",
            },
        .sources = {"NHS: sitting exercises"},
        .held = {},
    });

    return lib;
}

}  // namespace

const std::vector<Exercise>& library() {
    static const std::vector<Exercise> exercises = build_library();
    return exercises;
}

const Exercise* find_exercise(std::string_view id) {
    for (const Exercise& exercise : library()) {
        if (exercise.id == id) return &exercise;
    }
    return nullptr;
}

}  // namespace limber
