#pragma once
// R5: the hold target of a routine week, from the weeks that ended before it.

#include <optional>
#include <vector>

namespace limber {

/// What one ended routine week shows.
struct WeekRecord {
    int due_days = 0;   ///< days the schedule asked for, less skipped and paused days
    int done_days = 0;  ///< days with a completed session
    /// Average of (pain_after - pain_before) over the week's sessions rated both ways.
    std::optional<double> pain_change;
};

/// The bounds of the hold for a person (R1, R5, R9, R10).
struct HoldRule {
    int start_s = 15;  ///< week-1 hold, and the floor: beginner 15, intermediate 20, advanced 30; age >= 65: 30
    int cap_s = 30;    ///< 30 s; 60 s at age >= 65; 30 s whenever pregnant or injured
};

/// Applies R5 week by week: a week that met its target without more pain (average change <= 0,
/// or nothing rated) adds 5 s; an average change of +2 or more takes 5 s off (never below the
/// start); anything else leaves it. A week with nothing due leaves it too. Capped at cap_s.
int hold_after(const HoldRule& rule, const std::vector<WeekRecord>& ended_weeks);

/// R2: repetitions per side for a hold: clamp(ceil(60 / hold), 2, 4).
int reps_for_hold(int hold_s);

}  // namespace limber

#include <limber/dates.hpp>
#include <limber/routine.hpp>

#include <cstdint>
#include <string>
#include <utility>

namespace limber {

/// What R5 needs to know of one recorded session.
struct SessionFact {
    Day day;
    std::string status;  ///< completed, partial, skipped (in_progress counts as partial)
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    int duration_s = 0;  ///< 0 when not recorded (a skipped day, a session still running)
    int hold_count = 0;    ///< holds stored with the session
    int hold_seconds = 0;  ///< their seconds held
};

/// A pause: days from..to, both included.
struct PauseSpan {
    Day from;
    Day to;
};

/// The recorded days as R5 and the streak rules read them: one flag byte per day of the
/// recorded range, so each question is a lookup.
class DayBook {
public:
    DayBook(const std::vector<SessionFact>& sessions, const std::vector<PauseSpan>& pauses);
    /// The day has a completed session.
    bool done(Day d) const { return flags(d) & k_done; }
    /// Skipped or inside a pause, and not done: neither due nor missed.
    bool excused(Day d) const;
    /// The day has a partial session (or one still running).
    bool partial(Day d) const { return flags(d) & k_partial; }
    /// The day was skipped (`log --skip`).
    bool skipped(Day d) const { return flags(d) & k_skipped; }
    /// The day is inside a pause.
    bool paused(Day d) const;

    /// Of the seven days from `first`: those done up to `today`, and the others excused
    /// (skipped, paused, or before `created`) — what a per-week target counts.
    struct WeekCounts {
        int done = 0;
        int excused = 0;
    };
    WeekCounts week(Day first, Day created, Day today) const;

private:
    static constexpr std::uint8_t k_done = 1, k_partial = 2, k_skipped = 4;
    std::uint8_t flags(Day d) const {
        const auto i = (d - m_first).count();
        return i >= 0 && i < static_cast<long>(m_flags.size()) ? m_flags[static_cast<std::size_t>(i)] : 0;
    }
    Day m_first;
    std::vector<std::uint8_t> m_flags;
    std::vector<PauseSpan> m_pauses;
};

/// Whether `schedule` asks for day `d`: always for daily and per-week targets, its weekdays otherwise.
bool schedule_asks(const Schedule& schedule, Day d);

/// The routine week `today` falls in: 1 from `created` for seven days, then 2, … (1 before `created`).
int routine_week(Day created, Day today);

/// The records of the routine weeks that ended before today's week, oldest first. Due days
/// follow the schedule; skipped and paused days are not due (for a per-week target they lower
/// the count). A day is done when it has a completed session.
std::vector<WeekRecord> ended_weeks(Day created, Day today, const Schedule& schedule,
                                    const std::vector<SessionFact>& sessions,
                                    const std::vector<PauseSpan>& pauses);

}  // namespace limber
