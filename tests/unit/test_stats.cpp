// Unit tests: the figures of `limber stats` from hand-made calendars (every day state, each
// target kind, week_start sunday, a routine created mid-week, an empty history, one day).
#include <limber/io/stats_view.hpp>
#include <limber/plan/progression.hpp>
#include <limber/stats/stats.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

using namespace limber;

namespace {

// November 2026: the 1st, 8th, 15th and 22nd are Sundays; the 21st (today) is a Saturday.
Day nov(unsigned d) { return date::local_days{date::year{2026} / 11 / d}; }
Day oct(unsigned d) { return date::local_days{date::year{2026} / 10 / d}; }

SessionFact fact(Day day, const char* status, std::optional<int> before = std::nullopt,
                 std::optional<int> after = std::nullopt, int duration_s = 600) {
    return SessionFact{day, status, before, after, std::string(status) == "skipped" ? 0 : duration_s};
}

StatsInput input_for(Schedule schedule, int weeks, std::vector<SessionFact> sessions, std::vector<PauseSpan> pauses = {},
                     Day created = nov(1)) {
    StatsInput in;
    in.created = created;
    in.today = nov(21);
    in.schedule = std::move(schedule);
    in.weeks = weeks;
    in.sessions = std::move(sessions);
    in.pauses = std::move(pauses);
    return in;
}

/// The state of each day of the window by its date, "2026-11-09" -> "done".
std::map<std::string, std::string> states(const Stats& stats) {
    std::map<std::string, std::string> out;
    for (const auto& d : stats.days) out[format_day(d.day)] = std::string(to_string(d.state));
    return out;
}

Schedule weekdays(std::vector<unsigned> days) {
    Schedule s;
    s.kind = ScheduleKind::Weekdays;
    s.weekdays = std::move(days);
    return s;
}

Schedule per_week(int count) {
    Schedule s;
    s.kind = ScheduleKind::PerWeek;
    s.per_week = count;
    return s;
}

/// A daily calendar with every day state in the window Mon 9 .. Sun 22 November.
std::vector<SessionFact> every_state() {
    return {fact(nov(9), "completed", 5, 3), fact(nov(10), "partial", std::nullopt, std::nullopt, 300),
            fact(nov(11), "skipped"),       fact(nov(15), "completed"),
            fact(nov(15), "partial"),        fact(nov(17), "completed"),
            fact(nov(18), "completed"),      fact(nov(19), "completed"),
            fact(nov(20), "completed", 4, 2)};
}

}  // namespace

TEST_CASE("stats: a daily calendar shows every day state, and adherence counts the due days") {
    const auto in = input_for(Schedule{}, 2, every_state(), {{nov(12), nov(13)}});
    const Stats s = compute_stats(in);
    REQUIRE(s.days.size() == 14);
    CHECK(s.days.front().day == nov(9));
    CHECK(s.days.back().day == nov(22));
    const std::map<std::string, std::string> expected = {
        {"2026-11-09", "done"},   {"2026-11-10", "partial"}, {"2026-11-11", "skipped"}, {"2026-11-12", "paused"},
        {"2026-11-13", "paused"}, {"2026-11-14", "missed"},  {"2026-11-15", "done"},    {"2026-11-16", "missed"},
        {"2026-11-17", "done"},   {"2026-11-18", "done"},    {"2026-11-19", "done"},    {"2026-11-20", "done"},
        {"2026-11-21", "pending"}, {"2026-11-22", "future"}};
    CHECK(states(s) == expected);
    // Due: the 9th, 10th, 14th, 15th, 16th and 17th–20th (skipped, paused and today are not).
    CHECK(s.adherence.due == 9);
    CHECK(s.adherence.done == 6);
    REQUIRE(s.adherence.rate());
    CHECK(*s.adherence.rate() == Approx(6.0 / 9));
    CHECK(s.streak.current == 4);
    CHECK(s.streak.longest == 4);
    CHECK_FALSE(s.streak.in_weeks);
}

