// End-to-end: limber export, import and backup — read back by independent readers (Python's
// csv and jsonschema), atomic files, all-or-nothing imports, and flat memory on a long history.
#include "refusals.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace fs = std::filesystem;
using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

const std::string k_hostile = "gym, with \"Sam\"\nthen\ttea\r\n=1+1 · ünïcödé 🧘 '; DROP TABLE sessions; --";

/// A routine and three sessions: a hostile note, a skip, a partial.
void make_history(const Limber& limber) {
    must(limber.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-01T12:00:00Z"}}));
    must(limber.run({"log", "--date", "2026-11-19", "--time", "07:00", "--minutes", "11", "--pain-before", "5",
                     "--pain-after", "3", "--note", k_hostile, "-q"}));
    must(limber.run({"log", "--skip", "--date", "2026-11-20", "--reason", "flu", "-q"}));
    must(limber.run({"log", "--time", "07:00", "--minutes", "4", "--partial", "-q"}));
}

/// Two holds on the first session, as a guided session stores them.
void add_holds(const Limber& limber) {
    SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE);
    db.exec(R"(INSERT INTO holds (session_id, seq, item, exercise, side, rep, target_s, held_s, ended_at)
               SELECT min(id), 0, 1, 'standing-hamstring', 'left', 1, 20, 20, 1795158000 FROM sessions;
               INSERT INTO holds (session_id, seq, item, exercise, side, rep, target_s, held_s, ended_at)
               SELECT min(id), 1, 1, 'standing-hamstring', 'right', 1, 20, 17, 1795158030 FROM sessions;)");
}

/// Runs `python3 -c script args…` and returns what it prints; fails the test when it fails.
std::string python(const std::string& script, const std::vector<std::string>& args) {
    const Result r = run_python(script, args);
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

int count_sessions(const Limber& limber) {
    SQLite::Database db(limber.db().string());
    return db.execAndGet("SELECT count(*) FROM sessions").getInt();
}

/// The files in a folder, by name.
std::vector<std::string> files_in(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

/// Peak resident memory (KiB) of `limber args…` with stdout thrown away.
long peak_memory_kib(const Limber& limber, const std::vector<std::string>& args) {
    auto prepared = limber.prepare(args, {});
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::execve(prepared.argv[0], prepared.argv.data(), prepared.envp.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    REQUIRE(::wait4(pid, &status, 0, &usage) == pid);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return usage.ru_maxrss;
}

/// `n` daily sessions from 1900-01-01 with three holds each, written straight into the database.
void many_sessions(const Limber& limber, int n) {
    must(limber.run({"config", "list"}));  // creates the database
    SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE);
    db.exec(fmt::format(R"(
        BEGIN;
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {})
        INSERT INTO sessions (uuid, routine, day, started_at, ended_at, duration_s, zone, status, pain_before,
                              pain_after, note, source, created_at)
        SELECT printf('%08x-0000-4000-8000-000000000000', i), 'default', date('1900-01-01', '+' || i || ' days'),
               unixepoch(date('1900-01-01', '+' || i || ' days')) + 25200,
               unixepoch(date('1900-01-01', '+' || i || ' days')) + 25800, 600, 'UTC', 'completed',
               i % 11, (i + 3) % 11, 'note ' || i, 'manual', 0
        FROM n;
        INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s)
        SELECT id, k, 'standing-hamstring', CASE k WHEN 0 THEN 'left' WHEN 1 THEN 'right' ELSE '' END, 1, 30, 25 + k
        FROM sessions, (SELECT 0 AS k UNION SELECT 1 UNION SELECT 2);
        COMMIT;)", n - 1));
}

}  // namespace

