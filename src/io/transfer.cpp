#include <limber/transfer.hpp>

#include <limber/choices.hpp>
#include <limber/csv.hpp>
#include <limber/error.hpp>
#include <limber/output.hpp>
#include <limber/session_io.hpp>
#include <limber/settings.hpp>
#include <limber/text.hpp>

#include <limber/zone.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ostream>
#include <set>

namespace limber {

using nlohmann::json;
using nlohmann::ordered_json;

const std::vector<std::string>& hold_csv_columns() {
    static const std::vector<std::string> columns = {"session_uuid", "date",     "exercise", "side",
                                                     "rep",          "target_s", "held_s"};
    return columns;
}

// ---------------------------------------------------------------------------------------------
// export

namespace {

void header(Buffered& out, const std::vector<std::string>& columns) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i > 0) out.text(",");
        out.field(columns[i]);
    }
    out.text("\n");
}

}  // namespace

std::size_t write_export(SQLite::Database& db, std::ostream& out, TransferFormat format, ExportWhat what,
                         const DayRange& range) {
    Buffered buffered(out);
    std::size_t count = 0;
    if (what == ExportWhat::Sessions && format == TransferFormat::Csv) {
        header(buffered, session_csv_columns());
        for_each_finished_session(db, range, [&](const Session& s) {
            const auto fields = session_csv_fields(s);
            for (std::size_t i = 0; i < fields.size(); ++i) {
                if (i > 0) buffered.text(",");
                buffered.field(fields[i]);
            }
            buffered.text("\n");
            ++count;
        });
    } else if (what == ExportWhat::Sessions) {
        JsonArrayWriter array(buffered);
        HoldReader holds(db);
        for_each_finished_session(db, range,
                                  [&](const Session& s) { array.add(session_to_json(s, holds.of(s.id), false)); });
        array.finish();
        count = array.count();
    } else if (format == TransferFormat::Csv) {
        header(buffered, hold_csv_columns());
        for_each_finished_hold(db, range, [&](const HoldLine& h) {
            for (const std::string_view text : {h.session_uuid, h.day, h.exercise, h.side}) {
                buffered.field(text);
                buffered.text(",");
            }
            for (const int number : {h.rep, h.target_s}) {
                buffered.number(number);
                buffered.text(",");
            }
            buffered.number(h.held_s);
            buffered.text("\n");
            ++count;
        });
    } else {
        JsonArrayWriter array(buffered);
        for_each_finished_hold(db, range, [&](const HoldLine& h) {
            ordered_json object;
            object["session_uuid"] = h.session_uuid;
            object["date"] = h.day;
            object["exercise"] = h.exercise;
            object["side"] = h.side;
            object["rep"] = h.rep;
            object["target_s"] = h.target_s;
            object["held_s"] = h.held_s;
            array.add(object);
        });
        array.finish();
        count = array.count();
    }
    return count;
}

// ---------------------------------------------------------------------------------------------
// import

