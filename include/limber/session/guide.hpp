#pragma once
// A guided session from start to end, without a terminal: the script of the steps, where a
// resumed session picks up, and the loop that runs the timer engine, reacts to keys and
// interrupts, and hands every finished hold over the moment it ends. The clock, the waiting,
// the keys, the interrupts and the screen come through a GuidePort, so the loop is tested
// with a fake one.

#include <limber/plan/week.hpp>
#include <limber/session/engine.hpp>
#include <limber/session/records.hpp>
#include <limber/session/view.hpp>
#include <limber/time/clock.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace limber {

/// The steps of a session of the routine as `view` has it this week, with a hold of `hold_s`
/// for every hold and set (0: as planned) and `rest_s` for every pause between (-1: as planned).
SessionScript script_for(const PlanView& view, int hold_s, int rest_s);

/// The hold number (from 0) of each work step, -1 for the pauses between.
std::vector<int> hold_ordinals(const std::vector<Step>& steps);

/// How many holds and sets (work steps) `steps` has.
int hold_count(const std::vector<Step>& steps);

/// Seconds of the steps from `first` on.
int seconds_from(const std::vector<Step>& steps, std::size_t first);

/// Where a session with the holds `done` stored picks up: the hold after the last one done,
/// with the pause that leads into it; steps.size() when none is left.
std::size_t resume_step(const std::vector<Step>& steps, const std::vector<Hold>& done);

/// Something that woke the loop besides the clock.
struct Interrupt {
    enum class Kind {
        Quit,     ///< end the session now (a signal: its number is `signal`)
        Suspend,  ///< Ctrl-Z: stop the clock and give the terminal back
        Redraw,   ///< the screen needs drawing again (resized, continued)
    };
    Kind kind = Kind::Quit;
    int signal = 0;
};

/// What woke the loop.
struct Wake {
    std::string keys;                   ///< keys typed (a live session only)
    std::vector<Interrupt> interrupts;  ///< in the order they came
};

/// The world a guided session runs in.
class GuidePort {
public:
    virtual ~GuidePort() = default;
    /// The monotonic clock.
    virtual Millis now() = 0;
    /// Waits until a key, an interrupt or `timeout`; returns what came (nothing on a timeout).
    virtual Wake wait(Millis timeout) = 0;
    /// Step `step` began.
    virtual void step_started(std::size_t step) = 0;
    /// A hold or set ended (`event.held_s` held; cut short by a skip or quit).
    virtual void work_ended(const EngineEvent& event) = 0;
    /// A hold ended with seconds held: store it now.
    virtual void store_hold(const Hold& hold) = 0;
    /// Draws the live view (a live session only).
    virtual void draw(const LiveFrame& frame) = 0;
    /// Ctrl-Z: gives the terminal back, stops this process, and takes the terminal again.
    virtual void suspend() = 0;
    /// The next draw repaints the whole screen.
    virtual void redraw() = 0;
    /// A spoken session: says `words` without waiting; not worth saying after `valid_for`.
    virtual void say(const std::string& words, Millis valid_for) = 0;
    /// A spoken session: stops what is being said and drops what waits.
    virtual void hush() = 0;
};

struct GuideOptions {
    bool live = false;          ///< a terminal: keys are read and the live view is drawn
    std::size_t first = 0;      ///< the step to start at (resume_step for a resumed session)
    int holds_done = 0;         ///< holds stored before (a resumed session)
    Instant wall_start;         ///< the wall clock when the session's row was made: holds end
                                ///< at wall_start + the monotonic time since the loop began
    bool voice = false;         ///< `start --voice`: the voice_timeline is said through port.say
    std::string opening;        ///< a spoken session: said with the first step (the overview)
};

struct GuideResult {
    bool completed = false;  ///< ran through its last step (skips included), not quit
    int signal = 0;          ///< the signal that quit it, 0 when none did
    int holds_done = 0;      ///< holds stored, those before included
    int held_s = 0;          ///< seconds held in this run
    Millis elapsed{0};       ///< session time of this run, pauses excluded
    Millis since_start{0};   ///< monotonic time from the loop's start to its end, pauses included
    bool muted = false;      ///< a spoken session ended muted (`m`)
};

/// Runs `script` from `options.first` to its end, a quit key ('q') or a Quit interrupt.
/// Space pauses and resumes, 'n' skips to the next hold; in a spoken session 'r' says the
/// current step again with its time left and 'm' mutes and unmutes, pausing and resuming are
/// said, and so is the end (not a signal's). A Suspend pauses the clock until the
/// process is continued, and a live session then stays paused until space. Every hold ended with seconds held
/// is handed to port.store_hold as it ends.
GuideResult run_guided(const SessionScript& script, const GuideOptions& options, GuidePort& port);

}  // namespace limber