TEST_CASE("stats: today counts once it is done, and a partial today stays open") {
    auto sessions = every_state();
    sessions.push_back(fact(nov(21), "partial"));
    const Stats partial = compute_stats(input_for(Schedule{}, 2, sessions, {{nov(12), nov(13)}}));
    CHECK(states(partial)["2026-11-21"] == "partial");
    CHECK(partial.adherence.due == 9);
    CHECK(partial.streak.current == 4);

    sessions.push_back(fact(nov(21), "completed"));
    const Stats done = compute_stats(input_for(Schedule{}, 2, sessions, {{nov(12), nov(13)}}));
    CHECK(states(done)["2026-11-21"] == "done");
    CHECK(done.adherence.due == 10);
    CHECK(done.adherence.done == 7);
    CHECK(done.streak.current == 5);
}

TEST_CASE("stats: a weekdays target rests on the other days and counts only its own") {
    const auto in = input_for(weekdays({1, 3, 5}), 1,
                              {fact(nov(16), "completed"), fact(nov(17), "completed"), fact(nov(20), "completed")});
    const Stats s = compute_stats(in);
    const std::map<std::string, std::string> expected = {
        {"2026-11-16", "done"}, {"2026-11-17", "done"}, {"2026-11-18", "missed"}, {"2026-11-19", "rest"},
        {"2026-11-20", "done"}, {"2026-11-21", "rest"}, {"2026-11-22", "future"}};
    CHECK(states(s) == expected);
    CHECK(s.adherence.due == 3);   // Monday, Wednesday, Friday
    CHECK(s.adherence.done == 2);  // Tuesday's session was not asked for
    CHECK(s.streak.current == 1);

    const Stats saturday = compute_stats(input_for(weekdays({6}), 1, {}));
    CHECK(states(saturday)["2026-11-21"] == "pending");
}

TEST_CASE("stats: a per-week target marks as many days missed as the week fell short by") {
    const auto in = input_for(per_week(3), 3,
                              {fact(nov(3), "completed"), fact(nov(5), "completed"),                        // 2 of 3
                               fact(nov(9), "completed"), fact(nov(11), "completed"), fact(nov(13), "completed"),
                               fact(nov(14), "completed"),                                                  // 4 of 3
                               fact(nov(16), "skipped"), fact(nov(17), "completed")});                      // 1 of 2 so far
    const Stats s = compute_stats(in);
    const auto st = states(s);
    CHECK(st.at("2026-11-02") == "rest");
    CHECK(st.at("2026-11-03") == "done");
    CHECK(st.at("2026-11-07") == "rest");
    CHECK(st.at("2026-11-08") == "missed");  // the one day the week fell short by: its last open day
    for (unsigned d : {10u, 12u, 15u}) CHECK(st.at(format_day(nov(d))) == "rest");
    CHECK(st.at("2026-11-16") == "skipped");
    CHECK(st.at("2026-11-18") == "rest");      // the current week is still open
    CHECK(st.at("2026-11-21") == "pending");
    CHECK(st.at("2026-11-22") == "future");
    CHECK(std::count_if(s.days.begin(), s.days.end(), [](const DayMark& d) { return d.state == DayState::Missed; }) == 1);
    // 3 + 3 + the current week as far as it is done (1 of its 2).
    CHECK(s.adherence.due == 7);
    CHECK(s.adherence.done == 6);
    CHECK(s.streak.in_weeks);
    CHECK(s.streak.current == 1);

    SECTION("a met current week rests today") {
        auto more = in;
        more.sessions.push_back(fact(nov(19), "completed"));
        const Stats met = compute_stats(more);
        CHECK(states(met).at("2026-11-21") == "rest");
        CHECK(met.adherence.due == 8);
        CHECK(met.adherence.done == 8 - 1);
        CHECK(met.streak.current == 2);
    }
    SECTION("a week whose count a pause takes to 0 asks nothing") {
        auto paused = in;
        paused.pauses = {{nov(2), nov(6)}};
        const Stats p = compute_stats(paused);
        CHECK(states(p).at("2026-11-02") == "paused");
        CHECK(states(p).at("2026-11-08") == "rest");
        CHECK(p.adherence.due == 4);
        CHECK(p.adherence.done == 4);
    }
}