namespace {

constexpr int k_max_duration_s = 86400;      // a session is shorter than a day
constexpr int k_max_hold_count = 100000;
constexpr int k_max_hold_seconds = 100000000;

/// Where a value is: "file.csv line 3, pain_before" or "file.json index 2, holds[1].held_s".
class Place {
public:
    Place(std::string prefix) : m_prefix(std::move(prefix)) {}
    std::string of(std::string_view field) const { return fmt::format("{}, {}", m_prefix, field); }

private:
    std::string m_prefix;
};

[[noreturn]] void refuse(const Place& place, std::string_view field, std::string_view value, std::string_view allowed) {
    throw UsageError(fmt::format("{} {}: {}", place.of(field), quote(value), allowed));
}

std::string checked_uuid(const Place& place, std::string_view value) {
    static constexpr std::size_t k_dashes[] = {8, 13, 18, 23};
    bool ok = value.size() == 36;
    for (std::size_t i = 0; ok && i < value.size(); ++i) {
        const bool dash = std::find(std::begin(k_dashes), std::end(k_dashes), i) != std::end(k_dashes);
        ok = dash ? value[i] == '-' : std::isxdigit(static_cast<unsigned char>(value[i])) != 0;
    }
    if (!ok) refuse(place, "uuid", value, "not a uuid; use 32 hexadecimal digits as 8-4-4-4-12");
    return to_lower(value);
}

Day checked_day(const Place& place, std::string_view value) {
    const auto day = parse_iso_day(value);
    if (!day) refuse(place, "date", value, "not a date; use YYYY-MM-DD");
    return *day;
}

Instant checked_instant(const Place& place, std::string_view field, std::string_view value) {
    const auto at = parse_instant(value);
    if (!at) refuse(place, field, value, "not an ISO-8601 instant; use e.g. 2026-11-21T07:30:00Z");
    return *at;
}

SessionStatus checked_status(const Place& place, std::string_view value) {
    const auto status = parse_session_status(value);
    if (!status || *status == SessionStatus::InProgress)
        refuse(place, "status", value, "not a status; use completed, partial or skipped");
    return *status;
}

SessionSource checked_source(const Place& place, std::string_view value) {
    if (value.empty()) return SessionSource::Import;
    const auto source = parse_session_source(value);
    if (!source) refuse(place, "source", value, "not a source; use guided, manual or import (or leave it empty)");
    return *source;
}

std::string checked_exercise(const Place& place, std::string_view field, std::string_view value) {
    bool ok = !value.empty() && value.size() <= 64;
    for (char c : value) ok = ok && static_cast<unsigned char>(c) >= 0x20 && c != 0x7f;
    if (!ok) refuse(place, field, value, "not an exercise id; use 1 to 64 characters without control characters");
    return std::string(value);
}

std::string checked_side(const Place& place, std::string_view field, std::string_view value) {
    if (value != "" && value != "left" && value != "right")
        refuse(place, field, value, "not a side; use left, right or nothing");
    return std::string(value);
}

/// The fields both formats share, already as text (JSON null and CSV empty are both "").
struct Fields {
    std::string uuid, date, started_at, ended_at, duration_s, routine, status, pain_before, pain_after, note, source;
};

Session checked_session(const Place& place, const Fields& f, const std::string& zone, Instant now) {
    Session s;
    s.uuid = checked_uuid(place, f.uuid);
    s.day = checked_day(place, f.date);
    s.started_at = checked_instant(place, "started_at", f.started_at);
    if (!f.ended_at.empty()) {
        s.ended_at = checked_instant(place, "ended_at", f.ended_at);
        if (*s.ended_at < s.started_at)
            refuse(place, "ended_at", f.ended_at, fmt::format("earlier than started_at {}", f.started_at));
    }
    if (!f.duration_s.empty())
        s.duration_s = whole_number_option(f.duration_s, place.of("duration_s"), 0, k_max_duration_s, "seconds");
    check_routine_name(f.routine, place.of("routine"));
    s.routine = f.routine;
    s.status = checked_status(place, f.status);
    if (!f.pain_before.empty()) s.pain_before = pain_option(f.pain_before, place.of("pain_before"));
    if (!f.pain_after.empty()) s.pain_after = pain_option(f.pain_after, place.of("pain_after"));
    if (const auto problem = note_problem(f.note); !problem.empty()) refuse(place, "note", f.note, problem);
    s.note = f.note;
    s.source = checked_source(place, f.source);
    s.zone = zone;
    s.created_at = now;
    return s;
}

std::vector<IncomingSession> read_csv(std::string_view text, std::string_view name, const std::string& zone,
                                      Instant now) {
    CsvReader reader(text);
    std::vector<std::string> row;
    std::vector<IncomingSession> sessions;
    try {
        if (!reader.next(row)) throw UsageError(fmt::format("{}: no header and no sessions", name));
        if (row == hold_csv_columns())
            throw UsageError(fmt::format("{} line 1: this is a holds export; import reads sessions exports", name),
                             "export the sessions ('limber export --what sessions') or use --format json, which "
                             "carries the holds");
        if (row != session_csv_columns())
            throw UsageError(fmt::format("{} line 1: not a limber sessions CSV; its header must be {}", name,
                                         join(session_csv_columns(), ",")));
        const std::size_t columns = session_csv_columns().size();
        while (reader.next(row)) {
            const Place place(fmt::format("{} line {}", name, reader.line()));
            if (row.size() != columns)
                throw UsageError(fmt::format("{} line {}: {} fields; a sessions row has {}", name, reader.line(),
                                             row.size(), columns));
            Fields f{row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[11], row[12]};
            IncomingSession in;
            in.session = checked_session(place, f, zone, now);
            in.session.hold_count = whole_number_option(row[9], place.of("holds"), 0, k_max_hold_count, "holds");
            in.session.hold_seconds =
                whole_number_option(row[10], place.of("hold_seconds"), 0, k_max_hold_seconds, "seconds");
            sessions.push_back(std::move(in));
        }
    } catch (const CsvError& e) {
        throw UsageError(fmt::format("{} line {}: {}", name, e.line, e.what()));
    }
    return sessions;
}

/// A JSON member as text: a string as it is, null or absent as "", a whole number in digits.
std::string member_text(const Place& place, const json& object, const char* key, bool number) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (number) {
        if (it->is_number_integer()) return std::to_string(it->get<long long>());
        refuse(place, key, it->dump(), "not a whole number");
    }
    if (!it->is_string()) refuse(place, key, it->dump(), "not a string");
    return it->get<std::string>();
}

