#pragma once
// Reading CSV as RFC 4180 writes it: fields separated by commas, records ended by LF or CRLF,
// fields with commas, quotes or line breaks quoted, a quote inside doubled.

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// A malformed record: the line it is on and what is wrong.
struct CsvError : std::runtime_error {
    CsvError(std::size_t line, const std::string& what) : std::runtime_error(what), line(line) {}
    std::size_t line;
};

/// The records of a CSV text, one at a time, read from a stream buffer as they are asked
/// for. Empty lines are skipped.
class CsvReader {
public:
    /// Reads from `in`, which must outlive the reader.
    explicit CsvReader(std::streambuf& in) : m_in(&in) {}
    /// Reads from `text`, which must outlive the reader.
    explicit CsvReader(std::string_view text);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;
    /// Reads the next record into `fields`; false at the end of the text. Throws CsvError.
    bool next(std::vector<std::string>& fields);
    /// The line (from 1) the record last read starts on.
    std::size_t line() const { return m_record_line; }

private:
    enum class End { Comma, Line, File };  ///< what ended a field
    End quoted_field(std::string& field);
    End plain_field(std::string& field);
    int peek() { return m_in->sgetc(); }
    int take() { return m_in->sbumpc(); }
    /// Takes the LF of a CRLF when a CR was just taken: true when it was there.
    bool crlf() {
        if (peek() != '\n') return false;
        take();
        return true;
    }

    std::unique_ptr<std::streambuf> m_text;  ///< over a text given whole
    std::streambuf* m_in;
    std::size_t m_line = 1;
    std::size_t m_record_line = 0;
};

}  // namespace limber
