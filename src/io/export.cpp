#include <limber/io/export.hpp>

#include <limber/io/session_io.hpp>
#include <limber/util/values.hpp>

#include <nlohmann/json.hpp>

namespace limber {

TransferFormat transfer_format(std::string_view value, std::string_view option) {
    static const std::vector<std::string> formats = {"csv", "json"};
    return word_option(value, option, "a format", formats) == 0 ? TransferFormat::Csv : TransferFormat::Json;
}

const std::vector<std::string>& hold_csv_columns() {
    static const std::vector<std::string> columns = {"session_uuid", "date",     "exercise", "side",
                                                     "rep",          "target_s", "held_s"};
    return columns;
}

ExportWriter::ExportWriter(std::ostream& out, TransferFormat format, ExportWhat what)
    : m_format(format), m_what(what), m_out(out), m_array(m_out) {
    if (format != TransferFormat::Csv) return;
    const auto& columns = what == ExportWhat::Sessions ? session_csv_columns() : hold_csv_columns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i > 0) m_out.text(",");
        m_out.field(columns[i]);
    }
    m_out.text("\n");
}

ExportWriter::~ExportWriter() = default;

bool ExportWriter::wants_holds() const { return m_format == TransferFormat::Json && m_what == ExportWhat::Sessions; }

void ExportWriter::session(const Session& session, const std::vector<Hold>& holds) {
    ++m_rows;
    if (m_format == TransferFormat::Json) return m_array.add(session_to_json(session, holds, false));
    const auto fields = session_csv_fields(session);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) m_out.text(",");
        m_out.field(fields[i]);
    }
    m_out.text("\n");
}

void ExportWriter::hold(const HoldLine& h) {
    ++m_rows;
    if (m_format == TransferFormat::Json) {
        nlohmann::ordered_json object;
        object["session_uuid"] = h.session_uuid;
        object["date"] = h.day;
        object["exercise"] = h.exercise;
        object["side"] = h.side;
        object["rep"] = h.rep;
        object["target_s"] = h.target_s;
        object["held_s"] = h.held_s;
        return m_array.add(object);
    }
    for (const std::string_view text : {h.session_uuid, h.day, h.exercise, h.side}) {
        m_out.field(text);
        m_out.text(",");
    }
    for (const int number : {h.rep, h.target_s}) {
        m_out.number(number);
        m_out.text(",");
    }
    m_out.number(h.held_s);
    m_out.text("\n");
}

std::size_t ExportWriter::finish() {
    if (m_format == TransferFormat::Json) m_array.finish();
    m_out.flush();
    return m_rows;
}

}  // namespace limber
