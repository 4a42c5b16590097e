#pragma once
// The commands. Each lives in src/commands/<name>.cpp and has one register function that
// adds its subcommand, options and callback to the CLI11 app.

#include <limber/context.hpp>

#include <CLI/CLI.hpp>

#include <vector>

namespace limber {

struct CommandSpec {
    const char* name;
    void (*add)(CLI::App& app, Context& context);
};

/// Every command, in the order `limber --help` lists them.
const std::vector<CommandSpec>& command_specs();

void register_exercises(CLI::App& app, Context& context);
void register_plan(CLI::App& app, Context& context);
void register_config(CLI::App& app, Context& context);
void register_start(CLI::App& app, Context& context);
void register_log(CLI::App& app, Context& context);
void register_pause(CLI::App& app, Context& context);
void register_history(CLI::App& app, Context& context);
void register_edit(CLI::App& app, Context& context);
void register_rm(CLI::App& app, Context& context);

}  // namespace limber
