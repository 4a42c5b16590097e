// Unit tests: what `start --voice` says and when (session/speech), the words for a change of
// position (catalog), and the guide loop speaking through the fake port (fake_port.hpp): the countdown at its
// seconds, r, m, pause and resume, the end, a skip, and a silent session that says nothing.
#include <limber/catalog/catalog.hpp>
#include <limber/session/guide.hpp>
#include <limber/session/speech.hpp>

#include "fake_port.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace limber;
using limber::test::FakePort;

namespace {

/// March in place (standing), the seated knee extension (a chair, both sides, 2 reps), then
/// the supine strap stretch (on the floor).
SessionScript script() {
    SessionScript s;
    s.routine = "default";
    s.items = {RoutineItem{"march-in-place", Phase::Warmup, false, 1, 1, 20, 0, "", "", DayPart::Every, {}},
               RoutineItem{"seated-knee-extension", Phase::Stretch, true, 1, 2, 15, 10, "", "", DayPart::Every, {}},
               RoutineItem{"supine-strap", Phase::Stretch, true, 1, 1, 15, 10, "", "", DayPart::Every, {}}};
    s.steps = expand(s.items, Timing{});
    s.spoken = true;
    return s;
}

std::vector<int> step_starts(const SessionScript& s) {
    std::vector<int> starts;
    int at = 0;
    for (const auto& step : s.steps) {
        starts.push_back(at);
        at += step.seconds;
    }
    return starts;
}

Millis ms(long long n) { return Millis{n}; }

bool called(const FakePort& port, const std::string& call) {
    return std::find(port.calls.begin(), port.calls.end(), call) != port.calls.end();
}

const FakePort::Said* find(const FakePort& port, const std::string& words) {
    for (const auto& s : port.said)
        if (s.words == words) return &s;
    return nullptr;
}

}  // namespace

TEST_CASE("speech: shown texts become plain spoken words") {
    CHECK(spoken("Seated knee-extension stretch · left side · rep 2 of 4") == "Seated knee-extension stretch, left side, rep 2 of 4");
    CHECK(spoken("Rest 10 s") == "Rest 10 seconds");
    CHECK(spoken("1 s left") == "1 second left");
    CHECK(spoken("Routine \"morning\": 12 holds, about 9:48.") == "Routine morning: 12 holds, about 9 minutes 48 seconds.");
    CHECK(spoken("about 0:45") == "about 45 seconds");
    CHECK(spoken("about 1:00") == "about 1 minute");
    CHECK(spoken("! Stop if you feel tingling.") == "Stop if you feel tingling.");
    CHECK(spoken("Back pain now? 0 (none) to 10 (worst), Enter to skip") ==
          "Back pain now? 0, none, to 10, worst, Enter to skip");
    CHECK(spoken("3 sets of 10 reps") == "3 sets of 10 reps");  // "s" only as a unit after a number
}

TEST_CASE("speech: a change of position says how to get there") {
    CHECK(position_instruction(Position::Standing, Position::FloorSupine) ==
          "Get down to the floor slowly, holding a chair if you need one, and lie on your back, knees bent.");
    CHECK(position_instruction(Position::FloorSupine, Position::Standing) ==
          "Come up slowly: roll to your side and push up to your hands and knees, then stand, holding a chair if you need one.");
    CHECK(position_instruction(Position::SeatedChair, Position::SeatedChair).empty());
    CHECK(position_instruction(std::nullopt, Position::SeatedChair) == "Sit near the front of a sturdy chair, feet flat on the floor.");
    CHECK(position_instruction(Position::FloorSupine, Position::FloorSeated) == "Sit tall on the floor.");
    CHECK(seconds_to_move(Position::Standing, Position::FloorSupine) == 10);
    CHECK(seconds_to_move(Position::FloorSupine, Position::Standing) == 10);
    CHECK(seconds_to_move(Position::Standing, Position::SeatedChair) == 5);
    CHECK(seconds_to_move(Position::SeatedChair, Position::SeatedChair) == 0);
}

