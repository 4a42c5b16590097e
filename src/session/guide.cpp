#include <limber/session/guide.hpp>

#include <limber/session/speech.hpp>

#include <algorithm>
#include <optional>

namespace limber {

SessionScript script_for(const PlanView& view, int hold_s, int rest_s) {
    SessionScript script;
    script.routine = view.name;
    script.items = view.today;
    Timing timing;
    if (rest_s >= 0) {
        timing.get_ready_s = timing.transition_s = timing.position_change_s = timing.side_switch_s = rest_s;
        for (auto& item : script.items) item.rest_s = rest_s;
    }
    if (hold_s > 0)
        for (auto& item : script.items)
            if (item.hold_s > 0) item.hold_s = hold_s;
    script.steps = expand(script.items, timing);
    if (hold_s > 0)
        for (auto& step : script.steps)
            if (step.kind == StepKind::Reps) step.seconds = hold_s;  // a set lasts the same as a hold
    return script;
}

std::vector<int> hold_ordinals(const std::vector<Step>& steps) {
    std::vector<int> ordinal(steps.size(), -1);
    int next = 0;
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (SessionEngine::is_work(steps[i])) ordinal[i] = next++;
    return ordinal;
}

int hold_count(const std::vector<Step>& steps) {
    return static_cast<int>(std::count_if(steps.begin(), steps.end(), SessionEngine::is_work));
}

int seconds_from(const std::vector<Step>& steps, std::size_t first) {
    int left = 0;
    for (std::size_t i = first; i < steps.size(); ++i) left += steps[i].seconds;
    return left;
}

std::size_t resume_step(const std::vector<Step>& steps, const std::vector<Hold>& done) {
    const int next = done.empty() ? 0 : done.back().seq + 1;
    const auto ordinal = hold_ordinals(steps);
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (ordinal[i] == next) return i > 0 && !SessionEngine::is_work(steps[i - 1]) ? i - 1 : i;  // with its way in
    return steps.size();
}

namespace {

/// One run of the loop's state: the engine and what has been counted.
class Guide {
public:
    Guide(const SessionScript& script, const GuideOptions& options, GuidePort& port)
        : m_script(script), m_options(options), m_port(port), m_ordinal(hold_ordinals(script.steps)),
          m_total_s(seconds_from(script.steps, 0)), m_holds_total(hold_count(script.steps)), m_start(port.now()),
          m_engine(script.steps, options.first, m_start) {
        m_result.holds_done = options.holds_done;
        if (options.voice) m_timeline = voice_timeline(script, options.first, options.opening);
    }

    GuideResult run() {
        while (!m_engine.finished()) {
            handle(m_engine.advance(m_port.now()));
            if (m_engine.finished()) break;
            const Millis now = m_port.now();
            speak_due(now);
            if (m_options.live) m_port.draw(frame(m_engine.current(), now));
            Millis remaining = m_engine.paused() ? Millis{1000} : m_engine.remaining(now);
            if (auto next = until_next_words(now)) remaining = std::min(remaining, *next);
            const Wake wake = m_port.wait(m_options.live ? std::min(remaining, Millis{100}) : remaining);
            for (const auto& interrupt : wake.interrupts) take(interrupt);
            if (m_options.live)
                for (const char key : wake.keys) {
                    if (m_engine.finished()) break;
                    press(key);
                }
        }
        const Millis ended = m_port.now();
        m_result.completed = m_engine.completed();
        m_result.muted = m_muted;
        if (m_options.voice && !m_muted) {
            if (m_result.signal != 0) m_port.hush();  // a signal ends the session now, words too
            else
                m_port.say(end_words(m_result.completed, m_result.holds_done, m_holds_total, m_result.held_s),
                           Millis{10000});
        }
        m_result.elapsed = m_engine.elapsed(ended);
        m_result.since_start = ended - m_start;
        if (m_options.live && m_result.completed) m_port.draw(frame(m_script.steps.size(), ended));
        return m_result;
    }

private:
    LiveFrame frame(std::size_t step, Millis now) const {
        const bool done = step >= m_script.steps.size();
        LiveFrame f{step, done ? 0 : m_engine.remaining(now).count(), m_engine.elapsed(now).count(), m_total_s,
                    m_result.holds_done, m_holds_total, !done && m_engine.paused()};
        if (m_options.voice) f.voice = m_muted ? LiveFrame::Voice::Muted : LiveFrame::Voice::On;
        return f;
    }