TEST_CASE("export: Python's csv module reads back every field, hostile notes included") {
    Limber limber;
    make_history(limber);
    const auto r = limber.run({"export"});
    must(r);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, StartsWith("uuid,date,started_at,ended_at,duration_s,routine,status,pain_before,pain_after,"
                                 "holds,hold_seconds,note,source\n"));
    const fs::path file = limber.dir() / "sessions.csv";
    write_file(file, r.out);
    const auto parsed = json::parse(python(
        "import csv, json, sys\n"
        "rows = list(csv.DictReader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))\n"
        "print(json.dumps(rows))",
        {file.string()}));
    REQUIRE(parsed.size() == 3);
    CHECK(parsed[0]["note"] == k_hostile);
    CHECK(parsed[0]["date"] == "2026-11-19");
    CHECK(parsed[0]["started_at"] == "2026-11-19T07:00:00Z");
    CHECK(parsed[0]["ended_at"] == "2026-11-19T07:11:00Z");
    CHECK(parsed[0]["pain_before"] == "5");
    CHECK(parsed[1]["status"] == "skipped");
    CHECK(parsed[1]["note"] == "flu");
    CHECK(parsed[1]["pain_before"] == "");
    CHECK(parsed[2]["status"] == "partial");
    CHECK(parsed[2]["source"] == "manual");
    // Lines end in LF; the only CR is the one inside the note.
    CHECK(std::count(r.out.begin(), r.out.end(), '\r') == 1);
}

TEST_CASE("export --format json (sessions and holds) is valid against the JSON Schemas in schemas/") {
    Limber limber;
    make_history(limber);
    add_holds(limber);
    const auto sessions = limber.run({"export", "--format", "json"});
    const auto holds = limber.run({"export", "--format", "json", "--what", "holds"});
    must(sessions);
    must(holds);
    CHECK(json::parse(holds.out).size() > 0);
    write_file(limber.dir() / "sessions.json", sessions.out);
    write_file(limber.dir() / "holds.json", holds.out);
    const fs::path schemas = fs::path(LIMBER_SOURCE_DIR) / "schemas";
    const std::string check =
        "import json, sys, jsonschema\n"
        "for schema, doc in zip(sys.argv[1::2], sys.argv[2::2]):\n"
        "    jsonschema.Draft202012Validator.check_schema(json.load(open(schema)))\n"
        "    jsonschema.validate(json.load(open(doc)), json.load(open(schema)), cls=jsonschema.Draft202012Validator)\n"
        "    print(\"ok\")";
    CHECK(python(check, {(schemas / "export-sessions.schema.json").string(), (limber.dir() / "sessions.json").string(),
                         (schemas / "export-holds.schema.json").string(), (limber.dir() / "holds.json").string()}) ==
          "ok\nok\n");
    // history --json is the same objects plus id.
    write_file(limber.dir() / "history.json", limber.run({"history", "--json"}).out);
    CHECK(python(check, {(schemas / "export-sessions.schema.json").string(), (limber.dir() / "history.json").string()}) == "ok\n");
    // A document that breaks the schema is caught (the check can fail).
    auto broken = json::parse(sessions.out);
    broken[0]["status"] = "done";
    write_file(limber.dir() / "broken.json", broken.dump());
    const std::string command = "python3 -c '" + check + "' " + (schemas / "export-sessions.schema.json").string() + " " +
                                (limber.dir() / "broken.json").string() + " >/dev/null 2>&1";
    CHECK(std::system(command.c_str()) != 0);
}

TEST_CASE("export -o replaces the file whole, leaves no temporary file, and refuses a missing folder") {
    Limber limber;
    make_history(limber);
    const fs::path out_dir = limber.dir() / "out";
    fs::create_directory(out_dir);
    const fs::path target = out_dir / "sessions.csv";
    write_file(target, "old content\n");
    const auto r = limber.run({"export", "-o", target.string(), "--since", "2026-11-20"});
    must(r);
    CHECK(r.out.empty());
    CHECK(r.err == "Exported 2 sessions to " + target.string() + ".\n");
    CHECK(read_file(target) == limber.run({"export", "--since", "2026-11-20"}).out);
    CHECK(files_in(out_dir) == std::vector<std::string>{"sessions.csv"});
    CHECK(limber.run({"export", "-q", "-o", target.string()}).err.empty());

    const auto missing = limber.run({"export", "-o", (limber.dir() / "nowhere" / "x.csv").string()});
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, StartsWith("limber: error: -o '" + (limber.dir() / "nowhere").string() +
                                       "': cannot write in that folder"));
    CHECK_FALSE(fs::exists(limber.dir() / "nowhere"));
}

