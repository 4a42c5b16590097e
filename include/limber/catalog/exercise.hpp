#pragma once
// The exercise model: the attributes of one entry of the built-in library (CLI.md "exercises").

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace limber {

enum class Kind { Static, Dynamic, Strength, Release };
enum class Position { Standing, SeatedChair, FloorSeated, FloorSupine, FloorSide, FloorProne, Kneeling };
enum class Equipment { Strap, Chair, Step, Wall, Table, FoamRoller, Ball, Partner };
enum class Level { Beginner, Intermediate, Advanced };

/// Safety-relevant properties the constraint rules (DOMAIN.md R9–R14, R21, R26, R28) test.
struct ExerciseFlags {
    bool spinal_flexion_load = false;  ///< rounds or loads the lumbar spine in flexion (R13, R21)
    bool balance = false;              ///< challenges balance even with its listed equipment (R9, R10, R26)
    bool partner = false;              ///< needs another person to apply pressure (R9, R10, R28)
    bool ballistic = false;            ///< bounces; never true in the library (R4)
    bool nerve_tension = false;        ///< tensions the sciatic nerve: straight leg + foot pulled up (R14)
    bool nerve_pressure = false;       ///< presses on the sciatic nerve's path under the thigh (R14)
    bool deep_hip_flexion = false;     ///< takes the hip past 90° of flexion (R28 hip-replacement)
    bool crossed_legs = false;         ///< crosses the legs or turns the knee in (R28 hip-replacement)
    bool twisting = false;             ///< twists or side-bends the spine under load (R28 osteoporosis)
    bool deep_knee_bend = false;       ///< bends the knee deeply under load or to the buttock (R28 knee)
    bool wide_legs = false;            ///< wide-leg adductor stretch (R9: pelvic girdle pain)
    bool momentum = false;             ///< swings a leg with momentum while standing on the other (R29 hip-replacement)
    bool all_fours = false;            ///< on hands and knees, the hips bent to 90 degrees (R29 hip-replacement)
};

/// Whom a caution concerns (R29): a caution with none is for everyone; one with some is shown
/// in a plan or a session only to a person it concerns ("not for pregnancy…" is not shown at 85).
enum class Concern {
    Pregnancy,
    Injury,
    Back,            ///< back pain or sciatica
    Sciatica,
    Osteoporosis,
    HipReplacement,
    Knee,
    Unsteady,        ///< a person who needs something to hold when standing (R29)
};

/// A caution and whom it concerns.
struct Caution {
    Caution(std::string text_, std::vector<Concern> concerns_ = {})
        : text(std::move(text_)), concerns(std::move(concerns_)) {}
    Caution(const char* text_) : text(text_) {}
    std::string text;
    std::vector<Concern> concerns;  ///< empty: everyone
};

/// How much of it one set is: a hold in seconds, or repetitions in sets. Exactly one of
/// hold_s or reps is non-zero.
struct Dose {
    int hold_s = 0;
    int reps = 0;
    int sets = 0;
};

/// One exercise of the library. `equipment` lists everything it needs (all of it);
/// `equipment_any`, when not empty, lists alternatives of which it needs one more (a step or a
/// chair).
struct Exercise {
    std::string id;                 ///< stable slug
    std::string name;               ///< display name
    Kind kind = Kind::Static;
    Position position = Position::Standing;
    std::vector<Equipment> equipment;
    std::vector<Equipment> equipment_any;
    std::vector<Level> levels;      ///< levels it may appear in (R17)
    bool sided = false;             ///< done once per side, left then right
    std::vector<std::string> targets;
    ExerciseFlags flags;
    Dose dose;
    std::vector<std::string> cues;      ///< how to do it, in order
    std::string side_cue;               ///< what to say when switching sides; empty unless sided
    std::vector<Caution> cautions;      ///< what to watch for, and whom it concerns
    std::vector<std::string> sources;   ///< the articles and guidelines it comes from, as a reader can find them
    /// R29: its own equipment that the person holds to steady themselves (the wall of leg
    /// swings, the chair back of supported hip abduction). Equipment it uses otherwise (a step
    /// or seat, a wall to lean on) is not a support while doing it.
    std::vector<Equipment> held;
};

// Names as they appear on the command line and in JSON (CLI.md).
std::string_view to_string(Kind kind);
std::string_view to_string(Position position);
std::string_view to_string(Equipment equipment);
std::string_view to_string(Level level);

std::optional<Kind> parse_kind(std::string_view text);
std::optional<Position> parse_position(std::string_view text);
std::optional<Equipment> parse_equipment(std::string_view text);
std::optional<Level> parse_level(std::string_view text);

/// Every value of each enum, in declaration order (for validation messages and completions).
const std::vector<Position>& all_positions();
const std::vector<Equipment>& all_equipment();
const std::vector<Level>& all_levels();

/// True when the position is on the floor or kneeling (R12).
bool is_floor(Position position);

/// What to do to get into `to`, in plain words, from `from` (none: the start of a session):
/// "Get down to the floor slowly, holding a chair if you need one, and lie on your back, knees
/// bent." Empty when the position does not change.
std::string position_instruction(std::optional<Position> from, Position to);

}  // namespace limber
