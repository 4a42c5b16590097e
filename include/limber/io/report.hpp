#pragma once
// `limber report`: one document for a clinician — the routine as prescribed, adherence, the
// calendar, hold progression, pain before and after with flares, notes, skipped days, pauses
// and red flags — as self-contained HTML (inline SVG, no script, printable on A4), Markdown or
// JSON. Every figure is one `stats` computed (StatsSubject, Stats); nothing here counts again.

#include <limber/io/stats_view.hpp>
#include <limber/plan/red_flags.hpp>
#include <limber/plan/week.hpp>
#include <limber/session/records.hpp>

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

enum class ReportFormat { Html, Markdown, Json };

/// html, md or json; nullopt otherwise.
std::optional<ReportFormat> parse_report_format(std::string_view text);

/// A pause that overlaps the report's period.
struct ReportPause {
    Day from;
    Day to;
    std::string reason;  ///< "" = none given
};

/// A red flag as recorded (R27), and its clearance if a clinician gave one.
struct ReportFlag {
    Symptom symptom = Symptom::Fever;
    Day day;
    std::string source;        ///< plan, flag or start: where it was reported
    bool stops = true;         ///< false: a lasting condition cleared before, reported again (a warning)
    std::optional<Day> cleared_on;
    std::string clearance_note;
};

/// What a report is made of.
struct ReportInput {
    PlanView view;          ///< the routine this week, as `plan show` has it
    Day created;            ///< the routine's first day
    StatsSubject subject;   ///< as `stats` has it
    Stats stats;            ///< as `stats` computed it over the report's weeks
    std::vector<Session> sessions;  ///< the sessions of the period, oldest first (notes, skips, flares)
    std::vector<ReportPause> pauses;
    std::vector<ReportFlag> flags;  ///< every red flag recorded, oldest first
    std::string version;    ///< limber's version, printed in the report
};

/// The first and last day the report covers: the first day adherence counts (the window's, or the
/// routine's first day when later; Stats::counted_from) to today.
struct ReportPeriod {
    Day from;
    Day to;
};
ReportPeriod report_period(const ReportInput& input);

/// The words under the title: the figures are the person's own record, not a clinical measurement.
std::string_view report_disclaimer();

/// The report as one JSON object: its period, the plan of `plan show --json`, the figures of
/// `stats --json`, and the notes, skipped days, pauses, flares and red flags of the period.
nlohmann::ordered_json report_to_json(const ReportInput& input);

/// The report as Markdown, for pasting into a message.
void write_report_markdown(std::ostream& out, const ReportInput& input);

/// The report as one self-contained HTML page: inline SVG charts with table equivalents, no
/// script, nothing fetched; readable in greyscale and printable on one or two A4 pages.
void write_report_html(std::ostream& out, const ReportInput& input);

}  // namespace limber
