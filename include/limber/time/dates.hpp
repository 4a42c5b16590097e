#pragma once
// Local days and the date grammar of CLI.md ("Dates accepted wherever a date is taken").
// A session belongs to the local day on which it started, in the zone in force, shifted by
// the day_start setting; that day is stored and never recomputed.

#include <limber/time/clock.hpp>
#include <limber/time/zone.hpp>

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace limber {

using Day = date::local_days;          ///< a calendar day, as limber stores it
using TimeOfDay = std::chrono::minutes;  ///< minutes after local midnight, 0..1439

/// The local day an instant belongs to in `zone` when days start at `day_start` after
/// midnight (with 04:00, 01:30 belongs to the previous day).
Day day_of(Instant at, const Zone& zone, TimeOfDay day_start);

/// The instant at which `time` o'clock falls on limber day `day`. A time earlier than
/// `day_start` lies on the next calendar date (the same limber day). In a DST overlap the
/// earlier instant is chosen; a time that does not exist (a DST gap) throws UsageError that
/// names `option`, the value and the first valid time.
Instant instant_at(Day day, TimeOfDay time, TimeOfDay day_start, const Zone& zone,
                   std::string_view option = "--time");

/// The first instant of limber day `day` (day_start o'clock on it; when that time falls in a
/// DST gap, the moment the clocks jumped).
Instant day_begins(Day day, TimeOfDay day_start, const Zone& zone);

/// The local wall-clock time of `at` in `zone`, to the minute.
TimeOfDay time_of_day(Instant at, const Zone& zone);

/// Parses the date grammar: today, yesterday, YYYY-MM-DD, a weekday (monday…sunday or
/// mon…sun: the most recent such day, today included) and -Nd (N days ago), relative to
/// `today`. Throws UsageError naming `option` and quoting the value otherwise.
Day parse_day(std::string_view text, Day today, std::string_view option);

/// Parses HH:MM (00:00 to 23:59; the hour may have one digit). Throws UsageError naming
/// `option` otherwise.
TimeOfDay parse_time_of_day(std::string_view text, std::string_view option);

/// A weekday from its name, full or three letters, any case: 0 = Sunday … 6 = Saturday.
std::optional<unsigned> parse_weekday(std::string_view text);
/// mon … sun.
std::string_view weekday_short_name(unsigned weekday);
/// "Mon" … "Sun": the short name as a title.
std::string weekday_title(unsigned weekday);
/// "Sat 2026-11-21".
std::string day_title(Day day);
/// monday … sunday.
std::string_view weekday_full_name(unsigned weekday);

/// YYYY-MM-DD.
std::string format_day(Day day);
/// HH:MM.
std::string format_time_of_day(TimeOfDay time);
/// Parses exactly YYYY-MM-DD (a valid date) or returns nullopt; used for stored days.
std::optional<Day> parse_iso_day(std::string_view text);

}  // namespace limber
