#pragma once
// The figures of one routine over a window of weeks, read once for `stats`, `report` and the
// glance of bare `limber`: so that every command counts the same way.

#include <limber/app/context.hpp>
#include <limber/io/stats_view.hpp>
#include <limber/plan/week.hpp>
#include <limber/stats/stats.hpp>

#include <CLI/CLI.hpp>

#include <optional>

#include <string>
#include <vector>

namespace limber {

/// A routine, its week as `plan show` sees it, and the figures of `stats` over the window.
struct RoutineFigures {
    SavedRoutine routine;
    PlanView view;        ///< this week (the hold figures of `stats` are its own)
    StatsSubject subject; ///< what the figures are of
    Stats stats;          ///< compute_stats over `weeks` calendar weeks, the current one last
    std::vector<SessionFact> sessions;  ///< all of the routine's sessions
    std::vector<PauseSpan> pauses;      ///< the pauses and the days red flags suspended the routines
};

/// Adds --weeks N, the window of `stats` and `report`.
void add_weeks_option(CLI::App& command, std::optional<std::string>& weeks);

/// The weeks --weeks gave (1 to 5200, a hundred years), 12 without it; UsageError otherwise.
int window_weeks(const std::optional<std::string>& weeks);

/// The figures of the saved routine `name` (NotFound, with a hint, when there is none) over a
/// window of `weeks` weeks.
RoutineFigures routine_figures(Context& context, const std::string& name, int weeks);

}  // namespace limber
