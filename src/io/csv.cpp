#include <limber/csv.hpp>

namespace limber {

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    // Empty lines (LF or CRLF alone) are not records.
    while (m_pos < m_text.size() && (m_text[m_pos] == '\n' || m_text.substr(m_pos, 2) == "\r\n")) {
        m_pos += m_text[m_pos] == '\n' ? 1 : 2;
        ++m_line;
    }
    if (m_pos >= m_text.size()) return false;
    m_record_line = m_line;
    std::string field;
    for (;;) {
        if (m_pos < m_text.size() && m_text[m_pos] == '"') {  // a quoted field
            const std::size_t opened_on = m_line;
            ++m_pos;
            for (;;) {
                if (m_pos >= m_text.size())
                    throw CsvError(opened_on, "a quoted field is not closed before the end of the file");
                const char c = m_text[m_pos++];
                if (c == '"') {
                    if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                        field += '"';
                        ++m_pos;
                        continue;
                    }
                    break;
                }
                if (c == '\n') ++m_line;
                field += c;
            }
            const bool at_end_of_field = m_pos >= m_text.size() || m_text[m_pos] == ',' || m_text[m_pos] == '\n' ||
                                         m_text.substr(m_pos, 2) == "\r\n";
            if (!at_end_of_field)
                throw CsvError(m_line, "text after the closing quote of a field; a quote inside a quoted field is "
                                       "written twice (\"\")");
        } else {  // a plain field runs to the next comma or line end
            while (m_pos < m_text.size()) {
                const char c = m_text[m_pos];
                if (c == ',' || c == '\n' || m_text.substr(m_pos, 2) == "\r\n") break;
                if (c == '"')
                    throw CsvError(m_line, "a quote inside a field that does not start with one; quote the field "
                                           "and write the quote twice (\"\")");
                if (c == '\r') throw CsvError(m_line, "a carriage return outside quotes that does not end a line");
                field += c;
                ++m_pos;
            }
        }
        fields.push_back(std::move(field));
        field.clear();
        if (m_pos >= m_text.size()) return true;
        if (m_text[m_pos] == ',') {
            ++m_pos;
            continue;
        }
        m_pos += m_text[m_pos] == '\n' ? 1 : 2;  // LF or CRLF ends the record
        ++m_line;
        return true;
    }
}

}  // namespace limber
