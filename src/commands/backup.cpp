// limber backup FILE
#include <limber/app/commands.hpp>
#include <limber/util/error.hpp>
#include <limber/util/files.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <ostream>

namespace fs = std::filesystem;

namespace limber {

namespace {

void run_backup(const std::string& file, Context& context) {
    if (file.empty()) throw UsageError("FILE '': give the name of the backup file");
    refuse_database_as_output(file, context, "FILE");
    const fs::path target(file);
    std::error_code error;
    if (fs::exists(fs::symlink_status(target, error)))
        throw UsageError(fmt::format("FILE {}: already exists; backup does not overwrite", quote(file)),
                         "choose a new name, or remove the old backup first");
    Store& store = context.store();
    const fs::path temporary = make_temporary(target.parent_path(), target.filename().string(), "FILE");
    try {
        store.backup_to(temporary);
    } catch (const StorageError& e) {
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

void register_backup(CLI::App& app, Context& context) {
    auto file = std::make_shared<std::string>();
    auto* command = app.add_subcommand("backup", "Write a consistent copy of the database to a new file");
    command->add_option("FILE", *file, "The copy to make (must not exist)")->required();
    command->callback([file, &context] { run_backup(*file, context); });
}

}  // namespace limber
