#include <limber/io/report.hpp>

#include "report_document.hpp"

#include <limber/catalog/catalog.hpp>
#include <limber/io/plan_view.hpp>
#include <limber/plan/progression.hpp>
#include <limber/plan/timing.hpp>
#include <limber/stats/streak.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

namespace limber {

std::optional<ReportFormat> parse_report_format(std::string_view text) {
    if (text == "html") return ReportFormat::Html;
    if (text == "md") return ReportFormat::Markdown;
    if (text == "json") return ReportFormat::Json;
    return std::nullopt;
}

std::string_view report_disclaimer() {
    return "Self-reported: the person recorded these sessions, holds and pain ratings with limber, a stretching "
           "tracker. It is not a clinical measurement, an assessment or a diagnosis.";
}

namespace {

/// The index of the week holding the first day adherence counts: the first the routine was alive in.
std::size_t first_live_week(const ReportInput& in) {
    const auto& weekly = in.stats.weekly;
    if (weekly.empty() || in.stats.counted_from < weekly.front().first) return 0;
    const auto w = static_cast<std::size_t>((in.stats.counted_from - weekly.front().first).count() / 7);
    return std::min(w, weekly.size() - 1);
}

}  // namespace

ReportPeriod report_period(const ReportInput& in) {
    return {std::min(in.stats.counted_from, in.subject.today), in.subject.today};
}

namespace {

using nlohmann::ordered_json;

/// A session of the period as the flare rule reads it.
bool flare(const Session& s) {
    SessionFact fact;
    fact.day = s.day;
    fact.pain_before = s.pain_before;
    fact.pain_after = s.pain_after;
    return is_flare(fact);
}

std::string or_dash(const std::optional<double>& value) { return value ? figure(*value) : "–"; }

std::string names_or_none(const std::vector<std::string>& names) { return names.empty() ? "none" : join(names, ", "); }

/// "2026-11-14", and where it was reported when that was not on its own: "(while planning)".
std::string recorded_words(const ReportFlag& f) {
    if (f.source == "plan") return format_day(f.day) + " (while planning)";
    if (f.source == "start") return format_day(f.day) + " (before a session)";
    return format_day(f.day);
}

std::string tier_words(Symptom symptom) {
    switch (tier_of(symptom)) {
    case Tier::Emergency: return "emergency";
    case Tier::Urgent: return "urgent, the same day";
    case Tier::SeeDoctor: break;
    }
    return "see a doctor first";
}

/// What the period recorded besides the figures: skipped days, flares, notes and pauses.
struct PeriodRecord {
    std::vector<const Session*> skipped, flares, notes;
    std::vector<const ReportPause*> pauses;
};

PeriodRecord period_record(const ReportInput& in) {
    PeriodRecord r;
    for (const auto& s : in.sessions) {  // the period's already
        if (s.status == SessionStatus::Skipped) {
            r.skipped.push_back(&s);
            continue;
        }
        if (flare(s)) r.flares.push_back(&s);
        if (!s.note.empty()) r.notes.push_back(&s);
    }
    const ReportPeriod period = report_period(in);
    for (const auto& p : in.pauses)
        if (p.to >= period.from && p.from <= period.to) r.pauses.push_back(&p);
    return r;
}

/// One row of the events table, and its order within a day.
struct Event {
    Day day;
    int order = 0;
    std::vector<std::string> cells;
};

}  // namespace

namespace report {

std::string calendar_caption(const Document& d) {
    if (d.calendar_from == 0) return "Calendar";
    return fmt::format("Calendar of the last {} of {} weeks (the table above has them all)", d.weeks.size() - d.calendar_from,
                       d.weeks.size());
}

const std::vector<std::pair<DayState, std::string>>& calendar_legend() {
    static const std::vector<std::pair<DayState, std::string>> legend = {
        {DayState::Done, "done"},       {DayState::Partial, "partial"}, {DayState::Skipped, "skipped"},
        {DayState::Paused, "paused"},   {DayState::Missed, "missed"},   {DayState::Rest, "not due"},
        {DayState::Pending, "today, not done yet"},
    };
    return legend;
}

Document document_of(const ReportInput& in) {
    Document d;
    const PlanView& v = in.view;
    const ReportPeriod period = report_period(in);
    d.routine = in.subject.routine;
    d.first_week = first_live_week(in);
    const std::size_t shown = in.stats.weekly.size() - d.first_week;
    d.period = fmt::format("{} to {} ({})", format_day(period.from), format_day(period.to),
                           shown == 1 ? std::string("1 week") : fmt::format("{} weeks", shown));
    d.made = fmt::format("Made on {} with limber {}.", day_title(in.subject.today), in.version);
    d.suspension = in.subject.suspension;
    d.summary = summary_lines(in.subject, in.stats);

    // the routine as prescribed
    const PlanRequest& r = v.request;
    d.prescription.push_back({"Level", std::string(to_string(r.level))});
    d.prescription.push_back({"Constraints", names_or_none(names_of(r.constraints))});
    d.prescription.push_back({"Equipment", names_or_none(names_of(r.equipment))});
    std::vector<std::string> person;
    if (r.age) person.push_back(fmt::format("age {}", *r.age));
    if (r.allow_flexion) person.push_back("forward folds allowed");
    if (r.floor_ok) person.push_back("floor work ok");
    if (!person.empty()) d.prescription.push_back({"Person", join(person, ", ")});
    d.prescription.push_back({"Schedule", schedule_label(r.schedule)});
    std::string time = fmt::format("{} min asked; this week about {} a session", r.minutes, format_duration(v.plain_s));
    if (v.strength_s > 0 && v.strength.some())
        time += fmt::format(", {} on strength days ({})", format_duration(v.strength_s), strength_days_label(v.strength));
    d.prescription.push_back({"Time", time});
    d.prescription.push_back({"Week", fmt::format("routine week {}, begun {}", v.week, format_day(in.created))});
    if (v.review_on)
        d.prescription.push_back(
            {"Review", fmt::format("{}{}: plan again once {} are pain-free (acute strain)",
                                   in.subject.today >= *v.review_on ? "overdue since " : "", format_day(*v.review_on),
                                   strain_review_test(v.request))});
    d.hold_notes = in.subject.hold_notes;
    d.warnings = v.warnings;
    d.scope = fmt::format("Adherence and the calendar count the period; the streak, the time, the pain trend and the "
                          "flares count every session since the routine began on {}.",
                          format_day(in.created));

    d.exercises.caption = v.session_hold_s < v.hold_s ? "Exercises and doses of the next session (5 s less after a flare)"
                                                      : "Exercises and doses this week";
    d.exercises.head = {"Exercise", "Phase", "Sides", "Dose", "Cautions"};
    d.exercises.numeric = {false, false, false, false, false};
    const bool acute = is_acute(r);
    for (const auto& item : v.items) {
        std::vector<std::string> refs;
        for (const auto& caution : item.cautions) {
            auto at = std::find(d.cautions.begin(), d.cautions.end(), caution);
            if (at == d.cautions.end()) at = d.cautions.insert(d.cautions.end(), caution);
            refs.push_back(std::to_string(at - d.cautions.begin() + 1));
        }
        const Exercise* e = find_exercise(item.exercise);
        const std::string days = item.phase != Phase::Strength ? item_days_label(item, v)
                                 : v.strength.some()          ? strength_days_label(v.strength)
                                                              : std::string{};
        d.exercises.rows.push_back({e ? e->name : item.exercise, phase_title(item.phase, acute),
                                    item.sided ? "left, right" : "both",
                                    dose_label(item) + (days.empty() ? "" : " (" + days + ")"),
                                    refs.empty() ? "–" : join(refs, ", ")});
    }

    // week by week
    for (std::size_t w = d.first_week; w < in.stats.weekly.size(); ++w) {
        const WeekFigures& f = in.stats.weekly[w];
        // "W47"; the first week, and the first of a new year, with the year ("2027 W01")
        const auto dash = f.label.find('-');
        const std::string year = f.label.substr(0, dash);
        const bool new_year = d.weeks.empty() || d.weeks.back().figures->label.substr(0, dash) != year;
        const std::string week = dash == std::string::npos ? f.label : f.label.substr(dash + 1);
        d.weeks.push_back({&f, new_year ? year + " " + week : week, year + " " + week});
    }
    d.calendar_from = d.weeks.size() > k_calendar_weeks ? d.weeks.size() - k_calendar_weeks : 0;
    d.weekly.caption = "Week by week";
    d.weekly.head = {"Week",        "From",        "Done of due", "Minutes", "Hold asked (s)", "Median held (s)",
                     "Pain before", "Pain after", "Rated",       "Flares"};
    d.weekly.numeric = {false, false, true, true, true, true, true, true, true, true};
    for (const auto& week : d.weeks) {
        const WeekFigures& f = *week.figures;
        d.weekly.rows.push_back({f.label, format_day(f.first),
                                 f.adherence.due > 0 ? fmt::format("{} of {}", f.adherence.done, f.adherence.due) : "–",
                                 std::to_string(whole_minutes(f.seconds)),
                                 f.hold_target_s ? std::to_string(*f.hold_target_s) : "–", or_dash(f.median_hold_s),
                                 or_dash(f.pain_before), or_dash(f.pain_after), std::to_string(f.rated),
                                 std::to_string(f.flares)});
    }

    // what happened on which day
    std::vector<Event> events;
    const PeriodRecord record = period_record(in);
    for (const auto* p : record.pauses)
        events.push_back({p->from, 0,
                          {format_day(p->from), p->from == p->to ? "Paused" : fmt::format("Paused to {}", format_day(p->to)),
                           p->reason.empty() ? "no reason given" : p->reason}});
    for (const auto* s : record.skipped)
        events.push_back({s->day, 1, {format_day(s->day), "Skipped", s->note.empty() ? "no reason given" : s->note}});
    for (const auto* s : record.flares)
        events.push_back({s->day, 2,
                          {format_day(s->day), "Flare",
                           fmt::format("pain {} before, {} after the session", *s->pain_before, *s->pain_after)}});
    for (const auto* s : record.notes)
        events.push_back({s->day, 3,
                          {format_day(s->day), s->status == SessionStatus::Completed ? "Note" : "Note (partial session)",
                           s->note}});
    std::stable_sort(events.begin(), events.end(),
                     [](const Event& a, const Event& b) { return a.day != b.day ? a.day < b.day : a.order < b.order; });
    d.events.caption = "Notes, skipped days, pauses and flares";
    d.events.head = {"Date", "What", "Details"};
    d.events.numeric = {false, false, false};
    for (auto& e : events) d.events.rows.push_back(std::move(e.cells));

    d.flags.caption = "Red flags recorded";
    d.flags.head = {"Recorded", "Symptom", "Urgency", "Effect", "Cleared"};
    d.flags.numeric = {false, false, false, false, false};
    for (const auto& f : in.flags) {
        std::string cleared = f.cleared_on ? format_day(*f.cleared_on) : (f.stops ? "not yet: routines suspended" : "–");
        if (f.cleared_on && !f.clearance_note.empty()) cleared += ": " + f.clearance_note;
        d.flags.rows.push_back({recorded_words(f), std::string(describe(f.symptom)),
                                tier_words(f.symptom),
                                f.stops ? "suspended the routines" : "a warning (cleared before)", cleared});
    }
    return d;
}

}  // namespace report

ordered_json report_to_json(const ReportInput& in) {
    const ReportPeriod period = report_period(in);
    const std::size_t first = first_live_week(in);
    const PeriodRecord record = period_record(in);
    const auto or_null = [](const std::string& text) { return text.empty() ? ordered_json(nullptr) : ordered_json(text); };
    ordered_json notes = ordered_json::array(), skipped = ordered_json::array(), flares = ordered_json::array(),
                 pauses = ordered_json::array();
    for (const auto* s : record.skipped) skipped.push_back({{"date", format_day(s->day)}, {"reason", or_null(s->note)}});
    for (const auto* s : record.flares)
        flares.push_back({{"date", format_day(s->day)}, {"pain_before", *s->pain_before}, {"pain_after", *s->pain_after}});
    for (const auto* s : record.notes)
        notes.push_back({{"date", format_day(s->day)}, {"status", std::string(to_string(s->status))}, {"note", s->note}});
    for (const auto* p : record.pauses)
        pauses.push_back({{"from", format_day(p->from)}, {"to", format_day(p->to)}, {"reason", or_null(p->reason)}});
    ordered_json flags = ordered_json::array();
    for (const auto& f : in.flags)
        flags.push_back({{"symptom", std::string(to_string(f.symptom))},
                         {"tier", std::string(to_string(tier_of(f.symptom)))},
                         {"date", format_day(f.day)},
                         {"source", f.source},
                         {"stops", f.stops},
                         {"cleared_on", f.cleared_on ? ordered_json(format_day(*f.cleared_on)) : ordered_json(nullptr)},
                         {"clearance_note", f.cleared_on ? or_null(f.clearance_note) : ordered_json(nullptr)}});
    return {
        {"report",
         {{"routine", in.subject.routine},
          {"from", format_day(period.from)},
          {"to", format_day(period.to)},
          {"weeks", in.stats.weekly.size() - first},
          {"made_on", format_day(in.subject.today)},
          {"version", in.version},
          {"disclaimer", std::string(report_disclaimer())}}},
        {"routine", plan_to_json(in.view)},
        {"stats", stats_to_json(in.subject, in.stats)},
        {"flares", flares},
        {"notes", notes},
        {"skipped", skipped},
        {"pauses", pauses},
        {"red_flags", flags},
    };
}

namespace {

/// Text the person wrote, safe in a Markdown table cell: markup characters escaped, line breaks as spaces.
std::string md_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
        } else {
            if (std::string_view("\\`*_[]<>|#~!&").find(c) != std::string_view::npos) out += '\\';
            out += c;
        }
    }
    return out;
}

