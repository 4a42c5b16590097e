// limber import FILE|- [--format csv|json] [--dry-run]
#include <limber/app/commands.hpp>
#include <limber/io/import.hpp>
#include <limber/store/imports.hpp>
#include <limber/util/error.hpp>
#include <limber/util/files.hpp>

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <ostream>

namespace limber {

namespace {

/// An import under way: its transaction and what it stored so far.
struct Importing {
    explicit Importing(Store& store) : transaction(store), writer(store) {}
    WriteTransaction transaction;
    ImportWriter writer;
};

struct ImportOptions {
    std::string file;
    std::optional<std::string> format;
    bool dry_run = false;
};

void run_import(const ImportOptions& o, Context& context) {
    std::optional<TransferFormat> format;
    if (o.format) format = transfer_format(*o.format, "--format");
    InputFile input(o.file, context.in(), "FILE");
    const std::string name = o.file == "-" ? "stdin" : o.file;
    // All or nothing: each session is stored as soon as it is read and checked, in one
    // transaction that a bad session (or a dry run) rolls back. The store is opened at the
    // first good session, so a document refused at its start leaves no database behind.
    std::optional<Importing> importing;
    read_import(input.stream(), format, name, context.zone().name(), context.clock().now(), [&](IncomingSession&& in) {
        if (!importing) importing.emplace(context.store());
        importing->writer.add(in);
    });
    input.check_read();
    if (!importing) context.store();  // nothing to store: the database is still opened (and made) as before
    const ImportCount count = importing ? importing->writer.count() : ImportCount{};
    if (importing && !o.dry_run) importing->transaction.commit();  // a dry run rolls back what it did
    if (context.quiet()) return;
    const auto sessions_word = [](std::size_t n) { return n == 1 ? "session" : "sessions"; };
    context.out() << fmt::format("{} {} {}{}; {} already present, left as {}.\n",
                                 o.dry_run ? "Would import" : "Imported", count.added, sessions_word(count.added),
                                 o.dry_run ? "" : fmt::format(" from {}", name), count.present,
                                 count.present == 1 ? "it was" : "they were");
}

}  // namespace

void register_import(CLI::App& app, Context& context) {
    auto o = std::make_shared<ImportOptions>();
    auto* command = app.add_subcommand("import", "Add the sessions of an export file (CSV or JSON); all or nothing");
    command->add_option("FILE", o->file, "The file, or - for stdin")->required();
    command->add_option("--format", o->format, "csv or json (default: JSON when the file starts with '[')")
        ->type_name("FORMAT");
    command->add_flag("--dry-run", o->dry_run, "Say what would be added and skipped; store nothing");
    command->callback([o, &context] { run_import(*o, context); });
}

}  // namespace limber
