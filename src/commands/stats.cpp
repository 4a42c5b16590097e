// limber stats [NAME] [--weeks N] [--json]
#include <limber/app/commands.hpp>
#include <limber/app/figures.hpp>
#include <limber/app/routine_lookup.hpp>
#include <limber/io/stats_view.hpp>
#include <limber/terminal/terminal.hpp>
#include <limber/util/values.hpp>

#include <unistd.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <ostream>

namespace limber {

namespace {

struct StatsOptions {
    std::string name;
    std::optional<std::string> weeks;
    bool json = false;
};

void run_stats(const StatsOptions& o, Context& context) {
    const RoutineFigures f = routine_figures(context, routine_name_or_default(o.name, context), window_weeks(o.weeks));
    if (o.json) {
        context.out() << stats_to_json(f.subject, f.stats).dump(2) << '\n';
        return;
    }
    // On a terminal the heatmap keeps the weeks that fit; a file or a pipe gets the whole window.
    const std::size_t width = context.out_is_terminal() ? static_cast<std::size_t>(term::columns(STDOUT_FILENO))
                                                        : std::numeric_limits<std::size_t>::max();
    print_stats(context.out(), ui::Style(context.color()), f.subject, f.stats, width);
}

}  // namespace

void register_stats(CLI::App& app, Context& context) {
    auto o = std::make_shared<StatsOptions>();
    auto* command = app.add_subcommand("stats", "Streaks, adherence, hold progression and the pain trend of a routine");
    add_routine_name_option(*command, o->name);
    add_weeks_option(*command, o->weeks);
    command->add_flag("--json", o->json, "Print the figures as one JSON object");
    command->callback([o, &context] { run_stats(*o, context); });
}

}  // namespace limber
