// End-to-end, table-driven: every command gets malformed values for every option that takes one
// (numbers too large, NaN, empty strings, wrong date forms, SQL-looking strings, huge notes,
// terminal escapes, unknown zones and colours). Each is refused with its exit code, nothing on
// stdout, one `limber: error:` line naming the option (or what was not found) and at most one
// hint, and the database file byte for byte as it was.
#include "refusals.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

struct BadInput {
    std::vector<std::string> args;
    int exit_code;      ///< 2 usage, 3 not found, 4 storage
    std::string named;  ///< what the error line must name: the option, or the thing not found
};

const std::string k_huge(100'000, 'x');
const std::string k_sql = "x'; DROP TABLE sessions; --";

const std::vector<std::string> k_bad_numbers = {"1e999", "99999999999999999999", "-99999999999999999999", "NaN", "nan",
                                                "inf", "", "-1", "0x10", "1.5", " 5", "5 ", "+5", "٣", k_sql};
const std::vector<std::string> k_bad_dates = {"2026-02-30", "2026-13-01", "2025-02-29", "21/11/2026", "", "tomorrow",
                                              "-99999999999d", "2026-11-21T07:00", "9999-99-99", k_sql, k_huge};
const std::vector<std::string> k_bad_times = {"25:00", "24:00", "12:60", "7.30", "", "-1:00", "noon", "7:5", k_sql};
const std::vector<std::string> k_bad_pains = {"11", "-1", "NaN", "", "5.5", "1e1", "ten"};
const std::vector<std::string> k_bad_texts = {k_huge, "\x1b[2J\x1b[31mred", "bell\a", "bad\xff utf-8", "c1 \xc2\x9b control"};
const std::vector<std::string> k_bad_names = {"", k_sql, "a b", ".dot", std::string(65, 'r'), k_huge, "ünï", "../etc"};

/// `base` followed by `option value` for each value.
void each(std::vector<BadInput>& cases, const std::vector<std::string>& base, const std::string& option,
          const std::vector<std::string>& values, int exit_code = 2) {
    for (const auto& value : values) {
        auto args = base;
        args.push_back(option);
        args.push_back(value);
        cases.push_back({args, exit_code, option});
    }
}

/// `base` followed by each value as the positional argument `what` (NAME, ID, FILE).
void each_positional(std::vector<BadInput>& cases, const std::vector<std::string>& base, const std::string& what,
                     const std::vector<std::string>& values, const std::vector<std::string>& after = {}) {
    for (const auto& value : values) {
        auto args = base;
        args.push_back(value);
        args.insert(args.end(), after.begin(), after.end());
        cases.push_back({args, 2, what});
    }
}

std::vector<BadInput> bad_inputs() {
    std::vector<BadInput> c;
    // global options, before and after a command
    each(c, {}, "--tz", {"Mars/Olympus", "", "../../etc/passwd", "UTC; rm -rf ~", k_huge});
    for (auto& bad : c) bad.args.push_back("history");
    each(c, {"history"}, "--color", {"purple", "", "ALWAYS", k_sql});
    each(c, {"stats"}, "--db", {""});

    // plan
    const std::vector<std::string> plan = {"plan", "--level", "beginner"};
    each(c, {"plan"}, "--level", {"expert", "", k_sql, "BEGINNER "});
    each(c, plan, "--minutes", k_bad_numbers);
    each(c, plan, "--minutes", {"4", "61"});
    each(c, plan, "--age", k_bad_numbers);
    each(c, plan, "--age", {"0", "121"});
    each(c, plan, "--per-week", {"0", "8", "NaN", ""});
    each(c, plan, "--days", {"funday", "", "mon,,tue", k_sql});
    each(c, plan, "--constraint", {"flexible", "", "pregnant,'; DROP TABLE routines; --"});
    each(c, plan, "--equipment", {"trampoline", "", "strap,none"});
    each(c, plan, "--symptom", {"headache", ""});
    each_positional(c, plan, "NAME", k_bad_names);
    each_positional(c, {"plan", "show"}, "NAME", k_bad_names);
    each_positional(c, {"plan", "rm"}, "NAME", k_bad_names);
    for (const auto& command : {"stats", "start", "log", "due", "remind"})
        c.push_back({{command, "-dash"}, 2, "-dash"});  // taken for an option, and named as one

    // start (refused before anything starts)
    each(c, {"start"}, "--hold", k_bad_numbers);
    each(c, {"start"}, "--hold", {"0", "601"});
    each(c, {"start"}, "--rest", k_bad_numbers);
    each(c, {"start"}, "--pain-before", k_bad_pains);
    each(c, {"start"}, "--pain-after", k_bad_pains);
    each_positional(c, {"start"}, "NAME", k_bad_names);

    // log, and log --skip
    each(c, {"log"}, "--minutes", k_bad_numbers);
    each(c, {"log"}, "--minutes", {"0", "601"});
    each(c, {"log"}, "--pain-before", k_bad_pains);
    each(c, {"log"}, "--pain-after", k_bad_pains);
    each(c, {"log"}, "--date", k_bad_dates);
    each(c, {"log"}, "--date", {"2026-11-22", "2099-01-01"});  // the future
    each(c, {"log"}, "--time", k_bad_times);
    each(c, {"log"}, "--time", {"23:59"});  // later than now today
    each(c, {"log"}, "--note", k_bad_texts);
    each(c, {"log", "--skip"}, "--reason", k_bad_texts);
    each(c, {"log", "--skip"}, "--date", k_bad_dates);
    each_positional(c, {"log"}, "NAME", k_bad_names);

    // history, edit, rm
    each(c, {"history"}, "--limit", k_bad_numbers);
    each(c, {"history"}, "--limit", {"0"});
    each(c, {"history"}, "--since", k_bad_dates);
    each(c, {"history"}, "--until", k_bad_dates);
    each(c, {"history", "--since", "today"}, "--until", {"yesterday"});
    each(c, {"history"}, "--routine", k_bad_names);
    each(c, {"edit", "1"}, "--minutes", k_bad_numbers);
    each(c, {"edit", "1"}, "--pain-before", k_bad_pains);
    each(c, {"edit", "1"}, "--pain-after", k_bad_pains);
    each(c, {"edit", "1"}, "--date", k_bad_dates);
    each(c, {"edit", "1"}, "--time", k_bad_times);
    each(c, {"edit", "1"}, "--note", k_bad_texts);
    each(c, {"edit", "1"}, "--status", {"finished", "", "in_progress", "skipped", k_sql});
    each_positional(c, {"edit"}, "ID", {"", k_sql, "%", "_", "-1", "1.0", "abc", k_huge}, {"--minutes", "5"});
    each_positional(c, {"rm"}, "ID", {"", k_sql, "%", "_", "-1", "1.0", "abc", k_huge}, {"--yes"});
    c.push_back({{"edit", "99999999999999999999", "--minutes", "5"}, 3, "no session"});
    c.push_back({{"edit", "424242", "--minutes", "5"}, 3, "no session"});
    c.push_back({{"rm", "ffffffff", "--yes"}, 3, "no session"});

    // pause
    each(c, {"pause"}, "--from", k_bad_dates);
    each(c, {"pause", "--from", "today"}, "--to", k_bad_dates);
    each(c, {"pause", "--from", "today"}, "--to", {"yesterday"});
    each(c, {"pause", "--from", "today"}, "--reason", k_bad_texts);
    each_positional(c, {"pause", "rm"}, "ID", {"", k_sql, "-1", "1e999", "99999999999999999999"});
    c.push_back({{"pause", "rm", "4242"}, 3, "no pause"});

    // stats, due, remind
    each(c, {"stats"}, "--weeks", k_bad_numbers);
    each(c, {"stats"}, "--weeks", {"0", "5201"});
    each_positional(c, {"stats"}, "NAME", k_bad_names);
    each_positional(c, {"due"}, "NAME", k_bad_names);
    each_positional(c, {"remind"}, "NAME", k_bad_names);
    each(c, {"remind"}, "--crontab", k_bad_times);
    c.push_back({{"stats", "nosuchroutine"}, 3, "no routine"});
    c.push_back({{"due", "nosuchroutine"}, 3, "no routine"});
    c.push_back({{"plan", "show", "nosuchroutine"}, 3, "no routine"});

    // export, import, backup
    each(c, {"export"}, "--format", {"xml", "", "CSV ", k_sql});
    each(c, {"export"}, "--what", {"legs", "", k_sql});
    each(c, {"export"}, "--since", k_bad_dates);
    each(c, {"export"}, "--until", k_bad_dates);
    each(c, {"import", "-"}, "--format", {"xml", ""});
    each_positional(c, {"import"}, "FILE", {"", "no-such-file.csv", "no-such-folder/x.json"});
    each_positional(c, {"backup"}, "FILE", {"", "no-such-folder/copy.db"});

    // config and exercises
    each(c, {"config", "set"}, "day_start", {"25:00", "", "7.30", k_sql});
    each(c, {"config", "set"}, "week_start", {"tuesday", "", k_sql});
    each(c, {"config", "set"}, "default_routine", k_bad_names);
    each_positional(c, {"config", "get"}, "setting", {"", "nope", k_sql});
    each_positional(c, {"config", "set"}, "setting", {"nope", k_sql}, {"1"});
    each(c, {"exercises"}, "--position", {"sideways", "", k_sql});
    c.push_back({{"exercises", "show", "no-such-exercise"}, 3, "no exercise"});
    c.push_back({{"exercises", "show", k_sql}, 3, "no exercise"});
    return c;
}

}  // namespace

