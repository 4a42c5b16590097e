// Unit tests: R5 progression (hold_after), R2 reps, routine weeks, what each ended week shows, and
// the routine of each week as `plan show` refits it (view_this_week).
#include <limber/catalog/catalog.hpp>
#include <limber/plan/progression.hpp>
#include <limber/plan/week.hpp>

#include <catch2/catch.hpp>

#include <tuple>
#include <vector>

using namespace limber;
using namespace date::literals;

namespace {
WeekRecord met(std::optional<double> pain = std::nullopt) { return {7, 7, pain}; }
WeekRecord missed(std::optional<double> pain = std::nullopt) { return {7, 5, pain}; }
const HoldRule beginner{15, 30};
const HoldRule older{30, 60};
Day day(date::year_month_day ymd) { return Day{ymd}; }
}  // namespace

TEST_CASE("R5: week 1 starts at the level's hold") {
    CHECK(hold_after(beginner, {}) == 15);
    CHECK(hold_after(HoldRule{20, 30}, {}) == 20);
    CHECK(hold_after(older, {}) == 30);
}

TEST_CASE("R5: a met week without more pain adds 5 s, up to the cap") {
    CHECK(hold_after(beginner, {met()}) == 20);
    CHECK(hold_after(beginner, {met(), met()}) == 25);
    CHECK(hold_after(beginner, {met(), met(), met()}) == 30);
    CHECK(hold_after(beginner, {met(), met(), met(), met(), met()}) == 30);  // cap 30
    CHECK(hold_after(older, {met(), met(), met(), met(), met(), met(), met()}) == 60);  // cap 60 at 65+
    CHECK(hold_after(beginner, {met(0.0)}) == 20);    // no change in pain counts as no more pain
    CHECK(hold_after(beginner, {met(-3.0)}) == 20);   // less pain
    CHECK(hold_after(beginner, {WeekRecord{3, 5, std::nullopt}}) == 20);  // more than due is met
}

TEST_CASE("R5: an unmet week, or a little more pain, leaves the hold") {
    CHECK(hold_after(beginner, {met(), missed()}) == 20);
    CHECK(hold_after(beginner, {met(), met(0.5)}) == 20);
    CHECK(hold_after(beginner, {met(), met(1.9)}) == 20);
    CHECK(hold_after(beginner, {met(), missed(1.0)}) == 20);
}

TEST_CASE("R5: pain up by 2 or more takes 5 s off, never below the start") {
    CHECK(hold_after(beginner, {met(), met(), met(2.0)}) == 20);
    CHECK(hold_after(beginner, {met(), missed(3.0)}) == 15);
    CHECK(hold_after(beginner, {met(4.0)}) == 15);                   // floor: the start hold
    CHECK(hold_after(beginner, {met(4.0), met(4.0), met(4.0)}) == 15);
    CHECK(hold_after(older, {met(2.0)}) == 30);
}

TEST_CASE("R5: a week with nothing due (all paused or skipped) changes nothing") {
    CHECK(hold_after(beginner, {WeekRecord{0, 0, std::nullopt}}) == 15);
    CHECK(hold_after(beginner, {met(), WeekRecord{0, 0, 5.0}, met()}) == 25);
}

TEST_CASE("R5: the cap binds even when the start is above it (pregnant or injured at 65+)") {
    CHECK(hold_after(HoldRule{30, 30}, {met(), met()}) == 30);
    CHECK(hold_after(HoldRule{40, 30}, {}) == 30);
}

TEST_CASE("R2: reps per side = clamp(ceil(60 / hold), 2, 4)") {
    CHECK(reps_for_hold(10) == 4);
    CHECK(reps_for_hold(15) == 4);
    CHECK(reps_for_hold(20) == 3);
    CHECK(reps_for_hold(25) == 3);
    CHECK(reps_for_hold(30) == 2);
    CHECK(reps_for_hold(45) == 2);
    CHECK(reps_for_hold(60) == 2);
    CHECK(reps_for_hold(0) == 2);
}

TEST_CASE("routine weeks count from the day the routine was created") {
    const Day created = day(2026_y / 11 / 2);
    CHECK(routine_week(created, created) == 1);
    CHECK(routine_week(created, created + date::days{6}) == 1);
    CHECK(routine_week(created, created + date::days{7}) == 2);
    CHECK(routine_week(created, created + date::days{20}) == 3);
    CHECK(routine_week(created, created - date::days{1}) == 1);  // a clock or zone behind
}

TEST_CASE("ended_weeks: daily target with done, partial, skipped and paused days") {
    const Day created = day(2026_y / 11 / 2);  // a Monday
    std::vector<SessionFact> sessions;
    for (int i = 0; i < 5; ++i) sessions.push_back({created + date::days{i}, "completed", 4, 3});
    sessions.push_back({created + date::days{5}, "partial", std::nullopt, std::nullopt});
    sessions.push_back({created + date::days{6}, "skipped", std::nullopt, std::nullopt});
    auto weeks = ended_weeks(created, created + date::days{7}, Schedule{}, sessions, {});
    REQUIRE(weeks.size() == 1);
    CHECK(weeks[0].due_days == 6);   // the skipped day is not due
    CHECK(weeks[0].done_days == 5);  // the partial day is not done
    CHECK(weeks[0].pain_change == Approx(-1.0));
    // a pause over the partial day excuses it, so the week is met
    weeks = ended_weeks(created, created + date::days{7}, Schedule{}, sessions, {{created + date::days{5}, created + date::days{5}}});
    CHECK(weeks[0].due_days == 5);
    CHECK(hold_after(beginner, weeks) == 20);
    // the current week is not an ended week
    CHECK(ended_weeks(created, created + date::days{6}, Schedule{}, sessions, {}).empty());
}

