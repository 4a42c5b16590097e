#pragma once
// The commands. Each lives in src/commands/<name>.cpp and has one register function that
// adds its subcommand, options and callback to the CLI11 app.

#include <limber/app/context.hpp>
#include <limber/io/transfer.hpp>
#include <limber/session/records.hpp>

#include <CLI/CLI.hpp>

#include <cstddef>
#include <iosfwd>
#include <string_view>
#include <vector>

namespace limber {

struct CommandSpec {
    const char* name;
    void (*add)(CLI::App& app, Context& context);
};

/// For a command whose own options only make sense without a subcommand (plan, pause): when
/// one of `subcommands` was given, refuses any of `options` with a UsageError
/// "OPTION is for PURPOSE; 'limber COMMAND SUB' does not take it".
void refuse_parent_options(const CLI::App& command, const std::vector<const CLI::App*>& subcommands,
                           const std::vector<const CLI::Option*>& options, std::string_view purpose);

/// Every command, in the order `limber --help` lists them.
const std::vector<CommandSpec>& command_specs();

/// What `export` writes: the finished sessions (or their holds) of `range` from the store,
/// oldest first, one row at a time. Returns the rows written.
std::size_t write_export(Store& store, std::ostream& out, TransferFormat format, ExportWhat what,
                         const DayRange& range);

void register_exercises(CLI::App& app, Context& context);
void register_plan(CLI::App& app, Context& context);
void register_config(CLI::App& app, Context& context);
void register_start(CLI::App& app, Context& context);
void register_log(CLI::App& app, Context& context);
void register_pause(CLI::App& app, Context& context);
void register_history(CLI::App& app, Context& context);
void register_edit(CLI::App& app, Context& context);
void register_rm(CLI::App& app, Context& context);
void register_stats(CLI::App& app, Context& context);
void register_report(CLI::App& app, Context& context);
void register_export(CLI::App& app, Context& context);
void register_import(CLI::App& app, Context& context);
void register_backup(CLI::App& app, Context& context);
void register_due(CLI::App& app, Context& context);
void register_remind(CLI::App& app, Context& context);
void register_flag(CLI::App& app, Context& context);

/// Bare `limber`: each routine today — due (with its minutes, streak and hold), done or when it
/// is next due, a flare or a suspension — and the command to run next; with no routine yet, how
/// to plan one. Makes no database when there is none.
void show_today(Context& context);

}  // namespace limber
