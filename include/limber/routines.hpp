#pragma once
// Saved routines: the routines and routine_items tables.

#include <limber/clock.hpp>
#include <limber/dates.hpp>
#include <limber/planner.hpp>
#include <limber/progression.hpp>
#include <limber/stats.hpp>

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace limber {

struct SavedRoutine {
    std::string name;
    PlanRequest request;
    std::vector<RoutineItem> items;     ///< week-1 doses
    std::vector<std::string> warnings;
    Day created_day;                    ///< routine week 1 starts here (R5)
    Instant created_at;
    Instant updated_at;
};

/// Saves a plan under `name`, replacing a routine of that name but keeping its created_day
/// (and so its weeks). Call inside a write transaction.
void save_routine(SQLite::Database& db, const std::string& name, const PlanRequest& request,
                  const Plan& plan, Day today, Instant now);

/// The routine called `name`, if any.
std::optional<SavedRoutine> load_routine(SQLite::Database& db, const std::string& name);

/// The names of all routines, sorted.
std::vector<std::string> routine_names(SQLite::Database& db);

/// Removes the routine and its items (sessions stay in the history). False if there was none.
bool remove_routine(SQLite::Database& db, const std::string& name);

/// The sessions of routine `name`, as R5 needs them.
std::vector<SessionFact> session_facts(SQLite::Database& db, const std::string& name);

/// The holds of static stretches (the library's kind `static`) in routine `name`'s completed
/// and partial sessions of days `from`..`to`.
std::vector<HoldFact> stretch_holds(SQLite::Database& db, const std::string& name, Day from, Day to);

}  // namespace limber
