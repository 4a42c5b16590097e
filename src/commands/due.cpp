// limber due [NAME]
#include <limber/app/commands.hpp>
#include <limber/app/routine_lookup.hpp>
#include <limber/app/today.hpp>
#include <limber/util/error.hpp>

#include <memory>

namespace limber {

namespace {

void run_due(const std::string& name, Context& context) {
    if (!look_at_today(name, context).due) context.set_exit_code(static_cast<int>(ExitCode::NotDue));
}

}  // namespace

void register_due(CLI::App& app, Context& context) {
    auto name = std::make_shared<std::string>();
    auto* command = app.add_subcommand(
        "due", "Exit 0 when a session is due today and not done, 1 when not; prints nothing (for scripts)");
    add_routine_name_option(*command, *name);
    command->callback([name, &context] { run_due(*name, context); });
}

}  // namespace limber
