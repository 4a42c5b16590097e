// Unit tests: the session timer engine, driven by a fake monotonic clock.
#include <limber/session/engine.hpp>

#include <catch2/catch.hpp>

#include <random>

using namespace limber;
using EventKind = EngineEvent::Kind;

namespace {

Millis ms(long long n) { return Millis{n}; }
Millis s(long long n) { return Millis{n * 1000}; }

Step hold(int seconds, std::size_t item = 0, const char* side = "", int rep = 1) {
    return Step{StepKind::Hold, seconds, item, side, 1, rep};
}
Step rest(int seconds, std::size_t item = 0) { return Step{StepKind::Rest, seconds, item, "", 1, 1}; }

/// get ready 5, hold 15, rest 10, hold 15, switch 5, hold 15: 65 s.
std::vector<Step> small_session() {
    return {Step{StepKind::GetReady, 5, 0, "", 1, 1}, hold(15, 0, "left", 1), rest(10), hold(15, 0, "left", 2),
            Step{StepKind::SwitchSide, 5, 0, "right", 1, 1}, hold(15, 0, "right", 1)};
}

std::vector<EngineEvent> ended(const std::vector<EngineEvent>& events) {
    std::vector<EngineEvent> out;
    for (const auto& e : events)
        if (e.kind == EventKind::StepEnded) out.push_back(e);
    return out;
}

}  // namespace

TEST_CASE("engine: steps end at their deadlines however the clock is polled") {
    SessionEngine engine(small_session(), 0, s(100));
    std::vector<EngineEvent> all;
    for (Millis now = s(100); !engine.finished(); now += ms(333)) {
        auto events = engine.advance(now);
        all.insert(all.end(), events.begin(), events.end());
    }
    const auto ends = ended(all);
    REQUIRE(ends.size() == 6);
    const long long deadlines[] = {5, 20, 30, 45, 50, 65};
    for (std::size_t i = 0; i < ends.size(); ++i) {
        CHECK(ends[i].step == i);
        CHECK(ends[i].at == s(deadlines[i]));
        CHECK_FALSE(ends[i].cut_short);
    }
    CHECK(ends[1].held_s == 15);
    CHECK(ends[0].held_s == 0);  // get ready is not a hold
    CHECK(all.back().kind == EventKind::Finished);
    CHECK(all.back().at == s(65));
    CHECK(engine.completed());
}

TEST_CASE("engine: one late poll ends every step that is due, each at its own deadline") {
    SessionEngine engine(small_session(), 0, s(0));
    CHECK(engine.advance(s(0)).size() == 1);  // StepStarted 0
    const auto events = engine.advance(s(47));
    const auto ends = ended(events);
    REQUIRE(ends.size() == 4);
    CHECK(ends[3].at == s(45));
    CHECK(engine.current() == 4);
    CHECK(engine.remaining(s(47)) == s(3));
}

TEST_CASE("engine: a paused timer does not count") {
    SessionEngine engine(small_session(), 0, s(0));
    engine.advance(s(0));
    engine.advance(s(10));  // 5 s into the first hold
    engine.pause(s(10));
    CHECK(engine.paused());
    CHECK(engine.advance(s(70)).empty());        // a minute paused: nothing ends
    CHECK(engine.remaining(s(70)) == s(10));
    CHECK(engine.elapsed(s(70)) == s(10));
    engine.resume(s(70));
    CHECK(engine.remaining(s(70)) == s(10));
    const auto ends = ended(engine.advance(s(80)));
    REQUIRE(ends.size() == 1);
    CHECK(ends[0].held_s == 15);
    CHECK(ends[0].at == s(20));  // session time, pauses excluded
    for (Millis now = s(80); !engine.finished(); now += ms(250)) engine.advance(now);
    CHECK(engine.elapsed(s(125)) == s(65));  // finished 60 s late on the clock, 65 s of session
    CHECK(engine.elapsed(s(999)) == s(65));  // and the session time stops when it ends
}

