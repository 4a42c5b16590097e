// End-to-end: the command-line skeleton (help, version, unknown commands, global options).
#include "harness.hpp"

#include <catch2/catch.hpp>

#include <cstring>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

TEST_CASE("help lists every command with a summary and exits 0") {
    Limber limber;
    const auto r = limber.run({"--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("exercises") && Contains("List the built-in exercise library"));
    CHECK_THAT(r.out, Contains("config") && Contains("Read and change settings"));
    CHECK_THAT(r.out, Contains("--db") && Contains("--tz") && Contains("--color") && Contains("--quiet"));
    CHECK_THAT(r.out, Contains("Exit codes"));
    CHECK_FALSE(std::filesystem::exists(limber.db()));  // help touches no database
}

TEST_CASE("version option prints the version line") {
    Limber limber;
    const auto r = limber.run({"--version"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "limber 0.1.0\n");
}

TEST_CASE("an unknown command is a usage error that names the nearest command") {
    Limber limber;
    const auto r = limber.run({"exercsies"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "limber: error: unknown command 'exercsies'\nhint: did you mean 'exercises'?\n");
    CHECK_FALSE(std::filesystem::exists(limber.db()));
}

TEST_CASE("an unknown command far from every command points to --help") {
    Limber limber;
    const auto r = limber.run({"xyzzy"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "limber: error: unknown command 'xyzzy'\nhint: 'limber --help' lists the commands\n");
}

TEST_CASE("an unknown option is a usage error naming it") {
    Limber limber;
    const auto r = limber.run({"exercises", "--frobnicate"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("limber: error: ") && Contains("--frobnicate"));
    CHECK_THAT(r.err, Contains("hint: 'limber exercises --help' lists its options"));
}

TEST_CASE("global options are accepted before and after the command") {
    Limber limber;
    const auto other = limber.dir() / "other.db";
    const auto before = limber.run({"--db", other.string(), "config", "set", "week_start", "sunday"});
    REQUIRE(before.exit_code == 0);
    const auto after = limber.run({"config", "get", "week_start", "--db", other.string()});
    CHECK(after.exit_code == 0);
    CHECK(after.out == "sunday\n");
    CHECK_FALSE(std::filesystem::exists(limber.db()));  // LIMBER_DB was overridden both times
    const auto quiet = limber.run({"exercises", "-q", "--color", "never"});
    CHECK(quiet.exit_code == 0);
    CHECK_THAT(quiet.out, !Contains("exercises. 'limber exercises show ID'"));
}

TEST_CASE("the color option takes auto, always or never") {
    Limber limber;
    const auto bad = limber.run({"--color", "rainbow", "exercises"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, StartsWith("limber: error: --color: 'rainbow' is not allowed; use auto, always or never\n"));
    const auto always = limber.run({"exercises", "--color", "always"});
    CHECK(always.exit_code == 0);
    CHECK_THAT(always.out, Contains("\x1b[1m"));
    const auto piped = limber.run({"exercises"});  // stdout is a pipe: no colour
    CHECK_THAT(piped.out, !Contains("\x1b["));
    const auto no_color = limber.run({"exercises", "--color", "auto"}, {{"NO_COLOR", "1"}});
    CHECK_THAT(no_color.out, !Contains("\x1b["));
}

TEST_CASE("hostile arguments get one escaped error line in the order typed") {
    Limber limber;
    const auto escape = limber.run({"exercises", "--frob", "\x1b[31mred"});
    CHECK(escape.exit_code == 2);
    CHECK(escape.err == "limber: error: the following arguments were not expected: --frob \\x1b[31mred\n"
                        "hint: 'limber exercises --help' lists its options\n");
    const auto newline = limber.run({"exercises", "--frob\nx"});
    CHECK(newline.exit_code == 2);
    CHECK(line_count(newline.err) == 2);  // the error and its hint, no broken line
    const auto separator = limber.run({"exercises", "--", "show", "plank"});
    CHECK(separator.exit_code == 2);
    CHECK_THAT(separator.err, StartsWith("limber: error: the following arguments were not expected: show plank\n"));
}

TEST_CASE("empty global option values are usage errors, not swallowed words") {
    Limber limber;
    for (const char* option : {"--db=", "--tz=", "--color="}) {
        INFO(option);
        const auto r = limber.run({option, "config", "list"});
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, StartsWith(std::string("limber: error: ") + std::string(option).substr(0, std::strlen(option) - 1) + " needs a value"));
    }
    CHECK_FALSE(std::filesystem::exists(limber.db()));
}

TEST_CASE("an unknown --tz is a usage error even for a command that reads no time") {
    Limber limber;
    const auto r = limber.run({"--tz", "Mars/Olympus", "config", "list"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("limber: error: --tz: 'Mars/Olympus' is not a time zone; use an IANA name"));
    CHECK(limber.run({"config", "list", "--tz", "Asia/Tokyo"}).exit_code == 0);
}

TEST_CASE("empty filter values are usage errors") {
    Limber limber;
    CHECK(limber.run({"exercises", "--level", ""}).exit_code == 2);
    CHECK(limber.run({"exercises", "--position", ""}).exit_code == 2);
    const auto r = limber.run({"exercises", "--constraint", "pregnant,,no-floor"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("limber: error: --constraint '': not a constraint"));
}