TEST_CASE("export -o writes through a symbolic link and into a pipe without replacing them") {
    Limber limber;
    make_history(limber);
    const std::string expected = limber.run({"export"}).out;
    const fs::path real = limber.dir() / "real.csv";
    const fs::path link = limber.dir() / "link.csv";
    write_file(real, "old\n");
    fs::create_symlink(real, link);
    must(limber.run({"export", "-q", "-o", link.string()}));
    CHECK(fs::is_symlink(link));
    CHECK(read_file(real) == expected);

    // The reading end is opened first (without blocking) so that the test cannot hang.
    const fs::path fifo = limber.dir() / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const int reading = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reading >= 0);
    must(limber.run({"export", "-q", "-o", fifo.string()}));
    std::string received(expected.size() + 100, '\0');
    const ssize_t n = ::read(reading, received.data(), received.size());
    ::close(reading);
    received.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    CHECK(received == expected);
    CHECK(fs::is_fifo(fifo));
}

TEST_CASE("import: a file exported here gives the same bytes from an empty database, and again changes nothing") {
    Limber source;
    make_history(source);
    add_holds(source);
    for (const char* format : {"csv", "json"}) {
        INFO(format);
        const auto exported = source.run({"export", "--format", format});
        must(exported);
        const fs::path file = source.dir() / (std::string("export.") + format);
        write_file(file, exported.out);
        Limber copy;
        const auto first = copy.run({"import", file.string()});
        must(first);
        CHECK(first.out == "Imported 3 sessions from " + file.string() + "; 0 already present, left as they were.\n");
        CHECK(copy.run({"export", "--format", format}).out == exported.out);
        const auto again = copy.run({"import", "-", "--format", format}, {}, exported.out);
        must(again);
        CHECK(again.out == "Imported 0 sessions from stdin; 3 already present, left as they were.\n");
        CHECK(count_sessions(copy) == 3);
        CHECK(copy.run({"export", "--format", format}).out == exported.out);
    }
}

TEST_CASE("import --dry-run says what it would do and stores nothing") {
    Limber source;
    make_history(source);
    Limber copy;
    must(copy.run({"config", "list"}));
    const std::string before = read_file(copy.db());
    const auto r = copy.run({"import", "-", "--dry-run"}, {}, source.run({"export"}).out);
    must(r);
    CHECK(r.out == "Would import 3 sessions; 0 already present, left as they were.\n");
    CHECK(count_sessions(copy) == 0);
    CHECK(read_file(copy.db()) == before);
}