TEST_CASE("stats: week_start sunday moves the window and the rows, not the ISO labels") {
    auto in = input_for(Schedule{}, 1, {fact(nov(15), "completed"), fact(nov(16), "completed")});
    in.week_start = WeekStart::Sunday;
    const Stats s = compute_stats(in);
    REQUIRE(s.days.size() == 7);
    CHECK(s.days.front().day == nov(15));
    CHECK(s.days.back().day == nov(21));
    CHECK(s.days.back().state == DayState::Pending);
    REQUIRE(s.weekly.size() == 1);
    CHECK(s.weekly[0].first == nov(15));
    CHECK(s.weekly[0].label == "2026-W47");
    CHECK(s.weekly[0].sessions == 2);

    in.week_start = WeekStart::Monday;
    const Stats m = compute_stats(in);
    CHECK(m.days.front().day == nov(16));
    CHECK(m.weekly[0].sessions == 1);
}

TEST_CASE("stats: a routine created mid-week owes nothing before its first day") {
    const auto in = input_for(Schedule{}, 2, {fact(nov(18), "completed", std::nullopt, std::nullopt, 1200),
                                              fact(nov(20), "completed", std::nullopt, std::nullopt, 600)},
                              {}, nov(18));
    const Stats s = compute_stats(in);
    const auto st = states(s);
    CHECK(st.at("2026-11-09") == "rest");
    CHECK(st.at("2026-11-17") == "rest");
    CHECK(st.at("2026-11-18") == "done");
    CHECK(st.at("2026-11-19") == "missed");
    CHECK(s.adherence.due == 3);
    CHECK(s.adherence.done == 2);
    // 30 minutes in the one week of the window the routine existed in.
    CHECK(s.minutes_per_week == Approx(30.0));
}

TEST_CASE("stats: an empty history, and a history of one day") {
    const Stats empty = compute_stats(input_for(Schedule{}, 12, {}, {}, nov(21)));
    CHECK(empty.days.size() == 84);
    CHECK(empty.streak.current == 0);
    CHECK(empty.streak.longest == 0);
    CHECK(empty.adherence.due == 0);
    CHECK_FALSE(empty.adherence.rate());
    CHECK(empty.pain.sessions_rated == 0);
    CHECK_FALSE(empty.pain.first_avg);
    CHECK(empty.minutes_per_week == 0);
    for (const auto& w : empty.weekly) {
        CHECK(w.sessions == 0);
        CHECK_FALSE(w.median_hold_s);
        CHECK_FALSE(w.pain_before);
    }
    CHECK(states(empty).at("2026-11-20") == "rest");
    CHECK(states(empty).at("2026-11-21") == "pending");

    auto one = input_for(Schedule{}, 1, {fact(nov(21), "completed", 6, 4)}, {}, nov(21));
    one.holds = {{nov(21), 15}, {nov(21), 17}};
    const Stats s = compute_stats(one);
    CHECK(states(s).at("2026-11-21") == "done");
    CHECK(s.adherence.due == 1);
    CHECK(s.adherence.done == 1);
    CHECK(s.streak.current == 1);
    CHECK(s.streak.longest == 1);
    CHECK(s.pain.sessions_rated == 1);
    CHECK_FALSE(s.pain.first_avg);  // a trend needs two rated weeks
    REQUIRE(s.weekly[0].median_hold_s);
    CHECK(*s.weekly[0].median_hold_s == 16.0);
}

