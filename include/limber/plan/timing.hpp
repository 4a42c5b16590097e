#pragma once
// The one timing model that `plan` estimates with and `start` runs: a routine expanded into
// the steps of a session (get ready, holds, repetitions, rests, side switches, transitions).

#include <limber/plan/routine.hpp>

#include <string>
#include <vector>

namespace limber {

/// Seconds of the pauses between work. `start --hold/--rest` override them for a session.
struct Timing {
    int get_ready_s = 5;          ///< before the first item
    int transition_s = 10;        ///< between two items in the same position
    int position_change_s = 15;   ///< between items in different positions (getting down, up)
    int side_switch_s = 5;        ///< between the left and the right side
    int seconds_per_rep = 3;      ///< one slow, controlled repetition
};

enum class StepKind { GetReady, Transition, Hold, Reps, Rest, SwitchSide };

struct Step {
    StepKind kind = StepKind::Hold;
    int seconds = 0;
    std::size_t item = 0;   ///< index of the routine item this step belongs to (or leads to)
    std::string side;       ///< "left", "right" or "" (two-sided)
    int set = 1;            ///< 1-based
    int rep = 1;            ///< 1-based rep (timed) or the number of reps (repetitions)
};

/// The steps of a session running `items` in order: sides left then right, all reps of a side
/// together, rests between reps and sets. Pauses of 0 s are left out. An exercise the library
/// does not know counts as a change of position.
std::vector<Step> expand(const std::vector<RoutineItem>& items, const Timing& timing);

/// Total seconds of a session: the sum of its steps.
int estimate_seconds(const std::vector<RoutineItem>& items, const Timing& timing = {});

/// "9 min 48 s".
std::string format_duration(int seconds);

}  // namespace limber
