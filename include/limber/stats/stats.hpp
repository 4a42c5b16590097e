#pragma once
// `limber stats`: streaks, adherence, progression and the pain trend of one routine, as pure
// functions of plain rows (the store reads them; nothing here touches SQLite).

#include <limber/config/settings.hpp>
#include <limber/plan/routine.hpp>
#include <limber/stats/days.hpp>
#include <limber/stats/streak.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// What one day of the window shows (CLI.md "stats --json", `days[].state`).
enum class DayState { Done, Partial, Skipped, Paused, Missed, Rest, Pending, Future };
std::string_view to_string(DayState state);

/// Whole-history totals of a routine: completed and partial sessions (skipped days and a
/// session still running are not sessions done), and their holds.
struct SessionTotals {
    std::int64_t sessions = 0;
    std::int64_t seconds = 0;
    std::int64_t holds = 0;
    std::int64_t hold_seconds = 0;
};

/// Everything `stats` is computed from.
struct StatsInput {
    Day created;                      ///< the routine's first day (days before it are not due)
    Day today;
    Schedule schedule;
    WeekStart week_start = WeekStart::Monday;
    int weeks = 12;                   ///< calendar weeks in the window, the current one last
    std::vector<SessionFact> sessions;  ///< all of the routine's sessions, any order
    std::vector<PauseSpan> pauses;
    std::vector<HoldFact> holds;      ///< the static-stretch holds of the window's sessions
    int hold_s = 0;                   ///< this week's hold target (R5, as `plan show` has it)
    int next_hold_s = 0;              ///< next week's, if this week meets its target
    std::vector<int> week_holds;      ///< the hold of each routine week from the first (Progress::week_holds)
};

struct Adherence {
    int due = 0;   ///< days (or, per week, sessions) the target asked for in the window, up to today
    int done = 0;  ///< of those, done (today counts once it is done)
    /// done / due; nullopt when nothing was due.
    std::optional<double> rate() const;
};

/// One calendar week of the window.
struct WeekFigures {
    Day first;                           ///< its first day (week_start)
    std::string label;                   ///< ISO week of its Monday: "2026-W47"
    int sessions = 0;                    ///< completed and partial sessions
    std::int64_t seconds = 0;            ///< their time
    std::optional<int> hold_target_s;    ///< the hold asked: that of the routine week in force on its last day (up to today)
    std::optional<double> median_hold_s; ///< median held seconds of its static-stretch holds
    std::optional<double> pain_before;   ///< average pain_before of its rated sessions
    std::optional<double> pain_after;    ///< average pain_after of its rated sessions
    Adherence adherence;                 ///< what the target asked of the week, and was done (as the window's)
    int rated = 0;                       ///< sessions rated (before or after), as the pain trend counts them
    int flares = 0;                      ///< R25: sessions whose pain after was 2 or more above before
};

/// The pain trend over the whole history: a session's level is pain_before, or pain_after
/// when only that was rated. The average of the first two calendar weeks with a rated session
/// against the last two (the first against the last when there are two or three such weeks;
/// nothing with fewer than two).
struct PainTrend {
    int sessions_rated = 0;
    std::optional<double> first_avg;
    std::optional<double> last_avg;
};

struct DayMark {
    Day day;
    DayState state = DayState::Rest;
};

struct Stats {
    Streak streak;
    SessionTotals totals;
    int weeks = 0;
    Day counted_from;                 ///< the first day adherence counts: the window's, or the routine's when later
    Adherence adherence;
    double minutes_per_week = 0;      ///< over the window's weeks since the routine was created
    int hold_s = 0;
    int next_hold_s = 0;
    std::vector<WeekFigures> weekly;  ///< the window's weeks, oldest first
    PainTrend pain;
    std::vector<DayMark> days;        ///< every day of the window's weeks, oldest first
};

/// Whether a session of the routine is due `today` and not done yet: not when today is done,
/// skipped or paused, before the routine was created, a day the schedule rests, or in a week
/// whose per-week count (less its skipped, paused and not-yet-created days) is already met.
/// A partial session leaves the day due.
bool due_today(Day created, Day today, const Schedule& schedule, WeekStart week_start,
               const std::vector<SessionFact>& sessions, const std::vector<PauseSpan>& pauses);

/// How far ahead next_due_day looks.
inline constexpr int k_next_due_horizon_days = 400;

/// The first day after `today` that a session will be due if none is done before it (as
/// due_today would say on that day); nullopt when none is within k_next_due_horizon_days (a
/// pause or a suspension with no end).
std::optional<Day> next_due_day(Day created, Day today, const Schedule& schedule, WeekStart week_start,
                                const std::vector<SessionFact>& sessions, const std::vector<PauseSpan>& pauses);

/// The first day of a window of `weeks` calendar weeks whose last one holds `today`.
Day window_first_day(Day today, WeekStart week_start, int weeks);

/// "2026-W47": the ISO-8601 week of `d`.
std::string iso_week_label(Day d);


/// The figures of `stats`. Days in the window:
/// - future after today; done with a completed session; partial with only a partial (or
///   running) one; skipped; paused; rest when not due (the schedule's rest days, days before
///   the routine was created); pending for today while not done; missed otherwise.
/// - a per-week target marks, in a week that fell short, as many of its last open days missed
///   as it fell short by, and its other open days rest; the current week's open days are rest
///   (today pending) until it is met.
/// Adherence counts, up to today, the days due (daily and weekdays; today once done) or the
/// days asked of each week (per week: the count less its skipped, paused and not-yet-created
/// days; the current week only as far as it is done), and how many of them were done.
Stats compute_stats(const StatsInput& input);

}  // namespace limber
