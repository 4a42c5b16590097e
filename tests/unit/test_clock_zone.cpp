// Unit tests: ISO-8601 instants ($LIMBER_NOW) and the choice of time zone.
#include <limber/clock.hpp>
#include <limber/error.hpp>
#include <limber/zone.hpp>

#include <catch2/catch.hpp>

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
