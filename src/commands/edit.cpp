// limber edit ID [--date D] [--time HH:MM] [--minutes M] [--pain-before N] [--pain-after N]
//                [--note TEXT] [--status completed|partial] [--json]
#include <limber/app/commands.hpp>
#include <limber/app/session_options.hpp>
#include <limber/io/session_io.hpp>
#include <limber/store/sessions.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <memory>
#include <ostream>

namespace limber {

namespace {

struct EditOptions {
    std::string id;
    SessionFieldOptions fields;
    std::optional<std::string> status;
    bool json = false;
};

SessionStatus status_option(const std::string& value) {
    if (value == "completed") return SessionStatus::Completed;
    if (value == "partial") return SessionStatus::Partial;
    throw UsageError(fmt::format("--status {}: not allowed; use completed or partial", quote(value)),
                     value == "skipped" ? "to record a day off, 'limber rm' the session and 'limber log --skip'" : "");
}

void run_edit(const EditOptions& o, Context& context) {
    const auto& f = o.fields;
    const bool any = f.date || f.time || f.minutes || f.pain_before || f.pain_after || f.note || o.status;
    if (!any)
        throw UsageError("nothing to change; give --date, --time, --minutes, --pain-before, --pain-after, --note or --status");
    const SessionFields fields = check_session_fields(f);
    // a flag and a value, not std::optional: GCC 12 misreads an optional enum as maybe uninitialized
    const bool has_status = o.status.has_value();
    const SessionStatus status = has_status ? status_option(*o.status) : SessionStatus::Completed;

    auto& store = context.store();
    Session session = resolve_session(store, o.id, "ID");
    if (session.status == SessionStatus::InProgress)
        throw UsageError(fmt::format("session {} is still in progress; edit it once 'limber start' has ended", session.id));
    if (session.status == SessionStatus::Skipped) {
        for (const auto& [option, given] : {std::pair{"--time", fields.has_time}, std::pair{"--minutes", fields.has_minutes},
                                            std::pair{"--pain-before", fields.pain_before.has_value()},
                                            std::pair{"--pain-after", fields.pain_after.has_value()},
                                            std::pair{"--status", has_status}})
            if (given)
                throw UsageError(fmt::format("{} does not apply: session {} is a skipped day, not a session", option, session.id),
                                 fmt::format("'limber rm {}' and 'limber log' record the session instead", session.id));
    }

    const Instant old_start = session.started_at;
    if (f.date || fields.has_time) {
        const Zone& zone = recorded_zone(session, context.zone());
        const Day day = f.date ? past_day_option(*f.date, context, "--date") : session.day;
        if (session.status == SessionStatus::Skipped) {
            session.started_at += std::chrono::duration_cast<std::chrono::seconds>(day - session.day);
        } else {
            session.started_at = past_instant(day, fields.has_time ? fields.time : time_of_day(session.started_at, zone), zone, context);
        }
        session.day = day;
    }
    if (fields.has_minutes && fields.minutes * 60 < session.hold_seconds)  // R25: not shorter than its holds
        throw UsageError(fmt::format("--minutes {}: shorter than the {} s session {}'s holds add up to; use {} to 600",
                                     quote(*f.minutes), session.hold_seconds, session.id,
                                     (session.hold_seconds + 59) / 60));
    if (fields.has_minutes) session.duration_s = fields.minutes * 60;
    if (session.duration_s) session.ended_at = session.started_at + std::chrono::seconds{*session.duration_s};
    if (fields.pain_before) session.pain_before = fields.pain_before;
    if (fields.pain_after) session.pain_after = fields.pain_after;
    if (f.note) session.note = *f.note;
    if (has_status) session.status = status;

    WriteTransaction transaction(store);
    update_session(store, session);
    if (session.started_at != old_start) {  // the holds move with the session
        shift_holds(store, session.id, session.started_at - old_start);
    }
    transaction.commit();

    if (o.json) {
        context.out() << session_to_json(session, holds_of(store, session.id), true).dump(2) << '\n';
    } else if (!context.quiet()) {
        context.out() << fmt::format("Session {} now: {}.\n", session.id, session_summary(session, context));
    }
}

}  // namespace

void register_edit(CLI::App& app, Context& context) {
    auto o = std::make_shared<EditOptions>();
    auto* command = app.add_subcommand("edit", "Correct a recorded session");
    command->add_option("ID", o->id, "Session id from 'limber history' (or a uuid prefix)")->required();
    add_session_field_options(*command, o->fields,
                              {"Move it to this day (keeps its start time)",
                               "Its start time, in the zone it was recorded in", "How long it took, 1 to 600",
                               "Replace the note ('' removes it)"});
    command->add_option("--status", o->status, "completed or partial")->type_name("completed|partial");
    command->add_flag("--json", o->json, "Print the session as a JSON object");
    command->callback([o, &context] { run_edit(*o, context); });
}

}  // namespace limber
