// Unit tests: the CSV reader, UTF-8 checks, and export/import of sessions — byte-identical
// round trips with hostile notes, idempotence, and every refusal naming its line or index and field.
#include <limber/io/csv.hpp>
#include <limber/io/session_io.hpp>
#include <limber/store/store.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include "database.hpp"

#include <limber/app/commands.hpp>
#include <limber/io/import.hpp>
#include <limber/store/imports.hpp>
#include <limber/store/sessions.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace limber;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using Catch::Matchers::StartsWith;

namespace {

std::vector<std::vector<std::string>> records(std::string_view text) {
    CsvReader reader(text);
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> row;
    while (reader.next(row)) out.push_back(row);
    return out;
}

std::string csv_error(std::string_view text) {
    try {
        records(text);
    } catch (const CsvError& e) {
        return fmt::format("line {}: {}", e.line, e.what());
    }
    return "no error";
}

Instant at(const char* iso) { return *parse_instant(iso); }

const std::vector<std::string> k_hostile_notes = {
    "plain",
    "commas, and \"quotes\"",
    "two\nlines",
    "windows\r\nline",
    "a lone \r carriage return",
    "\ttabs\tinside\t",
    "  leading and trailing spaces  ",
    "=1+1",
    "ünïcödé 日本語 🧘",
    "\"",
    ",",
    "'; DROP TABLE sessions; --",
};

/// A store with one session per hostile note (the last skipped), holds on the first.
std::unique_ptr<Store> hostile_store() {
    auto store = Store::open_in_memory();
    WriteTransaction t(*store);
    SessionWriter writer(*store);
    for (std::size_t i = 0; i < k_hostile_notes.size(); ++i) {
        Session s;
        s.uuid = fmt::format("0000000{}-0000-4000-8000-{:012}", i % 10, i);
        s.routine = i % 2 ? "default" : "desk.break_2";
        s.day = date::local_days{date::year{2026} / 11 / static_cast<unsigned>(1 + i)};
        s.started_at = at("2026-11-01T07:00:00Z") + std::chrono::hours{24 * static_cast<int>(i)};
        s.ended_at = s.started_at + std::chrono::seconds{600};
        s.duration_s = 600;
        s.zone = i % 3 ? "Europe/Berlin" : "America/New_York";
        s.status = i + 1 == k_hostile_notes.size() ? SessionStatus::Skipped : i % 4 == 3 ? SessionStatus::Partial
                                                                                       : SessionStatus::Completed;
        if (i % 2) s.pain_before = static_cast<int>(i % 11);
        if (i % 3) s.pain_after = 0;
        s.note = k_hostile_notes[i];
        s.source = i % 3 == 0 ? SessionSource::Guided : SessionSource::Manual;
        s.created_at = s.started_at;
        const auto id = writer.add(s);
        if (i == 0) {
            writer.add_hold(id, Hold{0, 1, "standing-hamstring", "left", 1, 20, 20, std::nullopt});
            writer.add_hold(id, Hold{1, 1, "standing-hamstring", "right", 1, 20, 18, std::nullopt});
        }
    }
    t.commit();
    return store;
}

std::string exported(Store& store, TransferFormat format, ExportWhat what = ExportWhat::Sessions,
                     const DayRange& range = {}) {
    std::ostringstream out;
    write_export(store, out, format, what, range);
    return out.str();
}

ImportCount import_into(Store& store, const std::string& text, std::optional<TransferFormat> format = std::nullopt) {
    const auto sessions = read_import(text, format, "in", "UTC", at("2026-11-21T08:00:00Z"));
    WriteTransaction t(store);
    const auto count = store_import(store, sessions);
    t.commit();
    return count;
}

std::string import_error(const std::string& text) {
    try {
        read_import(text, std::nullopt, "in", "UTC", at("2026-11-21T08:00:00Z"));
    } catch (const UsageError& e) {
        return e.what();
    }
    return "no error";
}

const std::string k_header =
    "uuid,date,started_at,ended_at,duration_s,routine,status,pain_before,pain_after,holds,hold_seconds,note,source\n";
const std::string k_good_row =
    "0c2a5b1e-1111-4222-8333-444455556666,2026-11-20,2026-11-20T07:00:00Z,2026-11-20T07:10:00Z,600,default,"
    "completed,5,3,0,0,fine,manual\n";

}  // namespace

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks") {
    CHECK(records("a,b,c\n") == std::vector<std::vector<std::string>>{{"a", "b", "c"}});
    CHECK(records("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\r\nlast,,\n") ==
          std::vector<std::vector<std::string>>{{"a,b", "say \"hi\"", "x\ny"}, {"last", "", ""}});
    CHECK(records("no newline at the end") == std::vector<std::vector<std::string>>{{"no newline at the end"}});
    CHECK(records("a,\n\n\r\nb\n\n") == std::vector<std::vector<std::string>>{{"a", ""}, {"b"}});
    CHECK(records("\"\"\n") == std::vector<std::vector<std::string>>{{""}});
    CHECK(records("").empty());
    CsvReader reader("h\n\"two\nlines\"\nthird\n");
    std::vector<std::string> row;
    REQUIRE(reader.next(row));
    CHECK(reader.line() == 1);
    REQUIRE(reader.next(row));
    CHECK(reader.line() == 2);
    REQUIRE(reader.next(row));
    CHECK(reader.line() == 4);  // the quoted line break counts
}

