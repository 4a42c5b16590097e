#include <limber/io/import.hpp>

#include <limber/config/settings.hpp>
#include <limber/io/csv.hpp>
#include <limber/io/session_io.hpp>
#include <limber/time/zone.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <istream>
#include <sstream>
#include <streambuf>

namespace limber {

using nlohmann::json;

namespace {

/// The bytes of an import document as its readers take them: a byte order mark dropped, every
/// piece checked to be UTF-8 before a reader sees it, and the lines counted so that a message
/// can name the line of a byte. Read in pieces of 64 KiB: memory stays flat.
class ImportText : public std::streambuf {
public:
    ImportText(std::istream& in, std::string_view name) : m_in(in), m_name(name) {}

    /// The first byte that is not a space, tab, CR or LF, without taking anything; nullopt when
    /// the text is only those.
    std::optional<char> first_visible() {
        for (std::size_t at = static_cast<std::size_t>(gptr() - eback());; ++at) {
            if (at == m_valid && !read_more(true)) return std::nullopt;
            const char c = m_buffer[at];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
        }
    }

    /// The line (from 1) of the byte at `offset` of the text (clamped to what was read).
    long line_of(std::size_t offset) const {
        const std::size_t in_piece = std::min(offset - std::min(offset, m_piece_offset), m_buffer.size());
        return 1 + m_lines_before_piece + std::count(m_buffer.data(), m_buffer.data() + in_piece, '\n');
    }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (!read_more(false)) return traits_type::eof();
        return traits_type::to_int_type(*gptr());
    }

private:
    static constexpr std::size_t k_piece = 1 << 16;

    /// Reads pieces until more checked bytes are buffered. `keep`: after what is buffered
    /// (nothing is taken meanwhile); otherwise in place of what was taken. False at the end.
    bool read_more(bool keep) {
        const std::size_t taken = keep ? static_cast<std::size_t>(gptr() - eback()) : 0;
        if (!keep) {  // drop the bytes taken; an unfinished UTF-8 sequence stays at the front
            m_lines_before_piece += std::count(m_buffer.data(), m_buffer.data() + m_valid, '\n');
            m_piece_offset += m_valid;
            m_buffer.erase(0, m_valid);
            m_valid = 0;
        }
        const std::size_t before = m_valid;
        while (m_valid == before && !m_ended) {
            const std::size_t had = m_buffer.size();
            m_buffer.resize(had + k_piece);
            m_in.read(m_buffer.data() + had, static_cast<std::streamsize>(k_piece));
            m_buffer.resize(had + static_cast<std::size_t>(m_in.gcount()));
            if (!m_in) m_ended = true;
            if (m_first && (m_buffer.size() >= 3 || m_ended)) {  // a byte order mark, as spreadsheets write
                if (m_buffer.compare(0, 3, "\xEF\xBB\xBF") == 0) m_buffer.erase(0, 3);
                m_first = false;
            }
            if (!m_first) check();
        }
        if (m_ended) check();  // an unfinished sequence at the very end is not UTF-8
        char* base = m_buffer.data();
        setg(base, base + taken, base + m_valid);
        return m_valid > before;
    }

    /// Checks the bytes after m_valid, moving it past every whole UTF-8 sequence; an
    /// unfinished one at the end waits for the next piece (unless the input ended). Throws the
    /// UsageError naming the line and byte of the first that is not UTF-8.
    void check() {
        const std::string_view text(m_buffer);
        while (m_valid < text.size()) {
            const auto byte = static_cast<unsigned char>(text[m_valid]);
            if (byte != 0 && byte < 0x80) {
                ++m_valid;
                continue;
            }
            const std::size_t length = utf8_sequence_length(text, m_valid);
            if (length > 0) {
                m_valid += length;
                continue;
            }
            const std::size_t wanted = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
            if (!m_ended && text.size() - m_valid < wanted) break;  // the rest comes with the next piece
            throw UsageError(fmt::format("{} line {}: not UTF-8 text (byte {})", m_name, line_of(m_piece_offset + m_valid),
                                         m_piece_offset + m_valid + 1),
                             "import reads what 'limber export' writes: CSV or JSON in UTF-8");
        }
    }

