// limber log [NAME] [--date D] [--time HH:MM] [--minutes M] [--pain-before N] [--pain-after N]
//            [--note TEXT] [--partial] [--json]
// limber log [NAME] --skip [--date D] [--reason TEXT]
#include <limber/app/commands.hpp>
#include <limber/app/routine_lookup.hpp>
#include <limber/app/session_options.hpp>
#include <limber/io/session_io.hpp>
#include <limber/util/error.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <ostream>

namespace limber {

namespace {

struct LogOptions {
    std::string name;
    SessionFieldOptions fields;
    std::optional<std::string> reason;
    bool partial = false;
    bool skip = false;
    bool json = false;
};

/// The checks that need no database, so that a bad command line never opens or creates one.
void check_combinations(const LogOptions& o) {
    if (o.skip) {
        if (o.partial) throw UsageError("--skip and --partial are alternatives: a skipped day has no session");
        const std::pair<const char*, bool> session_only[] = {
            {"--time", o.fields.time.has_value()}, {"--minutes", o.fields.minutes.has_value()},
            {"--pain-before", o.fields.pain_before.has_value()}, {"--pain-after", o.fields.pain_after.has_value()},
            {"--note", o.fields.note.has_value()}};
        for (const auto& [option, given] : session_only)
            if (given)
                throw UsageError(fmt::format("{} does not go with --skip: a skip records a day off, not a session", option),
                                 "give the reason with --reason");
    } else if (o.reason) {
        throw UsageError("--reason goes with --skip; a session's words go in --note");
    }
}

void run_log(const LogOptions& o, Context& context) {
    check_combinations(o);
    const SessionFields fields = check_session_fields(o.fields);

    const Day today = context.today();
    const Day day = o.fields.date ? past_day_option(*o.fields.date, context, "--date") : today;
    const SavedRoutine routine = load_or_not_found(context, routine_name_or_default(o.name, context));
    const Zone& zone = context.zone();
    const Instant now = context.clock().now();

    Session session;
    session.uuid = new_uuid();
    session.routine = routine.name;
    session.day = day;
    session.zone = zone.name();
    session.source = SessionSource::Manual;
    session.created_at = now;
    if (o.skip) {
        session.status = SessionStatus::Skipped;
        session.started_at = day == today ? now : instant_at(day, TimeOfDay{12 * 60}, context.settings().day_start, zone);
        session.ended_at = session.started_at;
        session.duration_s = 0;
        session.note = note_option(o.reason.value_or(""), "--reason");
    } else {
        session.status = o.partial ? SessionStatus::Partial : SessionStatus::Completed;
        const int duration_s = fields.has_minutes ? fields.minutes * 60 : view_this_week(routine, context).estimated_s;
        if (fields.has_time) {
            session.started_at = past_instant(day, fields.time, zone, context);
        } else if (day == today) {
            // just finished: it started duration ago, but not before today began
            session.started_at = std::max(now - std::chrono::seconds{duration_s},
                                          day_begins(day, context.settings().day_start, zone));
        } else {
            session.started_at = instant_at(day, TimeOfDay{12 * 60}, context.settings().day_start, zone);
        }
        session.duration_s = duration_s;
        session.ended_at = session.started_at + std::chrono::seconds{duration_s};
        session.pain_before = fields.pain_before;
        session.pain_after = fields.pain_after;
        session.note = o.fields.note.value_or("");
    }

    auto& store = context.store();
    WriteTransaction transaction(store);
    session.id = insert_session(store, session);
    transaction.commit();

    if (o.json) {
        context.out() << session_to_json(session, {}, true).dump(2) << '\n';
    } else if (context.quiet()) {
        context.out() << session.id << '\n';
    } else if (o.skip) {
        context.out() << fmt::format("Skipped {} for routine \"{}\" (session {}){}.\n", format_day(day), routine.name,
                                     session.id, session.note.empty() ? "" : ": " + session.note);
    } else {
        context.out() << fmt::format("Logged session {}: {}.\n", session.id, session_summary(session, context));
    }
}

}  // namespace

void register_log(CLI::App& app, Context& context) {
    auto o = std::make_shared<LogOptions>();
    auto* command = app.add_subcommand("log", "Record a session done without 'limber start', or a skipped day");
    add_routine_name_option(*command, o->name);
    add_session_field_options(*command, o->fields,
                              {"The day: today (default), yesterday, YYYY-MM-DD, a weekday or -Nd",
                               "Local start time (default: just finished today, 12:00 on an earlier day)",
                               "How long it took, 1 to 600 (default: the routine's estimate)",
                               "A note to keep with the session"});
    command->add_flag("--partial", o->partial, "Only part of the routine was done (it does not count as done)");
    command->add_flag("--skip", o->skip, "Record a deliberate day off instead (neither done nor missed)");
    command->add_option("--reason", o->reason, "Why the day was skipped (with --skip)")->type_name("TEXT");
    command->add_flag("--json", o->json, "Print the new session as a JSON object");
    command->callback([o, &context] { run_log(*o, context); });
}

}  // namespace limber
