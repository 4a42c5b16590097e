#pragma once
// What `due`, `remind` (and a glance at today) know of a routine today: whether a session is
// due and not done, the streak at stake, this week's length and whether progression is stopped.

#include <limber/app/context.hpp>
#include <limber/plan/week.hpp>

#include <string>

namespace limber {

/// What due and remind know of a routine today.
struct Today {
    SavedRoutine routine;
    bool due = false;
    int streak = 0;
    bool streak_in_weeks = false;
    int estimated_s = 0;
    bool strength_today = false;  ///< R23: today's session carries the strength block
    bool review_due = false;      ///< R26: an acute-strain routine past its review day
    bool suspended = false;       ///< R27: a red flag suspends every routine (then nothing is due)
    std::string stop_advice = {}; ///< R25: while progression is stopped, why and to see a clinician (when due)
};

/// The routine a command means (routine_name_or_default of `given`) as it stands today.
Today look_at_today(const std::string& given, Context& context);

}  // namespace limber
