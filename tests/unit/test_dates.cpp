// Unit tests: the date grammar, times of day, day attribution (day_start, DST, travel).
#include <limber/time/dates.hpp>
#include <limber/util/error.hpp>

#include <catch2/catch.hpp>

using namespace limber;
using namespace date::literals;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;

namespace {

Day day(date::year_month_day ymd) { return Day{ymd}; }

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(no error)";
}

Instant at(const char* iso) { return *parse_instant(iso); }

const Zone& zone(const char* name) { return *find_zone(name); }

}  // namespace

TEST_CASE("parse_day: words, weekdays and N days ago relative to today") {
    const Day today = day(2026_y / 11 / 21);  // a Saturday
    CHECK(parse_day("today", today, "--date") == today);
    CHECK(parse_day("TODAY", today, "--date") == today);
    CHECK(parse_day("yesterday", today, "--date") == day(2026_y / 11 / 20));
    CHECK(parse_day("saturday", today, "--date") == today);  // today included
    CHECK(parse_day("sat", today, "--date") == today);
    CHECK(parse_day("friday", today, "--date") == day(2026_y / 11 / 20));
    CHECK(parse_day("sunday", today, "--date") == day(2026_y / 11 / 15));
    CHECK(parse_day("Mon", today, "--date") == day(2026_y / 11 / 16));
    CHECK(parse_day("-0d", today, "--date") == today);
    CHECK(parse_day("-1d", today, "--date") == day(2026_y / 11 / 20));
    CHECK(parse_day("-365d", today, "--date") == day(2025_y / 11 / 21));
}

TEST_CASE("parse_day: ISO dates, month ends and leap days") {
    const Day today = day(2026_y / 11 / 21);
    CHECK(parse_day("2026-01-31", today, "--date") == day(2026_y / 1 / 31));
    CHECK(parse_day("2024-02-29", today, "--date") == day(2024_y / 2 / 29));
    CHECK(parse_day("2000-02-29", today, "--date") == day(2000_y / 2 / 29));
    CHECK(parse_day("2026-12-31", today, "--date") == day(2026_y / 12 / 31));
    CHECK_THAT(message_of([&] { parse_day("2026-02-29", today, "--date"); }),
               Equals("--date '2026-02-29': no such date (February 2026 has 28 days)"));
    CHECK_THAT(message_of([&] { parse_day("1900-02-29", today, "--date"); }),
               Equals("--date '1900-02-29': no such date (February 1900 has 28 days)"));
    CHECK_THAT(message_of([&] { parse_day("2026-02-30", today, "--date"); }),
               Equals("--date '2026-02-30': no such date (February 2026 has 28 days)"));
    CHECK_THAT(message_of([&] { parse_day("2026-04-31", today, "--since"); }),
               Equals("--since '2026-04-31': no such date (April 2026 has 30 days)"));
    CHECK_THAT(message_of([&] { parse_day("2026-13-01", today, "--date"); }),
               Equals("--date '2026-13-01': there is no month 13 (months run 01 to 12)"));
    CHECK_THAT(message_of([&] { parse_day("2026-00-10", today, "--date"); }),
               Equals("--date '2026-00-10': there is no month 00 (months run 01 to 12)"));
    CHECK_THAT(message_of([&] { parse_day("2026-11-00", today, "--date"); }),
               Equals("--date '2026-11-00': no such date (November 2026 has 30 days)"));
}

TEST_CASE("parse_day: anything else is a usage error quoting the value") {
    const Day today = day(2026_y / 11 / 21);
    for (const char* bad : {"", "tomorrow", "2026-1-5", "2026/11/21", "21-11-2026", "-d", "-1", "1d",
                            "-1.5d", "--1d", "+1d", "-1w", "20261121", "2026-11-21T00:00", " today",
                            "today ", "monday1", "-100001d", "-99999999999999999999d"}) {
        INFO(bad);
        CHECK_THROWS_AS(parse_day(bad, today, "--date"), UsageError);
    }
    CHECK_THAT(message_of([&] { parse_day("tomorrow", today, "--until"); }),
               Equals("--until 'tomorrow': not a date; use today, yesterday, YYYY-MM-DD, a weekday "
                      "(monday…sunday or mon…sun) or -Nd (N days ago)"));
    CHECK_THAT(message_of([&] { parse_day("-100001d", today, "--date"); }),
               Contains("-Nd takes a whole number of days from 0 to 100000"));
    CHECK_THAT(message_of([&] { parse_day("bad\x01value", today, "--date"); }),
               Contains("'bad\\x01value'"));
}

