// The report as one HTML page: its own style sheet, inline SVG charts each followed by the
// table that holds its figures, no script and no address of anything outside the file.
#include <limber/io/report.hpp>

#include "report_document.hpp"

#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>

namespace limber {

namespace {

/// Text safe in HTML content and in a quoted attribute.
std::string esc(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

// Greys only, told apart by shape and dash as well: the page reads the same printed in black and white.
constexpr const char* k_style = R"(
:root { color: #111; background: #fff; }
body { font: 15px/1.4 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
h2 { font-size: 1.1rem; margin: 1.1rem 0 .4rem; border-bottom: 1px solid #888; padding-bottom: .1rem; }
p { margin: .3rem 0; }
.meta { color: #333; }
.disclaimer { font-size: .85em; color: #333; border-left: 3px solid #888; padding-left: .5rem; }
.alert { border: 2px solid #111; padding: .3rem .5rem; font-weight: bold; }
dl.figures { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; }
dl.figures dt { font-weight: bold; }
dl.figures dd { margin: 0; }
table { border-collapse: collapse; margin: .3rem 0 .6rem; font-size: .9em; }
caption { text-align: left; font-weight: bold; padding-bottom: .2rem; }
th, td { border: 1px solid #999; padding: .1rem .35rem; vertical-align: top; }
thead th { background: #e6e6e6; text-align: left; }
tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ol.cautions, ul.warnings { margin: .2rem 0 .4rem; padding-left: 1.6rem; font-size: .9em; }
.scope { font-size: .85em; color: #333; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .6rem; }
figure { margin: 0; }
figcaption { font-size: .85em; font-weight: bold; }
svg { width: 100%; height: auto; display: block; }
svg text { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; fill: #111; }
table.calendar td { text-align: center; min-width: 1.4em; padding: 0 .2rem; }
table.calendar td.done { background: #d0d0d0; }
table.calendar td.missed { background: #fff; font-weight: bold; }
.legend { font-size: .85em; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
footer { margin-top: 1rem; font-size: .8em; color: #333; }
@page { size: A4; margin: 11mm 11mm 12mm; }
@media print {
  body { font-size: 8.2pt; max-width: none; margin: 0; padding: 0; }
  h1 { font-size: 13pt; }
  h2 { font-size: 10pt; margin: 2.5mm 0 1mm; }
  .charts { grid-template-columns: repeat(3, 1fr); gap: 3mm; }
  ol.cautions, ul.warnings { column-count: 2; column-gap: 6mm; font-size: 7.6pt; }
  ol.cautions li, ul.warnings li { break-inside: avoid; }
  table { margin: 1mm 0 2mm; }
  table, figure, dl, .alert { break-inside: avoid; }
  h2 { break-after: avoid; }
}
)";

void table_html(std::ostream& out, const report::Table& t, std::string_view css_class = {}) {
    out << "<table" << (css_class.empty() ? "" : fmt::format(" class=\"{}\"", css_class)) << ">\n<caption>"
        << esc(t.caption) << "</caption>\n<thead><tr>";
    for (const auto& h : t.head) out << "<th scope=\"col\">" << esc(h) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
        out << "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c == 0) out << "<th scope=\"row\">" << esc(row[c]) << "</th>";
            else out << (t.numeric[c] ? "<td class=\"n\">" : "<td>") << esc(row[c]) << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
}

void figures_html(std::ostream& out, const std::vector<SummaryLine>& lines) {
    out << "<dl class=\"figures\">\n";
    for (const auto& line : lines) out << "<dt>" << esc(line.label) << "</dt><dd>" << esc(line.text) << "</dd>\n";
    out << "</dl>\n";
}

/// A chart of one value per week: the frame, axes and labels it shares with the others.
class Chart {
public:
    static constexpr double k_width = 250, k_height = 150;
    static constexpr double k_left = 30, k_right = 6, k_top = 22, k_bottom = 22;

    Chart(std::string id, std::string title, std::string description, std::size_t weeks, double top)
        : m_id(std::move(id)), m_title(std::move(title)), m_description(std::move(description)),
          m_weeks(std::max<std::size_t>(weeks, 1)), m_top(top > 0 ? top : 1) {}

    double x(std::size_t week) const { return k_left + slot() * (static_cast<double>(week) + 0.5); }
    double y(double value) const {
        const double fraction = std::clamp(value / m_top, 0.0, 1.0);
        return k_height - k_bottom - fraction * (k_height - k_top - k_bottom);
    }
    double slot() const { return (k_width - k_left - k_right) / static_cast<double>(m_weeks); }

    /// The y axis's ticks, as labelled values.
    void ticks(const std::vector<std::pair<double, std::string>>& at) {
        for (const auto& [value, label] : at) {
            m_body += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#bbb" stroke-width="0.6"/>)",
                                  k_left, y(value), k_width - k_right, y(value));
            m_body += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="8" text-anchor="end">{}</text>)", k_left - 3,
                                  y(value) + 3, esc(label));
        }
    }
    /// The weeks under the x axis: every one when they fit, else every few.
    void week_labels(const std::vector<report::Week>& weeks) {
        const std::size_t every = std::max<std::size_t>(1, (weeks.size() + 7) / 8);
        for (std::size_t w = 0; w < weeks.size(); w += every)
            m_body += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="7.5" text-anchor="middle">{}</text>)", x(w),
                                  k_height - k_bottom + 10, esc(weeks[w].short_label));
        m_body += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#111" stroke-width="0.8"/>)",
                              k_left, y(0), k_width - k_right, y(0));
    }
    /// A line through the weeks with a value (broken where there is none), each value marked.
    void line(const std::vector<std::optional<double>>& values, std::string_view dash, std::string_view marker) {
        std::string points;
        const auto flush = [&] {
            if (points.empty()) return;
            m_body += fmt::format(R"(<polyline points="{}" fill="none" stroke="#111" stroke-width="1.4"{}/>)", points,
                                  dash.empty() ? std::string{} : fmt::format(R"( stroke-dasharray="{}")", dash));
            points.clear();
        };
        for (std::size_t w = 0; w < values.size(); ++w) {
            if (!values[w]) {
                flush();
                continue;
            }
            if (!points.empty()) points += ' ';
            points += fmt::format("{:.1f},{:.1f}", x(w), y(*values[w]));
        }
        flush();
        for (std::size_t w = 0; w < values.size(); ++w)
            if (values[w]) mark(marker, x(w), y(*values[w]));
    }
    /// A marker: "circle" (filled), "square" (open) or "step" (none).
    void mark(std::string_view marker, double cx, double cy) {
        if (marker == "circle")
            m_body += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="2.4" fill="#111"/>)", cx, cy);
        else if (marker == "square")
            m_body += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="4.4" height="4.4" fill="#fff" stroke="#111" stroke-width="1.1"/>)",
                                  cx - 2.2, cy - 2.2);
        else if (marker == "triangle")
            m_body += fmt::format(R"(<path d="M{:.1f},{:.1f} l3,5.2 h-6 z" fill="#111"/>)", cx, cy - 2.6);
    }
    /// A key entry at the top: its marker and line, then its words; returns the x after it.
    double key(double at, std::string_view dash, std::string_view marker, std::string_view words) {
        if (!marker.empty() && marker != "triangle" && marker != "bar") {
            m_body += fmt::format(R"(<line x1="{:.1f}" y1="9" x2="{:.1f}" y2="9" stroke="#111" stroke-width="1.4"{}/>)", at,
                                  at + 14, dash.empty() ? std::string{} : fmt::format(R"( stroke-dasharray="{}")", dash));
            mark(marker, at + 7, 9);
        } else if (marker == "bar") {
            m_body += fmt::format(R"(<rect x="{:.1f}" y="5" width="8" height="8" fill="#555"/>)", at + 3);
        } else {
            mark(marker, at + 7, 9);
        }
        m_body += fmt::format(R"(<text x="{:.1f}" y="12" font-size="8">{}</text>)", at + 17, esc(words));
        return at + 17 + 4.6 * static_cast<double>(words.size()) + 8;
    }
    void raw(const std::string& svg) { m_body += svg; }

    void write(std::ostream& out, std::string_view caption) const {
        out << "<figure>\n<figcaption id=\"" << m_id << "-c\">" << esc(caption) << "</figcaption>\n"
            << fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-t {}-d">)",
                           k_width, k_height, m_id, m_id)
            << "\n<title id=\"" << m_id << "-t\">" << esc(m_title) << "</title>\n<desc id=\"" << m_id << "-d\">"
            << esc(m_description) << "</desc>\n"
            << m_body << "\n</svg>\n</figure>\n";
    }

private:
    std::string m_id, m_title, m_description;
    std::size_t m_weeks;
    double m_top;
    std::string m_body;
};

std::string range_words(const std::vector<report::Week>& weeks) {
    if (weeks.empty()) return {};
    return weeks.size() == 1 ? weeks.front().figures->label
                             : fmt::format("{} to {}", weeks.front().figures->label, weeks.back().figures->label);
}

constexpr const char* k_see_table = " The table \"Week by week\" below holds the figures.";

void adherence_chart(std::ostream& out, const report::Document& d) {
    Chart chart("adherence", "Sessions done of those due, by week",
                fmt::format("Bars: the share of due sessions done each week, {}.{}", range_words(d.weeks), k_see_table),
                d.weeks.size(), 1.0);
    chart.ticks({{0, "0%"}, {0.5, "50%"}, {1, "100%"}});
    chart.key(Chart::k_left - 4, "", "bar", "done of due");
    const bool labels = d.weeks.size() <= 16;
    for (std::size_t w = 0; w < d.weeks.size(); ++w) {
        const Adherence& a = d.weeks[w].figures->adherence;
        const double width = chart.slot() * 0.66;
        const double left = chart.x(w) - width / 2;
        if (a.due <= 0) {
            if (labels)
                chart.raw(fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="7" text-anchor="middle">–</text>)",
                                      chart.x(w), chart.y(0) - 3));
            continue;
        }
        const double rate = *a.rate();
        chart.raw(fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="none" stroke="#777" stroke-width="0.6"/>)",
                              left, chart.y(1), width, chart.y(0) - chart.y(1)));
        if (rate > 0)
            chart.raw(fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#555"/>)", left,
                                  chart.y(rate), width, chart.y(0) - chart.y(rate)));
        if (labels)
            chart.raw(fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="6.5" text-anchor="middle">{}/{}</text>)", chart.x(w),
                                  chart.y(1) - 2, a.done, a.due));
    }
    chart.week_labels(d.weeks);
    chart.write(out, "Adherence");
}

void hold_chart(std::ostream& out, const report::Document& d) {
    std::vector<std::optional<double>> target, held;
    double top = 0;
    for (const auto& week : d.weeks) {
        const WeekFigures& f = *week.figures;
        target.push_back(f.hold_target_s ? std::optional<double>(*f.hold_target_s) : std::nullopt);
        held.push_back(f.median_hold_s);
        top = std::max({top, target.back().value_or(0.0), held.back().value_or(0.0)});
    }
    top = std::max(10.0, std::ceil(top / 10.0) * 10.0);
    Chart chart("hold", "Hold asked and median held, seconds, by week",
                fmt::format("Dashed line: the hold asked each week; solid line with dots: the median seconds held "
                            "in the static stretches, {}.{}",
                            range_words(d.weeks), k_see_table),
                d.weeks.size(), top);
    chart.ticks({{0, "0"}, {top / 2, figure(top / 2) + " s"}, {top, figure(top) + " s"}});
    const double next = chart.key(Chart::k_left - 4, "4 2.5", "step", "asked");
    chart.key(next, "", "circle", "median held");
    chart.line(target, "4 2.5", "step");
    chart.line(held, "", "circle");
    chart.week_labels(d.weeks);
    chart.write(out, "Hold progression");
}

void pain_chart(std::ostream& out, const report::Document& d) {
    std::vector<std::optional<double>> before, after;
    for (const auto& week : d.weeks) {
        before.push_back(week.figures->pain_before);
        after.push_back(week.figures->pain_after);
    }
    Chart chart("pain", "Pain before and after sessions, 0 to 10, by week",
                fmt::format("Solid line with dots: the average pain before sessions; dashed line with squares: after; "
                            "triangles: weeks with a flare (pain after 2 or more above before), {}.{}",
                            range_words(d.weeks), k_see_table),
                d.weeks.size(), 10.0);
    chart.ticks({{0, "0"}, {5, "5"}, {10, "10"}});
    double at = chart.key(Chart::k_left - 4, "", "circle", "before");
    at = chart.key(at, "3 2", "square", "after");
    chart.key(at, "", "triangle", "flare");
    chart.line(before, "", "circle");
    chart.line(after, "3 2", "square");
    for (std::size_t w = 0; w < d.weeks.size(); ++w)
        if (d.weeks[w].figures->flares > 0) chart.mark("triangle", chart.x(w), chart.y(10) - 2);
    chart.week_labels(d.weeks);
    chart.write(out, "Pain");
}

void calendar_html(std::ostream& out, const report::Document& d, const Stats& stats) {
    out << "<table class=\"calendar\">\n<caption>" << esc(report::calendar_caption(d))
        << "</caption>\n<thead><tr><th scope=\"col\">Day</th>";
    for (std::size_t w = d.calendar_from; w < d.weeks.size(); ++w)
        out << "<th scope=\"col\" title=\"" << esc(d.weeks[w].figures->label) << ", from " << format_day(d.weeks[w].figures->first)
            << "\">" << esc(w == d.calendar_from ? d.weeks[w].year_label : d.weeks[w].short_label) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (std::size_t row = 0; row < 7; ++row) {
        const Day sample = stats.days[d.first_week * 7 + row].day;
        out << "<tr><th scope=\"row\">" << weekday_title(date::weekday{sample}.c_encoding()) << "</th>";
        for (std::size_t w = d.calendar_from; w < d.weeks.size(); ++w) {
            const DayMark& mark = stats.days[(d.first_week + w) * 7 + row];
            if (mark.state == DayState::Future) {
                out << "<td></td>";
                continue;
            }
            const auto& legend = report::calendar_legend();
            const auto it = std::find_if(legend.begin(), legend.end(), [&](const auto& e) { return e.first == mark.state; });
            const std::string words = it != legend.end() ? it->second : std::string(to_string(mark.state));
            out << "<td class=\"" << to_string(mark.state) << "\" title=\"" << format_day(mark.day) << ": " << words
                << "\"><span aria-hidden=\"true\">" << day_mark(mark.state) << "</span><span class=\"sr\">" << words
                << "</span></td>";
        }
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n<p class=\"legend\">";
    bool first = true;
    for (const auto& [state, words] : report::calendar_legend()) {
        out << (first ? "" : " · ") << "<span aria-hidden=\"true\">" << day_mark(state) << "</span> " << esc(words);
        first = false;
    }
    out << "</p>\n";
}

}  // namespace

void write_report_html(std::ostream& out, const ReportInput& in) {
    const report::Document d = report::document_of(in);
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"limber " << esc(in.version) << "\">\n"
        << "<title>" << report::k_title << " — " << esc(d.routine) << " — " << esc(d.period) << "</title>\n"
        << "<style>" << k_style << "</style>\n</head>\n<body>\n<header>\n"
        << "<h1>" << report::k_title << "</h1>\n"
        << "<p class=\"meta\">Routine <strong>" << esc(d.routine) << "</strong> · " << esc(d.period) << ". "
        << esc(d.made) << "</p>\n"
        << "<p class=\"disclaimer\">" << esc(report_disclaimer()) << "</p>\n";
    if (!d.suspension.empty()) out << "<p class=\"alert\" role=\"alert\">" << esc(d.suspension) << "</p>\n";
    out << "</header>\n<main>\n";

    out << "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n";
    figures_html(out, d.summary);
    out << "<p class=\"scope\">" << esc(d.scope) << "</p>\n</section>\n";

    out << "<section aria-labelledby=\"routine\">\n<h2 id=\"routine\">The routine as prescribed</h2>\n";
    figures_html(out, d.prescription);
    for (const auto& note : d.hold_notes) out << "<p>" << esc(note) << "</p>\n";
    if (!d.warnings.empty()) {
        out << "<p><strong>Warnings</strong></p>\n<ul class=\"warnings\">\n";
        for (const auto& w : d.warnings) out << "<li>" << esc(w) << "</li>\n";
        out << "</ul>\n";
    }
    table_html(out, d.exercises);
    if (!d.cautions.empty()) {
        out << "<p><strong>Cautions</strong> (numbered in the table)</p>\n<ol class=\"cautions\">\n";
        for (const auto& caution : d.cautions) out << "<li>" << esc(caution) << "</li>\n";
        out << "</ol>\n";
    }
    out << "</section>\n";

    out << "<section aria-labelledby=\"progress\">\n<h2 id=\"progress\">Progress</h2>\n<div class=\"charts\">\n";
    adherence_chart(out, d);
    hold_chart(out, d);
    pain_chart(out, d);
    out << "</div>\n";
    table_html(out, d.weekly);
    calendar_html(out, d, in.stats);
    out << "</section>\n";

    out << "<section aria-labelledby=\"events\">\n<h2 id=\"events\">Notes and events</h2>\n";
    if (d.events.rows.empty()) out << "<p>" << report::k_no_events << "</p>\n";
    else table_html(out, d.events);
    out << "</section>\n";

    out << "<section aria-labelledby=\"flags\">\n<h2 id=\"flags\">Red flags</h2>\n";
    if (d.flags.rows.empty()) out << "<p>" << report::k_no_flags << "</p>\n";
    else table_html(out, d.flags);
    out << "</section>\n</main>\n";
    out << "<footer>\n<p>" << esc(d.made) << " " << esc(report_disclaimer()) << "</p>\n</footer>\n</body>\n</html>\n";
}

}  // namespace limber
