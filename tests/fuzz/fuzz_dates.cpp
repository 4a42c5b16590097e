// libFuzzer target: the date and time grammar (dates.hpp, parse_instant), the number grammar of
// the options (parse_int, whole_number_option, pain_option) and the arithmetic of limber days in
// real zones (day_of, instant_at, day_begins, time_of_day).
//
// The first byte chooses what is fuzzed; the rest is the text (or, for the zones, the numbers):
//   d  parse_day            t  parse_time_of_day   w  parse_weekday
//   i  parse_instant        s  parse_iso_day       n  the number options
//   z  a zone file (TZif) read by Zone::from_tzif, and its spans
//   anything else (the seeds use Z): the zone functions.
// A parser may refuse only with UsageError (or nullopt / false), in one line naming the option;
// what it accepts must be what CLI.md allows and must come back unchanged through the
// formatter. The zone functions must agree with one another.
#include "fuzz_check.hpp"

#include <limber/time/clock.hpp>
#include <limber/time/dates.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace limber;
using limber::fuzz::check;
using limber::fuzz::one_line;
using namespace std::chrono;

namespace {

const Day k_today = Day{date::year{2026} / 11 / 21};  // a Saturday

bool digits(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

/// A refusal: UsageError whose message is one line naming the option.
void check_refusal(const UsageError& e, std::string_view option) {
    check(one_line(e.what()), "a refusal is one line");
    check(std::string_view(e.what()).find(option) != std::string_view::npos, "a refusal names the option");
    check(e.hint().empty() || one_line(e.hint()), "a hint is one line");
}

/// Days from 0000-01-01 to 9999-12-31: what YYYY-MM-DD can name.
bool four_digit_year(Day day) {
    const date::year_month_day ymd{day};
    return ymd.year() >= date::year{0} && ymd.year() <= date::year{9999};
}

void fuzz_parse_day(std::string_view text) {
    Day day;
    try {
        day = parse_day(text, k_today, "--date");
    } catch (const UsageError& e) {
        check_refusal(e, "--date");
        return;
    }
    const std::string word = to_lower(text);
    if (word == "today") {
        check(day == k_today, "today");
    } else if (word == "yesterday") {
        check(day == k_today - date::days{1}, "yesterday");
    } else if (const auto weekday = parse_weekday(word)) {
        check(day <= k_today && day > k_today - date::days{7}, "a weekday is within the last 7 days");
        check(date::weekday{day}.c_encoding() == *weekday, "a weekday names its day");
    } else if (word.size() >= 3 && word.front() == '-' && word.back() == 'd') {
        const std::string n = word.substr(1, word.size() - 2);
        check(digits(n), "-Nd holds only digits");
        const auto back = (k_today - day).count();
        check(back >= 0 && back <= 100000, "-Nd is 0 to 100000 days back");
        check(n.find_first_not_of('0') == std::string::npos ? back == 0 : n.substr(n.find_first_not_of('0')) == std::to_string(back),
              "-Nd goes N days back");
    } else {
        check(format_day(day) == text, "a YYYY-MM-DD date is the day it names");
    }
    if (four_digit_year(day)) check(parse_day(format_day(day), k_today, "--date") == day, "format_day round-trips");
}

void fuzz_parse_time(std::string_view text) {
    TimeOfDay time;
    try {
        time = parse_time_of_day(text, "--time");
    } catch (const UsageError& e) {
        check_refusal(e, "--time");
        const auto colon = text.find(':');
        const bool shape = colon != std::string_view::npos && (colon == 1 || colon == 2) && text.size() == colon + 3 &&
                           digits(text.substr(0, colon)) && digits(text.substr(colon + 1));
        check(!shape || std::stoi(std::string(text.substr(0, colon))) > 23 || std::stoi(std::string(text.substr(colon + 1))) > 59,
              "a well-formed HH:MM in range is accepted");
        return;
    }
    check(time.count() >= 0 && time.count() < 24 * 60, "a time of day is 00:00 to 23:59");
    const std::string formatted = format_time_of_day(time);
    check(formatted == text || "0" + std::string(text) == formatted, "a time of day is the time it names");
    check(parse_time_of_day(formatted, "--time") == time, "format_time_of_day round-trips");
}

void fuzz_parse_weekday(std::string_view text) {
    const auto weekday = parse_weekday(text);
    if (!weekday) return;
    check(*weekday < 7, "a weekday is 0 to 6");
    const std::string word = to_lower(text);
    check(word == weekday_full_name(*weekday) || word == weekday_short_name(*weekday), "a weekday is its name");
    check(parse_weekday(weekday_title(*weekday)) == weekday, "weekday_title round-trips");
}

void fuzz_parse_instant(std::string_view text) {
    const auto at = parse_instant(text);
    if (!at) return;
    const auto day = date::floor<date::days>(*at);
    if (!four_digit_year(Day{day.time_since_epoch()})) return;  // an offset moved it out of 0000..9999
    const std::string formatted = format_instant(*at);
    check(parse_instant(formatted) == at, "format_instant round-trips");
    check(text.size() >= 16 && text.substr(0, 4).find_first_not_of("0123456789") == std::string_view::npos,
          "an instant starts with YYYY-MM-DDTHH:MM");
}

void fuzz_parse_iso_day(std::string_view text) {
    const auto day = parse_iso_day(text);
    if (!day) return;
    check(format_day(*day) == text, "parse_iso_day takes exactly YYYY-MM-DD");
}

/// The number options: a whole decimal number, no sign unless negatives are allowed, in range.
void fuzz_numbers(std::string_view text) {
    struct Range {
        long long min, max;
    };
    constexpr std::array<Range, 6> ranges = {{{0, 10}, {1, 600}, {5, 60}, {0, 100000}, {1, 999'999'999'999}, {-5, 5}}};
    const bool negative = !text.empty() && text.front() == '-';
    const std::string_view magnitude = negative ? text.substr(1) : text;
    const auto first_digit = magnitude.find_first_not_of('0');
    const std::string_view significant =
        first_digit == std::string_view::npos ? std::string_view("0") : magnitude.substr(first_digit);
    for (const auto& [min, max] : ranges) {
        long long value = 0;
        const bool parsed = parse_int(text, min, max, value);
        // the oracle: digits (with '-' only when negatives are allowed), and a value in range
        bool expected = digits(magnitude) && (!negative || min < 0) && significant.size() <= 18;
        long long want = 0;
        if (expected) {
            want = std::stoll(std::string(significant)) * (negative ? -1 : 1);
            expected = want >= min && want <= max;
        }
        check(parsed == expected, "parse_int takes a whole number in range, signed only when negatives are allowed");
        if (parsed) check(value == want, "parse_int gives the number written");
    }
    try {
        const int minutes = whole_number_option(text, "--minutes", 1, 600, "minutes");
        check(minutes >= 1 && minutes <= 600, "whole_number_option keeps to its range");
    } catch (const UsageError& e) {
        check_refusal(e, "--minutes");
    }
    try {
        const int pain = pain_option(text, "--pain-before");
        check(pain >= 0 && pain <= 10, "a pain rating is 0 to 10");
    } catch (const UsageError& e) {
        check_refusal(e, "--pain-before");
    }
}

/// A zone file of any bytes: refused, or a zone whose spans hold the instants they are asked for
/// and whose wall-clock times lead back to them.
void fuzz_tzif(std::string_view bytes) {
    const auto zone = Zone::from_tzif("Fuzz/Zone", bytes);
    if (!zone) return;
    for (const std::int64_t t : {std::int64_t{-5'000'000'000}, std::int64_t{0}, std::int64_t{1'800'000'000},
                                 std::int64_t{2'200'000'000}, std::int64_t{253'402'300'799}}) {
        const Instant at{seconds{t}};
        const ZoneSpan span = zone->span_at(at);
        check(span.begin <= at && at < span.end, "span_at(t) holds t");
        check(span.offset > -std::chrono::hours{26} && span.offset < std::chrono::hours{26}, "offsets are under a day");
        // the wall-clock time of `at` exists, and a unique one leads back to `at` (unless so many
        // changes crowd the day before it that the lookup, which reads 64 spans, stops short)
        const seconds wall = zone->to_local(at).time_since_epoch();
        std::size_t spans_before = 0;
        for (ZoneSpan s = zone->span_at(Instant{wall - hours{26}}); s.end <= span.begin && spans_before < 64;
             s = zone->span_at(s.end))
            ++spans_before;
        if (spans_before >= 64) continue;
        const LocalSpans local = zone->spans_at(zone->to_local(at));
        check(local.kind != LocalSpans::Kind::nonexistent, "the wall-clock time of an instant exists");
        check(local.kind != LocalSpans::Kind::unique || Instant{wall - local.first.offset} == at,
              "a unique wall-clock time leads back to its instant");
    }
}

/// Zones with the transitions that make day arithmetic hard: DST at 02:00 (Berlin, New York),
/// a half-hour shift (Lord Howe), DST at midnight (Sao Paulo, Havana), a quarter-hour offset
/// (Chatham), two breaks a year (Casablanca), none (UTC).
constexpr std::array<const char*, 8> k_zones = {"Europe/Berlin",    "America/New_York", "Australia/Lord_Howe", "UTC",
                                               "America/Sao_Paulo", "America/Havana",   "Pacific/Chatham",     "Africa/Casablanca"};
constexpr std::array<int, 6> k_day_starts = {0, 4 * 60, 2 * 60 + 30, 23 * 60 + 59, 60, 5 * 60 + 30};

bool ambiguous_at(Instant at, const Zone& zone) {
    return zone.spans_at(zone.to_local(at)).kind == LocalSpans::Kind::ambiguous;
}

void fuzz_zones(FuzzedDataProvider& in) {
    static std::array<const Zone*, k_zones.size()> zones = [] {
        std::array<const Zone*, k_zones.size()> found{};
        for (std::size_t i = 0; i < k_zones.size(); ++i) found[i] = find_zone(k_zones[i]);
        return found;
    }();
    const Zone& zone = *zones[in.ConsumeIntegralInRange<std::size_t>(0, zones.size() - 1)];
    const TimeOfDay day_start{in.ConsumeBool() ? k_day_starts[in.ConsumeIntegralInRange<std::size_t>(0, k_day_starts.size() - 1)]
                                               : in.ConsumeIntegralInRange<int>(0, 24 * 60 - 1)};
    // 1900..2100; or, on request, next to one of the zone's transitions
    Day day{date::days{in.ConsumeIntegralInRange<int>(-25567, 47482)}};
    if (in.ConsumeBool()) {
        const auto info = zone.span_at(date::sys_days{day.time_since_epoch()});
        if (info.end < Instant{date::sys_days{date::year{2200} / 1 / 1}})
            day = day_of(info.end, zone, day_start) + date::days{in.ConsumeIntegralInRange<int>(-1, 1)};
    }
    const TimeOfDay time{in.ConsumeIntegralInRange<int>(0, 24 * 60 - 1)};

    // instant_at: the instant on `day` at `time`, or a refusal for a time in a DST gap
    const Day calendar_day = time < day_start ? day + date::days{1} : day;
    const LocalSpans local_info = zone.spans_at(calendar_day + time);
    try {
        const Instant at = instant_at(day, time, day_start, zone);
        check(local_info.kind != LocalSpans::Kind::nonexistent, "instant_at refuses a time in a DST gap");
        check(day_of(at, zone, day_start) == day, "day_of(instant_at(day, t)) == day");
        check(time_of_day(at, zone) == time, "time_of_day(instant_at(day, t)) == t");
        if (local_info.kind == LocalSpans::Kind::ambiguous)
            check(at == Instant{(calendar_day + time).time_since_epoch()} - local_info.first.offset,
                  "instant_at takes the earlier of two");
        check(day_begins(day, day_start, zone) <= at, "a day begins before its instants");
        check(at < day_begins(day + date::days{1}, day_start, zone), "a day ends before the next one's instants");
    } catch (const UsageError& e) {
        check(local_info.kind == LocalSpans::Kind::nonexistent, "instant_at refuses only a time in a DST gap");
        check_refusal(e, "--time");
    }

    // day_begins: the first instant of the day, and the last second before it is the day before
    const Instant begins = day_begins(day, day_start, zone);
    check(day_of(begins, zone, day_start) == day, "day_of(day_begins(day)) == day");
    check(day_of(begins - seconds{1}, zone, day_start) == day - date::days{1}, "the second before a day is the day before");

    // day_of of any instant of 0000..9999 (imports carry such instants)
    const Instant at{seconds{in.ConsumeIntegralInRange<std::int64_t>(-62'167'219'200, 253'402'300'799)}};
    const Day of = day_of(at, zone, day_start);
    const TimeOfDay clock = time_of_day(at, zone);
    check(clock.count() >= 0 && clock.count() < 24 * 60, "time_of_day is 00:00 to 23:59");
    const date::year_month_day ymd{of};
    if (ymd.year() > date::year{1} && ymd.year() < date::year{9998}) {
        check(day_begins(of, day_start, zone) <= at, "an instant is not before its day begins");
        // in a repeated hour a local time before day_start can come after the day began
        if (!ambiguous_at(at, zone))
            check(at < day_begins(of + date::days{1}, day_start, zone), "an instant is before the next day begins");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0]) {
    case 'd':
        fuzz_parse_day(text);
        break;
    case 't':
        fuzz_parse_time(text);
        break;
    case 'w':
        fuzz_parse_weekday(text);
        break;
    case 'i':
        fuzz_parse_instant(text);
        break;
    case 's':
        fuzz_parse_iso_day(text);
        break;
    case 'n':
        fuzz_numbers(text);
        break;
    case 'z':
        fuzz_tzif(text);
        break;
    default: {
        FuzzedDataProvider in(data + 1, size - 1);
        fuzz_zones(in);
    }
    }
    return 0;
}