TEST_CASE("parse_time_of_day: HH:MM from 00:00 to 23:59") {
    using std::chrono::minutes;
    CHECK(parse_time_of_day("00:00", "--time") == minutes{0});
    CHECK(parse_time_of_day("7:05", "--time") == minutes{425});
    CHECK(parse_time_of_day("23:59", "--time") == minutes{1439});
    for (const char* bad : {"24:00", "25:00", "12:60", "12:5", "1200", "", ":", "12:", ":30", "-1:00",
                            "12:30:00", "123:00", "ab:cd", "12 :30", "+1:00"}) {
        INFO(bad);
        CHECK_THROWS_AS(parse_time_of_day(bad, "--time"), UsageError);
    }
    CHECK_THAT(message_of([] { parse_time_of_day("25:00", "--time"); }),
               Equals("--time '25:00': not a time of day; use HH:MM from 00:00 to 23:59"));
}

TEST_CASE("day_of: midnight and day_start") {
    using std::chrono::hours;
    using std::chrono::minutes;
    const auto& utc = zone("UTC");
    CHECK(day_of(at("2026-11-21T00:00:00Z"), utc, minutes{0}) == day(2026_y / 11 / 21));
    CHECK(day_of(at("2026-11-20T23:59:59Z"), utc, minutes{0}) == day(2026_y / 11 / 20));
    // with day_start 04:00, 01:30 belongs to the previous day, 04:00 to its own
    CHECK(day_of(at("2026-11-21T01:30:00Z"), utc, hours{4}) == day(2026_y / 11 / 20));
    CHECK(day_of(at("2026-11-21T03:59:59Z"), utc, hours{4}) == day(2026_y / 11 / 20));
    CHECK(day_of(at("2026-11-21T04:00:00Z"), utc, hours{4}) == day(2026_y / 11 / 21));
    // across a month end and a leap day
    CHECK(day_of(at("2024-03-01T02:00:00Z"), utc, hours{4}) == day(2024_y / 2 / 29));
    CHECK(day_of(at("2027-01-01T03:00:00Z"), utc, hours{4}) == day(2026_y / 12 / 31));
}

TEST_CASE("day_of: the local day depends on the zone in force (why the day is stored)") {
    using std::chrono::minutes;
    // 22:30 in New York on 20 November is already 21 November in Tokyo
    const Instant evening_in_new_york = at("2026-11-20T22:30:00-05:00");
    CHECK(day_of(evening_in_new_york, zone("America/New_York"), minutes{0}) == day(2026_y / 11 / 20));
    CHECK(day_of(evening_in_new_york, zone("Asia/Tokyo"), minutes{0}) == day(2026_y / 11 / 21));
}

