#include <limber/io/session_io.hpp>

#include <limber/time/zone.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

namespace limber {

using nlohmann::ordered_json;

namespace {

ordered_json optional_json(const std::optional<int>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

std::string optional_text(const std::optional<int>& value) { return value ? std::to_string(*value) : std::string{}; }

ordered_json hold_to_json(const Hold& hold) {
    return {{"exercise", hold.exercise}, {"side", hold.side},       {"rep", hold.rep},
            {"target_s", hold.target_s}, {"held_s", hold.held_s}};
}

}  // namespace

const std::vector<std::string>& session_csv_columns() {
    static const std::vector<std::string> columns = {"uuid",   "date",        "started_at", "ended_at", "duration_s",
                                                     "routine", "status",     "pain_before", "pain_after", "holds",
                                                     "hold_seconds", "note", "source"};
    return columns;
}

ordered_json session_to_json(const Session& s, const std::vector<Hold>& holds, bool with_id) {
    ordered_json object;
    if (with_id) object["id"] = s.id;
    object["uuid"] = s.uuid;
    object["date"] = format_day(s.day);
    object["started_at"] = format_instant(s.started_at);
    object["ended_at"] = s.ended_at ? ordered_json(format_instant(*s.ended_at)) : ordered_json(nullptr);
    object["duration_s"] = optional_json(s.duration_s);
    object["routine"] = s.routine;
    object["status"] = std::string(to_string(s.status));
    object["pain_before"] = optional_json(s.pain_before);
    object["pain_after"] = optional_json(s.pain_after);
    ordered_json hold_array = ordered_json::array();
    for (const auto& hold : holds) hold_array.push_back(hold_to_json(hold));
    object["holds"] = hold_array;
    object["hold_seconds"] = s.hold_seconds;  // the stored total (a CSV import has it without the holds)
    object["note"] = s.note.empty() ? ordered_json(nullptr) : ordered_json(s.note);
    object["source"] = std::string(to_string(s.source));
    object["zone"] = s.zone;
    return object;
}

std::vector<std::string> session_csv_fields(const Session& s) {
    return {s.uuid,
            format_day(s.day),
            format_instant(s.started_at),
            s.ended_at ? format_instant(*s.ended_at) : std::string{},
            optional_text(s.duration_s),
            s.routine,
            std::string(to_string(s.status)),
            optional_text(s.pain_before),
            optional_text(s.pain_after),
            std::to_string(s.hold_count),
            std::to_string(s.hold_seconds),
            s.note,
            std::string(to_string(s.source))};
}

bool csv_needs_quotes(std::string_view value) {
    return std::any_of(value.begin(), value.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
}

std::string csv_field(std::string_view value) {
    if (!csv_needs_quotes(value)) return std::string(value);
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out << ',';
        out << csv_field(fields[i]);
    }
    out << '\n';
}

const Zone& recorded_zone(const Session& session, const Zone& fallback) {
    const Zone* zone = find_zone(session.zone);
    return zone ? *zone : fallback;
}

std::string session_time(const Session& session, const Zone& zone_in_force) {
    const auto& zone = recorded_zone(session, zone_in_force);
    std::string text = format_time_of_day(time_of_day(session.started_at, zone));
    if (zone.name() != zone_in_force.name()) {
        text += ' ';
        text += zone.span_at(session.started_at).abbrev;
    }
    return text;
}

std::string session_when(const Session& session, const Zone& zone_in_force) {
    return fmt::format("{} {}", day_title(session.day), session_time(session, zone_in_force));
}

std::string session_minutes(const Session& session) {
    if (!session.duration_s) return "-";
    return fmt::format("{} min", (*session.duration_s + 30) / 60);
}

std::string pain_change(const Session& session) {
    if (!session.pain_before && !session.pain_after) return "-";
    const auto part = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("-"); };
    return part(session.pain_before) + "→" + part(session.pain_after);
}

}  // namespace limber
