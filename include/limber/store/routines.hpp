#pragma once
// Saved routines: the routines and routine_items tables.

#include <limber/plan/planner.hpp>
#include <limber/plan/progression.hpp>
#include <limber/plan/week.hpp>
#include <limber/stats/stats.hpp>
#include <limber/time/clock.hpp>
#include <limber/time/dates.hpp>

#include <limber/store/store.hpp>

#include <optional>
#include <string>
#include <vector>

namespace limber {


/// Saves a plan under `name`, replacing a routine of that name but keeping its created_day
/// (and so its weeks) unless `week_one_again`: then `today` is its week 1 (a fresh strain).
/// Call inside a write transaction.
void save_routine(Store& store, const std::string& name, const PlanRequest& request,
                  const Plan& plan, Day today, Instant now, bool week_one_again = false);

/// The routine called `name`, if any.
std::optional<SavedRoutine> load_routine(Store& store, const std::string& name);

/// The names of all routines, sorted.
std::vector<std::string> routine_names(Store& store);

/// Removes the routine and its items (sessions stay in the history). False if there was none.
bool remove_routine(Store& store, const std::string& name);

/// The sessions of routine `name`, as R5 needs them.
std::vector<SessionFact> session_facts(Store& store, const std::string& name);

/// The holds of static stretches (the library's kind `static`) in routine `name`'s completed
/// and partial sessions of days `from`..`to`.
std::vector<HoldFact> stretch_holds(Store& store, const std::string& name, Day from, Day to);

}  // namespace limber