    std::istream& m_in;
    std::string m_name;
    std::string m_buffer;             ///< the bytes read and not yet dropped
    std::size_t m_valid = 0;          ///< how many of them are checked UTF-8 (a reader sees those)
    std::size_t m_piece_offset = 0;   ///< offset in the text of m_buffer[0]
    long m_lines_before_piece = 0;    ///< line breaks before it
    bool m_first = true;              ///< the byte order mark is still to be looked for
    bool m_ended = false;
};

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

/// R25: a session lasts at least as long as its holds add up to (its holds, or the summary
/// hold_seconds of a CSV row or of a JSON session without them).
void check_holds_fit(const Place& place, const IncomingSession& in) {
    if (!in.session.duration_s) return;
    long long held = in.session.hold_seconds;
    if (!in.holds.empty()) {
        held = 0;
        for (const auto& h : in.holds) held += h.held_s;
    }
    if (held > *in.session.duration_s)
        refuse(place, "duration_s", std::to_string(*in.session.duration_s),
               fmt::format("shorter than the {} s its holds add up to; a session lasts at least as long as its holds",
                           held));
}

using Each = std::function<void(IncomingSession&&)>;

void read_csv(ImportText& text, std::string_view name, const std::string& zone, Instant now, const Each& each) {
    CsvReader reader(text);
    std::vector<std::string> row;
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
            check_holds_fit(place, in);
            each(std::move(in));
        }
    } catch (const CsvError& e) {
        throw UsageError(fmt::format("{} line {}: {}", name, e.line, e.what()));
    }
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
    check_holds_fit(place, in);
    return in;
}

void read_json(ImportText& text, std::string_view name, const std::string& zone, Instant now, const Each& each) {
    // Each session is checked as soon as its object is read, handed over, and its JSON
    // dropped: a long history is never held as one JSON tree.
    std::size_t index = 0;
    bool array = false;
    const json::parser_callback_t take = [&](int depth, json::parse_event_t event, json& parsed) {
        if (depth == 0 && event == json::parse_event_t::array_start) array = true;
        const bool element_read = event == json::parse_event_t::object_end ||
                                  event == json::parse_event_t::array_end || event == json::parse_event_t::value;
        if (depth != 1 || !array || !element_read) return true;
        if (!parsed.is_object()) throw UsageError(fmt::format("{} index {}: not a session object", name, index));
        IncomingSession in;
        try {
            in = session_from_json(parsed, Place(fmt::format("{} index {}", name, index)), zone, now);
        } catch (const json::exception& e) {  // not the document's syntax: this session's values
            throw UsageError(fmt::format("{} index {}: {}", name, index, e.what()));
        }
        ++index;
        each(std::move(in));
        return false;
    };
    std::istream stream(&text);
    try {
        const json rest = json::parse(stream, take);  // what is left once the sessions are taken
    } catch (const json::parse_error& e) {
        const std::string detail = e.what();
        const auto dash = detail.rfind(" - ");
        throw UsageError(fmt::format("{} line {}: not valid JSON ({})", name, text.line_of(e.byte > 0 ? e.byte - 1 : 0),
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
}

}  // namespace

void read_import(std::istream& in, std::optional<TransferFormat> format, std::string_view name,
                 const std::string& zone, Instant now, const std::function<void(IncomingSession&&)>& each) {
    ImportText text(in, name);
    const auto first = text.first_visible();
    if (!first) throw UsageError(fmt::format("{}: empty; there is nothing to import", name));
    if (!format) format = *first == '[' || *first == '{' ? TransferFormat::Json : TransferFormat::Csv;
    if (*format == TransferFormat::Json) {
        read_json(text, name, zone, now, each);
    } else {
        read_csv(text, name, zone, now, each);
    }
}

std::vector<IncomingSession> read_import(std::string_view text, std::optional<TransferFormat> format,
                                         std::string_view name, const std::string& zone, Instant now) {
    std::istringstream in{std::string(text)};
    std::vector<IncomingSession> sessions;
    read_import(in, format, name, zone, now, [&](IncomingSession&& s) { sessions.push_back(std::move(s)); });
    return sessions;
}

}  // namespace limber