TEST_CASE("stats: weekly sessions, minutes, median hold and pain, without the holds outside the window") {
    auto in = input_for(Schedule{}, 2,
                        {fact(nov(9), "completed", 6, 4, 600), fact(nov(10), "partial", 5, std::nullopt, 300),
                         fact(nov(11), "skipped"), fact(nov(16), "completed", std::nullopt, 1, 900),
                         fact(nov(2), "completed", 9, 9, 600)});
    in.holds = {{nov(9), 10}, {nov(9), 30}, {nov(10), 20}, {nov(16), 15}, {nov(16), 25}, {nov(2), 99}, {nov(23), 99}};
    const Stats s = compute_stats(in);
    REQUIRE(s.weekly.size() == 2);
    CHECK(s.weekly[0].first == nov(9));
    CHECK(s.weekly[0].label == "2026-W46");
    CHECK(s.weekly[0].sessions == 2);  // the skip is not a session
    CHECK(s.weekly[0].seconds == 900);
    CHECK(*s.weekly[0].median_hold_s == 20.0);
    CHECK(*s.weekly[0].pain_before == 5.5);
    CHECK(*s.weekly[0].pain_after == 4.0);
    CHECK(s.weekly[1].sessions == 1);
    CHECK(*s.weekly[1].median_hold_s == 20.0);  // (15 + 25) / 2
    CHECK_FALSE(s.weekly[1].pain_before);
    CHECK(*s.weekly[1].pain_after == 1.0);
}

TEST_CASE("stats: the pain trend compares the first rated weeks with the last") {
    SECTION("fewer than two rated weeks: no trend") {
        const Stats s = compute_stats(input_for(Schedule{}, 4, {fact(nov(9), "completed", 6, 4), fact(nov(10), "completed", 4)}));
        CHECK(s.pain.sessions_rated == 2);
        CHECK_FALSE(s.pain.first_avg);
    }
    SECTION("two or three rated weeks: the first against the last; pain_after stands in when alone") {
        const Stats s = compute_stats(input_for(
            Schedule{}, 4,
            {fact(nov(2), "completed", 6, 4), fact(nov(3), "completed", 8), fact(nov(9), "completed", 5),
             fact(nov(17), "completed", std::nullopt, 2), fact(nov(18), "completed")}));
        CHECK(s.pain.sessions_rated == 4);
        CHECK(*s.pain.first_avg == 7.0);
        CHECK(*s.pain.last_avg == 2.0);
    }
    SECTION("four or more: the first two weeks against the last two, over the whole history") {
        const Stats s = compute_stats(input_for(
            Schedule{}, 1,
            {fact(oct(1), "completed", 8), fact(oct(8), "completed", 6), fact(oct(9), "completed", 7),
             fact(oct(20), "completed", 5), fact(nov(10), "completed", 3), fact(nov(17), "completed", 2)},
            {}, oct(1)));
        CHECK(*s.pain.first_avg == 7.0);  // (8 + 6 + 7) / 3
        CHECK(*s.pain.last_avg == 2.5);   // (3 + 2) / 2
    }
}

TEST_CASE("stats: days run day by day across DST changes and a leap day") {
    StatsInput in = input_for(Schedule{}, 20, {});
    in.today = date::local_days{date::year{2028} / 3 / 30};  // after 2028-02-29 and Europe's 2028-03-26 change
    in.created = date::local_days{date::year{2027} / 10 / 1};  // before the 2027-10-31 change
    const Stats s = compute_stats(in);
    REQUIRE(s.days.size() == 140);
    for (std::size_t i = 1; i < s.days.size(); ++i) CHECK((s.days[i].day - s.days[i - 1].day).count() == 1);
    CHECK(std::any_of(s.days.begin(), s.days.end(),
                      [](const DayMark& d) { return d.day == date::local_days{date::year{2028} / 2 / 29}; }));
}

TEST_CASE("ISO week labels and medians") {
    CHECK(iso_week_label(nov(21)) == "2026-W47");
    CHECK(iso_week_label(date::local_days{date::year{2027} / 1 / 1}) == "2026-W53");
    CHECK(iso_week_label(date::local_days{date::year{2024} / 12 / 30}) == "2025-W01");
    CHECK(iso_week_label(date::local_days{date::year{2021} / 1 / 3}) == "2020-W53");
    CHECK(iso_week_label(date::local_days{date::year{2026} / 1 / 5}) == "2026-W02");
    std::vector<int> none;
    CHECK_FALSE(median(none));
    std::vector<int> odd{30, 10, 20};
    CHECK(*median(odd) == 20.0);
    std::vector<int> even{40, 10, 30, 20};
    CHECK(*median(even) == 25.0);
}

