// limber export [--format csv|json] [--what sessions|holds] [--since D] [--until D] [-o FILE]
#include <limber/app/commands.hpp>
#include <limber/app/session_options.hpp>
#include <limber/io/export.hpp>
#include <limber/store/sessions.hpp>
#include <limber/util/error.hpp>
#include <limber/util/files.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <memory>
#include <ostream>

namespace limber {

namespace {

const std::vector<std::string> k_whats = {"sessions", "holds"};

struct ExportOptions {
    std::string format = "csv";
    std::string what = "sessions";
    DayRangeOptions days;
    std::optional<std::string> output;
};

void run_export(const ExportOptions& o, Context& context) {
    const TransferFormat format = transfer_format(o.format, "--format");
    const ExportWhat what = word_option(o.what, "--what", "a kind of row", k_whats) == 0 ? ExportWhat::Sessions
                                                                                        : ExportWhat::Holds;
    const DayRange range = day_range_of(o.days, context);
    if (o.output && o.output->empty()) throw UsageError("-o '': give a file name, or leave -o out for stdout");
    if (!o.output || *o.output == "-") {
        write_export(context.store(), context.out(), format, what, range);
        return;
    }
    refuse_database_as_output(*o.output, context, "-o");
    AtomicFile file(*o.output, "-o");
    const std::size_t rows = write_export(context.store(), file.stream(), format, what, range);
    file.commit();
    if (!context.quiet())
        context.err() << fmt::format("Exported {} {} to {}.\n", rows,
                                     what == ExportWhat::Sessions ? (rows == 1 ? "session" : "sessions")
                                                                  : (rows == 1 ? "hold" : "holds"),
                                     *o.output);
}

}  // namespace

std::size_t write_export(Store& store, std::ostream& out, TransferFormat format, ExportWhat what, const DayRange& range) {
    ExportWriter writer(out, format, what);
    if (what == ExportWhat::Holds) {
        for_each_finished_hold(store, range, [&](const HoldLine& hold) { writer.hold(hold); });
    } else if (writer.wants_holds()) {
        HoldReader holds(store);
        for_each_finished_session(store, range, [&](const Session& s) { writer.session(s, holds.of(s.id)); });
    } else {
        for_each_finished_session(store, range, [&](const Session& s) { writer.session(s, {}); });
    }
    return writer.finish();
}

void register_export(CLI::App& app, Context& context) {
    auto o = std::make_shared<ExportOptions>();
    auto* command = app.add_subcommand("export", "Write sessions or holds as CSV or JSON, oldest first");
    command->add_option("--format", o->format, "csv (default) or json")->type_name("FORMAT");
    command->add_option("--what", o->what, "sessions (default) or holds")->type_name("ROWS");
    add_day_range_options(*command, o->days);
    command->add_option("-o,--output", o->output, "Write to FILE (replaced whole, never half-written) instead of stdout")
        ->type_name("FILE");
    command->callback([o, &context] { run_export(*o, context); });
}

}  // namespace limber