TEST_CASE("speech: the timeline names each step, says where the position changes and counts down each hold") {
    SessionScript s = script();
    const std::string opening = overview_line(s, 0, hold_count(s.steps), false);
    lengthen_ways_in(s, 0, opening);
    const auto timeline = voice_timeline(s, 0, spoken(opening));
    const auto starts = step_starts(s);
    REQUIRE(!timeline.empty());
    CHECK(timeline[0].step == 0);
    CHECK(timeline[0].words.starts_with("Routine default: 7 holds, about "));
    CHECK(timeline[0].words.find("Get ready: March in place.") != std::string::npos);
    // every utterance is due no earlier than the one before, and says something
    for (std::size_t i = 1; i < timeline.size(); ++i) {
        CHECK(starts[timeline[i].step] + timeline[i].at_s >= starts[timeline[i - 1].step] + timeline[i - 1].at_s);
        CHECK(!timeline[i].words.empty());
    }
    // the floor: the way in says how to get down, and is long enough to hear it and do it
    std::size_t down = s.steps.size();
    for (std::size_t i = 0; i < s.steps.size(); ++i)
        if (s.steps[i].kind == StepKind::Transition && s.steps[i].item == 2) down = i;
    REQUIRE(down < s.steps.size());
    bool said_down = false;
    for (const auto& u : timeline)
        if (u.step == down && u.at_s == 0) {
            CHECK(u.words.find("Get down to the floor slowly") != std::string::npos);
            CHECK(s.steps[down].seconds >= speaking_seconds(u.words) + 10);
            said_down = true;
        }
    CHECK(said_down);
    // a change of position has longer than a change of side
    std::size_t side = s.steps.size();
    for (std::size_t i = 0; i < s.steps.size(); ++i)
        if (s.steps[i].kind == StepKind::SwitchSide) side = i;
    REQUIRE(side < s.steps.size());
    CHECK(s.steps[down].seconds > s.steps[side].seconds);
    // each hold of more than 3 s ends with 3, 2, 1 at its last three seconds
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        if (s.steps[i].kind != StepKind::Hold) continue;
        std::vector<std::string> last;
        for (const auto& u : timeline)
            if (u.step == i && u.at_s > 0) {
                CHECK(u.at_s == s.steps[i].seconds - std::stoi(u.words));
                last.push_back(u.words);
            }
        CHECK(last == std::vector<std::string>{"3", "2", "1"});
    }
    // what fits is said where it is due; only a title (never cut) may run over its gap
    for (const auto& u : timeline)
        if (u.at_s == 0 && u.step != 0 && speaking_seconds(u.words) + 0.5 > u.gap_s) {
            INFO(u.words);
            CHECK(u.words.find(". ") == std::string::npos);  // one sentence: the title alone
        }
    // the first hold of the knee extension says its side and its first cue; the second rep only the rep
    const auto& cue = find_exercise("seated-knee-extension")->cues.front();
    bool cue_said = false;
    for (const auto& u : timeline)
        if (u.words.find(cue) != std::string::npos) cue_said = true;
    CHECK(cue_said);
    bool rep_two = false;
    for (const auto& u : timeline)
        if (u.words == "Rep 2 of 2.") rep_two = true;
    CHECK(rep_two);
}

TEST_CASE("speech: a hold too short for its title says the shorter one, and what does not fit waits for the next moment") {
    SessionScript s = script();
    for (auto& item : s.items) item.hold_s = 5;
    s.steps = expand(s.items, Timing{0, 0, 0, 0, 3});
    const auto timeline = voice_timeline(s, 0, "");
    // no pauses at all: the holds name themselves, and the cues go when there is no time
    CHECK(timeline[0].words == "March in place.");  // nothing said before: the name
    bool short_side = false;
    for (const auto& u : timeline)
        if (u.words == "Right side.") short_side = true;  // "Right side, rep 1 of 2." does not fit 2 s
    CHECK(short_side);
}

TEST_CASE("speech: r says the step whole with its time left, and the end says the holds and the time held") {
    const SessionScript s = script();
    const std::string words = repeat_words(s, 1, 12);
    CHECK(words.starts_with("March in place. "));
    CHECK(words.ends_with(" 12 seconds left."));
    CHECK(end_words(true, 7, 7, 125) == "Done, 7 of 7 holds, 125 seconds held.");
    CHECK(end_words(false, 2, 7, 30) == "Stopped, 2 of 7 holds kept.");
}