int member_number(const Place& place, const json& object, const char* key, std::string_view field, int min, int max,
                  std::string_view unit) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer())
        refuse(place, field, it == object.end() ? "" : it->dump(), fmt::format("not a whole number of {}", unit));
    return whole_number_option(std::to_string(it->get<long long>()), place.of(field), min, max, unit);
}

/// One session object of a JSON import, checked.
IncomingSession session_from_json(const json& object, const Place& place, const std::string& zone, Instant now) {
    Fields f;
    f.uuid = member_text(place, object, "uuid", false);
    f.date = member_text(place, object, "date", false);
    f.started_at = member_text(place, object, "started_at", false);
    f.ended_at = member_text(place, object, "ended_at", false);
    f.duration_s = member_text(place, object, "duration_s", true);
    f.routine = member_text(place, object, "routine", false);
    f.status = member_text(place, object, "status", false);
    f.pain_before = member_text(place, object, "pain_before", true);
    f.pain_after = member_text(place, object, "pain_after", true);
    f.note = member_text(place, object, "note", false);
    f.source = member_text(place, object, "source", false);
    std::string session_zone = member_text(place, object, "zone", false);
    if (session_zone.empty()) {
        session_zone = zone;
    } else if (!find_zone(session_zone)) {
        refuse(place, "zone", session_zone, "not a time zone this system knows (an IANA name such as Europe/Paris)");
    }
    IncomingSession in;
    in.session = checked_session(place, f, session_zone, now);

    const auto holds = object.find("holds");
    if (holds != object.end() && !holds->is_null()) {
        if (!holds->is_array()) refuse(place, "holds", holds->dump(), "not an array of holds");
        for (std::size_t k = 0; k < holds->size(); ++k) {
            const json& h = (*holds)[k];
            const std::string at = fmt::format("holds[{}]", k);
            if (!h.is_object()) refuse(place, at, h.dump(), "not a hold object");
            Hold hold;
            hold.seq = static_cast<int>(k);
            hold.exercise = checked_exercise(place, at + ".exercise", member_text(place, h, "exercise", false));
            hold.side = checked_side(place, at + ".side", member_text(place, h, "side", false));
            hold.rep = member_number(place, h, "rep", at + ".rep", 1, 1000, "repetitions");
            hold.target_s = member_number(place, h, "target_s", at + ".target_s", 0, k_max_duration_s, "seconds");
            hold.held_s = member_number(place, h, "held_s", at + ".held_s", 0, k_max_duration_s, "seconds");
            in.holds.push_back(std::move(hold));
        }
    }
    const std::string seconds_text = member_text(place, object, "hold_seconds", true);
    if (!seconds_text.empty()) {
        const int seconds = whole_number_option(seconds_text, place.of("hold_seconds"), 0, k_max_hold_seconds, "seconds");
        int sum = 0;
        for (const auto& h : in.holds) sum += h.held_s;
        if (!in.holds.empty() && seconds != sum)
            refuse(place, "hold_seconds", seconds_text, fmt::format("not the sum of the holds' held_s ({})", sum));
        if (in.holds.empty()) in.session.hold_seconds = seconds;  // a summary without its holds
    }
    return in;
}

