#pragma once
// Sessions as users and scripts see them: the session object of CLI.md (history --json,
// export --format json), its CSV row, and the one-line summary the commands print.

#include <limber/session/records.hpp>
#include <limber/time/zone.hpp>

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// The sessions CSV columns of CLI.md, in order.
const std::vector<std::string>& session_csv_columns();

/// One session as CLI.md's session object: the sessions CSV fields with `holds` as the array
/// of its holds, plus `id` when `with_id` (history) and `zone`.
nlohmann::ordered_json session_to_json(const Session& session, const std::vector<Hold>& holds, bool with_id);

/// One session's CSV fields, in session_csv_columns() order.
std::vector<std::string> session_csv_fields(const Session& session);

/// A field quoted as RFC 4180 asks (only when it holds a comma, quote, CR or LF).
std::string csv_field(std::string_view value);
/// RFC 4180 asks for quotes: the value holds a comma, a quote, CR or LF. (One pass: the
/// string_view::find_first_of of libstdc++ searches the set once per byte.)
bool csv_needs_quotes(std::string_view value);
/// One CSV record and its "\n".
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

/// The zone a session was recorded in, or `fallback` when this system does not know it.
const Zone& recorded_zone(const Session& session, const Zone& fallback);

/// The session's start time as "07:20" in the zone it was recorded in, with that zone's
/// abbreviation added ("07:20 EST") when it is not `zone_in_force`.
std::string session_time(const Session& session, const Zone& zone_in_force);

/// "Sat 2026-11-21 07:20": the stored day with its weekday, and session_time().
std::string session_when(const Session& session, const Zone& zone_in_force);

/// "12 min", or "-" when not known.
std::string session_minutes(const Session& session);

/// "4→2", "4→-", "-→2" or "-".
std::string pain_change(const Session& session);

}  // namespace limber