TEST_CASE("guide: a spoken session says each moment on its second, and r, m, space and the end") {
    SessionScript s = script();
    lengthen_ways_in(s, 0, "Routine default.");
    const auto starts = step_starts(s);
    const int hold = starts[1];  // the march's hold
    FakePort port;
    port.at(ms(hold * 1000 + 2000), "r")     // 18 s of the 20 s hold left
        .at(ms(hold * 1000 + 4000), " ")     // pause
        .at(ms(hold * 1000 + 9000), " ")     // resume 5 s later
        .at(ms(hold * 1000 + 10000), "m")    // mute: the countdown is not said
        .at(ms(hold * 1000 + 25000), "m")    // voice on, in the next step
        .at(ms(hold * 1000 + 26000), "q");
    const GuideResult r = run_guided(s, GuideOptions{true, 0, 0, Instant{}, true, "Routine default."}, port);
    CHECK_FALSE(r.completed);
    REQUIRE(!port.said.empty());
    CHECK(port.said[0].at == ms(0));
    CHECK(port.said[0].words.starts_with("Routine default. Get ready: March in place."));
    REQUIRE(port.said.size() > 2);
    const auto* begin = &port.said[1];  // the march's hold begins: it was named on its way in
    CHECK(begin->words.starts_with("Begin. March on the spot at an easy pace for a minute or two."));
    CHECK(begin->at == ms(hold * 1000));
    const auto* again = &port.said[2];
    CHECK(again->at == ms(hold * 1000 + 2000));
    CHECK(again->words.ends_with(" 18 seconds left."));
    REQUIRE(find(port, "Paused.") != nullptr);
    CHECK(find(port, "Paused.")->at == ms(hold * 1000 + 4000));
    REQUIRE(find(port, "Going on.") != nullptr);
    CHECK(called(port, "hush"));
    CHECK(find(port, "3") == nullptr);  // muted through the march's countdown (at 17 s of active time)
    REQUIRE(find(port, "Voice on.") != nullptr);
    CHECK(find(port, "Voice on.")->at == ms(hold * 1000 + 25000));
    CHECK(port.said.back().words == "Stopped, 1 of 7 holds kept.");
    CHECK(port.frames.back().frame.voice == LiveFrame::Voice::On);
}

TEST_CASE("guide: the countdown is said at 3, 2 and 1 seconds left, pauses excluded, and a silent session says nothing") {
    SessionScript s = script();
    const auto starts = step_starts(s);
    FakePort spoken_port;
    run_guided(s, GuideOptions{false, 0, 0, Instant{}, true, ""}, spoken_port);
    std::vector<Millis> counts;
    for (const auto& said : spoken_port.said)
        if (said.words == "3" || said.words == "2" || said.words == "1") counts.push_back(said.at);
    REQUIRE(counts.size() >= 3);
    const int end_of_march = starts[1] + s.steps[1].seconds;
    CHECK(counts[0] == ms((end_of_march - 3) * 1000));
    CHECK(counts[1] == ms((end_of_march - 2) * 1000));
    CHECK(counts[2] == ms((end_of_march - 1) * 1000));
    CHECK(spoken_port.said.back().words == "Done, 7 of 7 holds, 110 seconds held.");

    FakePort silent;
    run_guided(s, GuideOptions{true, 0, 0, Instant{}, false, ""}, silent.at(ms(1000), "rm"));
    CHECK(silent.said.empty());
    CHECK(silent.frames.back().frame.voice == LiveFrame::Voice::Off);
}

TEST_CASE("guide: n to the next exercise says that exercise whole, as nothing on its way in was said") {
    SessionScript s = script();
    FakePort port;
    const auto starts = step_starts(s);
    port.at(ms(starts[1] * 1000 + 1000), "n");  // from the march straight to the knee extension's first hold
    run_guided(s, GuideOptions{true, 0, 0, Instant{}, true, ""}, port.at(ms(starts[1] * 1000 + 2000), "q"));
    bool whole = false;
    for (const auto& said : port.said)
        if (said.words.starts_with("Seated knee-extension stretch, left side, rep 1 of 2.")) whole = true;
    CHECK(whole);
}
