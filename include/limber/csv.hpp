#pragma once
// Reading CSV as RFC 4180 writes it: fields separated by commas, records ended by LF or CRLF,
// fields with commas, quotes or line breaks quoted, a quote inside doubled.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// A malformed record: the line it is on and what is wrong.
struct CsvError : std::runtime_error {
    CsvError(std::size_t line, const std::string& what) : std::runtime_error(what), line(line) {}
    std::size_t line;
};

/// The records of a CSV text, one at a time. Empty lines are skipped.
class CsvReader {
public:
    explicit CsvReader(std::string_view text) : m_text(text) {}
    /// Reads the next record into `fields`; false at the end of the text. Throws CsvError.
    bool next(std::vector<std::string>& fields);
    /// The line (from 1) the record last read starts on.
    std::size_t line() const { return m_record_line; }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::size_t m_record_line = 0;
};

}  // namespace limber
