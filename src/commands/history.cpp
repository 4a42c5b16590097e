// limber history [--since D] [--until D] [--routine NAME] [--limit N] [--json | --csv]
#include <limber/app/commands.hpp>
#include <limber/app/session_options.hpp>
#include <limber/config/settings.hpp>
#include <limber/io/output.hpp>
#include <limber/io/session_io.hpp>
#include <limber/ui/ui.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <ostream>

namespace limber {

namespace {

struct HistoryOptions {
    DayRangeOptions days;
    std::optional<std::string> routine;
    std::optional<std::string> limit;
    bool json = false;
    bool csv = false;
};

/// A name history can filter on: a saved routine, or one that sessions were recorded for.
void check_known_routine(const std::string& name, Store& store) {
    check_routine_name(name, "--routine");
    const auto known = known_routine_names(store);
    if (std::find(known.begin(), known.end(), name) != known.end()) return;
    const std::string suggestion = nearest(name, known);
    throw NotFound(fmt::format("no routine {} and no sessions recorded for it", quote(name)),
                   !suggestion.empty() ? fmt::format("did you mean '{}'?", suggestion)
                   : known.empty()     ? "no sessions are recorded yet"
                                       : fmt::format("the routines are {}", join(known, ", ")));
}

/// A note on one table line: control characters shown as spaces, long notes cut.
std::string note_cell(const std::string& note) {
    std::string cell;
    for (char c : note) cell += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    return ui::fit(cell, 40);
}

std::string status_cell(const Session& s, const ui::Style& style) {
    switch (s.status) {
    case SessionStatus::Completed: return style.green("completed");
    case SessionStatus::Partial: return style.yellow("partial");
    case SessionStatus::Skipped: return style.dim("skipped");
    case SessionStatus::InProgress: return style.cyan("in progress");
    }
    return {};
}

void run_history(const HistoryOptions& o, Context& context) {
    if (o.json && o.csv) throw UsageError("--json and --csv are alternatives; give one of them");
    SessionFilter filter;
    if (o.limit) filter.limit = whole_number_option(*o.limit, "--limit", 1, 1'000'000'000, "sessions");
    Store& store = context.store();
    filter.days = day_range_of(o.days, context);
    if (o.routine) {
        check_known_routine(*o.routine, store);
        filter.routine = *o.routine;
    }
    const auto sessions = list_sessions(store, filter);

    if (o.json) {
        // One session at a time: a century of history must not be one JSON tree in memory.
        Buffered buffered(context.out());
        JsonArrayWriter array(buffered);
        HoldReader holds(store);
        for (const auto& s : sessions) array.add(session_to_json(s, holds.of(s.id), true));
        array.finish();
        return;
    }
    if (o.csv) {
        std::vector<std::string> header = {"id"};
        header.insert(header.end(), session_csv_columns().begin(), session_csv_columns().end());
        write_csv_row(context.out(), header);
        for (const auto& s : sessions) {
            auto fields = session_csv_fields(s);
            fields.insert(fields.begin(), std::to_string(s.id));
            write_csv_row(context.out(), fields);
        }
        return;
    }
    if (sessions.empty()) {
        if (!context.quiet())
            context.out() << (filter.days.since || filter.days.until || filter.routine
                                  ? "No sessions match.\n"
                                  : "No sessions yet. 'limber start' runs one; 'limber log' records one done elsewhere.\n");
        return;
    }
    const ui::Style style(context.color());
    ui::Table table({"ID", "DAY", "TIME", "ROUTINE", "STATUS", "MIN", "PAIN", "NOTE"});
    for (const auto& s : sessions) {
        table.add_row({std::to_string(s.id), format_day(s.day), session_time(s, context.zone()), s.routine,
                       status_cell(s, style),
                       s.duration_s && s.status != SessionStatus::Skipped ? std::to_string((*s.duration_s + 30) / 60) : "-",
                       pain_change(s), s.note.empty() ? "" : note_cell(s.note)});
    }
    table.print(context.out(), style);
}

}  // namespace

void register_history(CLI::App& app, Context& context) {
    auto o = std::make_shared<HistoryOptions>();
    auto* command = app.add_subcommand("history", "List recorded sessions, newest first");
    add_day_range_options(*command, o->days);
    command->add_option("--routine", o->routine, "Only this routine's sessions")->type_name("NAME");
    command->add_option("--limit", o->limit, "At most N sessions (the newest)")->type_name("N");
    command->add_flag("--json", o->json, "Print a JSON array of session objects (with their holds)");
    command->add_flag("--csv", o->csv, "Print CSV: id, then the columns of 'limber export'");
    command->callback([o, &context] { run_history(*o, context); });
}

}  // namespace limber
