#pragma once
// The report's content once, as words and tables, for its two human renderings (Markdown and
// HTML): what each section says is decided here, how it looks there.

#include <limber/io/report.hpp>

#include <string>
#include <vector>

namespace limber::report {

/// A table with its caption; the first cell of each row names the row.
struct Table {
    std::string caption;
    std::vector<std::string> head;
    std::vector<bool> numeric;  ///< per column: figures, right-aligned
    std::vector<std::vector<std::string>> rows;
};

/// One week of the window the report shows, with the figures of its charts.
struct Week {
    const WeekFigures* figures = nullptr;
    std::string short_label;      ///< "W47"; "2027 W01" for the period's first week and the first of a year
    std::string year_label;       ///< "2026 W47"
};

struct Document {
    std::string routine;
    std::string period;   ///< "2026-09-07 to 2026-11-21 (12 weeks)"
    std::string made;     ///< "Made on Sat 2026-11-21 with limber 1.4.0."
    std::string suspension;  ///< R27: "" when no red flag suspends the routines
    std::vector<SummaryLine> summary;
    std::vector<SummaryLine> prescription;
    std::vector<std::string> hold_notes;
    std::vector<std::string> warnings;  ///< the routine's warnings, as plan show prints them
    std::string scope;                  ///< what the summary's figures count
    Table exercises;
    std::vector<std::string> cautions;  ///< numbered in the exercises' Cautions column
    std::vector<Week> weeks;            ///< from the week the routine began, oldest first
    std::size_t first_week = 0;         ///< its index in Stats::weekly
    std::size_t calendar_from = 0;      ///< the first of `weeks` the calendar shows (at most k_calendar_weeks)
    Table weekly;
    Table events;   ///< notes, skipped days, pauses and flares
    Table flags;    ///< red flags and their clearances
};

/// The calendar shows at most this many weeks, the latest: half a year fits an A4 page's width.
inline constexpr std::size_t k_calendar_weeks = 26;

Document document_of(const ReportInput& input);

/// "Calendar", or "Calendar of the last 26 of 52 weeks (…)".
std::string calendar_caption(const Document& d);

/// The title every rendering opens with.
inline constexpr const char* k_title = "Hamstring stretching report";
inline constexpr const char* k_no_events = "No notes, skipped days, pauses or flares in this period.";
inline constexpr const char* k_no_flags = "No red-flag symptoms recorded.";

/// The calendar's legend: each day state and its words, in the order `stats` shows them.
const std::vector<std::pair<DayState, std::string>>& calendar_legend();

}  // namespace limber::report