TEST_CASE("stats pictures: sparklines scale to their top and leave gaps, day marks are distinct") {
    CHECK(sparkline({0.0, 5.0, 10.0, std::nullopt, 20.0}, 10.0) == "▁▅█ █");
    CHECK(sparkline({}, 10.0).empty());
    CHECK(sparkline({1.0, std::nullopt, 10.0}, 10.0, " ") == "▂   █");  // spaced to line up with the heatmap
    std::set<std::string_view> marks;
    for (auto st : {DayState::Done, DayState::Partial, DayState::Skipped, DayState::Paused, DayState::Missed,
                    DayState::Rest, DayState::Pending, DayState::Future})
        marks.insert(day_mark(st));
    CHECK(marks.size() == 8);
}

TEST_CASE("due_today: open days are due, and done, excused, resting or met ones are not") {
    const auto due = [](const Schedule& schedule, std::vector<SessionFact> sessions, std::vector<PauseSpan> pauses = {},
                        Day created = nov(1)) {
        return due_today(created, nov(21), schedule, WeekStart::Monday, sessions, pauses);
    };
    CHECK(due(Schedule{}, {}));
    CHECK(due(Schedule{}, {fact(nov(21), "partial")}));
    CHECK_FALSE(due(Schedule{}, {fact(nov(21), "completed")}));
    CHECK_FALSE(due(Schedule{}, {fact(nov(21), "skipped")}));
    CHECK_FALSE(due(Schedule{}, {}, {{nov(20), nov(22)}}));
    CHECK_FALSE(due(Schedule{}, {}, {}, nov(22)));  // created tomorrow
    CHECK(due(Schedule{}, {}, {}, nov(21)));        // created today
    CHECK_FALSE(due(weekdays({1, 3, 5}), {}));      // Saturday rests
    CHECK(due(weekdays({6}), {}));
    CHECK(due(per_week(2), {fact(nov(17), "completed")}));
    CHECK_FALSE(due(per_week(2), {fact(nov(17), "completed"), fact(nov(19), "completed")}));
    CHECK_FALSE(due(per_week(2), {fact(nov(17), "completed")}, {{nov(18), nov(18)}}));
    CHECK_FALSE(due(per_week(3), {fact(nov(21), "completed")}));  // today done
    CHECK(due(per_week(7), {}, {}, nov(21)));  // created on Saturday: the days before it lower the count to 2
}

TEST_CASE("stats: the totals count completed and partial sessions of the whole history, with their holds") {
    auto with_holds = [](SessionFact f, int count, int seconds) {
        f.hold_count = count;
        f.hold_seconds = seconds;
        return f;
    };
    // one session long before the window, to show the totals are not the window's
    const auto in = input_for(Schedule{}, 1,
                              {with_holds(fact(oct(1) - date::days{400}, "completed"), 9, 270),
                               with_holds(fact(nov(19), "partial", std::nullopt, std::nullopt, 300), 4, 100),
                               fact(nov(20), "skipped"),
                               with_holds(fact(nov(21), "in_progress", std::nullopt, std::nullopt, 0), 2, 40)},
                              {}, oct(1) - date::days{400});
    const Stats stats = compute_stats(in);
    CHECK(stats.totals.sessions == 2);
    CHECK(stats.totals.seconds == 900);
    CHECK(stats.totals.holds == 13);
    CHECK(stats.totals.hold_seconds == 370);
}