TEST_CASE("day_of across DST changes in New York and London") {
    using std::chrono::hours;
    using std::chrono::minutes;
    const auto& ny = zone("America/New_York");
    // spring forward 2026-03-08 02:00 EST -> 03:00 EDT
    CHECK(day_of(at("2026-03-08T06:59:59Z"), ny, minutes{0}) == day(2026_y / 3 / 8));  // 01:59:59 EST
    CHECK(day_of(at("2026-03-08T07:00:00Z"), ny, minutes{0}) == day(2026_y / 3 / 8));  // 03:00 EDT
    CHECK(day_of(at("2026-03-08T04:30:00Z"), ny, minutes{0}) == day(2026_y / 3 / 7));  // 23:30 EST
    // fall back 2026-11-01 02:00 EDT -> 01:00 EST: both 01:30s are on 1 November
    CHECK(day_of(at("2026-11-01T05:30:00Z"), ny, minutes{0}) == day(2026_y / 11 / 1));
    CHECK(day_of(at("2026-11-01T06:30:00Z"), ny, minutes{0}) == day(2026_y / 11 / 1));
    // with day_start 04:00 on the short day
    CHECK(day_of(at("2026-03-08T07:30:00Z"), ny, hours{4}) == day(2026_y / 3 / 7));  // 03:30 EDT
    CHECK(day_of(at("2026-03-08T08:00:00Z"), ny, hours{4}) == day(2026_y / 3 / 8));  // 04:00 EDT
    const auto& london = zone("Europe/London");
    // 2026-03-29 01:00 GMT -> 02:00 BST; 2026-10-25 02:00 BST -> 01:00 GMT
    CHECK(day_of(at("2026-03-28T23:30:00Z"), london, minutes{0}) == day(2026_y / 3 / 28));
    CHECK(day_of(at("2026-03-29T23:30:00Z"), london, minutes{0}) == day(2026_y / 3 / 30));  // 00:30 BST
    CHECK(day_of(at("2026-10-25T23:30:00Z"), london, minutes{0}) == day(2026_y / 10 / 25));  // 23:30 GMT
}

TEST_CASE("instant_at: local times, day_start, DST gaps and overlaps") {
    using std::chrono::hours;
    using std::chrono::minutes;
    const auto& ny = zone("America/New_York");
    CHECK(instant_at(day(2026_y / 11 / 20), hours{7} + minutes{30}, minutes{0}, ny) ==
          at("2026-11-20T12:30:00Z"));
    // before day_start: the next calendar date, same limber day
    CHECK(instant_at(day(2026_y / 11 / 20), hours{1} + minutes{30}, hours{4}, ny) ==
          at("2026-11-21T06:30:00Z"));
    CHECK(day_of(instant_at(day(2026_y / 11 / 20), hours{1} + minutes{30}, hours{4}, ny), ny, hours{4}) ==
          day(2026_y / 11 / 20));
    // overlap: 01:30 happens twice on 2026-11-01; the earlier (EDT) one is chosen
    CHECK(instant_at(day(2026_y / 11 / 1), hours{1} + minutes{30}, minutes{0}, ny) ==
          at("2026-11-01T05:30:00Z"));
    // gap: 02:30 does not exist on 2026-03-08
    CHECK_THAT(message_of([&] { instant_at(day(2026_y / 3 / 8), hours{2} + minutes{30}, minutes{0}, ny); }),
               Equals("--time '02:30': 2026-03-08 02:30 does not exist in America/New_York (the clocks "
                      "jumped forward)"));
    try {
        instant_at(day(2026_y / 3 / 8), hours{2} + minutes{30}, minutes{0}, ny);
    } catch (const UsageError& e) {
        CHECK(e.hint() == "the first valid time that day is 03:00");
    }
    CHECK(instant_at(day(2026_y / 3 / 8), hours{3}, minutes{0}, ny) == at("2026-03-08T07:00:00Z"));
    const auto& london = zone("Europe/London");
    CHECK_THROWS_AS(instant_at(day(2026_y / 3 / 29), hours{1} + minutes{15}, minutes{0}, london), UsageError);
    CHECK(instant_at(day(2026_y / 10 / 25), hours{1} + minutes{15}, minutes{0}, london) ==
          at("2026-10-25T00:15:00Z"));
    // a leap day at midnight
    CHECK(instant_at(day(2024_y / 2 / 29), minutes{0}, minutes{0}, zone("UTC")) == at("2024-02-29T00:00:00Z"));
}

TEST_CASE("parse_iso_day and format_day round-trip") {
    CHECK(parse_iso_day("2024-02-29") == day(2024_y / 2 / 29));
    CHECK_FALSE(parse_iso_day("2023-02-29"));
    CHECK_FALSE(parse_iso_day("today"));
    CHECK(format_day(day(2026_y / 1 / 5)) == "2026-01-05");
    CHECK(format_time_of_day(std::chrono::minutes{65}) == "01:05");
}
