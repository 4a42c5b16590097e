#pragma once
// The timer of a guided session: pure, driven by a monotonic clock the caller passes in.
// Every step ends at a deadline computed from the session's start, the durations of the steps
// before it and the time spent paused, never from when the caller happened to look, so a
// session does not drift however late or often it is polled.

#include <limber/plan/timing.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

namespace limber {

using Millis = std::chrono::milliseconds;  ///< a reading of the monotonic clock

/// What happened while the engine advanced.
struct EngineEvent {
    enum class Kind {
        StepStarted,  ///< `step` began
        StepEnded,    ///< `step` ended; for a hold or a set, `held_s` is how long it was held
        Finished,     ///< the last step ended
    };
    Kind kind;
    std::size_t step = 0;
    int held_s = 0;
    bool cut_short = false;  ///< ended by skip or quit before its time
    Millis at{0};            ///< engine time (since start, pauses excluded) the event happened
};

class SessionEngine {
public:
    /// A session of `steps` that starts at monotonic time `now` with step `first` (a resumed
    /// session starts part-way). Emits StepStarted for `first` on the first advance().
    SessionEngine(std::vector<Step> steps, std::size_t first, Millis now);

    /// Brings the engine to `now`: ends every step whose deadline has passed and starts the
    /// next one at exactly that deadline. Does nothing while paused.
    std::vector<EngineEvent> advance(Millis now);

    /// Space: stops the clock; the paused time counts toward nothing.
    void pause(Millis now);
    void resume(Millis now);
    bool paused() const { return m_paused_at.has_value(); }

    /// `n`: ends the current step now (a hold keeps the seconds held so far) and goes to the
    /// next hold or set, passing over the pauses in between.
    std::vector<EngineEvent> skip(Millis now);

    /// `q` or a signal: ends the current step now (a hold keeps the seconds held so far) and
    /// stops the session. finished() is then true and completed() false.
    std::vector<EngineEvent> quit(Millis now);

    bool finished() const { return m_finished; }
    /// True when the session ran through its last step (skips included) rather than being quit.
    bool completed() const { return m_finished && !m_quit; }

    /// The step running now (steps().size() once finished).
    std::size_t current() const { return m_current; }
    const std::vector<Step>& steps() const { return m_steps; }
    /// Time left in the current step at `now` (0 when finished).
    Millis remaining(Millis now) const;
    /// Session time at `now`: since start, pauses excluded; it stops when the session ends.
    Millis elapsed(Millis now) const;

    /// Whether a step is work (a hold or a set of repetitions) rather than a pause between.
    static bool is_work(const Step& step) { return step.kind == StepKind::Hold || step.kind == StepKind::Reps; }

private:
    Millis active(Millis now) const;  ///< `now` less paused time, relative to start
    void end_current(Millis at, bool cut_short, std::vector<EngineEvent>& events);
    void start_step(std::size_t index, Millis at, std::vector<EngineEvent>& events);

    std::vector<Step> m_steps;
    std::size_t m_current;
    Millis m_start;                      ///< monotonic time the session started
    Millis m_paused_total{0};
    std::optional<Millis> m_paused_at;
    Millis m_step_start{0};              ///< active time the current step started
    bool m_started = false;
    bool m_finished = false;
    bool m_quit = false;
    Millis m_end{0};                     ///< active time the session ended, once finished
};

}  // namespace limber
