#pragma once
// The recorded days of a routine as R5, the streaks and stats read them: one fact per
// session, the pauses, and the book of flags per day built from them.

#include <limber/plan/routine.hpp>
#include <limber/time/dates.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

/// A held static stretch of one of the routine's sessions (the weekly medians of `stats` and
/// R25 read them).
struct HoldFact {
    Day day;
    int held_s = 0;
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

/// The median of `values` (the mean of the two middle ones when their number is even);
/// nullopt when empty. Reorders `values`.
std::optional<double> median(std::vector<int>& values);

}  // namespace limber
