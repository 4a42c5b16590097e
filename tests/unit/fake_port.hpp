#pragma once
// A GuidePort for the unit tests of the guided session: a monotonic clock that moves only
// inside wait(), keys and interrupts at given times, and a record of every call (what was
// drawn, stored and said).
#include <limber/session/guide.hpp>

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

namespace limber::test {

/// A frame the loop drew, and when.
struct Drawn {
    LiveFrame frame;
    Millis at;  ///< since the fake clock's start
};

struct Scripted {
    Millis at;  ///< since the fake clock's start
    Wake wake;
};

/// A GuidePort whose clock moves only inside wait(): to the timeout, or to the next scripted wake.
class FakePort final : public GuidePort {
public:
    explicit FakePort(Millis start = Millis{90'000}) : m_clock(start), m_start(start) {}

    /// At `at` after the start, wait() returns these keys and interrupts.
    FakePort& at(Millis at, std::string keys, std::vector<Interrupt> interrupts = {}) {
        m_script.push_back({at, Wake{std::move(keys), std::move(interrupts)}});
        std::stable_sort(m_script.begin(), m_script.end(),
                         [](const Scripted& a, const Scripted& b) { return a.at < b.at; });
        return *this;
    }

    Millis now() override { return m_clock; }
    Wake wait(Millis timeout) override {
        waits.push_back(timeout);
        if (timeout < Millis{0}) throw std::logic_error("a negative timeout");
        if (waits.size() > 200'000) throw std::runtime_error("the loop does not end");
        if (!m_script.empty() && m_start + m_script.front().at <= m_clock + timeout) {
            m_clock = std::max(m_clock, m_start + m_script.front().at);
            Wake wake = m_script.front().wake;
            m_script.pop_front();
            return wake;
        }
        m_clock += timeout;
        return {};
    }
    void step_started(std::size_t step) override {
        started.push_back(step);
        calls.push_back("start " + std::to_string(step));
    }
    void work_ended(const EngineEvent& event) override {
        ended.push_back(event);
        calls.push_back("ended " + std::to_string(event.step));
    }
    void store_hold(const Hold& hold) override {
        holds.push_back(hold);
        calls.push_back("store " + std::to_string(hold.seq));
    }
    void draw(const LiveFrame& frame) override { frames.push_back({frame, m_clock - m_start}); }
    void suspend() override {
        calls.push_back("suspend");
        m_clock += suspended_for;  // the process is stopped this long
    }
    void redraw() override { calls.push_back("redraw"); }
    void say(const std::string& words, Millis valid_for) override {
        said.push_back({m_clock - m_start, words, valid_for});
        calls.push_back("say " + words);
    }
    void hush() override { calls.push_back("hush"); }

    Millis since_start() const { return m_clock - m_start; }
    bool script_done() const { return m_script.empty(); }

    Millis suspended_for = Millis{120'000};
    std::vector<Millis> waits;
    std::vector<std::size_t> started;
    std::vector<EngineEvent> ended;
    std::vector<Hold> holds;
    std::vector<Drawn> frames;
    std::vector<std::string> calls;
    struct Said {
        Millis at;  ///< since the start
        std::string words;
        Millis valid_for;
    };
    std::vector<Said> said;

private:
    Millis m_clock;
    Millis m_start;
    std::deque<Scripted> m_script;
};

}  // namespace limber::test
