#include <limber/time/dates.hpp>

#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <array>
#include <cctype>

namespace limber {

using namespace std::chrono;

Day day_of(Instant at, const Zone& zone, TimeOfDay day_start) {
    const auto local = zone.to_local(at);
    return date::floor<date::days>(local - day_start);
}

Instant instant_at(Day day, TimeOfDay time, TimeOfDay day_start, const Zone& zone,
                   std::string_view option) {
    const Day calendar_day = time < day_start ? day + date::days{1} : day;
    const date::local_seconds local = calendar_day + time;
    const LocalSpans info = zone.spans_at(local);
    switch (info.kind) {
    case LocalSpans::Kind::unique:
        return Instant{local.time_since_epoch()} - info.first.offset;
    case LocalSpans::Kind::ambiguous:
        // DST overlap: the clock shows this time twice; the first (earlier) one is meant.
        return Instant{local.time_since_epoch()} - info.first.offset;
    case LocalSpans::Kind::nonexistent:
    default: {
        const auto first_valid = floor<minutes>(zone.to_local(info.first.end));
        throw UsageError(
            fmt::format("{} {}: {} {} does not exist in {} (the clocks jumped forward)", option,
                        quote(format_time_of_day(time)), format_day(calendar_day),
                        format_time_of_day(time), zone.name()),
            fmt::format("the first valid time that day is {}",
                        date::format("%H:%M", first_valid)));
    }
    }
}

Instant day_begins(Day day, TimeOfDay day_start, const Zone& zone) {
    const date::local_seconds local = day + day_start;
    const LocalSpans info = zone.spans_at(local);
    if (info.kind == LocalSpans::Kind::nonexistent) return info.first.end;
    return Instant{local.time_since_epoch()} - info.first.offset;
}

TimeOfDay time_of_day(Instant at, const Zone& zone) {
    const auto local = zone.to_local(at);
    return floor<minutes>(local - date::floor<date::days>(local));
}

namespace {

constexpr std::array<std::string_view, 7> k_weekdays = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

constexpr std::array<std::string_view, 12> k_month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

const char* const k_date_forms =
    "use today, yesterday, YYYY-MM-DD, a weekday (monday…sunday or mon…sun) or -Nd (N days ago)";

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

}  // namespace

std::optional<Day> parse_iso_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!all_digits(text.substr(0, 4)) || !all_digits(text.substr(5, 2)) ||
        !all_digits(text.substr(8, 2)))
        return std::nullopt;
    // Read digit by digit: stored days are parsed for every session of a history.
    const auto number = [&](std::size_t at, std::size_t digits) {
        unsigned n = 0;
        for (std::size_t i = at; i < at + digits; ++i) n = n * 10 + static_cast<unsigned>(text[i] - '0');
        return n;
    };
    const date::year_month_day ymd{date::year{static_cast<int>(number(0, 4))}, date::month{number(5, 2)},
                                   date::day{number(8, 2)}};
    if (!ymd.ok()) return std::nullopt;
    return Day{ymd};
}

Day parse_day(std::string_view text, Day today, std::string_view option) {
    const std::string word = to_lower(text);
    if (word == "today") return today;
    if (word == "yesterday") return today - date::days{1};

    if (const auto weekday = parse_weekday(word)) {
        const date::weekday wanted{*weekday};
        const date::weekday current{today};
        return today - (current - wanted);  // weekday difference is always 0..6 days
    }

    if (word.size() >= 3 && word.front() == '-' && word.back() == 'd') {
        long long n = 0;
        // up to about 270 years back; beyond that it is surely a typo
        if (parse_int(std::string_view(word).substr(1, word.size() - 2), 0, 100000, n))
            return today - date::days{n};
        throw UsageError(fmt::format("{} {}: -Nd takes a whole number of days from 0 to 100000",
                                     option, quote(text)));
    }

    // YYYY-MM-DD: say what is wrong with a well-formed but impossible date
    if (word.size() == 10 && word[4] == '-' && word[7] == '-' && all_digits(word.substr(0, 4)) &&
        all_digits(word.substr(5, 2)) && all_digits(word.substr(8, 2))) {
        if (auto day = parse_iso_day(word)) return *day;
        const int y = std::stoi(word.substr(0, 4));
        const unsigned m = static_cast<unsigned>(std::stoi(word.substr(5, 2)));
        if (m < 1 || m > 12)
            throw UsageError(
                fmt::format("{} {}: there is no month {:02} (months run 01 to 12)", option,
                            quote(text), m));
        const auto last = date::year_month_day_last{date::year{y}, date::month_day_last{date::month{m}}};
        throw UsageError(fmt::format("{} {}: no such date ({} {} has {} days)", option,
                                     quote(text), k_month_names[m - 1], y,
                                     static_cast<unsigned>(last.day())));
    }

    throw UsageError(fmt::format("{} {}: not a date; {}", option, quote(text), k_date_forms));
}

TimeOfDay parse_time_of_day(std::string_view text, std::string_view option) {
    const auto colon = text.find(':');
    long long hours_value = 0;
    long long minutes_value = 0;
    if (colon != std::string_view::npos && (colon == 1 || colon == 2) &&
        text.size() == colon + 3 && all_digits(text.substr(0, colon)) &&
        all_digits(text.substr(colon + 1)) &&
        parse_int(text.substr(0, colon), 0, 23, hours_value) &&
        parse_int(text.substr(colon + 1), 0, 59, minutes_value)) {
        return hours{hours_value} + minutes{minutes_value};
    }
    throw UsageError(
        fmt::format("{} {}: not a time of day; use HH:MM from 00:00 to 23:59", option, quote(text)));
}

std::optional<unsigned> parse_weekday(std::string_view text) {
    const std::string word = to_lower(text);
    for (unsigned i = 0; i < k_weekdays.size(); ++i)
        if (word == k_weekdays[i] || word == k_weekdays[i].substr(0, 3)) return i;
    return std::nullopt;
}

std::string_view weekday_short_name(unsigned weekday) { return k_weekdays.at(weekday % 7).substr(0, 3); }

std::string weekday_title(unsigned weekday) {
    std::string title(weekday_short_name(weekday));
    title[0] = static_cast<char>(title[0] - 'a' + 'A');
    return title;
}

std::string day_title(Day day) { return weekday_title(date::weekday{day}.c_encoding()) + " " + format_day(day); }

std::string_view weekday_full_name(unsigned weekday) { return k_weekdays.at(weekday % 7); }

std::string format_day(Day day) {
    const date::year_month_day ymd{day};
    const int year = static_cast<int>(ymd.year());
    // Exports and JSON print thousands of days: fmt, not a string stream and its locale per day.
    // Outside four-digit years, date's own spelling.
    if (year < 0 || year > 9999) return date::format("%F", day);
    return fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::string format_time_of_day(TimeOfDay time) {
    return fmt::format("{:02}:{:02}", time.count() / 60, time.count() % 60);
}

}  // namespace limber
