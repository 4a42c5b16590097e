// Unit tests: what the fuzz targets (tests/fuzz) found, each input also kept in
// tests/fuzz/regressions/TARGET.
#include <limber/app/app.hpp>
#include <limber/time/dates.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <unistd.h>

using namespace limber;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

/// A folder of this process's own under TMPDIR, removed at the end.
struct Folder {
    fs::path dir = fs::temp_directory_path() / ("limber-fuzz-regression-" + std::to_string(::getpid()));
    Folder() {
        fs::remove_all(dir);  // left by an earlier process of this pid
        fs::create_directories(dir);
    }
    ~Folder() { fs::remove_all(dir); }
};

struct Outcome {
    int code;
    std::string out;
    std::string err;
};

Outcome run_limber(const std::vector<std::string>& args, const fs::path& db) {
    Environment env;
    env.limber_db = db.string();
    env.tz = "UTC";
    env.limber_now = "2026-11-21T09:00:00Z";
    env.no_color = true;
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const int code = run(args, env, Streams{in, out, err});
    return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("fuzz regression (dates/number-minus-zero): a count takes no sign, not even -0") {
    long long n = 7;
    CHECK_FALSE(parse_int("-0", 0, 10, n));
    CHECK_FALSE(parse_int("-00", 1, 600, n));
    CHECK(n == 7);
    CHECK(parse_int("-0", -5, 5, n));  // where negatives are allowed, -0 is 0
    CHECK(n == 0);
    CHECK_THROWS_AS(pain_option("-0", "--pain-before"), UsageError);
    CHECK_THROWS_AS(whole_number_option("-0", "--rest", 0, 600, "seconds"), UsageError);
    const Day today{date::year{2026} / 11 / 21};
    CHECK_THROWS_AS(parse_day("--0d", today, "--date"), UsageError);
}

TEST_CASE("fuzz regression (cli/two-commands): one command a run, a second command word is refused") {
    Folder folder;
    const fs::path db = folder.dir / "limber.db";
    REQUIRE(run_limber({"plan", "--level", "beginner"}, db).code == 0);

    // before, CLI11 ran both: the backup was made, then the import failed
    const fs::path copy = folder.dir / "copy.db";
    const Outcome backup = run_limber({"backup", copy.string(), "import", "missing.csv"}, db);
    CHECK(backup.code == 2);
    CHECK_THAT(backup.err, Contains("not expected: import missing.csv"));
    CHECK_FALSE(fs::exists(copy));

    // and a session was removed and another logged by one command line
    REQUIRE(run_limber({"log", "--date", "yesterday"}, db).code == 0);
    CHECK(run_limber({"rm", "1", "--yes", "log"}, db).code == 2);
    CHECK_THAT(run_limber({"history"}, db).out, Contains("2026-11-20"));

    // the commands that have commands of their own take one of them
    CHECK(run_limber({"config", "list", "get", "day_start"}, db).code == 2);
    CHECK(run_limber({"pause", "list", "rm", "1"}, db).code == 2);
    CHECK(run_limber({"config"}, db).code == 2);  // still needs one
    CHECK(run_limber({"config", "get", "day_start"}, db).out == "00:00\n");
}