TEST_CASE("every command refuses malformed values: its exit code, one error line naming the option, the database untouched") {
    Limber limber;
    // A database with something to lose: a routine, a session (id 1), a pause and a setting.
    must(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}));
    must(limber.run({"log", "--minutes", "10", "--pain-before", "4", "--note", "before the table"}));
    must(limber.run({"pause", "--from", "2026-11-01", "--to", "2026-11-03", "--reason", "flu"}));
    must(limber.run({"config", "set", "day_start", "04:00"}));
    write_file(limber.dir() / "copy.db", "");  // backup refuses to overwrite a file
    const fs::path wal = limber.db().string() + "-wal";
    const std::string before = read_file(limber.db());
    REQUIRE_FALSE(before.empty());
    REQUIRE_FALSE(fs::exists(wal));  // every connection closed: the whole database is in the file

    const auto cases = bad_inputs();
    REQUIRE(cases.size() > 400);
    std::size_t checked = 0;
    for (const auto& bad : cases) {
        std::string shown;
        for (const auto& arg : bad.args) shown += " " + (arg.size() > 40 ? arg.substr(0, 40) + "…" : arg);
        INFO("limber" << shown);
        const auto r = limber.run(bad.args);
        CHECK(r.exit_code == bad.exit_code);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, StartsWith("limber: error: "));
        const auto lines = line_count(r.err);
        CHECK((lines == 1 || (lines == 2 && r.err.find("\nhint: ") != std::string::npos)));
        const std::string error_line = r.err.substr(0, r.err.find('\n'));
        CHECK_THAT(error_line, Contains(bad.named));
        CHECK(error_line.size() < 400);  // a huge value is cut short in the message
        for (const char c : r.err) CHECK((c != '\x1b' && c != '\a'));  // escapes never reach the terminal raw
        CHECK(read_file(limber.db()) == before);
        CHECK_FALSE(fs::exists(wal));
        ++checked;
    }
    CHECK(checked == cases.size());
    // the file is not only unchanged but still works
    const auto history = limber.run({"history", "--json"});
    must(history);
    CHECK_THAT(history.out, Contains("before the table"));
}

TEST_CASE("a database that is not limber's, or is damaged, is refused with exit 4 for every command, and left as it was") {
    Limber limber;
    const auto garbage = limber.dir() / "garbage.db";
    write_file(garbage, std::string(8192, 'x'));
    const auto other = limber.dir() / "other.db";
    REQUIRE(std::system(fmt::format("sqlite3 '{}' 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'", other.string()).c_str()) == 0);
    for (const auto& path : {garbage, other}) {
        const std::string before = read_file(path);
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"history"}, {"stats"}, {"log", "--minutes", "5"}, {"plan", "--level", "beginner"},
              {"export"}, {"due"}, {"remind"}, {"pause", "list"}, {"config", "list"}, {"backup", "b.db"}}) {
            auto with_db = args;
            with_db.insert(with_db.begin(), {"--db", path.string()});
            INFO(path.filename().string() << " " << args.front());
            const auto r = limber.run(with_db);
            CHECK(r.exit_code == 4);
            CHECK(r.out.empty());
            CHECK_THAT(r.err, StartsWith("limber: error: cannot use database " + path.string()));
            CHECK(line_count(r.err) <= 2);
            CHECK(read_file(path) == before);
        }
    }
}
