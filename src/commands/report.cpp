// limber report [NAME] [--weeks N] [--format html|md|json] [-o FILE]
#include <limber/app/commands.hpp>
#include <limber/app/figures.hpp>
#include <limber/app/routine_lookup.hpp>
#include <limber/io/report.hpp>
#include <limber/store/flags.hpp>
#include <limber/store/pauses.hpp>
#include <limber/store/sessions.hpp>
#include <limber/util/error.hpp>
#include <limber/util/files.hpp>
#include <limber/util/values.hpp>
#include <limber/version.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <ostream>

namespace limber {

namespace {

const std::vector<std::string> k_formats = {"html", "md", "json"};

struct ReportOptions {
    std::string name;
    std::optional<std::string> weeks;
    std::string format = "html";
    std::optional<std::string> output;
};

ReportInput report_input(Context& context, const std::string& name, int weeks) {
    RoutineFigures f = routine_figures(context, name, weeks);
    ReportInput in;
    in.created = f.routine.created_day;
    in.view = std::move(f.view);
    in.subject = std::move(f.subject);
    in.stats = std::move(f.stats);
    in.version = k_version;
    Store& store = context.store();
    const ReportPeriod period = report_period(in);
    SessionFilter filter;
    filter.days = {period.from, period.to};
    filter.routine = name;
    in.sessions = list_sessions(store, filter);
    std::reverse(in.sessions.begin(), in.sessions.end());  // oldest first
    for (const auto& p : list_pauses(store)) in.pauses.push_back({p.from, p.to, p.reason});
    std::map<std::int64_t, Clearance> clearances;
    for (auto& c : list_clearances(store)) clearances.emplace(c.id, std::move(c));
    for (const auto& f : list_flags(store)) {
        ReportFlag flag{f.symptom, f.day, std::string(to_string(f.source)), f.stops, std::nullopt, {}};
        if (f.cleared_by)
            if (const auto c = clearances.find(*f.cleared_by); c != clearances.end()) {
                flag.cleared_on = c->second.day;
                flag.clearance_note = c->second.note;
            }
        in.flags.push_back(std::move(flag));
    }
    return in;
}

void write_report(std::ostream& out, ReportFormat format, const ReportInput& in) {
    switch (format) {
    case ReportFormat::Html: write_report_html(out, in); return;
    case ReportFormat::Markdown: write_report_markdown(out, in); return;
    case ReportFormat::Json: out << report_to_json(in).dump(2) << '\n'; return;
    }
}

void run_report(const ReportOptions& o, Context& context) {
    const int weeks = window_weeks(o.weeks);
    const auto format = parse_report_format(k_formats[word_option(o.format, "--format", "a report format", k_formats)]);
    if (o.output && o.output->empty()) throw UsageError("-o '': give a file name, or leave -o out for stdout");
    const std::string name = routine_name_or_default(o.name, context);
    const ReportInput in = report_input(context, name, weeks);
    if (!o.output || *o.output == "-") {
        write_report(context.out(), *format, in);
        return;
    }
    refuse_database_as_output(*o.output, context, "-o");
    AtomicFile file(*o.output, "-o");
    write_report(file.stream(), *format, in);
    file.commit();
    if (!context.quiet()) {
        const ReportPeriod period = report_period(in);
        context.err() << fmt::format("Wrote the report of routine \"{}\", {} to {}, to {}.\n", name,
                                     format_day(period.from), format_day(period.to), *o.output);
    }
}

}  // namespace

void register_report(CLI::App& app, Context& context) {
    auto o = std::make_shared<ReportOptions>();
    auto* command = app.add_subcommand(
        "report", "Write a report for a clinician: the routine, adherence, holds, pain, notes and red flags");
    add_routine_name_option(*command, o->name);
    add_weeks_option(*command, o->weeks);
    command->add_option("--format", o->format, "html (default: one printable page), md or json")->type_name("FORMAT");
    command->add_option("-o,--output", o->output, "Write to FILE (replaced whole, never half-written) instead of stdout")
        ->type_name("FILE");
    command->callback([o, &context] { run_report(*o, context); });
}

}  // namespace limber
