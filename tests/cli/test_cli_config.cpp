// End-to-end: limber config.
#include "refusals.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

TEST_CASE("config list shows the defaults of a new database") {
    Limber limber;
    const auto r = limber.run({"config", "list"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "day_start=00:00\nweek_start=monday\ndefault_routine=\nvoice=off\n");
    const auto j = nlohmann::json::parse(limber.run({"config", "list", "--json"}).out);
    CHECK(j == nlohmann::json{{"day_start", "00:00"}, {"week_start", "monday"}, {"default_routine", ""}, {"voice", "off"}});
}

TEST_CASE("config set stores a value in canonical form and get and unset read and reset it") {
    Limber limber;
    REQUIRE(limber.run({"config", "set", "day_start", "4:00"}).exit_code == 0);
    CHECK(limber.run({"config", "get", "day_start"}).out == "04:00\n");
    REQUIRE(limber.run({"config", "set", "week_start", "Sunday"}).exit_code == 0);
    CHECK(limber.run({"config", "get", "week_start"}).out == "sunday\n");
    REQUIRE(limber.run({"config", "set", "default_routine", "morning"}).exit_code == 0);
    CHECK(limber.run({"config", "get", "default_routine"}).out == "morning\n");
    REQUIRE(limber.run({"config", "unset", "day_start"}).exit_code == 0);
    CHECK(limber.run({"config", "get", "day_start"}).out == "00:00\n");
    CHECK(limber.run({"config", "list"}).out == "day_start=00:00\nweek_start=sunday\ndefault_routine=morning\nvoice=off\n");
}

TEST_CASE("config rejects bad keys and values with exit 2 and leaves the database as it was") {
    Limber limber;
    REQUIRE(limber.run({"config", "set", "day_start", "04:00"}).exit_code == 0);
    check_usage_errors(limber, {
        {{"config", "set", "day_start", "25:00"}, "limber: error: day_start '25:00': not a time of day; use HH:MM from 00:00 to 23:59\n"},
        {{"config", "set", "day_start", "4"}, "limber: error: day_start '4': not a time of day; use HH:MM from 00:00 to 23:59\n"},
        {{"config", "set", "day_start", ""}, "limber: error: day_start '': not a time of day; use HH:MM from 00:00 to 23:59\n"},
        {{"config", "set", "week_start", "friday"}, "limber: error: week_start 'friday': not allowed; use monday or sunday\n"},
        {{"config", "set", "default_routine", "my routine"}, "limber: error: default_routine 'my routine': not a routine name; use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit\n"},
        {{"config", "set", "default_routine", "x'; DROP TABLE settings; --"}, "limber: error: default_routine 'x\\'; DROP TABLE settings; --': not a routine name; use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit\n"},
        {{"config", "set", "colour", "red"}, "limber: error: unknown setting 'colour'; the settings are day_start, week_start, default_routine, voice\n"},
        {{"config", "set", "day-start", "05:00"}, "limber: error: unknown setting 'day-start'; the settings are day_start, week_start, default_routine, voice\nhint: did you mean 'day_start'?\n"},
        {{"config", "get", "weekstart"}, "limber: error: unknown setting 'weekstart'; the settings are day_start, week_start, default_routine, voice\nhint: did you mean 'week_start'?\n"},
        {{"config", "unset", "nope"}, "limber: error: unknown setting 'nope'; the settings are day_start, week_start, default_routine, voice\n"},
    });
    CHECK(limber.run({"config", "get", "day_start"}).out == "04:00\n");
}

TEST_CASE("config with a bad key creates no database") {
    Limber limber;
    CHECK(limber.run({"config", "set", "nope", "1"}).exit_code == 2);
    CHECK(limber.run({"config", "get", "nope"}).exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(limber.db()));
}

TEST_CASE("config without a subcommand is a usage error") {
    Limber limber;
    const auto r = limber.run({"config"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("limber: error: "));
}