void md_table(std::ostream& out, const report::Table& t) {
    out << "**" << t.caption << "**\n\n|";
    for (const auto& h : t.head) out << ' ' << h << " |";
    out << "\n|";
    for (std::size_t c = 0; c < t.head.size(); ++c) out << (t.numeric[c] ? " ---: |" : " --- |");
    out << '\n';
    for (const auto& row : t.rows) {
        out << '|';
        for (const auto& cell : row) out << ' ' << md_text(cell) << " |";
        out << '\n';
    }
    out << '\n';
}

}  // namespace

void write_report_markdown(std::ostream& out, const ReportInput& in) {
    const report::Document d = report::document_of(in);
    out << "# " << report::k_title << ": routine \"" << md_text(d.routine) << "\"\n\n";
    out << d.period << ". " << d.made << "\n\n";
    out << "> " << report_disclaimer() << "\n\n";
    if (!d.suspension.empty()) out << "**" << md_text(d.suspension) << "**\n\n";

    out << "## Summary\n\n";
    for (const auto& line : d.summary) out << "- **" << line.label << ":** " << md_text(line.text) << '\n';
    out << '\n' << d.scope << "\n\n";

    out << "## The routine as prescribed\n\n";
    for (const auto& line : d.prescription) out << "- **" << line.label << ":** " << md_text(line.text) << '\n';
    out << '\n';
    for (const auto& note : d.hold_notes) out << md_text(note) << "\n\n";
    if (!d.warnings.empty()) {
        out << "Warnings:\n\n";
        for (const auto& w : d.warnings) out << "- " << md_text(w) << '\n';
        out << '\n';
    }
    md_table(out, d.exercises);
    if (!d.cautions.empty()) {
        out << "Cautions:\n\n";
        for (std::size_t i = 0; i < d.cautions.size(); ++i) out << i + 1 << ". " << md_text(d.cautions[i]) << '\n';
        out << '\n';
    }

    out << "## Progress\n\n";
    md_table(out, d.weekly);

    out << "**" << report::calendar_caption(d) << "**\n\n| Day |";
    for (std::size_t w = d.calendar_from; w < d.weeks.size(); ++w)
        out << ' ' << (w == d.calendar_from ? d.weeks[w].year_label : d.weeks[w].short_label) << " |";
    out << "\n| --- |";
    for (std::size_t w = d.calendar_from; w < d.weeks.size(); ++w) out << " :-: |";
    out << '\n';
    for (std::size_t row = 0; row < 7; ++row) {
        const Day sample = in.stats.days[d.first_week * 7 + row].day;
        out << "| " << weekday_title(date::weekday{sample}.c_encoding()) << " |";
        for (std::size_t w = d.calendar_from; w < d.weeks.size(); ++w) {
            const DayState state = in.stats.days[(d.first_week + w) * 7 + row].state;
            out << ' ' << (state == DayState::Future ? std::string_view{} : day_mark(state)) << " |";
        }
        out << '\n';
    }
    out << '\n';
    std::vector<std::string> legend;
    for (const auto& [state, words] : report::calendar_legend()) legend.push_back(std::string(day_mark(state)) + " " + words);
    out << join(legend, " · ") << "\n\n";

    out << "## Notes and events\n\n";
    if (d.events.rows.empty()) out << report::k_no_events << "\n\n";
    else md_table(out, d.events);

    out << "## Red flags\n\n";
    if (d.flags.rows.empty()) out << report::k_no_flags << "\n";
    else md_table(out, d.flags);
}

}  // namespace limber
