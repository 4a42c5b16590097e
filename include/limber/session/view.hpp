#pragma once
// What a guided session says and draws: the plain line of each event (no terminal) and the
// live block of a terminal (countdown, progress bar, cue, what comes next). Pure: text in,
// text out, so it is tested without a terminal.

#include <limber/catalog/exercise.hpp>
#include <limber/plan/routine.hpp>
#include <limber/plan/timing.hpp>
#include <limber/ui/ui.hpp>

#include <optional>
#include <string>
#include <vector>

namespace limber {

/// The routine items and the steps a session runs.
struct SessionScript {
    std::string routine;
    std::vector<RoutineItem> items;
    std::vector<Step> steps;
    bool spoken = false;  ///< `start --voice`: a way in that changes position shows what to do
};

/// "Seated knee extension" (the library name, or the id when the library does not know it).
std::string exercise_name(const std::string& id);

/// A work step without the exercise's name: "left side · rep 2 of 4" ("" for a single hold).
std::string work_detail(const SessionScript& script, const Step& step);

/// A work step for people: "Seated knee extension · left side · rep 2 of 4" (or "set 1 of 3 · 10 reps").
std::string work_title(const SessionScript& script, const Step& step);

/// What a pause step asks for: "Get ready: March in place", "Get into position: Seated
/// knee extension", "Switch to the right side", "Rest".
std::string pause_title(const SessionScript& script, const Step& step);

/// The library's exercise of a step, or nullptr when the library does not know it.
const Exercise* exercise_at(const SessionScript& script, const Step& step);

/// Where a way in (get ready, get into position) leads: from the position of the exercise
/// before (none for the first) to its exercise's. None for other steps, or when the library
/// does not know one of the two exercises.
struct WayIn {
    std::optional<Position> from;
    Position to;
};
std::optional<WayIn> way_in(const SessionScript& script, std::size_t index);

/// On a way in (get ready, get into position) where the position changes, what to do:
/// "Get down to the floor slowly, …, and lie on your back, knees bent."; empty otherwise.
std::string position_line(const SessionScript& script, std::size_t index);

/// The live view's cue line for step `index`: the exercise's first cue, the side cue on a
/// switch, and in a spoken session the position_line of a way in that has one.
std::string cue_line(const SessionScript& script, std::size_t index);

/// "Routine \"morning\": 12 holds, about 9:48." (with "Continuing. " before it on a resumed run).
std::string overview_line(const SessionScript& script, std::size_t first, int holds_left, bool resume);

/// The line a step's start prints without a terminal, e.g. "hold 15 s: Seated knee extension · left side · rep 1 of 4",
/// "rest 10 s", "switch to the right side 5 s", "get ready 5 s: March in place".
std::string step_line(const SessionScript& script, std::size_t index);

/// What comes after step `index`: "Next: rest 10 s" / "Next: Seated knee extension · right side · rep 1 of 4" / "Last one".
std::string next_line(const SessionScript& script, std::size_t index);

/// R20: on the get-ready and get-into-position steps, the cautions of the exercise coming up,
/// each "! …"; empty on other steps.
std::vector<std::string> caution_lines(const SessionScript& script, std::size_t index);

/// One frame of the live view.
struct LiveFrame {
    std::size_t step = 0;
    long long remaining_ms = 0;
    long long elapsed_ms = 0;   ///< session time so far, pauses excluded
    int total_s = 0;            ///< the whole session
    int holds_done = 0;
    int holds_total = 0;
    bool paused = false;
    enum class Voice { Off, On, Muted } voice = Voice::Off;  ///< `start --voice`, and `m`
};

/// The live block: every line fits in `width` columns (at least 20), none wraps.
std::vector<std::string> live_lines(const SessionScript& script, const LiveFrame& frame, int width, const ui::Style& style);

/// "m:ss".
std::string clock_text(long long seconds);

}  // namespace limber
