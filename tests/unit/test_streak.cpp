// Unit tests: streaks by CLI.md's rules (done, neutral and missed days; per-week targets).
#include <limber/stats/streak.hpp>

#include <catch2/catch.hpp>

using namespace limber;

namespace {

Day nov(unsigned d) { return date::local_days{date::year{2026} / 11 / d}; }  // 2026-11-21 is a Saturday

std::vector<SessionFact> facts(const std::vector<std::pair<unsigned, const char*>>& list) {
    std::vector<SessionFact> out;
    for (const auto& [d, status] : list) out.push_back(SessionFact{nov(d), status, std::nullopt, std::nullopt});
    return out;
}

Schedule daily() { return Schedule{}; }

Streak daily_streak(const std::vector<SessionFact>& sessions, const std::vector<PauseSpan>& pauses = {}, Day created = nov(1)) {
    return streak_of(created, nov(21), daily(), WeekStart::Monday, sessions, pauses);
}

}  // namespace

TEST_CASE("streak: an empty history has no streak") {
    const auto s = daily_streak({});
    CHECK(s.current == 0);
    CHECK(s.longest == 0);
    CHECK_FALSE(s.in_weeks);
}

TEST_CASE("streak: today is neutral until it is done") {
    CHECK(daily_streak(facts({{18, "completed"}, {19, "completed"}, {20, "completed"}})).current == 3);
    CHECK(daily_streak(facts({{18, "completed"}, {19, "completed"}, {20, "completed"}, {21, "completed"}})).current == 4);
    CHECK(daily_streak(facts({{19, "completed"}, {21, "completed"}})).current == 1);  // the 20th was missed
}

TEST_CASE("streak: a missed or partial day breaks it, and longest remembers the best run") {
    const auto s = daily_streak(facts({{10, "completed"}, {11, "completed"}, {12, "completed"}, {13, "completed"},
                                       {15, "completed"}, {16, "partial"}, {17, "completed"}, {18, "completed"},
                                       {19, "completed"}, {20, "completed"}, {20, "partial"}}));
    CHECK(s.current == 4);   // 17..20; the 16th was only partial
    CHECK(s.longest == 4);
    const auto t = daily_streak(facts({{1, "completed"}, {2, "completed"}, {3, "completed"}, {4, "completed"},
                                       {5, "completed"}, {20, "completed"}}));
    CHECK(t.current == 1);
    CHECK(t.longest == 5);
}

TEST_CASE("streak: skipped and paused days neither break nor lengthen it") {
    CHECK(daily_streak(facts({{17, "completed"}, {18, "completed"}, {19, "skipped"}, {20, "completed"}})).current == 3);
    CHECK(daily_streak(facts({{9, "completed"}, {13, "completed"}}), {{nov(10), nov(12)}}).current == 0);  // 14.. missed
    CHECK(daily_streak(facts({{9, "completed"}, {20, "completed"}}), {{nov(10), nov(19)}}).current == 2);
}

TEST_CASE("streak: days before the routine was created are not due") {
    CHECK(daily_streak(facts({{20, "completed"}}), {}, nov(20)).current == 1);
    CHECK(daily_streak(facts({{20, "completed"}}), {}, nov(1)).current == 1);
    CHECK(daily_streak(facts({}), {}, nov(21)).current == 0);
}

TEST_CASE("streak: a weekdays target asks only for its days") {
    Schedule mwf;
    mwf.kind = ScheduleKind::Weekdays;
    mwf.weekdays = {1, 3, 5};  // Monday, Wednesday, Friday
    const auto s = streak_of(nov(1), nov(21), mwf, WeekStart::Monday,
                             facts({{9, "completed"}, {11, "completed"}, {16, "completed"}, {18, "completed"}, {20, "completed"}}), {});
    CHECK(s.current == 3);  // the 13th (a Friday) was missed
    CHECK(s.longest == 3);
}

TEST_CASE("streak: a per-week target counts weeks and the current week is neutral until met") {
    Schedule three;
    three.kind = ScheduleKind::PerWeek;
    three.per_week = 3;
    // weeks from Monday: 2..8, 9..15, 16..22 (current)
    const auto sessions = facts({{2, "completed"}, {4, "completed"}, {6, "completed"},
                                 {9, "completed"}, {10, "completed"}, {14, "completed"},
                                 {17, "completed"}});
    const auto s = streak_of(nov(2), nov(21), three, WeekStart::Monday, sessions, {});
    CHECK(s.in_weeks);
    CHECK(s.current == 2);
    auto more = sessions;
    more.push_back({nov(19), "completed", {}, {}});
    more.push_back({nov(21), "completed", {}, {}});
    CHECK(streak_of(nov(2), nov(21), three, WeekStart::Monday, more, {}).current == 3);
    // a week of two done days breaks it, unless a pause lowered the count to two
    auto thin = facts({{2, "completed"}, {4, "completed"}, {6, "completed"}, {9, "completed"}, {10, "completed"}});
    CHECK(streak_of(nov(2), nov(21), three, WeekStart::Monday, thin, {}).current == 0);
    CHECK(streak_of(nov(2), nov(21), three, WeekStart::Monday, thin, {{nov(13), nov(13)}}).current == 2);
    // a week paused throughout is neutral
    CHECK(streak_of(nov(2), nov(21), three, WeekStart::Monday, facts({{2, "completed"}, {4, "completed"}, {6, "completed"}}),
                    {{nov(9), nov(15)}}).current == 1);
}

TEST_CASE("streak: week_start sunday moves the per-week boundaries") {
    Schedule two;
    two.kind = ScheduleKind::PerWeek;
    two.per_week = 2;
    const auto sessions = facts({{8, "completed"}, {14, "completed"}, {15, "completed"}, {17, "completed"}});
    // Sunday weeks 8..14 and 15..21 both have two done days.
    const auto sunday = streak_of(nov(8), nov(21), two, WeekStart::Sunday, sessions, {});
    CHECK(sunday.current == 2);
    CHECK(sunday.longest == 2);
    // Monday weeks: 2..8 is neutral (created on the 8th), 9..15 met, 16..22 not met yet (neutral).
    const auto monday = streak_of(nov(8), nov(21), two, WeekStart::Monday, sessions, {});
    CHECK(monday.current == 1);
    CHECK(monday.longest == 1);
}
