// libFuzzer target: the CSV reader (csv.hpp) and the UTF-8 check the import makes before it.
// The reader may refuse only with CsvError naming a line of the text; the records it reads,
// written again with the export's writer (write_csv_row), must read back the same. The UTF-8
// check must agree with the well-formed byte sequences of Unicode (Table 3-7).
#include "fuzz_check.hpp"

#include <limber/io/csv.hpp>
#include <limber/io/session_io.hpp>
#include <limber/util/text.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using limber::fuzz::check;

namespace {

/// Reads every record; nullopt-like false when the reader refuses.
bool read_all(std::string_view text, std::vector<std::vector<std::string>>& records) {
    const std::size_t lines = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    limber::CsvReader reader(text);
    std::vector<std::string> fields;
    std::size_t last_line = 0;
    try {
        while (reader.next(fields)) {
            check(!fields.empty(), "a record has a field");
            check(reader.line() >= 1 && reader.line() <= lines, "a record starts on a line of the text");
            check(reader.line() > last_line, "records start on later lines");
            last_line = reader.line();
            records.push_back(fields);
        }
    } catch (const limber::CsvError& e) {
        check(e.line >= 1 && e.line <= lines, "a refusal names a line of the text");
        check(limber::fuzz::one_line(e.what()), "a refusal is one line");
        return false;
    }
    return true;
}

/// The first byte that is not part of well-formed UTF-8 (Unicode 15, Table 3-7), or npos; a NUL
/// counts as not text.
std::size_t first_ill_formed(std::string_view text) {
    const auto in = [&](std::size_t i, unsigned lo, unsigned hi) {
        if (i >= text.size()) return false;
        const auto b = static_cast<unsigned char>(text[i]);
        return b >= lo && b <= hi;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        if (b == 0x00) return i;
        if (b <= 0x7F) length = 1;
        else if (b >= 0xC2 && b <= 0xDF) length = in(i + 1, 0x80, 0xBF) ? 2 : 0;
        else if (b == 0xE0) length = in(i + 1, 0xA0, 0xBF) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
        else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) length = in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
        else if (b == 0xED) length = in(i + 1, 0x80, 0x9F) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
        else if (b == 0xF0) length = in(i + 1, 0x90, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
        else if (b >= 0xF1 && b <= 0xF3) length = in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
        else if (b == 0xF4) length = in(i + 1, 0x80, 0x8F) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
        if (length == 0) return i;
        i += length;
    }
    return std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check(limber::invalid_utf8_at(text) == first_ill_formed(text), "invalid_utf8_at finds the first ill-formed byte");

    std::vector<std::vector<std::string>> records;
    if (!read_all(text, records)) return 0;

    // written again as the export writes them, the records read back the same; a record of one
    // empty field is written as an empty line, which the reader skips, so those are left out
    std::erase_if(records, [](const auto& fields) { return fields.size() == 1 && fields.front().empty(); });
    std::ostringstream out;
    for (const auto& fields : records) limber::write_csv_row(out, fields);
    std::vector<std::vector<std::string>> again;
    check(read_all(out.str(), again), "what write_csv_row writes reads back");
    check(again == records, "records written and read back are the same");
    return 0;
}
