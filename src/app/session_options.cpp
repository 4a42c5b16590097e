#include <limber/app/session_options.hpp>

#include <limber/io/session_io.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

namespace limber {

Day past_day_option(const std::string& value, Context& context, std::string_view option) {
    const Day today = context.today();
    const Day day = parse_day(value, today, option);
    if (day > today)
        throw UsageError(fmt::format("{} {}: {} is in the future; give today ({}) or an earlier day", option,
                                     quote(value), format_day(day), format_day(today)));
    return day;
}

Instant past_instant(Day day, TimeOfDay time, const Zone& zone, Context& context) {
    const Instant at = instant_at(day, time, context.settings().day_start, zone, "--time");
    const Instant now = context.clock().now();
    if (at > now)
        throw UsageError(fmt::format("--time {}: {} is later than now ({})", quote(format_time_of_day(time)),
                                     date::format("%F %H:%M", date::floor<std::chrono::minutes>(zone.to_local(at))),
                                     date::format("%F %H:%M", date::floor<std::chrono::minutes>(zone.to_local(now)))),
                         "log a session after it happened");
    return at;
}

void add_session_field_options(CLI::App& command, SessionFieldOptions& o, const SessionFieldHelp& help) {
    command.add_option("--date", o.date, help.date)->type_name("D");
    command.add_option("--time", o.time, help.time)->type_name("HH:MM");
    command.add_option("--minutes", o.minutes, help.minutes)->type_name("M");
    command.add_option("--pain-before", o.pain_before, "Back pain before, 0 (none) to 10 (worst)")->type_name("N");
    command.add_option("--pain-after", o.pain_after, "Back pain after, 0 (none) to 10 (worst)")->type_name("N");
    command.add_option("--note", o.note, help.note)->type_name("TEXT");
}

void add_day_range_options(CLI::App& command, DayRangeOptions& o) {
    command.add_option("--since", o.since, "First day, included (today, yesterday, YYYY-MM-DD, a weekday, -Nd)")
        ->type_name("D");
    command.add_option("--until", o.until, "Last day, included")->type_name("D");
}

DayRange day_range_of(const DayRangeOptions& o, Context& context) {
    DayRange days;
    if (o.since) days.since = parse_day(*o.since, context.today(), "--since");
    if (o.until) days.until = parse_day(*o.until, context.today(), "--until");
    if (days.since && days.until && *days.until < *days.since)
        throw UsageError(fmt::format("--until {}: {} is before --since {}", quote(*o.until), format_day(*days.until),
                                     format_day(*days.since)));
    return days;
}

SessionFields check_session_fields(const SessionFieldOptions& o) {
    SessionFields f;
    if (o.pain_before) f.pain_before = pain_option(*o.pain_before, "--pain-before");
    if (o.pain_after) f.pain_after = pain_option(*o.pain_after, "--pain-after");
    f.has_minutes = o.minutes.has_value();
    if (f.has_minutes) f.minutes = whole_number_option(*o.minutes, "--minutes", 1, 600, "minutes");
    f.has_time = o.time.has_value();
    if (f.has_time) f.time = parse_time_of_day(*o.time, "--time");
    if (o.note) note_option(*o.note, "--note");
    return f;
}

std::string session_summary(const Session& s, Context& context) {
    std::string text = fmt::format("{}, {}", s.routine, session_when(s, context.zone()));
    if (s.status != SessionStatus::Skipped) text += ", " + session_minutes(s);
    text += fmt::format(", {}", s.status == SessionStatus::InProgress ? "in progress" : to_string(s.status));
    if (s.pain_before || s.pain_after) text += ", pain " + pain_change(s);
    if (s.hold_count > 0) text += fmt::format(", {} hold{}", s.hold_count, s.hold_count == 1 ? "" : "s");
    return text;
}

}  // namespace limber
