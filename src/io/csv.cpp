#include <limber/io/csv.hpp>

namespace limber {

namespace {

constexpr int k_end = std::char_traits<char>::eof();

/// A stream buffer over a text that outlives it.
class TextBuffer : public std::streambuf {
public:
    explicit TextBuffer(std::string_view text) {
        char* begin = const_cast<char*>(text.data());  // only read: no put area is set
        setg(begin, begin, begin + text.size());
    }
};

}  // namespace

CsvReader::CsvReader(std::string_view text) : m_text(std::make_unique<TextBuffer>(text)), m_in(m_text.get()) {}

CsvReader::~CsvReader() = default;

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    // Empty lines (LF or CRLF alone) are not records.
    for (;;) {
        if (peek() == '\n') {
            take();
            ++m_line;
        } else if (peek() == '\r') {
            take();
            if (!crlf()) {  // a record that starts with a lone CR
                m_record_line = m_line;
                throw CsvError(m_line, "a carriage return outside quotes that does not end a line");
            }
            ++m_line;
        } else {
            break;
        }
    }
    if (peek() == k_end) return false;
    m_record_line = m_line;
    std::string field;
    for (;;) {
        if (peek() == '"') {  // a quoted field
            const std::size_t opened_on = m_line;
            take();
            for (;;) {
                const int c = take();
                if (c == k_end) throw CsvError(opened_on, "a quoted field is not closed before the end of the file");
                if (c == '"') {
                    if (peek() == '"') {
                        field += '"';
                        take();
                        continue;
                    }
                    break;
                }
                if (c == '\n') ++m_line;
                field += static_cast<char>(c);
            }
            const int after = peek();
            const bool at_end_of_field = after == k_end || after == ',' || after == '\n' || (after == '\r' && (take(), crlf()));
            if (!at_end_of_field)
                throw CsvError(m_line, "text after the closing quote of a field; a quote inside a quoted field is "
                                       "written twice (\"\")");
            if (after == '\r') {  // its CRLF is taken: the record ends
                fields.push_back(std::move(field));
                ++m_line;
                return true;
            }
        } else {  // a plain field runs to the next comma or line end
            for (int c = peek(); c != k_end && c != ',' && c != '\n'; c = peek()) {
                if (c == '"')
                    throw CsvError(m_line, "a quote inside a field that does not start with one; quote the field "
                                           "and write the quote twice (\"\")");
                take();
                if (c == '\r') {
                    if (!crlf()) throw CsvError(m_line, "a carriage return outside quotes that does not end a line");
                    fields.push_back(std::move(field));
                    ++m_line;
                    return true;
                }
                field += static_cast<char>(c);
            }
        }
        fields.push_back(std::move(field));
        field.clear();
        const int c = take();
        if (c == k_end) return true;
        if (c == ',') continue;
        ++m_line;  // LF ends the record
        return true;
    }
}

}  // namespace limber
