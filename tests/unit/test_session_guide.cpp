// Unit tests: the guided session without a terminal: its script, where a resumed session picks
// up, and the loop driven through a fake GuidePort (a scripted monotonic clock, keys and
// interrupts at given times).
#include "fake_port.hpp"

#include <limber/session/guide.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

using namespace limber;
using limber::test::FakePort;

namespace {

Millis ms(long long n) { return Millis{n}; }
Millis s(long long n) { return Millis{n * 1000}; }

/// 2024-03-01 07:00:00 UTC.
const Instant k_wall = std::chrono::sys_days{std::chrono::year{2024} / 3 / 1} + std::chrono::hours{7};

/// A routine of three library exercises: a timed one (standing), a sided one with two reps per
/// side (seated on a chair) and one of repetitions in three sets (on the floor).
PlanView three_item_view() {
    PlanView view;
    view.name = "morning";
    view.today = {RoutineItem{"march-in-place", Phase::Warmup, false, 1, 1, 60, 0, "", "", DayPart::Every, {}},
                  RoutineItem{"seated-knee-extension", Phase::Stretch, true, 1, 2, 15, 10, "", "", DayPart::Every, {}},
                  RoutineItem{"glute-bridge", Phase::Strength, false, 3, 10, 0, 30, "", "", DayPart::Every, {}}};
    return view;
}

/// The script the loop tests run, as planned (default timing):
///  0 get ready 5    1 hold L1 15   2 rest 10   3 hold L2 15   4 switch 5   5 hold R1 15
///  6 rest 10        7 hold R2 15   8 transition 15   9 set 1 (5 reps) 15   10 rest 20   11 set 2 15
/// Steps end at 5, 20, 30, 45, 50, 65, 75, 90, 105, 120, 140, 155 s; holds 1, 3, 5, 7, 9, 11.
SessionScript loop_script() {
    PlanView view;
    view.name = "evening";
    view.today = {RoutineItem{"seated-knee-extension", Phase::Stretch, true, 1, 2, 15, 10, "", "", DayPart::Every, {}},
                  RoutineItem{"glute-bridge", Phase::Strength, false, 2, 5, 0, 20, "", "", DayPart::Every, {}}};
    return script_for(view, 0, -1);
}

const long long k_step_ends[] = {5, 20, 30, 45, 50, 65, 75, 90, 105, 120, 140, 155};

bool same_step(const Step& a, const Step& b) {
    return a.kind == b.kind && a.seconds == b.seconds && a.item == b.item && a.side == b.side && a.set == b.set &&
           a.rep == b.rep;
}

Hold done_hold(int seq) {
    Hold h;
    h.seq = seq;
    return h;
}

GuideOptions options(bool live, std::size_t first = 0, int holds_done = 0) {
    return GuideOptions{live, first, holds_done, k_wall, false, {}};
}

void check_hold(const Hold& h, int seq, int item, const char* exercise, const char* side, int rep, int target_s,
                int held_s, long long ended_s) {
    INFO("hold seq " << seq);
    CHECK(h.seq == seq);
    CHECK(h.item.value_or(-1) == item);
    CHECK(h.exercise == exercise);
    CHECK(h.side == side);
    CHECK(h.rep == rep);
    CHECK(h.target_s == target_s);
    CHECK(h.held_s == held_s);
    REQUIRE(h.ended_at.has_value());
    CHECK((*h.ended_at - k_wall).count() == ended_s);  // seconds after the session's wall start
}

std::vector<std::size_t> range(std::size_t from, std::size_t to) {
    std::vector<std::size_t> out;
    for (std::size_t i = from; i < to; ++i) out.push_back(i);
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The script, hold ordinals, seconds left, where a resumed session picks up
// ---------------------------------------------------------------------------------------------

TEST_CASE("guide: script_for as planned is the routine's own expansion") {
    const PlanView view = three_item_view();
    const SessionScript script = script_for(view, 0, -1);
    CHECK(script.routine == "morning");
    REQUIRE(script.items.size() == 3);
    CHECK(script.items[0].hold_s == 60);
    CHECK(script.items[1].rest_s == 10);
    const auto planned = expand(view.today, Timing{});
    REQUIRE(script.steps.size() == planned.size());
    REQUIRE(script.steps.size() == 16);
    for (std::size_t i = 0; i < planned.size(); ++i) {
        INFO("step " << i);
        CHECK(same_step(script.steps[i], planned[i]));
    }
    CHECK(script.steps[0].kind == StepKind::GetReady);
    CHECK(script.steps[0].seconds == 5);
    CHECK(script.steps[2].kind == StepKind::Transition);
    CHECK(script.steps[2].seconds == 15);  // standing to a chair: a change of position
    CHECK(script.steps[11].kind == StepKind::Reps);
    CHECK(script.steps[11].seconds == 30);  // 10 reps of 3 s
    CHECK(seconds_from(script.steps, 0) == 330);
    CHECK(seconds_from(script.steps, 0) == estimate_seconds(view.today));
}

TEST_CASE("guide: script_for with --hold and --rest makes every hold and set hold_s and every pause rest_s") {
    const SessionScript script = script_for(three_item_view(), 20, 3);
    REQUIRE(script.steps.size() == 16);  // no pause vanished, none was added
    const StepKind kinds[] = {StepKind::GetReady, StepKind::Hold, StepKind::Transition, StepKind::Hold,
                              StepKind::Rest,     StepKind::Hold, StepKind::SwitchSide, StepKind::Hold,
                              StepKind::Rest,     StepKind::Hold, StepKind::Transition, StepKind::Reps,
                              StepKind::Rest,     StepKind::Reps, StepKind::Rest,       StepKind::Reps};
    for (std::size_t i = 0; i < script.steps.size(); ++i) {
        INFO("step " << i);
        CHECK(script.steps[i].kind == kinds[i]);
        CHECK(script.steps[i].seconds == (SessionEngine::is_work(script.steps[i]) ? 20 : 3));
    }
    CHECK(script.steps[13].rep == 10);  // a set still counts its repetitions
    CHECK(script.steps[13].set == 2);
    CHECK(script.items[0].hold_s == 20);
    CHECK(script.items[1].hold_s == 20);
    CHECK(script.items[2].hold_s == 0);  // still an item of repetitions
    for (const auto& item : script.items) CHECK(item.rest_s == 3);
    CHECK(seconds_from(script.steps, 0) == 8 * 20 + 8 * 3);
}

TEST_CASE("guide: script_for with a rest of 0 s leaves out every pause") {
    const SessionScript script = script_for(three_item_view(), 0, 0);
    REQUIRE(script.steps.size() == 8);
    for (const auto& step : script.steps) CHECK(SessionEngine::is_work(step));
    CHECK(script.steps[0].seconds == 60);
    CHECK(script.steps[1].seconds == 15);
    CHECK(script.steps[1].side == "left");
    CHECK(script.steps[3].side == "right");
    CHECK(script.steps[7].seconds == 30);
    CHECK(seconds_from(script.steps, 0) == 60 + 4 * 15 + 3 * 30);
    const SessionScript both = script_for(three_item_view(), 25, 0);
    REQUIRE(both.steps.size() == 8);
    for (const auto& step : both.steps) CHECK(step.seconds == 25);
}

TEST_CASE("guide: script_for with a hold of 0 keeps the planned holds and a rest override still applies") {
    const SessionScript script = script_for(three_item_view(), 0, 7);
    REQUIRE(script.steps.size() == 16);
    CHECK(script.steps[1].seconds == 60);
    CHECK(script.steps[3].seconds == 15);
    CHECK(script.steps[11].seconds == 30);
    CHECK(script.steps[0].seconds == 7);
    CHECK(script.steps[4].seconds == 7);
    CHECK(script.steps[6].seconds == 7);
}

TEST_CASE("guide: hold_ordinals numbers the work steps from 0, pauses are -1") {
    const SessionScript script = script_for(three_item_view(), 0, -1);
    CHECK(hold_ordinals(script.steps) == std::vector<int>{-1, 0, -1, 1, -1, 2, -1, 3, -1, 4, -1, 5, -1, 6, -1, 7});
    CHECK(hold_ordinals(script_for(three_item_view(), 0, 0).steps) == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7});
    CHECK(hold_ordinals({}).empty());
}

TEST_CASE("guide: seconds_from sums the steps from the first given on") {
    const auto steps = script_for(three_item_view(), 0, -1).steps;
    CHECK(seconds_from(steps, 0) == 330);
    CHECK(seconds_from(steps, 1) == 325);
    CHECK(seconds_from(steps, 15) == 30);
    CHECK(seconds_from(steps, 16) == 0);
    CHECK(seconds_from(steps, 99) == 0);
    CHECK(seconds_from({}, 0) == 0);
}

TEST_CASE("guide: resume_step picks up at the pause leading into the hold after the last one done") {
    const auto steps = script_for(three_item_view(), 0, -1).steps;
    CHECK(resume_step(steps, {}) == 0);                                     // the get ready
    CHECK(resume_step(steps, {done_hold(0)}) == 2);                        // the transition into hold 1
    CHECK(resume_step(steps, {done_hold(0), done_hold(1)}) == 4);          // the rest into hold 2
    CHECK(resume_step(steps, {done_hold(0), done_hold(1), done_hold(2)}) == 6);  // the side switch
    CHECK(resume_step(steps, {done_hold(4)}) == 10);                       // the transition into the sets
    CHECK(resume_step(steps, {done_hold(0), done_hold(2)}) == 6);          // counts from the last one stored
    CHECK(resume_step(steps, {done_hold(6)}) == 14);
    CHECK(resume_step(steps, {done_hold(7)}) == steps.size());             // all done
    CHECK(resume_step(steps, {done_hold(40)}) == steps.size());
}

TEST_CASE("guide: resume_step without pauses picks up at the hold itself") {
    const auto steps = script_for(three_item_view(), 0, 0).steps;
    CHECK(resume_step(steps, {}) == 0);
    CHECK(resume_step(steps, {done_hold(0)}) == 1);
    CHECK(resume_step(steps, {done_hold(2)}) == 3);
    CHECK(resume_step(steps, {done_hold(7)}) == 8);
    CHECK(resume_step({}, {}) == 0);
}

// ---------------------------------------------------------------------------------------------
// The loop, through a fake port
// ---------------------------------------------------------------------------------------------

TEST_CASE("guide: a run to the end stores every hold in order as it ends") {
    const SessionScript script = loop_script();
    REQUIRE(script.steps.size() == 12);
    FakePort port;
    const GuideResult r = run_guided(script, options(false), port);

    CHECK(r.completed);
    CHECK(r.signal == 0);
    CHECK(r.holds_done == 6);
    CHECK(r.held_s == 90);
    CHECK(r.elapsed == s(155));
    CHECK(r.since_start == s(155));
    CHECK(port.since_start() == s(155));

    REQUIRE(port.holds.size() == 6);
    check_hold(port.holds[0], 0, 0, "seated-knee-extension", "left", 1, 15, 15, 20);
    check_hold(port.holds[1], 1, 0, "seated-knee-extension", "left", 2, 15, 15, 45);
    check_hold(port.holds[2], 2, 0, "seated-knee-extension", "right", 1, 15, 15, 65);
    check_hold(port.holds[3], 3, 0, "seated-knee-extension", "right", 2, 15, 15, 90);
    check_hold(port.holds[4], 4, 1, "glute-bridge", "", 5, 15, 15, 120);
    check_hold(port.holds[5], 5, 1, "glute-bridge", "", 5, 15, 15, 155);

    CHECK(port.started == range(0, 12));
    REQUIRE(port.ended.size() == 6);  // work only
    const std::size_t work[] = {1, 3, 5, 7, 9, 11};
    for (std::size_t i = 0; i < 6; ++i) {
        CHECK(port.ended[i].step == work[i]);
        CHECK(port.ended[i].held_s == 15);
        CHECK_FALSE(port.ended[i].cut_short);
    }
    // a hold is stored the moment it ends, before the next step begins
    const std::vector<std::string> head(port.calls.begin(), port.calls.begin() + 6);
    CHECK(head == std::vector<std::string>{"start 0", "start 1", "store 0", "ended 1", "start 2", "start 3"});
    CHECK(port.calls.back() == "ended 11");
    CHECK(port.frames.empty());  // not live: nothing drawn
}

TEST_CASE("guide: without a terminal the loop sleeps until each step ends and ignores keys") {
    const SessionScript script = loop_script();
    FakePort port;
    port.at(s(10), "q").at(s(12), " ").at(s(25), "n");  // keys are not read without a terminal
    const GuideResult r = run_guided(script, options(false), port);
    CHECK(r.completed);
    CHECK(r.holds_done == 6);
    CHECK(r.elapsed == s(155));
    CHECK(port.frames.empty());
    // each wait lasts until the current step's end; a wake (at 10, 12 and 25 s) only shortens the next
    const std::vector<Millis> expected = {s(5),  s(15), s(10), s(8),  s(10), s(5),  s(15), s(5),
                                          s(15), s(10), s(15), s(15), s(15), s(20), s(15)};
    CHECK(port.waits == expected);
}

TEST_CASE("guide: the live view is drawn with the frame of the current step, and the done frame at the end") {
    const SessionScript script = loop_script();
    FakePort port;
    const GuideResult r = run_guided(script, options(true), port);
    CHECK(r.completed);
    CHECK(r.elapsed == s(155));
    REQUIRE(port.frames.size() > 155);
    for (const auto& wait : port.waits) CHECK(wait <= ms(100));  // keys are read at least every 0.1 s

    const LiveFrame& first = port.frames.front().frame;
    CHECK(first.step == 0);
    CHECK(first.remaining_ms == 5000);
    CHECK(first.elapsed_ms == 0);
    CHECK(first.total_s == 155);
    CHECK(first.holds_done == 0);
    CHECK(first.holds_total == 6);
    CHECK_FALSE(first.paused);

    std::size_t mismatched = 0;
    for (std::size_t i = 0; i + 1 < port.frames.size(); ++i) {
        const auto& [frame, at] = port.frames[i];
        std::size_t step = 0;
        while (step < 12 && at >= s(k_step_ends[step])) ++step;
        int holds_before = 0;  // the holds among the steps already ended
        for (const std::size_t work : {1u, 3u, 5u, 7u, 9u, 11u})
            if (work < step) ++holds_before;
        const bool ok = frame.step == step && frame.elapsed_ms == at.count() &&
                        frame.remaining_ms == s(k_step_ends[step]).count() - at.count() &&
                        frame.holds_done == holds_before && frame.total_s == 155 && frame.holds_total == 6 &&
                        !frame.paused;
        if (!ok) {
            ++mismatched;
            UNSCOPED_INFO("frame " << i << " at " << at.count() << " ms: step " << frame.step << ", remaining "
                                   << frame.remaining_ms << ", elapsed " << frame.elapsed_ms << ", holds done "
                                   << frame.holds_done);
        }
    }
    CHECK(mismatched == 0);

    const LiveFrame& last = port.frames.back().frame;
    CHECK(last.step == 12);  // done
    CHECK(last.remaining_ms == 0);
    CHECK(last.elapsed_ms == 155'000);
    CHECK(last.holds_done == 6);
    CHECK_FALSE(last.paused);
}

TEST_CASE("guide: space pauses and resumes, the paused time is not counted and holds keep their length") {
    const SessionScript script = loop_script();
    FakePort port;
    port.at(s(7), " ").at(s(67), " ");  // 2 s into the first hold, a minute paused
    const GuideResult r = run_guided(script, options(true), port);
    CHECK(r.completed);
    CHECK(r.elapsed == s(155));
    CHECK(r.since_start == s(215));
    CHECK(r.held_s == 90);
    REQUIRE(port.holds.size() == 6);
    // a hold ends at the wall clock: the session's start plus the time since, pauses included
    check_hold(port.holds[0], 0, 0, "seated-knee-extension", "left", 1, 15, 15, 80);
    check_hold(port.holds[5], 5, 1, "glute-bridge", "", 5, 15, 15, 215);

    std::size_t paused_frames = 0;
    for (const auto& [frame, at] : port.frames) {
        if (at >= s(7) && at < s(67)) {
            CHECK(frame.paused);
            CHECK(frame.step == 1);
            CHECK(frame.remaining_ms == 13'000);  // frozen
            CHECK(frame.elapsed_ms == 7'000);
            ++paused_frames;
        } else {
            CHECK_FALSE(frame.paused);
        }
    }
    CHECK(paused_frames > 100);
}

TEST_CASE("guide: n cuts a hold short and stores the seconds held, a hold skipped at once is not stored") {
    const SessionScript script = loop_script();
    FakePort port;
    port.at(s(10), "nn");  // 5 s into hold 0, then hold 1 at once
    const GuideResult r = run_guided(script, options(true), port);
    CHECK(r.completed);  // skips do not make it partial
    CHECK(r.signal == 0);
    CHECK(r.holds_done == 5);
    CHECK(r.held_s == 5 + 4 * 15);
    CHECK(r.elapsed == s(115));  // 155 less the 10 s left of hold 0, its rest and hold 1
    REQUIRE(port.holds.size() == 5);
    check_hold(port.holds[0], 0, 0, "seated-knee-extension", "left", 1, 15, 5, 10);
    check_hold(port.holds[1], 2, 0, "seated-knee-extension", "right", 1, 15, 15, 25);
    check_hold(port.holds[2], 3, 0, "seated-knee-extension", "right", 2, 15, 15, 50);
    check_hold(port.holds[4], 5, 1, "glute-bridge", "", 5, 15, 15, 115);
    // the rest after hold 0 and the side switch are passed over
    CHECK(port.started == std::vector<std::size_t>{0, 1, 3, 5, 6, 7, 8, 9, 10, 11});
    REQUIRE(port.ended.size() == 6);
    CHECK(port.ended[0].step == 1);
    CHECK(port.ended[0].held_s == 5);
    CHECK(port.ended[0].cut_short);
    CHECK(port.ended[1].step == 3);
    CHECK(port.ended[1].held_s == 0);  // told it ended, but nothing to store
    CHECK(port.ended[1].cut_short);
}

TEST_CASE("guide: n during a pause goes straight to the next hold, on the last step it ends the session") {
    const SessionScript script = loop_script();
    FakePort port;
    port.at(s(2), "N").at(s(145), "n");  // 2 s into the get ready (3 s saved); 8 s into the last set (137..152)
    const GuideResult r = run_guided(script, options(true), port);
    CHECK(r.completed);
    CHECK(r.elapsed == s(145));
    CHECK(port.started == range(0, 12));
    REQUIRE(port.holds.size() == 6);
    check_hold(port.holds[0], 0, 0, "seated-knee-extension", "left", 1, 15, 15, 17);
    check_hold(port.holds[5], 5, 1, "glute-bridge", "", 5, 15, 8, 145);
    CHECK(r.held_s == 5 * 15 + 8);
    CHECK(port.frames.back().frame.step == 12);  // the done frame
}

TEST_CASE("guide: q stops the session, keeping the seconds of the hold cut short") {
    const SessionScript script = loop_script();
    FakePort port;
    port.at(s(27), "Q").at(s(40), " ");  // during the first rest; nothing comes after
    const GuideResult r = run_guided(script, options(true), port);
    CHECK_FALSE(r.completed);
    CHECK(r.signal == 0);
    CHECK(r.holds_done == 1);
    CHECK(r.held_s == 15);
    CHECK(r.elapsed == s(27));
    CHECK(r.since_start == s(27));
    REQUIRE(port.holds.size() == 1);
    CHECK(port.started == std::vector<std::size_t>{0, 1, 2});
    CHECK(port.ended.size() == 1);  // the rest is not work
    CHECK(port.frames.back().frame.step == 2);  // no done frame
    CHECK_FALSE(port.script_done());  // the key at 40 s was never waited for
}

TEST_CASE("guide: q during a hold stores it with the seconds held") {
    const SessionScript script = loop_script();
    FakePort port;
    port.at(s(37), "q n");  // 7 s into hold 1 (30..45)
    const GuideResult r = run_guided(script, options(true), port);
    CHECK_FALSE(r.completed);
    CHECK(r.holds_done == 2);
    CHECK(r.held_s == 22);
    CHECK(r.elapsed == s(37));
    REQUIRE(port.holds.size() == 2);
    check_hold(port.holds[1], 1, 0, "seated-knee-extension", "left", 2, 15, 7, 37);
    REQUIRE(port.ended.size() == 2);
    CHECK(port.ended[1].cut_short);
    CHECK(port.started.back() == 3);
}

TEST_CASE("guide: a quit signal stops the session and is kept, with or without a terminal") {
    const SessionScript script = loop_script();
    for (const bool live : {false, true}) {
        INFO("live: " << live);
        FakePort port;
        port.at(s(40), "", {Interrupt{Interrupt::Kind::Quit, 15}});  // 10 s into hold 1
        const GuideResult r = run_guided(script, options(live), port);
        CHECK_FALSE(r.completed);
        CHECK(r.signal == 15);
        CHECK(r.holds_done == 2);
        CHECK(r.held_s == 25);
        CHECK(r.elapsed == s(40));
        CHECK(r.since_start == s(40));
        REQUIRE(port.holds.size() == 2);
        check_hold(port.holds[1], 1, 0, "seated-knee-extension", "left", 2, 15, 10, 40);
        CHECK(port.started.back() == 3);
    }
}

TEST_CASE("guide: a quit signal while paused ends the session at the paused time") {
    const SessionScript script = loop_script();
    FakePort port;
    port.at(s(9), " ").at(s(30), "", {Interrupt{Interrupt::Kind::Quit, 2}});
    const GuideResult r = run_guided(script, options(true), port);
    CHECK_FALSE(r.completed);
    CHECK(r.signal == 2);
    CHECK(r.elapsed == s(9));
    CHECK(r.since_start == s(30));
    REQUIRE(port.holds.size() == 1);
    check_hold(port.holds[0], 0, 0, "seated-knee-extension", "left", 1, 15, 4, 30);
}

TEST_CASE("guide: Ctrl-Z suspends, then redraws, and the session stays paused until space") {
    const SessionScript script = loop_script();
    FakePort port;  // suspended for 120 s: from 8 s to 128 s
    port.at(s(8), "", {Interrupt{Interrupt::Kind::Suspend, 20}}).at(s(130), " ");
    const GuideResult r = run_guided(script, options(true), port);
    const std::vector<std::string> expected_calls = {"start 0", "start 1", "suspend", "redraw"};
    CHECK(std::vector<std::string>(port.calls.begin(), port.calls.begin() + 4) == expected_calls);
    CHECK(r.completed);
    CHECK(r.signal == 0);
    CHECK(r.elapsed == s(155));
    CHECK(r.since_start == s(155 + 122));
    REQUIRE(port.holds.size() == 6);
    check_hold(port.holds[0], 0, 0, "seated-knee-extension", "left", 1, 15, 15, 20 + 122);
    for (const auto& [frame, at] : port.frames)
        if (at >= s(128) && at < s(130)) {
            CHECK(frame.paused);
            CHECK(frame.elapsed_ms == 8'000);
            CHECK(frame.remaining_ms == 12'000);
        }
}

TEST_CASE("guide: without a terminal, Ctrl-Z stops the clock only until the process is continued") {
    const SessionScript script = loop_script();
    FakePort port;  // suspended for 120 s: from 8 s to 128 s
    port.at(s(8), "", {Interrupt{Interrupt::Kind::Suspend, 20}});
    const GuideResult r = run_guided(script, options(false), port);
    CHECK(std::count(port.calls.begin(), port.calls.end(), "suspend") == 1);
    CHECK(r.completed);  // no key could resume it: it goes on by itself
    CHECK(r.elapsed == s(155));
    CHECK(r.since_start == s(155 + 120));
    REQUIRE(port.holds.size() == 6);
    check_hold(port.holds[0], 0, 0, "seated-knee-extension", "left", 1, 15, 15, 20 + 120);
}

TEST_CASE("guide: a redraw interrupt only asks for a repaint") {
    const SessionScript script = loop_script();
    FakePort port;
    port.at(s(12), "", {Interrupt{Interrupt::Kind::Redraw, 28}});
    const GuideResult r = run_guided(script, options(true), port);
    CHECK(r.completed);
    CHECK(r.elapsed == s(155));
    CHECK(r.since_start == s(155));
    CHECK(std::count(port.calls.begin(), port.calls.end(), "redraw") == 1);
    CHECK(std::count(port.calls.begin(), port.calls.end(), "suspend") == 0);
    for (const auto& drawn : port.frames) CHECK_FALSE(drawn.frame.paused);
}

TEST_CASE("guide: a resumed run starts at resume_step and counts on from the holds done before") {
    const SessionScript script = loop_script();
    const std::size_t first = resume_step(script.steps, {done_hold(0), done_hold(1)});
    REQUIRE(first == 4);  // the side switch into hold 2
    FakePort port;
    const GuideResult r = run_guided(script, options(true, first, 2), port);
    CHECK(r.completed);
    CHECK(r.holds_done == 6);
    CHECK(r.held_s == 60);  // this run only
    CHECK(r.elapsed == s(seconds_from(script.steps, first)));
    CHECK(r.elapsed == s(110));
    CHECK(port.started == range(4, 12));
    REQUIRE(port.holds.size() == 4);
    check_hold(port.holds[0], 2, 0, "seated-knee-extension", "right", 1, 15, 15, 20);
    check_hold(port.holds[1], 3, 0, "seated-knee-extension", "right", 2, 15, 15, 45);
    check_hold(port.holds[3], 5, 1, "glute-bridge", "", 5, 15, 15, 110);
    const LiveFrame& frame = port.frames.front().frame;
    CHECK(frame.step == 4);
    CHECK(frame.remaining_ms == 5000);
    CHECK(frame.holds_done == 2);
    CHECK(frame.holds_total == 6);
    CHECK(port.frames.back().frame.holds_done == 6);
}

TEST_CASE("guide: a resumed run with every hold done finishes at once, completed") {
    const SessionScript script = loop_script();
    FakePort port;
    const GuideResult r = run_guided(script, options(false, resume_step(script.steps, {done_hold(5)}), 6), port);
    CHECK(r.completed);
    CHECK(r.holds_done == 6);
    CHECK(r.held_s == 0);
    CHECK(r.elapsed == s(0));
    CHECK(port.waits.empty());
    CHECK(port.started.empty());
    CHECK(port.holds.empty());
}
