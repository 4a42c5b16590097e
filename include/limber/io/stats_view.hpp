#pragma once
// `limber stats` as people and scripts see it: the JSON of CLI.md, and the terminal screen
// with its calendar heatmap and sparklines (readable without colour).

#include <limber/plan/week.hpp>
#include <limber/stats/stats.hpp>
#include <limber/ui/ui.hpp>

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// What the figures are of.
struct StatsSubject {
    std::string routine;
    Schedule schedule;
    bool stretches = true;  ///< the routine has stretches, and so a hold (an acute strain's has none)
    Day today;
    int routine_week = 1;
    StrengthWeek strength;  ///< R23: this week's strength sessions
    int session_hold_s = 0;               ///< R25: today's session's hold (less after a flare)
    HoldWhy why = HoldWhy::FirstWeek;     ///< what the last ended week did to the hold
    PainWatch pain;                       ///< R25: flares and the pain trend
    std::vector<std::string> hold_notes;  ///< R25 in words: why the hold is what it is, and the advice
    std::string suspension;               ///< R27: why every routine is suspended ("" when none is)
};

/// Seconds as whole minutes, rounded (the minutes of the stats JSON and the report).
std::int64_t whole_minutes(std::int64_t seconds);

/// A streak's length in its unit: "1 day", "12 days", "3 weeks".
std::string streak_length(int n, bool in_weeks);

/// One line of the summary `stats` prints first (and `report` shows): "Adherence" and its words.
struct SummaryLine {
    std::string label;
    std::string text;
};

/// The summary in words: streak, adherence, time, hold, pain (and strength, when the routine
/// has strength days).
std::vector<SummaryLine> summary_lines(const StatsSubject& subject, const Stats& stats);

/// The `stats --json` object of CLI.md.
nlohmann::ordered_json stats_to_json(const StatsSubject& subject, const Stats& stats);

/// One character per value, "▁" (low) to "█" (`top` or more), a space where there is none,
/// with `between` between them.
std::string sparkline(const std::vector<std::optional<double>>& values, double top, std::string_view between = "");

/// The mark a day has in the heatmap ("●" done, "◐" partial, "○" skipped, "‖" paused, "×"
/// missed, "·" rest, "◌" today pending, " " future).
std::string_view day_mark(DayState state);

/// The human screen, at most `width` columns wide: the heatmap keeps its latest weeks.
void print_stats(std::ostream& out, const ui::Style& style, const StatsSubject& subject, const Stats& stats,
                 std::size_t width);

}  // namespace limber
