// Unit tests: R5 progression (hold_after), R2 reps, routine weeks, what each ended week shows, and
// the routine of each week as `plan show` refits it (view_this_week).
#include <limber/catalog/catalog.hpp>
#include <limber/plan/progression.hpp>
#include <limber/plan/week.hpp>

#include <catch2/catch.hpp>

#include <string_view>
#include <tuple>
#include <vector>

using namespace limber;
using namespace date::literals;

namespace {
WeekRecord week(int due, int done, std::optional<double> pain) {
    WeekRecord w;
    w.due_days = due;
    w.done_days = done;
    w.pain_change = pain;
    return w;
}
WeekRecord met(std::optional<double> pain = std::nullopt) { return week(7, 7, pain); }
WeekRecord missed(std::optional<double> pain = std::nullopt) { return week(7, 5, pain); }
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
    CHECK(hold_after(beginner, {week(3, 5, std::nullopt)}) == 20);  // more than due is met
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
    CHECK(hold_after(beginner, {week(0, 0, std::nullopt)}) == 15);
    CHECK(hold_after(beginner, {met(), week(0, 0, 5.0), met()}) == 25);
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

// ---------------------------------------------------------------------------------------------
// R25: progression follows what was held and what hurts

namespace {
/// A met week whose stretch holds had this median.
WeekRecord held(double median_s) {
    WeekRecord w = met();
    w.median_held_s = median_s;
    return w;
}
/// A met week whose sessions were rated before at this average.
WeekRecord rated(double pain_before, std::optional<double> change = std::nullopt) {
    WeekRecord w = met(change);
    w.pain_before = pain_before;
    return w;
}
/// Daily sessions of one week from `first`, each rated `before` → `after`.
void add_week(std::vector<SessionFact>& sessions, Day first, std::optional<int> before, std::optional<int> after) {
    for (int d = 0; d < 7; ++d) sessions.push_back({first + date::days{d}, "completed", before, after});
}
}  // namespace

TEST_CASE("R25: a week held short does not advance, one held fully does") {
    // 1-second holds (start --hold 1) against a 15 s hold: no progress however often
    auto p = progress_of(beginner, {held(1), held(1)});
    CHECK(p.hold_s == 15);
    CHECK(p.why == HoldWhy::HeldShort);
    CHECK(p.last_week_hold_s == 15);
    // 90 % of the hold is enough: 13.5 of 15, then 18 of 20
    CHECK(hold_after(beginner, {held(13.5)}) == 20);
    CHECK(hold_after(beginner, {held(13.4)}) == 15);
    CHECK(hold_after(beginner, {held(15), held(18)}) == 25);
    CHECK(hold_after(beginner, {held(15), held(17.5)}) == 20);
    p = progress_of(beginner, {held(15), held(20), held(25)});
    CHECK(p.hold_s == 30);
    CHECK(p.why == HoldWhy::Advanced);
    // at the cap, held fully: it stays
    p = progress_of(beginner, {held(15), held(20), held(25), held(30)});
    CHECK(p.hold_s == 30);
    CHECK(p.why == HoldWhy::AtCap);
    CHECK(p.next_hold_s == 30);
}

TEST_CASE("R25: weeks with no recorded holds advance as before") {
    auto p = progress_of(beginner, {met(), met()});
    CHECK(p.hold_s == 25);
    CHECK(p.why == HoldWhy::Advanced);
    CHECK(p.next_hold_s == 30);
    // a short week between two unrecorded ones holds the hold once
    CHECK(hold_after(beginner, {met(), held(5), met()}) == 25);
}

TEST_CASE("R25: weeks with no rated sessions neither stop nor start the pain rule") {
    // no rating at all: the first rated week is not there, nothing stops
    auto p = progress_of(beginner, {met(), met()});
    CHECK_FALSE(p.first_pain);
    CHECK_FALSE(p.stopped);
    // a rising week stops; unrated weeks after it keep that verdict; a week back within 2 resumes
    p = progress_of(beginner, {rated(2), rated(5), met(), met()});
    CHECK(p.hold_s == 20);
    CHECK(p.why == HoldWhy::PainRising);
    CHECK(p.stopped);
    CHECK(p.next_hold_s == 20);
    REQUIRE(p.first_pain);
    CHECK(*p.first_pain == Approx(2.0));
    p = progress_of(beginner, {rated(2), rated(5), met(), rated(3.9)});
    CHECK(p.hold_s == 25);
    CHECK(p.why == HoldWhy::Advanced);
    CHECK_FALSE(p.stopped);
}

TEST_CASE("R25: a weekly pain-before average 2 above the first rated week's stops progression") {
    // the case: pain before rising from 2 to 8 over four weeks
    auto p = progress_of(beginner, {rated(2), rated(4), rated(6), rated(8)});
    CHECK(p.hold_s == 20);  // week 2 (+2) already stops it
    CHECK(p.why == HoldWhy::PainRising);
    CHECK(hold_after(beginner, {rated(2), rated(3.9)}) == 25);  // under 2 points: progress
    CHECK(hold_after(beginner, {rated(2), rated(4.0)}) == 20);  // exactly 2: stop
    // the first rated week is the reference, even when it is not the first week
    CHECK(hold_after(beginner, {met(), rated(1), rated(3)}) == 25);
    // a lowering week (pain after +2) still takes 5 s off while stopped
    p = progress_of(beginner, {rated(2), rated(3), rated(6, 3.0)});
    CHECK(p.hold_s == 20);
    CHECK(p.why == HoldWhy::Lowered);
}

TEST_CASE("R25: is_flare — pain after 2 or more above pain before") {
    const Day d = day(2026_y / 11 / 2);
    CHECK(is_flare({d, "completed", 3, 5}));
    CHECK(is_flare({d, "partial", 0, 9}));
    CHECK_FALSE(is_flare({d, "completed", 3, 4}));
    CHECK_FALSE(is_flare({d, "completed", 5, 3}));
    CHECK_FALSE(is_flare({d, "completed", std::nullopt, 9}));
    CHECK_FALSE(is_flare({d, "completed", 2, std::nullopt}));
    CHECK(hold_after_flare(25) == 20);
    CHECK(hold_after_flare(15) == 10);
    CHECK(hold_after_flare(12) == 10);  // never under 10 s
    CHECK(hold_after_flare(10) == 10);
    CHECK(hold_after_flare(60) == 55);
}

TEST_CASE("R25: one flare lowers the next session only, by 5 s, and stops nothing") {
    const Day created = day(2026_y / 11 / 2);  // a Monday
    PlanRequest request;
    SavedRoutine routine{"default", request, {}, {}, created, {}, {}};
    std::vector<SessionFact> sessions;
    add_week(sessions, created, 3, 3);
    add_week(sessions, created + date::days{7}, 3, 3);
    sessions.push_back({created + date::days{14}, "completed", 2, 5});  // a flare on Monday of week 3
    const Day tuesday = created + date::days{15};
    PlanView view = view_this_week(routine, tuesday, sessions, {});
    CHECK(view.hold_s == 25);
    CHECK(view.session_hold_s == 20);
    CHECK(view.pain.last_was_flare);
    CHECK(view.pain.flares == 1);
    CHECK(view.pain.flare_run == 1);
    CHECK_FALSE(view.pain.stopped());
    CHECK(view.next_hold_s == 30);
    bool lowered = false;
    for (const auto& item : view.today)
        if (item.phase == Phase::Stretch) {
            CHECK(item.hold_s == 20);
            CHECK(item.reps == reps_for_hold(25));  // same reps, shorter holds
            lowered = true;
        }
    CHECK(lowered);
    CHECK(view.estimated_s == estimate_seconds(view.today));
    const auto notes = hold_notes(view);
    REQUIRE(notes.size() == 2);
    CHECK_THAT(notes[1], Catch::Contains("20 s holds, 5 s less") && Catch::Contains("pain 5 after 2 before"));
    // not cumulative: a second flare in a row still takes off only 5 s
    sessions.push_back({tuesday, "completed", 2, 6});
    view = view_this_week(routine, tuesday + date::days{1}, sessions, {});
    CHECK(view.session_hold_s == 20);
    // a session that was not a flare ends it; an unrated one also counts as the session after
    sessions.push_back({tuesday + date::days{1}, "completed", std::nullopt, std::nullopt});
    view = view_this_week(routine, tuesday + date::days{2}, sessions, {});
    CHECK(view.session_hold_s == 25);
    CHECK_FALSE(view.pain.last_was_flare);
    CHECK(view.pain.flare_run == 2);  // unrated sessions neither break nor lengthen the run
    // a skipped day is not the session after
    std::vector<SessionFact> skipped = {{created, "completed", 2, 4}, {created + date::days{1}, "skipped", {}, {}}};
    view = view_this_week(routine, created + date::days{2}, skipped, {});
    CHECK(view.session_hold_s == 10);  // 15 s less 5
}

TEST_CASE("R25: three flares in a row stop progression and advise a clinician, a calm session resumes it") {
    const Day created = day(2026_y / 11 / 2);
    PlanRequest request;
    SavedRoutine routine{"default", request, {}, {}, created, {}, {}};
    std::vector<SessionFact> sessions;
    add_week(sessions, created, 3, 3);
    for (int d = 0; d < 4; ++d) sessions.push_back({created + date::days{7 + d}, "completed", 3, 3});
    for (int d = 4; d < 7; ++d) sessions.push_back({created + date::days{7 + d}, "completed", 3, 5});  // 3 flares
    const auto weeks = ended_weeks(created, created + date::days{14}, Schedule{}, sessions, {});
    REQUIRE(weeks.size() == 2);
    CHECK_FALSE(weeks[0].flare_run);
    CHECK(weeks[1].flare_run);
    CHECK(weeks[1].pain_change == Approx(6.0 / 7.0));
    PlanView view = view_this_week(routine, created + date::days{14}, sessions, {});
    CHECK(view.hold_s == 20);  // week 1 advanced; week 2 ended on three flares
    CHECK(view.progress.why == HoldWhy::FlareRun);
    CHECK(view.pain.flare_run == 3);
    CHECK(view.pain.stopped());
    CHECK(view.next_hold_s == 20);
    CHECK(view.session_hold_s == 15);
    const auto notes = hold_notes(view);
    REQUIRE(notes.size() == 3);
    CHECK_THAT(notes[0], Catch::StartsWith("Progression is stopped: your last 3 rated sessions were flares. See a "
                                           "physiotherapist or doctor before going on."));  // the advice first
    CHECK_THAT(notes[1], Catch::Contains("progression stopped"));
    CHECK_THAT(notes[2], Catch::StartsWith("Next session: 15 s holds"));
    // two flares and a calm session: no stop
    sessions[sessions.size() - 2].pain_after = 3;
    CHECK_FALSE(ended_weeks(created, created + date::days{14}, Schedule{}, sessions, {})[1].flare_run);
    // the run is over once a rated session is not a flare: the next week progresses again
    sessions[sessions.size() - 2].pain_after = 5;
    add_week(sessions, created + date::days{14}, 3, 3);
    view = view_this_week(routine, created + date::days{21}, sessions, {});
    CHECK(view.hold_s == 25);
    CHECK_FALSE(view.pain.stopped());
}

TEST_CASE("R25: ended_weeks reads the median held of each week and its pain before") {
    const Day created = day(2026_y / 11 / 2);
    std::vector<SessionFact> sessions;
    add_week(sessions, created, 4, std::nullopt);
    add_week(sessions, created + date::days{7}, std::nullopt, std::nullopt);
    std::vector<HoldFact> holds = {{created, 10}, {created + date::days{1}, 14}, {created + date::days{2}, 15},
                                   {created + date::days{14}, 1}};  // the last is in the current week
    const auto weeks = ended_weeks(created, created + date::days{15}, Schedule{}, sessions, {}, holds);
    REQUIRE(weeks.size() == 2);
    CHECK(weeks[0].median_held_s == Approx(14.0));
    CHECK_FALSE(weeks[1].median_held_s);
    CHECK(weeks[0].pain_before == Approx(4.0));
    CHECK_FALSE(weeks[0].pain_change);  // not rated after
    CHECK_FALSE(weeks[1].pain_before);
    CHECK(hold_after(beginner, weeks) == 25);  // 14 of 15 is over 90 %
}

TEST_CASE("R25: about six weeks without 2 points of improvement suggests a physiotherapist") {
    std::vector<WeekRecord> weeks;
    for (int w = 0; w < 5; ++w) weeks.push_back(rated(5 - 0.2 * w));
    PainWatch watch = watch_pain(weeks, {});
    CHECK_FALSE(watch.see_physio);  // five weeks
    weeks.push_back(rated(4.0));
    watch = watch_pain(weeks, {});
    CHECK(watch.rated_weeks_span == 6);
    CHECK(watch.see_physio);
    CHECK_FALSE(watch.rising);
    weeks.back().pain_before = 3.0;  // 2 points better: no suggestion
    CHECK_FALSE(watch_pain(weeks, {}).see_physio);
    weeks.back().pain_before = 1.0;
    CHECK_FALSE(watch_pain(weeks, {}).see_physio);
    // little pain to begin with (first 1, last 1.5): nothing to see a physiotherapist about
    std::vector<WeekRecord> mild(6, rated(1.0));
    mild.back().pain_before = 1.5;
    CHECK_FALSE(watch_pain(mild, {}).see_physio);
    // unrated weeks before the first rated one do not count
    std::vector<WeekRecord> late = {met(), met(), rated(5), rated(5), rated(5), rated(5), rated(5)};
    CHECK_FALSE(watch_pain(late, {}).see_physio);
    late.push_back(rated(5));
    CHECK(watch_pain(late, {}).see_physio);
}

TEST_CASE("progress_of keeps the hold of every routine week, this one last") {
    CHECK(progress_of(beginner, {}).week_holds == std::vector<int>{15});
    const Progress p = progress_of(beginner, {met(), missed(), met(), met(3.0), met(), met(), met()});
    CHECK(p.week_holds == std::vector<int>{15, 20, 20, 25, 20, 25, 30, 30});
    CHECK(p.week_holds.back() == p.hold_s);
}

namespace {
/// One week of daily sessions from `first`, each a flare (2 → 5) where `pattern` has 'F' and
/// calm (3 → 3) where it has 'c'; a '.' is a day without a session.
void add_pattern(std::vector<SessionFact>& sessions, Day first, std::string_view pattern) {
    for (std::size_t d = 0; d < pattern.size(); ++d) {
        const Day day = first + date::days{static_cast<int>(d)};
        if (pattern[d] == 'F') sessions.push_back({day, "completed", 2, 5});
        if (pattern[d] == 'c') sessions.push_back({day, "completed", 3, 3});
    }
}
}  // namespace

TEST_CASE("R25: four flares among the last seven rated sessions stop progression, not in a row too, three do not") {
    const Day created = day(2026_y / 11 / 2);  // a Monday
    PlanRequest request;
    SavedRoutine routine{"default", request, {}, {}, created, {}, {}};
    const Day week3 = created + date::days{14};
    SECTION("three flares in seven, none in a row: the flares shorten sessions, nothing stops") {
        std::vector<SessionFact> sessions;
        add_pattern(sessions, created, "ccccccc");
        add_pattern(sessions, created + date::days{7}, "FcFcFcc");
        const auto weeks = ended_weeks(created, week3, Schedule{}, sessions, {});
        REQUIRE(weeks.size() == 2);
        CHECK_FALSE(weeks[1].flare_run);
        CHECK_FALSE(weeks[1].flares_in_seven);
        const PlanView view = view_this_week(routine, week3, sessions, {});
        CHECK(view.pain.recent_flares == 3);
        CHECK(view.pain.recent_rated == 7);
        CHECK_FALSE(view.pain.stopped());
        CHECK(view.progress.why == HoldWhy::MorePain);
        CHECK(stop_advice(view.pain) == std::nullopt);
    }
    SECTION("four flares in seven, none in a row: stopped, and the advice comes first") {
        std::vector<SessionFact> sessions;
        add_pattern(sessions, created, "ccccccc");
        add_pattern(sessions, created + date::days{7}, "FcFcFcF");
        const auto weeks = ended_weeks(created, week3, Schedule{}, sessions, {});
        REQUIRE(weeks.size() == 2);
        CHECK_FALSE(weeks[1].flare_run);
        CHECK(weeks[1].flares_in_seven);
        CHECK(weeks[1].pain_change == Approx(12.0 / 7.0));  // under 2: not the lowering of R5
        PlanView view = view_this_week(routine, week3, sessions, {});
        CHECK(view.hold_s == 20);
        CHECK(view.progress.why == HoldWhy::FlaresInSeven);
        CHECK(view.progress.stopped);
        CHECK(view.next_hold_s == 20);
        CHECK(view.session_hold_s == 15);  // the last was a flare too
        CHECK(view.pain.stop == StopWhy::FlaresInSeven);
        CHECK(view.pain.stop_now);
        CHECK(view.pain.recent_flares == 4);
        CHECK(to_string(view.pain.stop) == "flares-in-seven");
        auto notes = hold_notes(view);
        REQUIRE(notes.size() == 3);
        CHECK(notes[0] == "Progression is stopped: 4 of your last 7 rated sessions were flares. See a "
                          "physiotherapist or doctor before going on. The hold can rise again after a week that "
                          "ends with neither three flares in a row nor four among the last seven rated sessions, and "
                          "whose pain before averages under 5.");
        CHECK_THAT(notes[1], Catch::StartsWith("Hold 20 s: progression stopped, as four or more of your last seven"));
        CHECK(stop_advice(view.pain, true) == "Progression is stopped: 4 of your last 7 rated sessions were flares. "
                                              "See a physiotherapist or doctor before going on.");
        // a calm session on Monday leaves three flares in the last seven: the stop stands until a week ends clear
        add_pattern(sessions, week3, "c");
        view = view_this_week(routine, week3 + date::days{1}, sessions, {});
        CHECK(view.pain.recent_flares == 3);
        CHECK(view.pain.stop == StopWhy::FlaresInSeven);
        CHECK_FALSE(view.pain.stop_now);
        CHECK_THAT(*stop_advice(view.pain), Catch::StartsWith("Progression is stopped: four of seven of your rated "
                                                              "sessions were flares, and no week has ended clear of "
                                                              "them since. See a physiotherapist"));
        // a week that ends clear of them: progression resumes
        add_pattern(sessions, week3 + date::days{1}, "cccccc");
        view = view_this_week(routine, week3 + date::days{7}, sessions, {});
        CHECK_FALSE(view.pain.stopped());
        CHECK(view.hold_s == 25);
        CHECK(view.progress.why == HoldWhy::Advanced);
    }
    SECTION("a week that ends with four of its last seven flares does not resume, though its pain is back") {
        std::vector<SessionFact> sessions;
        add_pattern(sessions, created, "ccccccc");
        add_pattern(sessions, created + date::days{7}, "FcFcFcF");
        add_pattern(sessions, week3, "cFcFcFF");  // four flares, two in a row at the end
        const auto weeks = ended_weeks(created, week3 + date::days{7}, Schedule{}, sessions, {});
        REQUIRE(weeks.size() == 3);
        CHECK(weeks[2].flares_in_seven);
        CHECK_FALSE(weeks[2].flare_run);
        const PlanView view = view_this_week(routine, week3 + date::days{7}, sessions, {});
        CHECK(view.hold_s == 20);
        CHECK(view.progress.why == HoldWhy::FlaresInSeven);
        CHECK(view.pain.stop == StopWhy::FlaresInSeven);
        CHECK_FALSE(view.pain.rising);  // pain before 2.4 against the first week's 3
    }
    SECTION("four flares met this week, then a calm session: stopped until the week ends") {
        std::vector<SessionFact> sessions;
        add_pattern(sessions, created, "ccccccc");
        add_pattern(sessions, created + date::days{7}, "ccccccc");
        add_pattern(sessions, week3, "FcFFcF");
        PlanView view = view_this_week(routine, week3 + date::days{5}, sessions, {});
        CHECK(view.pain.stop == StopWhy::FlaresInSeven);
        CHECK(view.pain.stop_now);
        CHECK(view.next_hold_s == 25);  // the hold this week keeps, and next week's only if it ends clear
        add_pattern(sessions, week3 + date::days{6}, "c");
        view = view_this_week(routine, week3 + date::days{6}, sessions, {});
        CHECK(view.pain.recent_flares == 4);  // F c F F c F c: still four of seven
        CHECK(view.pain.stop_now);
    }
}

TEST_CASE("R25: a flare run met this week stands until a week ends clear, and resumption is the same for every stop") {
    const Day created = day(2026_y / 11 / 2);
    PlanRequest request;
    SavedRoutine routine{"default", request, {}, {}, created, {}, {}};
    std::vector<SessionFact> sessions;
    add_pattern(sessions, created, "ccccccc");
    add_pattern(sessions, created + date::days{7}, "FFF");
    PlanView view = view_this_week(routine, created + date::days{10}, sessions, {});
    CHECK(view.pain.stop == StopWhy::FlareRun);
    CHECK(view.pain.stop_now);
    CHECK(view.hold_s == 20);  // week 1 advanced; this week's hold is kept
    // a calm Thursday ends the run, not the stop: the week has not ended
    add_pattern(sessions, created + date::days{10}, "c");
    view = view_this_week(routine, created + date::days{11}, sessions, {});
    CHECK(view.pain.flare_run == 0);
    CHECK(view.pain.stop == StopWhy::FlareRun);
    CHECK_FALSE(view.pain.stop_now);
    CHECK_THAT(*stop_advice(view.pain), Catch::StartsWith("Progression is stopped: three of your rated sessions in a "
                                                          "row were flares, and no week has ended clear of them since."));
    // the week ends with three flares among its last seven and none in a row: clear, and it goes on
    add_pattern(sessions, created + date::days{11}, "ccc");
    view = view_this_week(routine, created + date::days{14}, sessions, {});
    CHECK_FALSE(view.pain.stopped());
    CHECK(view.progress.why == HoldWhy::MorePain);  // the week's pain after rose on average: unchanged
    // an unrated week after a stop keeps it: the flares are still the last rated sessions
    std::vector<SessionFact> unrated;
    add_pattern(unrated, created, "cccFFFF");
    add_week(unrated, created + date::days{7}, std::nullopt, std::nullopt);
    view = view_this_week(routine, created + date::days{14}, unrated, {});
    CHECK(view.pain.stop == StopWhy::FlareRun);
    CHECK(view.progress.why == HoldWhy::FlareRun);
    CHECK(view.hold_s == 15);
    // pain before rising: the same rule, a week back under the first's + 2 resumes (and says so)
    PainWatch rising = watch_pain({rated(2), rated(5)}, {});
    CHECK(rising.stop == StopWhy::PainRising);
    CHECK_THAT(*stop_advice(rising), Catch::Contains("has risen from 2 to 5 (weekly average). See a physiotherapist "
                                                     "or doctor before going on.") &&
                                         Catch::EndsWith("and whose pain before averages under 4."));
    CHECK_FALSE(watch_pain({rated(2), rated(5), rated(3.9)}, {}).stopped());
}

TEST_CASE("R25: the physiotherapist's advice needs two rated weeks and a first rated week at 3 or more") {
    // one rated week, then five weeks unrated: nothing to compare
    std::vector<WeekRecord> one = {rated(5), met(), met(), met(), met(), met()};
    PainWatch watch = watch_pain(one, {});
    CHECK(watch.rated_weeks == 1);
    CHECK(watch.rated_weeks_span == 6);
    CHECK_FALSE(watch.see_physio);
    // a single rated session at pain 2 is no reason either
    std::vector<WeekRecord> low = {rated(2), met(), met(), met(), met(), rated(2)};
    CHECK_FALSE(watch_pain(low, {}).see_physio);
    // first week at 2 and no better: nothing to improve
    std::vector<WeekRecord> two(6, rated(2.0));
    CHECK_FALSE(watch_pain(two, {}).see_physio);
    // two weeks rated, the first at 3, no better six weeks on: the advice
    std::vector<WeekRecord> three = {rated(3), met(), met(), met(), met(), rated(3)};
    watch = watch_pain(three, {});
    CHECK(watch.rated_weeks == 2);
    CHECK(watch.see_physio);
    REQUIRE(physio_advice(watch));
    CHECK_THAT(*physio_advice(watch), Catch::StartsWith("After 6 weeks your back pain before sessions (3) is not 2 "
                                                            "points better than in your first rated week (3)"));
    // five weeks on is not yet about six
    three.pop_back();
    CHECK_FALSE(watch_pain(three, {}).see_physio);
}
