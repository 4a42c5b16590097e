// Unit tests: the shared timing model (steps of a session and its estimate).
#include <limber/plan/timing.hpp>

#include <catch2/catch.hpp>

using namespace limber;

namespace {
RoutineItem timed(const char* id, bool sided, int reps, int hold, int rest, int sets = 1) {
    RoutineItem i;
    i.exercise = id;
    i.sided = sided;
    i.reps = reps;
    i.hold_s = hold;
    i.rest_s = rest;
    i.sets = sets;
    return i;
}
}  // namespace

TEST_CASE("a sided timed item: all reps on the left, a switch, all reps on the right") {
    const Timing t;
    const auto steps = expand({timed("seated-knee-extension", true, 3, 20, 10)}, t);
    std::vector<StepKind> kinds;
    for (const auto& s : steps) kinds.push_back(s.kind);
    CHECK(kinds == std::vector<StepKind>{StepKind::GetReady, StepKind::Hold, StepKind::Rest, StepKind::Hold,
                                         StepKind::Rest, StepKind::Hold, StepKind::SwitchSide, StepKind::Hold,
                                         StepKind::Rest, StepKind::Hold, StepKind::Rest, StepKind::Hold});
    CHECK(steps[1].side == "left");
    CHECK(steps[7].side == "right");
    CHECK(steps[5].rep == 3);
    CHECK(estimate_seconds({timed("seated-knee-extension", true, 3, 20, 10)}) == 5 + 2 * (3 * 20 + 2 * 10) + 5);
}

TEST_CASE("transitions: 10 s in the same position, 15 s when it changes") {
    const auto same = estimate_seconds({timed("march-in-place", false, 1, 60, 0), timed("standing-quad", true, 2, 30, 10)});
    CHECK(same == 5 + 60 + 10 + 2 * (60 + 10) + 5);
    const auto change = estimate_seconds({timed("march-in-place", false, 1, 60, 0), timed("seated-knee-extension", true, 2, 30, 10)});
    CHECK(change == same + 5);
    const auto unknown = estimate_seconds({timed("march-in-place", false, 1, 60, 0), timed("not-in-library", false, 1, 30, 0)});
    CHECK(unknown == 5 + 60 + 15 + 30);
}

TEST_CASE("repetition items take 3 s a rep, with rests between sets") {
    RoutineItem clamshell;
    clamshell.exercise = "clamshell";
    clamshell.sided = true;
    clamshell.reps = 10;
    clamshell.sets = 3;
    clamshell.rest_s = 30;
    CHECK(estimate_seconds({clamshell}) == 5 + 2 * (3 * 30 + 2 * 30) + 5);
    const auto steps = expand({clamshell}, Timing{});
    CHECK(steps[1].kind == StepKind::Reps);
    CHECK(steps[1].seconds == 30);
}

TEST_CASE("pauses of 0 s vanish, so --hold 1 --rest 0 runs in seconds") {
    Timing fast{0, 0, 0, 0, 3};
    auto item = timed("standing-quad", true, 4, 1, 0, 2);
    const auto steps = expand({item}, fast);
    for (const auto& s : steps) CHECK(s.kind == StepKind::Hold);
    CHECK(steps.size() == 16);
    CHECK(estimate_seconds({item}, fast) == 16);
}
