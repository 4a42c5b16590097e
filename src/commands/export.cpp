// limber export [--format csv|json] [--what sessions|holds] [--since D] [--until D] [-o FILE]
// limber import FILE|- [--format csv|json] [--dry-run]
// limber backup FILE
#include <limber/choices.hpp>
#include <limber/commands.hpp>
#include <limber/error.hpp>
#include <limber/files.hpp>
#include <limber/session_options.hpp>
#include <limber/text.hpp>
#include <limber/transfer.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <memory>
#include <ostream>

namespace fs = std::filesystem;

namespace limber {

namespace {

const std::vector<std::string> k_formats = {"csv", "json"};
const std::vector<std::string> k_whats = {"sessions", "holds"};

TransferFormat format_option(const std::string& value) {
    return word_option(value, "--format", "a format", k_formats) == 0 ? TransferFormat::Csv : TransferFormat::Json;
}

struct ExportOptions {
    std::string format = "csv";
    std::string what = "sessions";
    DayRangeOptions days;
    std::optional<std::string> output;
};

void run_export(const ExportOptions& o, Context& context) {
    const TransferFormat format = format_option(o.format);
    const ExportWhat what = word_option(o.what, "--what", "a kind of row", k_whats) == 0 ? ExportWhat::Sessions
                                                                                        : ExportWhat::Holds;
    const DayRange range = day_range_of(o.days, context);
    if (o.output && o.output->empty()) throw UsageError("-o '': give a file name, or leave -o out for stdout");
    if (!o.output || *o.output == "-") {
        write_export(context.store().db(), context.out(), format, what, range);
        return;
    }
    AtomicFile file(*o.output, "-o");
    const std::size_t rows = write_export(context.store().db(), file.stream(), format, what, range);
    file.commit();
    if (!context.quiet())
        context.err() << fmt::format("Exported {} {} to {}.\n", rows,
                                     what == ExportWhat::Sessions ? (rows == 1 ? "session" : "sessions")
                                                                  : (rows == 1 ? "hold" : "holds"),
                                     *o.output);
}

struct ImportOptions {
    std::string file;
    std::optional<std::string> format;
    bool dry_run = false;
};

void run_import(const ImportOptions& o, Context& context) {
    std::optional<TransferFormat> format;
    if (o.format) format = format_option(*o.format);
    const std::string text = read_input(o.file, context.in(), "FILE");
    const std::string name = o.file == "-" ? "stdin" : o.file;
    const auto sessions = read_import(text, format, name, context.zone().name(), context.clock().now());
    auto& store = context.store();
    WriteTransaction transaction(store);
    const ImportCount count = store_import(store.db(), sessions);
    if (!o.dry_run) transaction.commit();  // a dry run rolls back what it did
    if (context.quiet()) return;
    const auto sessions_word = [](std::size_t n) { return n == 1 ? "session" : "sessions"; };
    context.out() << fmt::format("{} {} {}{}; {} already present, left as {}.\n",
                                 o.dry_run ? "Would import" : "Imported", count.added, sessions_word(count.added),
                                 o.dry_run ? "" : fmt::format(" from {}", name), count.present,
                                 count.present == 1 ? "it was" : "they were");
}

void run_backup(const std::string& file, Context& context) {
    if (file.empty()) throw UsageError("FILE '': give the name of the backup file");
    const fs::path target(file);
    std::error_code error;
    if (fs::exists(fs::symlink_status(target, error)))
        throw UsageError(fmt::format("FILE {}: already exists; backup does not overwrite", quote(file)),
                         "choose a new name, or remove the old backup first");
    auto& db = context.store().db();
    const fs::path temporary = make_temporary(target.parent_path(), target.filename().string(), "FILE");
    try {
        SQLite::Statement vacuum(db, "VACUUM INTO ?");
        vacuum.bind(1, temporary.string());
        vacuum.exec();
    } catch (const SQLite::Exception& e) {
        fs::remove(temporary, error);
        throw StorageError(fmt::format("cannot write the backup {} ({})", quote(file), e.what()));
    }
    // link() puts the copy in place only if the name is still free: a file made meanwhile stays.
    const int linked = ::link(temporary.c_str(), target.c_str());
    const int link_error = errno;
    fs::remove(temporary, error);
    if (linked != 0 && link_error == EEXIST)
        throw UsageError(fmt::format("FILE {}: already exists; backup does not overwrite", quote(file)));
    if (linked != 0) throw StorageError(fmt::format("cannot write the backup {} ({})", quote(file), std::strerror(link_error)));
    if (!context.quiet()) context.err() << fmt::format("Backed up {} to {}.\n", context.db_path().string(), file);
}

}  // namespace

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

void register_import(CLI::App& app, Context& context) {
    auto o = std::make_shared<ImportOptions>();
    auto* command = app.add_subcommand("import", "Add the sessions of an export file (CSV or JSON); all or nothing");
    command->add_option("FILE", o->file, "The file, or - for stdin")->required();
    command->add_option("--format", o->format, "csv or json (default: JSON when the file starts with '[')")
        ->type_name("FORMAT");
    command->add_flag("--dry-run", o->dry_run, "Say what would be added and skipped; store nothing");
    command->callback([o, &context] { run_import(*o, context); });
}

void register_backup(CLI::App& app, Context& context) {
    auto file = std::make_shared<std::string>();
    auto* command = app.add_subcommand("backup", "Write a consistent copy of the database to a new file");
    command->add_option("FILE", *file, "The copy to make (must not exist)")->required();
    command->callback([file, &context] { run_backup(*file, context); });
}

}  // namespace limber