TEST_CASE("import from a pipe reads it to its end before it locks the database: a slow writer blocks no one") {
    Limber source;
    must(source.run({"plan", "--level", "beginner", "-q"}, {{"LIMBER_NOW", "2026-11-01T12:00:00Z"}}));
    must(source.run({"log", "--date", "2026-11-19", "--time", "07:00", "--minutes", "11", "--note", "fine", "-q"}));
    const std::string exported = source.run({"export"}).out;
    const auto header_end = exported.find('\n') + 1;
    const auto row_end = exported.find('\n', header_end) + 1;
    const std::string row = exported.substr(header_end + 36, row_end - header_end - 36);  // after its uuid
    std::string document = exported.substr(0, header_end);
    for (int i = 0; i < 4000; ++i) document += fmt::format("00000000-0000-4000-8000-{:012}", i) + row;
    // more than the 64 KiB a reader takes at a time, so that sessions could be stored from it
    const auto half = document.find('\n', document.size() / 2) + 1;
    REQUIRE(half > 2 * 65536);
    Limber copy;
    must(copy.run({"plan", "--level", "beginner"}));
    const fs::path fifo = copy.dir() / "incoming.csv";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto prepared = copy.prepare({"import", fifo.string()}, {});
    const pid_t importer = ::fork();
    REQUIRE(importer >= 0);
    if (importer == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::execve(prepared.argv[0], prepared.argv.data(), prepared.envp.data());
        ::_exit(127);
    }
    const int writer = ::open(fifo.c_str(), O_WRONLY);  // waits for the importer to open it
    REQUIRE(writer >= 0);
    REQUIRE(::write(writer, document.data(), half) == static_cast<ssize_t>(half));
    ::usleep(300'000);  // the importer has read the first sessions by now
    // another command writes meanwhile, without waiting out the busy timeout (exit 4)
    const auto logged = copy.run({"log", "--date", "today", "--minutes", "5", "-q"});
    CHECK(logged.exit_code == 0);
    CHECK(logged.err.empty());
    REQUIRE(::write(writer, document.data() + half, document.size() - half) == static_cast<ssize_t>(document.size() - half));
    ::close(writer);
    int status = 0;
    REQUIRE(::waitpid(importer, &status, 0) == importer);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(count_sessions(copy) == 4001);  // those imported and the one logged
}

TEST_CASE("import is all or nothing: a bad row deep in a large file stores none of it") {
    Limber limber;
    must(limber.run({"config", "list"}));
    std::string text =
        "uuid,date,started_at,ended_at,duration_s,routine,status,pain_before,pain_after,holds,hold_seconds,note,source\n";
    for (int i = 0; i < 20000; ++i)
        text += fmt::format("{:08x}-0000-4000-8000-000000000000,2026-01-01,2026-01-01T07:00:00Z,2026-01-01T07:10:00Z,"
                            "600,default,completed,{},3,0,0,row {},manual\n",
                            i, i == 14999 ? "eleven" : "5", i);
    const fs::path file = limber.dir() / "big.csv";
    write_file(file, text);
    const std::string before = read_file(limber.db());
    const auto r = limber.run({"import", file.string()});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "limber: error: " + file.string() +
                       " line 15001, pain_before 'eleven': not a pain rating; use a whole number from 0 (no pain) to "
                       "10 (worst)\n");
    CHECK(count_sessions(limber) == 0);
    CHECK(read_file(limber.db()) == before);
}

TEST_CASE("import refuses empty, binary and foreign files with exit 2 and changes nothing") {
    Limber limber;
    make_history(limber);
    const auto at = [&](const char* name, const std::string& bytes) {
        write_file(limber.dir() / name, bytes);
        return (limber.dir() / name).string();
    };
    const std::string empty = at("empty.csv", "");
    const std::string binary = at("binary.db", std::string("SQLite format 3\0\x10\x00", 19));
    const std::string foreign = at("bank.csv", "Date,Amount\n2026-11-01,12.50\n");
    const std::string holds = at("holds.csv", limber.run({"export", "--what", "holds"}).out);
    check_usage_errors(limber, {
        {{"import", empty}, "limber: error: " + empty + ": empty; there is nothing to import\n"},
        {{"import", binary}, "limber: error: " + binary + " line 1: not UTF-8 text (byte 16)\n"
                             "hint: import reads what 'limber export' writes: CSV or JSON in UTF-8\n"},
        {{"import", foreign}, "limber: error: " + foreign + " line 1: not a limber sessions CSV; its header must be "
                              "uuid,date,started_at,ended_at,duration_s,routine,status,pain_before,pain_after,holds,"
                              "hold_seconds,note,source\n"},
        {{"import", holds}, "limber: error: " + holds + " line 1: this is a holds export; import reads sessions exports\n"
                            "hint: export the sessions ('limber export --what sessions') or use --format json, which "
                            "carries the holds\n"},
        {{"import", (limber.dir() / "absent.csv").string()},
         "limber: error: FILE '" + (limber.dir() / "absent.csv").string() + "': cannot be read (No such file or directory)\n"},
        {{"import", empty, "--format", "xml"}, "limber: error: --format 'xml': not a format; use csv or json\n"},
        {{"export", "--what", "hold"}, "limber: error: --what 'hold': not a kind of row; use sessions or holds\n"
                                      "hint: did you mean 'holds'?\n"},
        {{"export", "--since", "2026-11-20", "--until", "2026-11-19"},
         "limber: error: --until '2026-11-19': 2026-11-19 is before --since 2026-11-20\n"},
    });
}