TEST_CASE("csv: malformed records name their line") {
    CHECK_THAT(csv_error("ok\n\"never closed\n"), Equals("line 2: a quoted field is not closed before the end of the file"));
    CHECK_THAT(csv_error("ok\n\"closed\"then,more\n"), Contains("line 2: text after the closing quote"));
    CHECK_THAT(csv_error("ok\nbare \"quote\n"), Contains("line 2: a quote inside a field that does not start with one"));
    CHECK_THAT(csv_error("a\rb\n"), Contains("line 1: a carriage return outside quotes"));
}

TEST_CASE("utf-8: valid text passes, and the first bad byte is found") {
    CHECK(invalid_utf8_at("plain ascii") == std::string_view::npos);
    CHECK(invalid_utf8_at("ünïcödé 日本語 🧘") == std::string_view::npos);
    CHECK(invalid_utf8_at(std::string_view("ab\0c", 4)) == 2);       // NUL is not text
    CHECK(invalid_utf8_at("ab\xff") == 2);                           // never valid
    CHECK(invalid_utf8_at("\xc3") == 0);                             // cut short
    CHECK(invalid_utf8_at("\xc0\xaf") == 0);                         // overlong
    CHECK(invalid_utf8_at("\xed\xa0\x80") == 0);                     // a surrogate
    CHECK(invalid_utf8_at("\xf4\x90\x80\x80") == 0);                 // above U+10FFFF
    CHECK(invalid_utf8_at("ok \xe2\x82") == 3);
}

TEST_CASE("export then import into an empty store gives the same bytes, CSV and JSON, with hostile notes") {
    auto source = hostile_store();
    for (const auto format : {TransferFormat::Csv, TransferFormat::Json}) {
        const std::string first = exported(*source, format);
        auto copy = Store::open_in_memory();
        const auto count = import_into(*copy, first);
        CHECK(count.added == k_hostile_notes.size());
        CHECK(count.present == 0);
        CHECK(exported(*copy, format) == first);
        CHECK(exported(*copy, TransferFormat::Csv) == exported(*source, TransferFormat::Csv));
        // Imported again: every session is already there and nothing changes.
        const auto again = import_into(*copy, first);
        CHECK(again.added == 0);
        CHECK(again.present == k_hostile_notes.size());
        CHECK(exported(*copy, format) == first);
    }
    // JSON carries the holds themselves.
    auto copy = Store::open_in_memory();
    import_into(*copy, exported(*source, TransferFormat::Json));
    CHECK(exported(*copy, TransferFormat::Csv, ExportWhat::Holds) == exported(*source, TransferFormat::Csv, ExportWhat::Holds));
    CHECK(exported(*copy, TransferFormat::Json, ExportWhat::Holds) ==
          exported(*source, TransferFormat::Json, ExportWhat::Holds));
}

