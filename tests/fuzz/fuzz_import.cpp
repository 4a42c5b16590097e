// libFuzzer target: import documents of any bytes. read_import must refuse with a UsageError or
// return sessions that the store then accepts; nothing else (a crash, a sanitizer report, an
// SQLite error) is allowed.
#include <limber/app/commands.hpp>
#include <limber/io/csv.hpp>
#include <limber/io/import.hpp>
#include <limber/store/imports.hpp>
#include <limber/store/sessions.hpp>
#include <limber/store/store.hpp>
#include <limber/util/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static auto store = limber::Store::open_in_memory();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        limber::CsvReader reader(text);
        std::vector<std::string> row;
        while (reader.next(row)) {
        }
    } catch (const limber::CsvError&) {
    }
    std::vector<limber::IncomingSession> sessions;
    try {
        sessions = limber::read_import(text, std::nullopt, "fuzz", "UTC", limber::Instant{});
    } catch (const limber::UsageError&) {
        return 0;
    }
    limber::WriteTransaction transaction(*store);  // rolled back: every input starts from empty
    limber::store_import(*store, sessions);
    return 0;
}
