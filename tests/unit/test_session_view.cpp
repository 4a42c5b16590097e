// Unit tests: what a guided session says (plain lines) and draws (the live block).
#include <limber/session/view.hpp>

#include <catch2/catch.hpp>

using namespace limber;

namespace {

SessionScript script() {
    SessionScript s;
    s.routine = "default";
    s.items = {RoutineItem{"march-in-place", Phase::Warmup, false, 1, 1, 60, 0, "", "", DayPart::Every, {}},
               RoutineItem{"seated-knee-extension", Phase::Stretch, true, 1, 2, 15, 10, "", "", DayPart::Every, {}},
               RoutineItem{"glute-bridge", Phase::Strength, false, 3, 10, 0, 30, "", "", DayPart::Every, {}}};
    s.steps = expand(s.items, Timing{});
    return s;
}

std::size_t first_of(const SessionScript& s, StepKind kind) {
    for (std::size_t i = 0; i < s.steps.size(); ++i)
        if (s.steps[i].kind == kind) return i;
    FAIL("no such step");
    return 0;
}

}  // namespace

TEST_CASE("view: plain lines name the step, the side and the rep") {
    const auto s = script();
    CHECK(step_line(s, 0) == "get ready 5 s: March in place");
    CHECK(step_line(s, 1) == "hold 60 s: March in place");
    CHECK(step_line(s, 2) == "next 15 s: get into position for Seated knee-extension stretch");
    CHECK(step_line(s, 3) == "hold 15 s: Seated knee-extension stretch · left side · rep 1 of 2");
    CHECK(step_line(s, 4) == "rest 10 s");
    CHECK(step_line(s, first_of(s, StepKind::SwitchSide)) == "switch to the right side 5 s");
    CHECK(step_line(s, first_of(s, StepKind::Reps)) == "set 30 s: Glute bridge · set 1 of 3 · 10 reps");
    CHECK(next_line(s, 3) == "Next: rest 10 s");
    CHECK(next_line(s, 4) == "Next: Seated knee-extension stretch · left side · rep 2 of 2");
    CHECK(next_line(s, s.steps.size() - 1) == "Last one");
    CHECK(clock_text(0) == "0:00");
    CHECK(clock_text(605) == "10:05");
}

TEST_CASE("view: the live block shows the countdown, a bar, the cue and what comes next") {
    const auto s = script();
    const auto lines = live_lines(s, LiveFrame{3, 10'200, 80'000, 400, 1, 9, false}, 80, ui::Style(false));
    REQUIRE(lines.size() == 6);
    CHECK(lines[0] == "default · 1:20 / 6:40 · hold 2 of 9");
    CHECK(lines[1] == "Seated knee-extension stretch · left side · rep 1 of 2");
    CHECK_FALSE(lines[2].empty());  // the exercise's first cue
    CHECK(lines[3].rfind("  0:11 ", 0) == 0);  // 10.2 s left shows as 0:11
    CHECK(lines[3].find("█") != std::string::npos);
    CHECK(lines[3].find("░") != std::string::npos);
    CHECK(lines[4] == "Next: rest 10 s");
    CHECK(lines[5] == "space pause · n next · q quit");
    const auto paused = live_lines(s, LiveFrame{3, 10'200, 80'000, 400, 1, 9, true}, 80, ui::Style(false));
    CHECK(paused[3].rfind("  PAUSED", 0) == 0);
    CHECK(paused[5] == "space resume · n next · q quit");
    const auto side = live_lines(s, LiveFrame{first_of(s, StepKind::SwitchSide), 5000, 0, 400, 2, 9, false}, 80,
                                 ui::Style(false));
    CHECK(side[1] == "Switch to the right side");
}

TEST_CASE("view: at 40 columns and narrower no line is wider than the terminal less one") {
    const auto s = script();
    for (int width : {20, 40, 41, 60, 200}) {
        for (std::size_t step = 0; step < s.steps.size(); ++step) {
            for (bool colour : {false, true}) {
                const auto lines = live_lines(s, LiveFrame{step, 1234, 5678, 400, 3, 9, step % 2 == 0}, width, ui::Style(colour));
                for (const auto& line : lines) {
                    INFO(width << " " << step << " " << line);
                    CHECK(ui::display_width(line) <= static_cast<std::size_t>(width - 1));
                }
            }
        }
    }
}

TEST_CASE("view: the overview wraps between words to the terminal width") {
    const auto lines = ui::wrap("Coming up: March in place, Standing hamstring stretch, Seated knee-extension stretch.", 30);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "Coming up: March in place,");
    CHECK(lines[1] == "Standing hamstring stretch,");
    CHECK(lines[2] == "Seated knee-extension stretch.");
    for (const auto& line : lines) CHECK(ui::display_width(line) <= 30);
    CHECK(ui::wrap("a-word-longer-than-the-width", 10) == std::vector<std::string>{"a-word-lo…"});
    CHECK(ui::wrap("", 10).empty());
}
