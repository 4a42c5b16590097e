#include <limber/session/engine.hpp>

#include <algorithm>

namespace limber {

namespace {

Millis duration_of(const Step& step) { return Millis{static_cast<Millis::rep>(step.seconds) * 1000}; }

}  // namespace

SessionEngine::SessionEngine(std::vector<Step> steps, std::size_t first, Millis now)
    : m_steps(std::move(steps)), m_current(std::min(first, m_steps.size())), m_start(now) {}

Millis SessionEngine::active(Millis now) const {
    const Millis clock = m_paused_at ? *m_paused_at : now;
    return std::max(Millis{0}, clock - m_start - m_paused_total);
}

Millis SessionEngine::elapsed(Millis now) const { return m_finished ? m_end : active(now); }

Millis SessionEngine::remaining(Millis now) const {
    if (m_finished || m_current >= m_steps.size()) return Millis{0};
    const Millis length = duration_of(m_steps[m_current]);
    if (!m_started) return length;
    return std::clamp(m_step_start + length - active(now), Millis{0}, length);
}

void SessionEngine::start_step(std::size_t index, Millis at, std::vector<EngineEvent>& events) {
    m_current = index;
    m_step_start = at;
    events.push_back({EngineEvent::Kind::StepStarted, index, 0, false, at});
}

void SessionEngine::end_current(Millis at, bool cut_short, std::vector<EngineEvent>& events) {
    const Step& step = m_steps[m_current];
    int held = 0;
    if (is_work(step)) {
        const auto ran = std::chrono::duration_cast<std::chrono::seconds>(at - m_step_start).count();
        held = cut_short ? static_cast<int>(std::clamp<long long>(ran, 0, step.seconds)) : step.seconds;
    }
    events.push_back({EngineEvent::Kind::StepEnded, m_current, held, cut_short, at});
}

std::vector<EngineEvent> SessionEngine::advance(Millis now) {
    std::vector<EngineEvent> events;
    if (m_finished) return events;
    if (!m_started) {
        m_started = true;
        if (m_current >= m_steps.size()) {
            m_finished = true;
            events.push_back({EngineEvent::Kind::Finished, m_current, 0, false, Millis{0}});  // m_end stays 0
            return events;
        }
        start_step(m_current, Millis{0}, events);
    }
    if (paused()) return events;
    const Millis t = active(now);
    while (!m_finished && t >= m_step_start + duration_of(m_steps[m_current])) {
        const Millis deadline = m_step_start + duration_of(m_steps[m_current]);
        end_current(deadline, false, events);
        if (m_current + 1 >= m_steps.size()) {
            m_current = m_steps.size();
            m_finished = true;
            m_end = deadline;
            events.push_back({EngineEvent::Kind::Finished, m_current, 0, false, deadline});
        } else {
            start_step(m_current + 1, deadline, events);
        }
    }
    return events;
}

void SessionEngine::pause(Millis now) {
    if (!paused() && !m_finished) m_paused_at = now;
}

void SessionEngine::resume(Millis now) {
    if (!paused()) return;
    m_paused_total += now - *m_paused_at;
    m_paused_at.reset();
}

std::vector<EngineEvent> SessionEngine::skip(Millis now) {
    auto events = advance(now);
    if (m_finished) return events;
    const Millis t = active(now);
    end_current(t, true, events);
    std::size_t next = m_current + 1;
    while (next < m_steps.size() && !is_work(m_steps[next])) ++next;
    if (next >= m_steps.size()) {
        m_current = m_steps.size();
        m_finished = true;
        m_end = t;
        events.push_back({EngineEvent::Kind::Finished, m_current, 0, false, t});
    } else {
        start_step(next, t, events);
    }
    return events;
}

std::vector<EngineEvent> SessionEngine::quit(Millis now) {
    auto events = advance(now);
    if (m_finished) return events;
    const Millis t = active(now);
    end_current(t, true, events);
    m_quit = true;
    m_finished = true;
    m_end = t;
    events.push_back({EngineEvent::Kind::Finished, m_current, 0, true, t});
    return events;
}

}  // namespace limber
