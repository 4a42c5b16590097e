// Unit tests: ISO-8601 instants ($LIMBER_NOW) and the choice of time zone.
#include <limber/time/clock.hpp>
#include <limber/time/dates.hpp>
#include <limber/time/zone.hpp>
#include <limber/util/error.hpp>

#include <catch2/catch.hpp>
#include <date/date.h>

#include <string>
#include <vector>

using namespace limber;

TEST_CASE("parse_instant accepts Z and offsets, with or without seconds and fractions") {
    const Instant reference = *parse_instant("2026-11-21T07:30:00Z");
    CHECK(format_instant(reference) == "2026-11-21T07:30:00Z");
    CHECK(parse_instant("2026-11-21T07:30Z") == reference);
    CHECK(parse_instant("2026-11-21T07:30:00.999Z") == reference);
    CHECK(parse_instant("2026-11-21T08:30:00+01:00") == reference);
    CHECK(parse_instant("2026-11-21T08:30:00+0100") == reference);
    CHECK(parse_instant("2026-11-21T02:30:00-05:00") == reference);
    CHECK(parse_instant("2026-11-21 07:30:00Z") == reference);
    CHECK(parse_instant("2026-11-21t07:30:00z") == reference);
    CHECK(format_instant(*parse_instant("2024-02-29T23:59:59Z")) == "2024-02-29T23:59:59Z");
    CHECK(format_instant(*parse_instant("2026-01-01T00:30:00+01:00")) == "2025-12-31T23:30:00Z");
}

TEST_CASE("format_instant and format_day spell what date::format spells, and read back") {
    using namespace std::chrono;
    // Every day of 1899..2101, of years 0..1 and 9998..9999, and a few days outside four-digit
    // years (where date's own spelling is kept); each with a second of the day that walks them all.
    std::vector<date::sys_days> days;
    const auto add_years = [&days](int from, int to) {
        for (date::sys_days d{date::year{from} / 1 / 1}; d <= date::sys_days{date::year{to} / 12 / 31};
             d += date::days{1})
            days.push_back(d);
    };
    add_years(1899, 2101);
    add_years(0, 1);
    add_years(9998, 9999);
    for (int y : {-1, -1000, 10000, 12345})
        for (unsigned m : {1u, 2u, 12u}) days.push_back(date::sys_days{date::year{y} / date::month{m} / 1});
    long second = 0;
    for (const auto d : days) {
        const Day local{d.time_since_epoch()};
        REQUIRE(format_day(local) == date::format("%F", local));
        const Instant at = d + seconds{second};
        const std::string text = format_instant(at);
        REQUIRE(text == date::format("%Y-%m-%dT%H:%M:%SZ", at));
        const int year = static_cast<int>(date::year_month_day{d}.year());
        if (year >= 0 && year <= 9999) REQUIRE(parse_instant(text) == at);
        second = (second + 7919) % 86400;  // a prime step: every hour, minute and second comes round
    }
    CHECK(format_instant(date::sys_days{date::year{2026} / 12 / 1} + seconds{86399}) == "2026-12-01T23:59:59Z");
    CHECK(format_instant(Instant{}) == "1970-01-01T00:00:00Z");
    CHECK(format_instant(Instant{seconds{-1}}) == "1969-12-31T23:59:59Z");
}

TEST_CASE("parse_instant rejects anything that is not a whole instant") {
    for (const char* bad : {"", "now", "2026-11-21", "2026-11-21T07:30:00", "2026-11-21T07:30:00+1",
                            "2026-02-30T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T07:60:00Z",
                            "2026-11-21T07:30:61Z", "2026-11-21T07:30:00Zjunk", "2026-11-21T07:30:00.Z",
                            "2026-13-01T00:00:00Z", "1763710200"}) {
        INFO(bad);
        CHECK_FALSE(parse_instant(bad));
    }
}

TEST_CASE("resolve_zone: --tz wins over TZ, TZ may start with ':', unknown zones are usage errors") {
    CHECK(resolve_zone(std::string("Asia/Tokyo"), std::string("Europe/London")).name() == "Asia/Tokyo");
    CHECK(resolve_zone(std::nullopt, std::string("Europe/London")).name() == "Europe/London");
    CHECK(resolve_zone(std::nullopt, std::string(":America/New_York")).name() == "America/New_York");
    try {
        resolve_zone(std::string("Mars/Olympus"), std::nullopt);
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "--tz 'Mars/Olympus': unknown time zone");
        CHECK(e.hint().find("IANA") != std::string::npos);
    }
    try {
        resolve_zone(std::nullopt, std::string("Nowhere/City"));
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "TZ 'Nowhere/City': unknown time zone");
    }
    CHECK_THROWS_AS(resolve_zone(std::string(""), std::nullopt), UsageError);
}

TEST_CASE("FixedClock returns its instant") {
    const Instant at = *parse_instant("2026-03-08T07:00:00Z");
    FixedClock clock(at);
    CHECK(clock.now() == at);
}
