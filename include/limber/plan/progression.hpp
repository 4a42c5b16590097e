#pragma once
// R5 and R25: the hold target of a routine week, from what the weeks that ended before it show
// — the sessions done, the seconds actually held, and what the pain ratings say — and the
// hold of the next session after a flare.

#include <limber/plan/routine.hpp>
#include <limber/stats/days.hpp>

#include <optional>
#include <vector>

namespace limber {

/// What one ended routine week shows.
struct WeekRecord {
    int due_days = 0;   ///< days the schedule asked for, less skipped and paused days
    int done_days = 0;  ///< days with a completed session
    /// Average of (pain_after - pain_before) over the week's sessions rated both ways.
    std::optional<double> pain_change;
    /// R25: the median seconds held in its static-stretch holds; nullopt when none were recorded.
    std::optional<double> median_held_s;
    /// R25: the average pain before of its sessions rated before; nullopt when none were.
    std::optional<double> pain_before;
    /// R25: at its end, the last three sessions rated both ways were all flares.
    bool flare_run = false;
    /// R25: at its end, four or more of the last seven sessions rated both ways were flares.
    bool flares_in_seven = false;
};

/// The bounds of the hold for a person (R1, R5, R9, R10).
struct HoldRule {
    int start_s = 15;  ///< week-1 hold, and the floor: beginner 15, intermediate 20, advanced 30; age >= 65: 30
    int cap_s = 30;    ///< 30 s; 60 s at age >= 65; 30 s whenever pregnant or injured
};

/// What the last ended week did to the hold (R5, R25), for the words that say why.
enum class HoldWhy {
    FirstWeek,     ///< no week has ended: the start hold
    Advanced,      ///< +5 s: target met, held fully, pain not up
    AtCap,         ///< target met, but the hold is already the cap
    NothingDue,    ///< nothing was due (all paused or skipped): unchanged
    TargetMissed,  ///< fewer sessions than due: unchanged
    HeldShort,     ///< median held under 90 % of the hold: unchanged
    MorePain,      ///< pain after rose by less than 2 on average: unchanged
    Lowered,       ///< pain after rose by 2 or more on average: −5 s (not under the start)
    FlareRun,      ///< three flares in a row: progression stopped
    FlaresInSeven, ///< four flares among the last seven rated sessions: progression stopped
    PainRising,    ///< pain before 2 or more above the first rated week's: progression stopped
};

/// first-week, advanced, at-cap, nothing-due, target-missed, held-short, more-pain, lowered,
/// flare-run, flares-in-seven, pain-rising (the plan JSON's hold_why).
std::string_view to_string(HoldWhy why);

/// R25: what stops progression (and brings the advice to see a clinician).
enum class StopWhy {
    None,
    FlareRun,       ///< three sessions rated both ways in a row were flares
    FlaresInSeven,  ///< four or more of the last seven sessions rated both ways were flares
    PainRising,     ///< the last rated week's pain before averaged 2 or more above the first rated week's
};

/// flare-run, flares-in-seven, pain-rising; "" for None (the JSON's stop_why, null then).
std::string_view to_string(StopWhy why);

/// R25: the flare patterns that stop progression.
inline constexpr int k_flare_run_stop = 3;      ///< flares in a row
inline constexpr int k_flare_window = 7;        ///< the last rated sessions counted ...
inline constexpr int k_flares_in_window_stop = 4;  ///< ... and the flares among them

/// The hold of a routine week and why (R5 refined by R25).
struct Progress {
    int hold_s = 15;        ///< this week's hold
    int next_hold_s = 15;   ///< next week's if this week meets its target, is held fully and pain allows
    int cap_s = 30;         ///< the longest hold the rule allows
    HoldWhy why = HoldWhy::FirstWeek;
    WeekRecord last_week;   ///< the last ended week (when why != FirstWeek)
    int last_week_hold_s = 0;           ///< the hold that week asked for
    std::optional<double> first_pain;   ///< the first rated week's average pain before
    bool stopped = false;   ///< progression is stopped now (a flare run, or pain before still 2 up)
    std::vector<int> week_holds;  ///< the hold of each routine week, 1 to this one (the last is hold_s)
};

/// Applies R5 and R25 week by week, oldest first. A week with nothing due leaves the hold. A
/// week whose sessions' pain after rose by 2 or more on average takes 5 s off (never below the
/// start). Otherwise the hold stays when progression is stopped — the week ended on three
/// flares in a row or with four flares among its last seven rated sessions, or its pain before
/// averaged 2 or more above the first rated week's (a week with no rating keeps the last rated
/// week's verdict, as it leaves the flare patterns as they were) — and rises by 5 s (to the cap) when
/// the week met its target, its median held reached 90 % of the hold (or none was recorded)
/// and its pain did not rise on average.
Progress progress_of(const HoldRule& rule, const std::vector<WeekRecord>& ended_weeks);

/// progress_of(rule, weeks).hold_s.
int hold_after(const HoldRule& rule, const std::vector<WeekRecord>& ended_weeks);

/// R2: repetitions per side for a hold: clamp(ceil(60 / hold), 2, 4).
int reps_for_hold(int hold_s);

/// R25: a session rated both ways whose pain after is 2 or more above its pain before.
bool is_flare(const SessionFact& session);

/// The records of the routine weeks that ended before today's week, oldest first. Due days
/// follow the schedule; skipped and paused days are not due (for a per-week target they lower
/// the count). A day is done when it has a completed session. `sessions` are in the order they
/// were done (by day, then start); `holds` are the static-stretch holds of completed and
/// partial sessions.
std::vector<WeekRecord> ended_weeks(Day created, Day today, const Schedule& schedule,
                                    const std::vector<SessionFact>& sessions,
                                    const std::vector<PauseSpan>& pauses, const std::vector<HoldFact>& holds = {});

/// R25: what the pain ratings say now, over the whole history.
struct PainWatch {
    int flares = 0;                 ///< sessions that were flares
    bool last_was_flare = false;    ///< the last session done was a flare: the next one holds 5 s less
    std::optional<int> flare_before, flare_after;  ///< that session's ratings
    int flare_run = 0;              ///< flares in a row at the end, among sessions rated both ways
    int recent_flares = 0;          ///< flares among the last seven sessions rated both ways
    int recent_rated = 0;           ///< those sessions (seven, or fewer when fewer were rated)
    std::optional<double> first_week_pain;  ///< the first rated ended week's average pain before
    std::optional<double> last_week_pain;   ///< the last rated ended week's
    bool rising = false;            ///< last_week_pain >= first_week_pain + 2
    int rated_weeks = 0;            ///< ended routine weeks with a session rated before
    int rated_weeks_span = 0;       ///< ended routine weeks since the first rated one, that one included
    /// About 6 weeks on, pain before (2 or more) is not 2 points better than in the first rated
    /// week, at least two weeks were rated and the first averaged 3 or more: see a
    /// physiotherapist (NICE NG59).
    bool see_physio = false;
    /// Why progression is stopped now, the first that applies: the flares of the last rated
    /// sessions (three in a row, four of seven), pain before rising, a flare pattern that the
    /// last ended week ended with or that this week has met (no week has ended clear of it since).
    StopWhy stop = StopWhy::None;
    /// The flare pattern of `stop` is in the last rated sessions now (false when it stands from
    /// earlier in this week or from the end of the last).
    bool stop_now = false;
    bool stopped() const { return stop != StopWhy::None; }
};

/// What the pain ratings say now. `this_week_from` is the first day of the current routine
/// week: a flare pattern met after one of its sessions keeps progression stopped until the week
/// ends (without it, only the pattern of the last rated sessions and of the last ended week).
PainWatch watch_pain(const std::vector<WeekRecord>& ended_weeks, const std::vector<SessionFact>& sessions,
                     std::optional<Day> this_week_from = std::nullopt);

/// R25: the next session's hold after a flare: 5 s less, never under 10 s (nor above `hold_s`).
int hold_after_flare(int hold_s);

}  // namespace limber