TEST_CASE("export: CLI.md's columns, UTC instants, oldest first, days filtered, running sessions left out") {
    auto store = hostile_store();
    {
        WriteTransaction t(*store);
        database(*store).exec("UPDATE sessions SET status = 'in_progress' WHERE note = 'plain'");
        t.commit();
    }
    const std::string csv = exported(*store, TransferFormat::Csv);
    CHECK(csv.starts_with(k_header));
    CHECK_THAT(csv, !Contains("plain"));
    CHECK_THAT(csv, Contains("00000001-0000-4000-8000-000000000001,2026-11-02,2026-11-02T07:00:00Z,2026-11-02T07:10:00Z,"
                             "600,default,completed,1,0,0,0,\"commas, and \"\"quotes\"\"\",manual\n"));
    CHECK_THAT(csv, Contains(",\"two\nlines\","));
    CHECK_THAT(csv, Contains(",\ttabs\tinside\t,"));  // a tab needs no quotes
    CHECK(csv.find("\r\n") == csv.find("windows\r\nline") + 7);  // the only CR LF is inside a note
    DayRange range;
    range.since = date::local_days{date::year{2026} / 11 / 3};
    range.until = date::local_days{date::year{2026} / 11 / 4};
    const auto some = records(exported(*store, TransferFormat::Csv, ExportWhat::Sessions, range));
    REQUIRE(some.size() == 3);
    CHECK(some[1][1] == "2026-11-03");
    CHECK(some[2][1] == "2026-11-04");
    CHECK(exported(*store, TransferFormat::Json, ExportWhat::Sessions, range) ==
          [&] {
              auto array = nlohmann::ordered_json::parse(exported(*store, TransferFormat::Json));
              nlohmann::ordered_json wanted = nlohmann::ordered_json::array();
              for (const auto& s : array)
                  if (s["date"] == "2026-11-03" || s["date"] == "2026-11-04") wanted.push_back(s);
              return wanted.dump(2) + "\n";
          }());
    auto empty = Store::open_in_memory();
    CHECK(exported(*empty, TransferFormat::Json) == "[]\n");
    CHECK(exported(*empty, TransferFormat::Csv, ExportWhat::Holds) == "session_uuid,date,exercise,side,rep,target_s,held_s\n");
}

TEST_CASE("import: a CSV row's hold totals are kept without the holds, and survive a JSON round trip") {
    auto store = Store::open_in_memory();
    auto row = k_good_row;
    row.replace(row.find(",0,0,fine"), 9, ",9,240,fine");
    import_into(*store, k_header + row);
    const std::string json = exported(*store, TransferFormat::Json);
    const auto object = nlohmann::json::parse(json)[0];
    CHECK(object["holds"] == nlohmann::json::array());
    CHECK(object["hold_seconds"] == 240);
    CHECK_THAT(exported(*store, TransferFormat::Csv), Contains(",9,240,fine,"));
    auto copy = Store::open_in_memory();
    import_into(*copy, json);
    CHECK(exported(*copy, TransferFormat::Json) == json);
}

TEST_CASE("import: a session's source is kept, an absent one becomes import, uuids are matched in any case") {
    auto store = Store::open_in_memory();
    const std::string row = k_good_row.substr(0, k_good_row.size() - 7) + "\n";  // source left empty
    REQUIRE(import_into(*store, k_header + row).added == 1);
    auto upper = k_good_row;
    for (std::size_t i = 0; i < 36; ++i) upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[i])));
    CHECK(import_into(*store, k_header + upper).present == 1);
    CHECK(database(*store).execAndGet("SELECT source FROM sessions").getString() == "import");
    CHECK(database(*store).execAndGet("SELECT zone FROM sessions").getString() == "UTC");
    auto other = Store::open_in_memory();
    import_into(*other, k_header + k_good_row);
    CHECK(database(*other).execAndGet("SELECT source FROM sessions").getString() == "manual");
    // A uuid twice in one file: the first one counts.
    auto twice = Store::open_in_memory();
    const auto count = import_into(*twice, k_header + k_good_row + k_good_row);
    CHECK(count.added == 1);
    CHECK(count.present == 1);
}