TEST_CASE("ended_weeks: weekday and per-week targets") {
    const Day created = day(2026_y / 11 / 2);  // Monday
    Schedule mwf;
    mwf.kind = ScheduleKind::Weekdays;
    mwf.weekdays = {1, 3, 5};
    std::vector<SessionFact> sessions = {{created, "completed", {}, {}},
                                         {created + date::days{2}, "completed", {}, {}},
                                         {created + date::days{5}, "completed", {}, {}}};  // Mon, Wed, Sat
    auto weeks = ended_weeks(created, created + date::days{7}, mwf, sessions, {});
    CHECK(weeks[0].due_days == 3);
    CHECK(weeks[0].done_days == 3);  // a Saturday session still counts as a done day
    Schedule three;
    three.kind = ScheduleKind::PerWeek;
    three.per_week = 3;
    weeks = ended_weeks(created, created + date::days{14}, three, sessions, {{created + date::days{7}, created + date::days{8}}});
    REQUIRE(weeks.size() == 2);
    CHECK(weeks[0].due_days == 3);
    CHECK(weeks[1].due_days == 1);  // two paused days lower the count
    CHECK(weeks[1].done_days == 0);
    three.per_week = 2;
    weeks = ended_weeks(created, created + date::days{14}, three, sessions, {{created + date::days{7}, created + date::days{13}}});
    CHECK(weeks[1].due_days == 0);  // a week paused through is neutral
}

TEST_CASE("ended_weeks: pain averages only sessions rated both ways") {
    const Day created = day(2026_y / 2 / 23);
    std::vector<SessionFact> sessions = {{created, "completed", 5, 7},
                                         {created + date::days{1}, "completed", 5, std::nullopt},
                                         {created + date::days{2}, "partial", 6, 9}};
    const auto weeks = ended_weeks(created, created + date::days{7}, Schedule{}, sessions, {});
    CHECK(weeks[0].pain_change == Approx(2.5));
    CHECK(hold_after(HoldRule{20, 30}, weeks) == 20);  // more pain: no progress, floor holds
}

TEST_CASE("ended_weeks across a leap day") {
    const Day created = day(2028_y / 2 / 26);
    std::vector<SessionFact> sessions;
    for (int i = 0; i < 7; ++i) sessions.push_back({created + date::days{i}, "completed", {}, {}});
    const auto weeks = ended_weeks(created, day(2028_y / 3 / 4), Schedule{}, sessions, {});
    REQUIRE(weeks.size() == 1);
    CHECK(weeks[0].done_days == 7);  // 26 Feb … 3 Mar includes 29 Feb
    CHECK(weeks[0].due_days == 7);
}

// R5, R24: `plan show` (view_this_week) refits every routine week at its hold through plan_at_hold.
TEST_CASE("view_this_week: weeks that all meet their target step the hold by 5 s to the cap, and the items are "
          "plan_at_hold's") {
    const Day created = day(2026_y / 11 / 2);  // a Monday
    for (auto [level, age, start, cap] : std::vector<std::tuple<Level, std::optional<int>, int, int>>{
             {Level::Beginner, 40, 15, 30}, {Level::Intermediate, 40, 20, 30}, {Level::Advanced, 40, 30, 30},
             {Level::Beginner, 70, 30, 60}}) {
        PlanRequest request;
        request.level = level;
        request.age = age;
        request.minutes = 10;
        SavedRoutine routine;
        routine.name = "default";
        routine.request = request;
        routine.created_day = created;
        std::vector<SessionFact> sessions;
        for (int d = 0; d < 8 * 7; ++d) sessions.push_back({created + date::days{d}, "completed", 3, 3});
        for (int week = 1; week <= 8; ++week) {
            const Day today = created + date::days{7 * (week - 1) + 3};  // a Thursday: a strength day
            std::vector<SessionFact> before;
            for (const auto& s : sessions)
                if (s.day < today) before.push_back(s);
            const PlanView view = view_this_week(routine, today, before, {});
            INFO(to_string(level) << " age " << *age << " week " << week);
            CHECK(view.week == week);
            CHECK(view.hold_s == std::min(start + 5 * (week - 1), cap));
            const Plan plan = plan_at_hold(request, view.hold_s);
            REQUIRE(view.items.size() == plan.items.size());
            for (std::size_t i = 0; i < plan.items.size(); ++i) {
                CHECK(view.items[i].exercise == plan.items[i].exercise);
                CHECK(view.items[i].reps == plan.items[i].reps);
                CHECK(view.items[i].hold_s == plan.items[i].hold_s);
            }
            CHECK(view.plain_s == plan.estimated_s);
            CHECK(view.strength_today == (plan.strength.kind != StrengthDays::Kind::None));
            CHECK(view.estimated_s == estimate_seconds(view.today));
            for (const auto& item : view.today)
                if (find_exercise(item.exercise)->kind == Kind::Static) CHECK(item.reps == reps_for_hold(view.hold_s));
        }
    }
}