std::vector<IncomingSession> read_json(std::string_view text, std::string_view name, const std::string& zone,
                                       Instant now) {
    // Each session is checked as soon as its object is read, and its JSON is dropped: a long
    // history is never held as one JSON tree (a century of it would take about 600 MiB).
    std::vector<IncomingSession> sessions;
    bool array = false;
    const json::parser_callback_t take = [&](int depth, json::parse_event_t event, json& parsed) {
        if (depth == 0 && event == json::parse_event_t::array_start) array = true;
        const bool element_read = event == json::parse_event_t::object_end ||
                                  event == json::parse_event_t::array_end || event == json::parse_event_t::value;
        if (depth != 1 || !array || !element_read) return true;
        const std::size_t index = sessions.size();
        if (!parsed.is_object()) throw UsageError(fmt::format("{} index {}: not a session object", name, index));
        try {
            sessions.push_back(session_from_json(parsed, Place(fmt::format("{} index {}", name, index)), zone, now));
        } catch (const json::exception& e) {  // not the document's syntax: this session's values
            throw UsageError(fmt::format("{} index {}: {}", name, index, e.what()));
        }
        return false;
    };
    try {
        const json rest = json::parse(text, take);  // what is left once the sessions are taken
    } catch (const json::parse_error& e) {
        const std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
        const std::string detail = e.what();
        const auto dash = detail.rfind(" - ");
        throw UsageError(fmt::format("{} line {}: not valid JSON ({})", name, line,
                                     dash == std::string::npos ? detail : detail.substr(dash + 3)),
                         "import reads the array that 'limber export --format json' writes");
    } catch (const json::exception& e) {  // a number too large for any type, and the like
        const std::string detail = e.what();
        const auto bracket = detail.find("] ");
        throw UsageError(fmt::format("{}: not valid JSON ({})", name,
                                     bracket == std::string::npos ? detail : detail.substr(bracket + 2)),
                         "import reads the array that 'limber export --format json' writes");
    }
    if (!array)
        throw UsageError(fmt::format("{}: not a JSON array of sessions", name),
                         "import reads the array that 'limber export --format json' writes");
    return sessions;
}

}  // namespace

std::vector<IncomingSession> read_import(std::string_view text, std::optional<TransferFormat> format,
                                         std::string_view name, const std::string& zone, Instant now) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte order mark, as spreadsheets write
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw UsageError(fmt::format("{}: empty; there is nothing to import", name));
    if (const auto bad = invalid_utf8_at(text); bad != std::string_view::npos) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
        throw UsageError(fmt::format("{} line {}: not UTF-8 text (byte {})", name, line, bad + 1),
                         "import reads what 'limber export' writes: CSV or JSON in UTF-8");
    }
    if (!format) {
        const char first = text[text.find_first_not_of(" \t\r\n")];
        format = first == '[' || first == '{' ? TransferFormat::Json : TransferFormat::Csv;
    }
    return *format == TransferFormat::Json ? read_json(text, name, zone, now) : read_csv(text, name, zone, now);
}

ImportCount store_import(SQLite::Database& db, const std::vector<IncomingSession>& sessions) {
    ImportCount count;
    SessionWriter writer(db);
    std::set<std::string> seen;
    for (const auto& in : sessions) {
        if (!seen.insert(in.session.uuid).second || writer.has_uuid(in.session.uuid)) {
            ++count.present;
            continue;
        }
        const auto id = writer.add(in.session);
        for (const auto& hold : in.holds) writer.add_hold(id, hold);
        ++count.added;
    }
    return count;
}

}  // namespace limber
