#pragma once
// Finding the routine a command means, and the routine as it stands this week.

#include <limber/app/context.hpp>
#include <limber/plan/week.hpp>
#include <limber/store/routines.hpp>

#include <CLI/CLI.hpp>

#include <string>

namespace limber {

/// The routine a command means: `given` when not empty (checked as a name), else the
/// default_routine setting, else the only routine, else "default".
std::string routine_name_or_default(const std::string& given, Context& context);

/// Adds the optional NAME positional that routine_name_or_default() resolves.
void add_routine_name_option(CLI::App& command, std::string& name);

/// The routine called `name`; NotFound with a did-you-mean or how-to-make-one hint otherwise.
SavedRoutine load_or_not_found(Context& context, const std::string& name);

/// The routine at today's routine week: R5 and R25 applied to its sessions and holds, items at
/// this week's hold (today's after a flare), the estimate, a time warning when progression
/// moved it off the budget, and whether a red flag suspends it (R27).
PlanView view_this_week(const SavedRoutine& routine, Context& context);

}  // namespace limber
