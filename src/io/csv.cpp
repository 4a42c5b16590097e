#include <limber/io/csv.hpp>

namespace limber {

namespace {

constexpr int k_end = std::char_traits<char>::eof();
constexpr const char* k_lone_cr = "a carriage return outside quotes that does not end a line";

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
        } else if (peek() == '\r') {
            take();
            if (!crlf()) {  // a record that starts with a lone CR
                m_record_line = m_line;
                throw CsvError(m_line, k_lone_cr);
            }
        } else {
            break;
        }
        ++m_line;
    }
    if (peek() == k_end) return false;
    m_record_line = m_line;
    for (;;) {
        std::string field;
        const End end = peek() == '"' ? quoted_field(field) : plain_field(field);
        fields.push_back(std::move(field));
        if (end == End::Comma) continue;
        if (end == End::Line) ++m_line;
        return true;
    }
}

CsvReader::End CsvReader::quoted_field(std::string& field) {
    const std::size_t opened_on = m_line;
    take();
    for (;;) {
        const int c = take();
        if (c == k_end) throw CsvError(opened_on, "a quoted field is not closed before the end of the file");
        if (c == '"') {
            if (peek() != '"') break;
            take();  // a doubled quote is one quote
        } else if (c == '\n') {
            ++m_line;
        }
        field += static_cast<char>(c);
    }
    const int c = take();
    if (c == k_end) return End::File;
    if (c == ',') return End::Comma;
    if (c == '\n' || (c == '\r' && crlf())) return End::Line;
    throw CsvError(m_line, "text after the closing quote of a field; a quote inside a quoted field is written twice (\"\")");
}

CsvReader::End CsvReader::plain_field(std::string& field) {
    for (;;) {
        const int c = take();
        if (c == k_end) return End::File;
        if (c == ',') return End::Comma;
        if (c == '\n') return End::Line;
        if (c == '"')
            throw CsvError(m_line, "a quote inside a field that does not start with one; quote the field and write the "
                                   "quote twice (\"\")");
        if (c == '\r') {
            if (crlf()) return End::Line;
            throw CsvError(m_line, k_lone_cr);
        }
        field += static_cast<char>(c);
    }
}

}  // namespace limber