    /// Says the words whose moment in the current step has come (those of steps passed over
    /// by a late wake-up or a skip are dropped).
    void speak_due(Millis now) {
        if (m_engine.paused() || m_engine.finished()) return;
        const std::size_t step = m_engine.current();
        const long long elapsed_ms = m_script.steps[step].seconds * 1000LL - m_engine.remaining(now).count();
        bool passed_over = false;  // a skip: the words on the way in were not said, so the step says all of its own
        while (m_next_words < m_timeline.size()) {
            const Utterance& u = m_timeline[m_next_words];
            if (u.step > step || (u.step == step && u.at_s * 1000LL > elapsed_ms)) break;
            if (u.step < step) passed_over = true;
            else if (!m_muted)
                m_port.say(passed_over && u.at_s == 0 ? step_words(m_script, step) : u.words, Millis{u.gap_s * 1000LL});
            ++m_next_words;
        }
    }

    /// Time until the next words of the current step are due, when some are.
    std::optional<Millis> until_next_words(Millis now) const {
        if (m_engine.paused() || m_next_words >= m_timeline.size()) return std::nullopt;
        const std::size_t step = m_engine.current();
        const Utterance& u = m_timeline[m_next_words];
        if (u.step != step) return std::nullopt;
        const Millis due = Millis{(m_script.steps[step].seconds - u.at_s) * 1000LL};  // as remaining time
        const Millis remaining = m_engine.remaining(now);
        return remaining > due ? remaining - due : Millis{0};
    }

    void say(const std::string& words) {
        if (m_options.voice && !m_muted) m_port.say(words, Millis{5000});
    }

    void take(const Interrupt& interrupt) {
        switch (interrupt.kind) {
        case Interrupt::Kind::Quit:
            m_result.signal = interrupt.signal;
            handle(m_engine.quit(m_port.now()));
            break;
        case Interrupt::Kind::Suspend:
            m_engine.pause(m_port.now());
            m_port.suspend();
            m_port.redraw();
            // a live session waits for space; without a terminal no key can come, so the
            // clock goes on as soon as the process is continued
            if (!m_options.live) m_engine.resume(m_port.now());
            break;
        case Interrupt::Kind::Redraw: m_port.redraw(); break;
        }
    }

    void press(char key) {
        if (key == ' ') {
            if (m_engine.paused()) {
                m_engine.resume(m_port.now());
                say("Going on.");
            } else {
                m_engine.pause(m_port.now());
                say("Paused.");
            }
        } else if (m_options.voice && (key == 'r' || key == 'R')) {
            const Millis now = m_port.now();
            say(repeat_words(m_script, m_engine.current(), (m_engine.remaining(now).count() + 999) / 1000));
        } else if (m_options.voice && (key == 'm' || key == 'M')) {
            if (!m_muted) m_port.hush();
            m_muted = !m_muted;
            say("Voice on.");
        } else if (key == 'n' || key == 'N') {
            handle(m_engine.skip(m_port.now()));
        } else if (key == 'q' || key == 'Q') {
            handle(m_engine.quit(m_port.now()));
        }
    }

    void handle(const std::vector<EngineEvent>& events) {
        for (const auto& e : events) {
            if (e.kind == EngineEvent::Kind::Finished) continue;
            const Step& step = m_script.steps[e.step];
            if (e.kind == EngineEvent::Kind::StepStarted) {
                m_port.step_started(e.step);
                continue;
            }
            if (!SessionEngine::is_work(step)) continue;
            if (e.held_s > 0) {
                m_port.store_hold(hold_of(step, e));
                ++m_result.holds_done;
                m_result.held_s += e.held_s;
            }
            m_port.work_ended(e);
        }
    }

    Hold hold_of(const Step& step, const EngineEvent& e) const {
        Hold h;
        h.seq = m_ordinal[e.step];
        h.item = static_cast<int>(step.item);
        h.exercise = m_script.items.at(step.item).exercise;
        h.side = step.side;
        h.rep = step.rep;
        h.target_s = step.seconds;
        h.held_s = e.held_s;
        h.ended_at = m_options.wall_start + std::chrono::duration_cast<std::chrono::seconds>(m_port.now() - m_start);
        return h;
    }

    const SessionScript& m_script;
    const GuideOptions& m_options;
    GuidePort& m_port;
    std::vector<int> m_ordinal;
    int m_total_s;
    int m_holds_total;
    Millis m_start;
    SessionEngine m_engine;
    GuideResult m_result;
    std::vector<Utterance> m_timeline;  ///< a spoken session's words, in order
    std::size_t m_next_words = 0;       ///< the first of them not yet due
    bool m_muted = false;
};

}  // namespace

GuideResult run_guided(const SessionScript& script, const GuideOptions& options, GuidePort& port) {
    return Guide(script, options, port).run();
}

}  // namespace limber
