// limber pause --from D [--to D] [--reason TEXT]
// limber pause list [--json] | limber pause rm ID
#include <limber/app/commands.hpp>
#include <limber/store/pauses.hpp>
#include <limber/ui/ui.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>

namespace limber {

namespace {

struct PauseOptions {
    std::optional<std::string> from;
    std::optional<std::string> to;
    std::optional<std::string> reason;
    std::string id;
    bool json = false;
};

int days_in(const Pause& p) { return static_cast<int>((p.to - p.from).count()) + 1; }

std::string days_text(int days) { return fmt::format("{} day{}", days, days == 1 ? "" : "s"); }

void run_pause(const PauseOptions& o, Context& context) {
    if (!o.from) throw UsageError("--from is required: the first day of the pause", "e.g. 'limber pause --from today --to 2026-12-01 --reason flu'");
    const Day today = context.today();
    Pause pause;
    pause.from = parse_day(*o.from, today, "--from");
    pause.to = o.to ? parse_day(*o.to, today, "--to") : pause.from;
    if (pause.to < pause.from)
        throw UsageError(fmt::format("--to {}: {} is before --from {}; the pause must end on or after its first day",
                                     quote(*o.to), format_day(pause.to), format_day(pause.from)));
    pause.reason = note_option(o.reason.value_or(""), "--reason");
    pause.created_at = context.clock().now();
    auto& store = context.store();
    WriteTransaction transaction(store);
    pause.id = insert_pause(store, pause);
    transaction.commit();
    if (context.quiet()) {
        context.out() << pause.id << '\n';
        return;
    }
    context.out() << fmt::format("Pause {}: {} to {} ({}{}); those days are neither due nor missed.\n", pause.id,
                                 format_day(pause.from), format_day(pause.to), days_text(days_in(pause)),
                                 pause.reason.empty() ? "" : ", " + pause.reason);
}

void run_list(const PauseOptions& o, Context& context) {
    const auto pauses = list_pauses(context.store());
    if (o.json) {
        nlohmann::ordered_json array = nlohmann::ordered_json::array();
        for (const auto& p : pauses)
            array.push_back({{"id", p.id},
                             {"from", format_day(p.from)},
                             {"to", format_day(p.to)},
                             {"days", days_in(p)},
                             {"reason", p.reason.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.reason)},
                             {"created_at", format_instant(p.created_at)}});
        context.out() << array.dump(2) << '\n';
        return;
    }
    if (pauses.empty()) {
        if (!context.quiet()) context.out() << "No pauses. 'limber pause --from D --to D' excuses days of illness or travel.\n";
        return;
    }
    ui::Table table({"ID", "FROM", "TO", "DAYS", "REASON"});
    for (const auto& p : pauses)
        table.add_row({std::to_string(p.id), format_day(p.from), format_day(p.to), std::to_string(days_in(p)),
                       p.reason.empty() ? "-" : p.reason});
    table.print(context.out(), ui::Style(context.color()));
}

void run_rm(const PauseOptions& o, Context& context) {
    long long id = 0;
    if (!parse_int(o.id, 1, 999'999'999'999, id))
        throw UsageError(fmt::format("ID {}: not a pause id; use the number 'limber pause list' shows", quote(o.id)));
    auto& store = context.store();
    WriteTransaction transaction(store);
    if (!remove_pause(store, id))
        throw NotFound(fmt::format("no pause {}", id), "'limber pause list' lists the pauses");
    transaction.commit();
    if (!context.quiet()) context.out() << fmt::format("Removed pause {}; its days are due again.\n", id);
}

}  // namespace

void register_pause(CLI::App& app, Context& context) {
    auto o = std::make_shared<PauseOptions>();
    auto* command = app.add_subcommand("pause", "Excuse days from every routine (illness, injury, travel)");
    auto* from = command->add_option("--from", o->from, "First day: today, yesterday, YYYY-MM-DD, a weekday or -Nd")
        ->type_name("D");
    auto* to = command->add_option("--to", o->to, "Last day, included (default: the --from day)")->type_name("D");
    auto* reason = command->add_option("--reason", o->reason, "Why, for the record")->type_name("TEXT");

    auto* list = command->add_subcommand("list", "List the pauses");
    list->add_flag("--json", o->json, "Print a JSON array");
    auto* rm = command->add_subcommand("rm", "Remove a pause (its days are due again)");
    rm->add_option("ID", o->id, "Pause id, from 'limber pause list'")->required();

    command->callback([o, &context, command, list, rm, from, to, reason] {
        refuse_parent_options(*command, {list, rm}, {from, to, reason}, "adding a pause");
        if (list->parsed()) return run_list(*o, context);
        if (rm->parsed()) return run_rm(*o, context);
        run_pause(*o, context);
    });
}

}  // namespace limber