TEST_CASE("backup writes a consistent copy limber can read, and never overwrites") {
    Limber limber;
    make_history(limber);
    const fs::path copy = limber.dir() / "backup.db";
    const auto r = limber.run({"backup", copy.string()});
    must(r);
    CHECK(r.err == "Backed up " + limber.db().string() + " to " + copy.string() + ".\n");
    CHECK(limber.run({"history", "--json", "--db", copy.string()}).out == limber.run({"history", "--json"}).out);
    for (const auto& name : files_in(limber.dir().path())) CHECK_FALSE(name.starts_with(".backup.db."));  // no leftover
    const std::string kept = read_file(copy);
    const auto again = limber.run({"backup", copy.string()});
    CHECK(again.exit_code == 2);
    CHECK(again.err == "limber: error: FILE '" + copy.string() + "': already exists; backup does not overwrite\n"
                       "hint: choose a new name, or remove the old backup first\n");
    CHECK(read_file(copy) == kept);
}

TEST_CASE("import reads a JSON export one session at a time: no JSON tree of the whole file") {
    Limber source;
    many_sessions(source, 30000);
    const fs::path file = source.dir() / "sessions.json";
    must(source.run({"export", "--format", "json", "-o", file.string()}));
    const auto bytes = static_cast<long>(fs::file_size(file));
    Limber target;
    must(target.run({"config", "list"}));
    const long peak_kib = peak_memory_kib(target, {"import", "-q", file.string()});
    INFO("import of " << bytes / 1024 << " KiB of JSON: " << peak_kib << " KiB at the peak");
#ifndef LIMBER_SANITIZED
    // the text itself and the checked sessions; a JSON tree of it took seven times the text
    CHECK(peak_kib < 3 * bytes / 1024 + 8 * 1024);
#endif
    must(target.run({"export", "--format", "json", "-o", (target.dir() / "again.json").string()}));
    CHECK(read_file(target.dir() / "again.json") == read_file(file));
}

TEST_CASE("export of 100 000 sessions streams: memory stays flat as the history grows") {
    Limber small;
    many_sessions(small, 1000);
    Limber large;
    many_sessions(large, 100000);
    // Measured first: a child's peak counts the test process's own size at the fork.
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"export"}, {"export", "--format", "json"}, {"export", "--what", "holds"}}) {
        INFO(args.back());
        const long small_kib = peak_memory_kib(small, args);
        const long large_kib = peak_memory_kib(large, args);
        INFO("1 000 sessions: " << small_kib << " KiB, 100 000 sessions: " << large_kib << " KiB");
#ifdef LIMBER_SANITIZED
        WARN("peak memory is not measured under the sanitizers (their shadow memory is hundreds of MiB)");
#else
        CHECK(large_kib < 20 * 1024);
        CHECK(large_kib < small_kib + 4 * 1024);
#endif
    }
    // history --json lists the sessions, then writes one at a time with its holds: no JSON tree
    // of the whole history (it held 520 MiB for a century).
    const long history_kib = peak_memory_kib(large, {"history", "--json"});
    INFO("history --json of 100 000 sessions: " << history_kib << " KiB");
#ifndef LIMBER_SANITIZED
    CHECK(history_kib < 64 * 1024);
#endif
    const auto rows = large.run({"export", "--what", "holds"});
    must(rows);
    CHECK(std::count(rows.out.begin(), rows.out.end(), '\n') == 300001);
}
