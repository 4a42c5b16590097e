#include <limber/time/clock.hpp>
#include <limber/time/dates.hpp>

#include <date/date.h>
#include <fmt/format.h>

#include <cctype>
#include <string>

namespace limber {

Instant SystemClock::now() const {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

namespace {

/// Reads exactly `width` digits at `pos`; advances pos. Returns -1 when they are not digits.
int read_digits(std::string_view text, std::size_t& pos, std::size_t width) {
    if (pos + width > text.size()) return -1;
    int value = 0;
    for (std::size_t i = 0; i < width; ++i) {
        const char c = text[pos + i];
        if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
        value = value * 10 + (c - '0');
    }
    pos += width;
    return value;
}

bool expect(std::string_view text, std::size_t& pos, char wanted) {
    if (pos < text.size() && text[pos] == wanted) {
        ++pos;
        return true;
    }
    return false;
}

}  // namespace

std::optional<Instant> parse_instant(std::string_view text) {
    std::size_t pos = 0;
    const int year = read_digits(text, pos, 4);
    if (year < 0 || !expect(text, pos, '-')) return std::nullopt;
    const int month = read_digits(text, pos, 2);
    if (month < 0 || !expect(text, pos, '-')) return std::nullopt;
    const int day = read_digits(text, pos, 2);
    if (day < 0) return std::nullopt;
    if (!(expect(text, pos, 'T') || expect(text, pos, 't') || expect(text, pos, ' ')))
        return std::nullopt;
    const int hour = read_digits(text, pos, 2);
    if (hour < 0 || !expect(text, pos, ':')) return std::nullopt;
    const int minute = read_digits(text, pos, 2);
    if (minute < 0) return std::nullopt;
    int second = 0;
    if (expect(text, pos, ':')) {
        second = read_digits(text, pos, 2);
        if (second < 0) return std::nullopt;
        if (expect(text, pos, '.') || expect(text, pos, ',')) {
            const std::size_t start = pos;
            while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
            if (pos == start) return std::nullopt;
        }
    }
    const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                   date::day{static_cast<unsigned>(day)}};
    if (!ymd.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;

    int offset_minutes = 0;
    if (expect(text, pos, 'Z') || expect(text, pos, 'z')) {
        offset_minutes = 0;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos] == '-' ? -1 : 1;
        ++pos;
        const int off_hours = read_digits(text, pos, 2);
        expect(text, pos, ':');
        const int off_minutes = read_digits(text, pos, 2);
        if (off_hours < 0 || off_minutes < 0 || off_hours > 23 || off_minutes > 59)
            return std::nullopt;
        offset_minutes = sign * (off_hours * 60 + off_minutes);
    } else {
        return std::nullopt;  // an instant needs its offset
    }
    if (pos != text.size()) return std::nullopt;

    using namespace std::chrono;
    const sys_seconds local_as_utc = date::sys_days{ymd} + hours{hour} + minutes{minute} + seconds{second};
    return local_as_utc - minutes{offset_minutes};
}

std::string format_instant(Instant at) {
    const auto day = date::floor<date::days>(at);
    const int year = static_cast<int>(date::year_month_day{day}.year());
    // outside four-digit years, date's own spelling (its %Y, which differs there from format_day's %F)
    if (year < 0 || year > 9999) return date::format("%Y-%m-%dT%H:%M:%SZ", at);
    const auto second = (at - day).count();  // 0 .. 86399
    return fmt::format("{}T{:02}:{:02}:{:02}Z", format_day(Day{day.time_since_epoch()}), second / 3600,
                       second / 60 % 60, second % 60);
}

}  // namespace limber