TEST_CASE("stats: each week's adherence, rated sessions and flares add up to the window's") {
    auto in = input_for(Schedule{}, 3,
                        {fact(nov(2), "completed", 2, 5), fact(nov(3), "completed", 3, 3), fact(nov(4), "skipped"),
                         fact(nov(10), "completed", std::nullopt, 4), fact(nov(16), "completed", 1, 3),
                         fact(nov(17), "completed", 4, 5), fact(nov(18), "partial")});
    const Stats s = compute_stats(in);
    REQUIRE(s.weekly.size() == 3);
    // Mon 2 .. Sun 8: 6 due (the 4th skipped), 2 done; Mon 9 .. 15: 7 due, 1 done; Mon 16 .. today: 5 due, 2 done
    CHECK(s.weekly[0].adherence.due == 6);
    CHECK(s.weekly[0].adherence.done == 2);
    CHECK(s.weekly[1].adherence.due == 7);
    CHECK(s.weekly[1].adherence.done == 1);
    CHECK(s.weekly[2].adherence.due == 5);
    CHECK(s.weekly[2].adherence.done == 2);
    CHECK(s.adherence.due == 18);
    CHECK(s.adherence.done == 5);
    CHECK(s.weekly[0].rated == 2);
    CHECK(s.weekly[1].rated == 1);  // rated after only: a level for the trend, never a flare
    CHECK(s.weekly[2].rated == 2);
    CHECK(s.weekly[0].flares == 1);  // 2 -> 5
    CHECK(s.weekly[1].flares == 0);
    CHECK(s.weekly[2].flares == 1);  // 1 -> 3; 4 -> 5 is not one
    CHECK(s.counted_from == nov(2));

    SECTION("a per-week target: what each week asked for") {
        in.schedule = per_week(3);
        const Stats p = compute_stats(in);
        CHECK(p.weekly[0].adherence.due == 2);  // 3 less the skipped day
        CHECK(p.weekly[0].adherence.done == 2);
        CHECK(p.weekly[1].adherence.due == 3);
        CHECK(p.weekly[1].adherence.done == 1);
        CHECK(p.weekly[2].adherence.due == 2);  // the current week, as far as it is done
        CHECK(p.adherence.due == 7);
        CHECK(p.adherence.done == 5);
    }
}

TEST_CASE("stats: the hold asked each week is the routine week's in force on its last day") {
    // made on Wednesday 4 November: routine weeks run Wednesday to Tuesday
    auto in = input_for(Schedule{}, 4, {}, {}, nov(4));
    in.week_holds = {15, 20, 25};
    const Stats s = compute_stats(in);
    REQUIRE(s.weekly.size() == 4);
    CHECK(!s.weekly[0].hold_target_s);      // Oct 26 .. Nov 1: before the routine
    CHECK(s.weekly[1].hold_target_s == 15);  // Sun 8 is in routine week 1 (4 .. 10)
    CHECK(s.weekly[2].hold_target_s == 20);  // Sun 15: week 2
    CHECK(s.weekly[3].hold_target_s == 25);  // today, Sat 21: week 3
    CHECK(s.counted_from == nov(4));
}

TEST_CASE("next_due_day: the next day a session will be due, past done, resting, met and paused days") {
    const std::vector<SessionFact> none;
    // daily: tomorrow
    CHECK(next_due_day(nov(1), nov(21), Schedule{}, WeekStart::Monday, none, {}) == nov(22));
    // weekdays mon,wed: Monday
    CHECK(next_due_day(nov(1), nov(21), weekdays({1, 3}), WeekStart::Monday, none, {}) == nov(23));
    // per week 2, met this week: the next week's first day, by week_start
    const std::vector<SessionFact> two = {fact(nov(17), "completed"), fact(nov(19), "completed")};
    CHECK(next_due_day(nov(1), nov(21), per_week(2), WeekStart::Monday, two, {}) == nov(23));
    CHECK(next_due_day(nov(1), nov(21), per_week(2), WeekStart::Sunday, two, {}) == nov(22));
    // not met: tomorrow
    CHECK(next_due_day(nov(1), nov(21), per_week(3), WeekStart::Monday, two, {}) == nov(22));
    // a pause to the 24th: the 25th; a skip logged ahead for the 22nd: the 23rd
    CHECK(next_due_day(nov(1), nov(21), Schedule{}, WeekStart::Monday, none, {PauseSpan{nov(21), nov(24)}}) == nov(25));
    CHECK(next_due_day(nov(1), nov(21), Schedule{}, WeekStart::Monday, {fact(nov(22), "skipped")}, {}) == nov(23));
    // a routine that begins later: its first day
    CHECK(next_due_day(nov(25), nov(21), Schedule{}, WeekStart::Monday, none, {}) == nov(25));
    // a suspension with no end: none within the horizon
    const Day far = nov(21) + date::days{k_next_due_horizon_days + 10};
    CHECK(!next_due_day(nov(1), nov(21), Schedule{}, WeekStart::Monday, none, {PauseSpan{nov(21), far}}));
}

