// limber rm ID [--yes]
#include <limber/app/ask.hpp>
#include <limber/app/commands.hpp>
#include <limber/app/session_options.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <istream>
#include <memory>
#include <ostream>

namespace limber {

namespace {

struct RmOptions {
    std::string id;
    bool yes = false;
};

void run_rm(const RmOptions& o, Context& context) {
    auto& store = context.store();
    const Session session = resolve_session(store, o.id, "ID");
    if (!o.yes) {
        if (!context.in_is_terminal())
            throw UsageError(fmt::format("not removing session {} without --yes: there is no terminal to ask on", session.id),
                             fmt::format("'limber rm {} --yes' removes it", o.id));
        if (!ask_yes(context, context.err(), fmt::format("Remove session {} ({})?", session.id, session_summary(session, context)))) {
            if (!context.quiet()) context.out() << fmt::format("Kept session {}.\n", session.id);
            return;
        }
    }
    WriteTransaction transaction(store);
    if (!remove_session(store, session.id))
        throw NotFound(fmt::format("no session {}", session.id), "another command removed it just now");
    transaction.commit();
    if (!context.quiet())
        context.out() << fmt::format("Removed session {} ({}).\n", session.id, session_summary(session, context));
}

}  // namespace

void register_rm(CLI::App& app, Context& context) {
    auto o = std::make_shared<RmOptions>();
    auto* command = app.add_subcommand("rm", "Remove a recorded session and its holds");
    command->add_option("ID", o->id, "Session id from 'limber history' (or a uuid prefix)")->required();
    command->add_flag("-y,--yes", o->yes, "Do not ask (needed when stdin is not a terminal)");
    command->callback([o, &context] { run_rm(*o, context); });
}

}  // namespace limber