TEST_CASE("import refuses, naming the line or index, the field, the value and what is allowed") {
    const auto row_with = [](std::size_t column, const std::string& value) {
        std::vector<std::string> fields = records(k_good_row)[0];
        fields[column] = value;
        std::ostringstream out;
        write_csv_row(out, fields);
        return k_header + k_good_row + out.str();
    };
    CHECK(import_error(row_with(0, "not-a-uuid")) == "in line 3, uuid 'not-a-uuid': not a uuid; use 32 hexadecimal digits as 8-4-4-4-12");
    CHECK(import_error(row_with(1, "2026-02-30")) == "in line 3, date '2026-02-30': not a date; use YYYY-MM-DD");
    CHECK(import_error(row_with(2, "yesterday")) == "in line 3, started_at 'yesterday': not an ISO-8601 instant; use e.g. 2026-11-21T07:30:00Z");
    CHECK(import_error(row_with(3, "2026-11-20T06:00:00Z")) == "in line 3, ended_at '2026-11-20T06:00:00Z': earlier than started_at 2026-11-20T07:00:00Z");
    CHECK(import_error(row_with(4, "-5")) == "in line 3, duration_s '-5': not a whole number of seconds from 0 to 86400");
    CHECK_THAT(import_error(row_with(5, "my routine")), StartsWith("in line 3, routine 'my routine': not a routine name"));
    CHECK(import_error(row_with(6, "in_progress")) == "in line 3, status 'in_progress': not a status; use completed, partial or skipped");
    CHECK(import_error(row_with(7, "11")) == "in line 3, pain_before '11': not a pain rating; use a whole number from 0 (no pain) to 10 (worst)");
    CHECK(import_error(row_with(8, "NaN")) == "in line 3, pain_after 'NaN': not a pain rating; use a whole number from 0 (no pain) to 10 (worst)");
    CHECK(import_error(row_with(9, "1e3")) == "in line 3, holds '1e3': not a whole number of holds from 0 to 100000");
    CHECK(import_error(row_with(12, "robot")) == "in line 3, source 'robot': not a source; use guided, manual or import (or leave it empty)");
    CHECK(import_error(k_header + k_good_row + "a,b\n") == "in line 3: 2 fields; a sessions row has 13");
    CHECK(import_error(k_header + "\"open\n") == "in line 2: a quoted field is not closed before the end of the file");
    CHECK_THAT(import_error("a,b\n1,2\n"), StartsWith("in line 1: not a limber sessions CSV; its header must be uuid,date,"));
    CHECK_THAT(import_error("session_uuid,date,exercise,side,rep,target_s,held_s\n"), StartsWith("in line 1: this is a holds export"));
    CHECK(import_error("") == "in: empty; there is nothing to import");
    CHECK(import_error(" \n\r\n") == "in: empty; there is nothing to import");
    CHECK(import_error(k_header + "\xff\xfe") == "in line 2: not UTF-8 text (byte 111)");

    const auto session = nlohmann::json::parse(exported(*hostile_store(), TransferFormat::Json))[0];
    const auto json_with = [&](const std::string& pointer, const nlohmann::json& value) {
        nlohmann::json array = nlohmann::json::array({session, session});
        array[1][nlohmann::json::json_pointer(pointer)] = value;
        return array.dump();
    };
    CHECK(import_error(json_with("/status", "done")) == "in index 1, status 'done': not a status; use completed, partial or skipped");
    CHECK(import_error(json_with("/pain_before", 4.5)) == "in index 1, pain_before '4.5': not a whole number");
    CHECK(import_error(json_with("/uuid", 7)) == "in index 1, uuid '7': not a string");
    CHECK(import_error(json_with("/holds/1/held_s", -1)) == "in index 1, holds[1].held_s '-1': not a whole number of seconds from 0 to 86400");
    CHECK(import_error(json_with("/holds/0/side", "middle")) == "in index 1, holds[0].side 'middle': not a side; use left, right or nothing");
    CHECK(import_error(json_with("/hold_seconds", 1)) == "in index 1, hold_seconds '1': not the sum of the holds' held_s (38)");
    CHECK(import_error(json_with("/zone", "Mars/Olympus")) == "in index 1, zone 'Mars/Olympus': not a time zone this system knows (an IANA name such as Europe/Paris)");
    CHECK(import_error(json_with("/note", std::string("a\0b", 3))) == "in index 1, note 'a\\x00b': holds a control character; a note is text, with tabs and line breaks at most");
    CHECK(import_error("[1]") == "in index 0: not a session object");
    CHECK(import_error("{\"a\": 1}") == "in: not a JSON array of sessions");
    CHECK(import_error("[{\"duration_s\": 5e2026}]") == "in: not valid JSON (number overflow parsing '5e2026')");  // found by fuzzing
    CHECK(import_error("[\n{\"uuid\": }") == "in line 2: not valid JSON (unexpected '}'; expected '[', '{', or a literal)");
    // sessions are checked as they are read: the first problem in the file is the one named
    CHECK(import_error("[{\"uuid\": \"x\"}, {\"uuid\": }") ==
          "in index 0, uuid 'x': not a uuid; use 32 hexadecimal digits as 8-4-4-4-12");
    const std::string good = "[" + session.dump();
    CHECK(import_error(good + ", []]") == "in index 1: not a session object");
    CHECK(import_error(good + ", [" + session.dump() + "]]") == "in index 1: not a session object");
    CHECK(import_error(good + ", 5]") == "in index 1: not a session object");
    CHECK(import_error(good + ", ") == "in line 1: not valid JSON (unexpected end of input; expected '[', '{', or a literal)");
    CHECK_THROWS_WITH(read_import("\"x\"", TransferFormat::Json, "in", "UTC", at("2026-11-21T08:00:00Z")),
                      "in: not a JSON array of sessions");
    CHECK(import_error("{\"sessions\": [" + session.dump() + "]}") == "in: not a JSON array of sessions");
}