TEST_CASE("stats view: while progression is stopped its advice comes first and the hold promises no rise") {
    // three calm weeks from 1 November, then 15-21 November: flare, calm, flare, calm, flare, calm, flare
    std::vector<SessionFact> sessions;
    for (unsigned d = 1; d <= 14; ++d) sessions.push_back(fact(nov(d), "completed", 3, 3));
    for (unsigned d = 15; d <= 21; ++d) sessions.push_back(fact(nov(d), "completed", d % 2 ? 2 : 3, d % 2 ? 5 : 3));
    WeekRecord calm;
    calm.due_days = calm.done_days = 7;
    calm.pain_before = 3;
    calm.pain_change = 0;
    StatsSubject subject;
    subject.routine = "default";
    subject.today = nov(21);
    subject.pain = watch_pain({calm, calm}, sessions, nov(15));
    REQUIRE(subject.pain.stop == StopWhy::FlaresInSeven);
    CHECK_FALSE(subject.pain.see_physio);  // two rated weeks at 3, but not six weeks on
    const auto advice = stop_advice(subject.pain);
    REQUIRE(advice);
    subject.hold_notes = {*advice, "Hold 20 s: up 5 s."};
    subject.session_hold_s = 20;
    StatsInput in = input_for(Schedule{}, 3, sessions);
    in.hold_s = 20;
    in.next_hold_s = 20;
    const Stats stats = compute_stats(in);
    std::ostringstream out;
    print_stats(out, ui::Style(false), subject, stats, 200);
    const std::string text = out.str();
    const auto stopped = text.find("Stopped    Progression is stopped: 4 of your last 7 rated sessions were flares.");
    const auto streak = text.find("Streak     ");
    REQUIRE(stopped != std::string::npos);
    REQUIRE(streak != std::string::npos);
    CHECK(stopped < streak);
    CHECK(text.find("Progression is stopped") == text.rfind("Progression is stopped"));  // once, not again under Hold
    CHECK(text.find("Hold       20 s this week · progression stopped\n           Hold 20 s: up 5 s.\n") != std::string::npos);
    CHECK(text.find("next week if") == std::string::npos);
    const auto j = stats_to_json(subject, stats);
    CHECK(j["progression"]["stopped"] == true);
    CHECK(j["progression"]["stop_why"] == "flares-in-seven");
    CHECK(j["progression"]["notes"][0] == *advice);
    CHECK(j["pain"]["recent_flares"] == 4);
    CHECK(j["pain"]["trend"]["see_physio"] == false);
    // not stopped: no such line, and stop_why is null
    subject.pain = watch_pain({calm, calm}, std::vector<SessionFact>(sessions.begin(), sessions.begin() + 14), nov(15));
    CHECK_FALSE(subject.pain.stopped());
    CHECK(stats_to_json(subject, stats)["progression"]["stop_why"].is_null());
}

TEST_CASE("stats view: the physiotherapist's advice follows the thresholds of watch_pain") {
    WeekRecord week;
    week.due_days = week.done_days = 7;
    WeekRecord first_at_2 = week, first_at_3 = week;
    first_at_2.pain_before = 2;
    first_at_3.pain_before = 3;
    StatsSubject subject;
    // one session rated at 2 in the first week, six weeks ago: no advice (it used to be given)
    subject.pain = watch_pain({first_at_2, week, week, week, week, week}, {fact(nov(1), "completed", 2)});
    CHECK(stats_to_json(subject, compute_stats(input_for(Schedule{}, 1, {})))["pain"]["trend"]["see_physio"] == false);
    // two weeks rated, the first at 3, no better six weeks on: the advice
    subject.pain = watch_pain({first_at_3, week, week, week, week, first_at_3}, {});
    CHECK(stats_to_json(subject, compute_stats(input_for(Schedule{}, 1, {})))["pain"]["trend"]["see_physio"] == true);
}
