#pragma once
// Pauses: days excused from every routine's target (illness, injury, travel).

#include <limber/stats/days.hpp>
#include <limber/time/clock.hpp>
#include <limber/time/dates.hpp>

#include <limber/store/store.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace limber {

struct Pause {
    std::int64_t id = 0;
    Day from;             ///< first day, included
    Day to;               ///< last day, included
    std::string reason;   ///< "" = none
    Instant created_at;
};

/// Stores a pause and returns its id. Call inside a write transaction.
std::int64_t insert_pause(Store& store, const Pause& pause);

/// Every pause, by first day.
std::vector<Pause> list_pauses(Store& store);

/// Removes a pause. False when there was none.
bool remove_pause(Store& store, std::int64_t id);

/// The days excused from every routine's target, as the day spans R5 and the streaks need:
/// every pause, and the days red flags suspended the routines (R27) — from a flag's day to the
/// day before its clearance, or with no end while it is in force.
std::vector<PauseSpan> pause_spans(Store& store);

}  // namespace limber