TEST_CASE("engine: n ends a hold with the seconds held and goes to the next hold, past the rest") {
    SessionEngine engine(small_session(), 0, s(0));
    engine.advance(s(0));
    engine.advance(s(5));                        // the first hold starts at 5 s
    const auto events = engine.skip(s(5) + ms(3600));
    const auto ends = ended(events);
    REQUIRE(ends.size() == 1);
    CHECK(ends[0].step == 1);
    CHECK(ends[0].held_s == 3);
    CHECK(ends[0].cut_short);
    CHECK(events.back().kind == EventKind::StepStarted);
    CHECK(events.back().step == 3);              // the rest (step 2) is passed over
    CHECK(engine.remaining(s(9)) == s(15) - ms(400));
    // n in a pause between holds goes to the hold after it
    engine.advance(s(23) + ms(600));             // the hold (step 3) ended at 23.6 s; switch side runs
    CHECK(engine.current() == 4);
    const auto from_pause = engine.skip(s(25));
    CHECK(ended(from_pause).at(0).held_s == 0);
    CHECK(engine.current() == 5);
    // n on the last hold finishes the session, which still counts as run to its end
    engine.skip(s(30));
    CHECK(engine.finished());
    CHECK(engine.completed());
}

TEST_CASE("engine: q keeps the seconds held and stops, not completed") {
    SessionEngine engine(small_session(), 0, s(0));
    engine.advance(s(0));
    const auto events = engine.quit(s(12) + ms(900));
    const auto ends = ended(events);
    REQUIRE(ends.size() == 2);  // get ready ended at 5 s, then the hold was cut at 12.9 s
    CHECK(ends[1].held_s == 7);
    CHECK(ends[1].cut_short);
    CHECK(events.back().kind == EventKind::Finished);
    CHECK(engine.finished());
    CHECK_FALSE(engine.completed());
    CHECK(engine.quit(s(20)).empty());
    CHECK(engine.advance(s(20)).empty());
}

TEST_CASE("engine: a resumed session starts at the step it is given") {
    SessionEngine engine(small_session(), 3, s(0));
    const auto first = engine.advance(s(0));
    REQUIRE(first.size() == 1);
    CHECK(first[0].step == 3);
    std::size_t holds = 0;
    for (Millis now = s(0); !engine.finished(); now += s(1))
        for (const auto& e : engine.advance(now)) holds += e.kind == EventKind::StepEnded && e.held_s > 0;
    CHECK(holds == 2);
    SessionEngine past_end(small_session(), 99, s(0));
    CHECK(past_end.advance(s(0)).at(0).kind == EventKind::Finished);
}

TEST_CASE("engine: a 30-minute session polled with jitter ends within 10 ms of its length") {
    std::vector<Step> steps;
    int total = 0;
    for (int i = 0; i < 60; ++i) {
        steps.push_back(hold(20, static_cast<std::size_t>(i)));
        steps.push_back(rest(10, static_cast<std::size_t>(i)));
        total += 30;
    }
    REQUIRE(total == 1800);
    std::mt19937 random(7);
    std::uniform_int_distribution<int> jitter(1, 180);
    SessionEngine engine(steps, 0, ms(123'456));
    Millis now = ms(123'456);
    Millis finished_at{-1};
    Millis seen_at{-1};
    int pauses = 0;
    while (!engine.finished()) {
        now += ms(jitter(random));
        if (jitter(random) == 1 && !engine.paused()) {
            engine.pause(now);
            ++pauses;
            now += ms(777);
            engine.resume(now);
        }
        for (const auto& e : engine.advance(now))
            if (e.kind == EventKind::Finished) {
                finished_at = e.at;
                seen_at = engine.elapsed(now);
            }
    }
    CHECK(pauses > 0);
    CHECK(std::abs((finished_at - s(1800)).count()) < 10);  // the deadline itself: no drift at all
    CHECK(seen_at - finished_at < ms(181));                  // noticed within one poll
}
