#pragma once
// What log, edit, rm, pause, history and export share: days and times from the command line, checked against
// now, and the one-line description of a session.

#include <limber/app/context.hpp>
#include <limber/store/sessions.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

namespace limber {

/// The options log and edit share, as typed.
struct SessionFieldOptions {
    std::optional<std::string> date, time, minutes, pain_before, pain_after, note;
};

/// The help texts that differ between log and edit.
struct SessionFieldHelp {
    const char* date;
    const char* time;
    const char* minutes;
    const char* note;
};

/// Adds --date, --time, --minutes, --pain-before, --pain-after and --note to `command`.
void add_session_field_options(CLI::App& command, SessionFieldOptions& options, const SessionFieldHelp& help);

/// The shared options checked without the database (--date is read later, against today).
/// Plain values with flags, not std::optional: GCC 12 misreads optionals of these as
/// maybe uninitialized.
struct SessionFields {
    bool has_time = false;
    TimeOfDay time{0};
    bool has_minutes = false;
    int minutes = 0;
    std::optional<int> pain_before;
    std::optional<int> pain_after;
};
/// Throws UsageError naming the first bad option.
SessionFields check_session_fields(const SessionFieldOptions& options);

/// A day in the date grammar (relative to today) that is not after today; UsageError naming
/// `option` otherwise.
Day past_day_option(const std::string& value, Context& context, std::string_view option);

/// The instant `time` o'clock on limber day `day` in `zone`, which must not be after now;
/// UsageError naming --time otherwise (also for a time inside a DST gap).
Instant past_instant(Day day, TimeOfDay time, const Zone& zone, Context& context);

/// --since and --until as typed (history and export).
struct DayRangeOptions {
    std::optional<std::string> since;
    std::optional<std::string> until;
};

/// Adds --since D and --until D to `command`.
void add_day_range_options(CLI::App& command, DayRangeOptions& options);

/// The days --since and --until name (the date grammar, relative to today); UsageError when
/// one is malformed or --until comes before --since.
DayRange day_range_of(const DayRangeOptions& options, Context& context);

/// "default, Sat 2026-11-21 07:20, 10 min, completed, pain 4→2, 8 holds".
std::string session_summary(const Session& session, Context& context);

}  // namespace limber
