// Reading a compiled zone file (TZif, RFC 8536) and answering from it: the span an instant
// lies in, and what a local wall-clock time is. Past the last transition the file's footer
// (a POSIX TZ rule) takes over.
#include <limber/time/zone.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace limber {

using std::chrono::seconds;

namespace {

// The instants a zone answers for: about 17 000 years either side of 1970, far beyond any date
// limber accepts (years 0000 to 9999), and near enough that days and years computed from them
// fit date's int days and short years. Instants outside are taken as the nearest one inside.
constexpr std::int64_t k_far = std::int64_t{1} << 39;
constexpr Instant k_far_past{seconds{-k_far}};
constexpr Instant k_far_future{seconds{k_far}};
// More than any offset a zone has had (the largest is under 16 hours).
constexpr seconds k_max_offset{26 * 3600};

/// Big-endian fields of a TZif file, read front to back.
class Bytes {
public:
    explicit Bytes(std::string_view bytes) : m_bytes(bytes) {}
    bool has(std::size_t n) const { return m_bytes.size() - m_pos >= n; }
    std::string_view take(std::size_t n) {
        const auto out = m_bytes.substr(m_pos, n);
        m_pos += n;
        return out;
    }
    std::uint64_t number(std::size_t width) {
        std::uint64_t value = 0;
        for (const char c : take(width)) value = (value << 8) | static_cast<unsigned char>(c);
        return value;
    }
    std::int64_t signed_number(std::size_t width) {
        const std::uint64_t value = number(width);
        if (width == 8) return static_cast<std::int64_t>(value);
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
    }
    std::string_view rest() const { return m_bytes.substr(m_pos); }

private:
    std::string_view m_bytes;
    std::size_t m_pos = 0;
};

struct Header {
    char version = 0;
    std::uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

    std::uint64_t block_size(std::size_t time_size) const {
        return std::uint64_t{timecnt} * time_size + timecnt + std::uint64_t{typecnt} * 6 + charcnt +
               std::uint64_t{leapcnt} * (time_size + 4) + isstdcnt + isutcnt;
    }
};

std::optional<Header> read_header(Bytes& in) {
    if (!in.has(44) || in.take(4) != "TZif") return std::nullopt;
    Header h;
    h.version = in.take(1)[0];
    if (h.version != '\0' && (h.version < '2' || h.version > '9')) return std::nullopt;
    in.take(15);
    h.isutcnt = static_cast<std::uint32_t>(in.number(4));
    h.isstdcnt = static_cast<std::uint32_t>(in.number(4));
    h.leapcnt = static_cast<std::uint32_t>(in.number(4));
    h.timecnt = static_cast<std::uint32_t>(in.number(4));
    h.typecnt = static_cast<std::uint32_t>(in.number(4));
    h.charcnt = static_cast<std::uint32_t>(in.number(4));
    if (h.typecnt == 0 || h.typecnt > 256 || h.charcnt == 0 || (h.isutcnt != 0 && h.isutcnt != h.typecnt) ||
        (h.isstdcnt != 0 && h.isstdcnt != h.typecnt))
        return std::nullopt;
    return h;
}

// ---- the POSIX TZ rule --------------------------------------------------------------------

class RuleText {
public:
    explicit RuleText(std::string_view text) : m_text(text) {}
    bool done() const { return m_pos == m_text.size(); }
    bool next_is(char c) const { return !done() && m_text[m_pos] == c; }
    bool skip(char c) {
        if (!next_is(c)) return false;
        ++m_pos;
        return true;
    }

    /// "CET" (three letters or more) or "<+0330>" (three or more of letters, digits, + and -).
    std::optional<std::string> name() {
        std::string out;
        if (skip('<')) {
            while (!done() && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || next_is('+') || next_is('-')))
                out += m_text[m_pos++];
            if (!skip('>')) return std::nullopt;
        } else {
            while (!done() && std::isalpha(static_cast<unsigned char>(m_text[m_pos]))) out += m_text[m_pos++];
        }
        if (out.size() < 3) return std::nullopt;
        return out;
    }

    /// [+-]hh[:mm[:ss]] with hh up to `max_hours`, in seconds (a leading '-' negative).
    std::optional<seconds> clock_time(int max_hours) {
        const bool negative = skip('-');
        if (!negative) skip('+');
        const auto hours = digits(max_hours >= 100 ? 3 : 2, max_hours);
        if (!hours) return std::nullopt;
        int minutes = 0;
        int secs = 0;
        if (skip(':')) {
            const auto m = digits(2, 59);
            if (!m) return std::nullopt;
            minutes = *m;
            if (skip(':')) {
                const auto s = digits(2, 59);
                if (!s) return std::nullopt;
                secs = *s;
            }
        }
        const seconds value{*hours * 3600 + minutes * 60 + secs};
        return negative ? -value : value;
    }

    /// Jn, n or Mm.w.d, then an optional /time.
    std::optional<Zone::Rule::When> when() {
        using Form = Zone::Rule::When::Form;
        Zone::Rule::When w;
        if (skip('J')) {
            const auto n = digits(3, 365);
            if (!n || *n < 1) return std::nullopt;
            w.form = Form::julian_no_leap;
            w.day = *n;
        } else if (skip('M')) {
            const auto m = digits(2, 12);
            if (!m || *m < 1 || !skip('.')) return std::nullopt;
            const auto week = digits(1, 5);
            if (!week || *week < 1 || !skip('.')) return std::nullopt;
            const auto day = digits(1, 6);
            if (!day) return std::nullopt;
            w.form = Form::month_week_day;
            w.month = *m;
            w.week = *week;
            w.day = *day;
        } else {
            const auto n = digits(3, 365);
            if (!n) return std::nullopt;
            w.form = Form::zero_based;
            w.day = *n;
        }
        if (skip('/')) {
            const auto time = clock_time(167);
            if (!time) return std::nullopt;
            w.time = *time;
        }
        return w;
    }

private:
    /// One to `most` digits, at most `max`.
    std::optional<int> digits(std::size_t most, int max) {
        int value = 0;
        std::size_t count = 0;
        while (count < most && !done() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
            value = value * 10 + (m_text[m_pos++] - '0');
            ++count;
        }
        if (count == 0 || value > max) return std::nullopt;
        return value;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

/// The UTC instant at which the rule's date `when` falls in `year`, in a local time `offset`
/// ahead of UTC.
Instant instant_of(const Zone::Rule::When& when, date::year year, seconds offset) {
    using Form = Zone::Rule::When::Form;
    date::local_days day;
    switch (when.form) {
    case Form::julian_no_leap:
        day = date::local_days{year / date::January / 1} + date::days{when.day - 1};
        if (year.is_leap() && when.day >= 60) day += date::days{1};
        break;
    case Form::zero_based:
        day = date::local_days{year / date::January / 1} + date::days{when.day};
        break;
    case Form::month_week_day:
    default: {
        const auto month = date::month{static_cast<unsigned>(when.month)};
        const date::local_days first{year / month / 1};
        const unsigned first_weekday = date::weekday{first}.c_encoding();
        day = first + date::days{(when.day + 7 - static_cast<int>(first_weekday)) % 7 + 7 * (when.week - 1)};
        if (date::year_month_day{day}.month() != month) day -= date::days{7};
        break;
    }
    }
    return Instant{(day + when.time).time_since_epoch() - offset};
}

}  // namespace

std::optional<Zone::Rule> parse_posix_rule(std::string_view text) {
    RuleText in(text);
    Zone::Rule rule;
    const auto std_name = in.name();
    if (!std_name) return std::nullopt;
    const auto std_offset = in.clock_time(24);
    if (!std_offset) return std::nullopt;
    rule.standard = {-*std_offset, false, *std_name};
    if (in.done()) return rule;

    const auto dst_name = in.name();
    if (!dst_name) return std::nullopt;
    Zone::Type dst{rule.standard.offset + seconds{3600}, true, *dst_name};
    if (!in.next_is(',')) {
        const auto dst_offset = in.clock_time(24);
        if (!dst_offset) return std::nullopt;
        dst.offset = -*dst_offset;
    }
    if (!in.skip(',')) return std::nullopt;
    const auto begins = in.when();
    if (!begins || !in.skip(',')) return std::nullopt;
    const auto ends = in.when();
    if (!ends || !in.done()) return std::nullopt;
    rule.dst = dst;
    rule.dst_begins = *begins;
    rule.dst_ends = *ends;
    return rule;
}

std::optional<Zone> Zone::from_tzif(std::string name, std::string_view bytes) {
    Bytes in(bytes);
    auto header = read_header(in);
    if (!header) return std::nullopt;
    std::size_t time_size = 4;
    if (header->version != '\0') {  // skip the 32-bit data: the 64-bit copy follows it
        const auto skip = header->block_size(4);
        if (!in.has(skip)) return std::nullopt;
        in.take(skip);
        header = read_header(in);
        if (!header) return std::nullopt;
        time_size = 8;
    }
    const Header& h = *header;
    // leap seconds belong to the right/ zones, whose clocks are not UTC
    if (h.leapcnt != 0 || !in.has(h.block_size(time_size))) return std::nullopt;

    Zone zone;
    zone.m_name = std::move(name);
    zone.m_transitions.reserve(h.timecnt);
    for (std::uint32_t i = 0; i < h.timecnt; ++i) {
        const std::int64_t at = std::clamp(in.signed_number(time_size), -k_far + 1, k_far - 1);
        if (!zone.m_transitions.empty() && at <= zone.m_transitions.back()) return std::nullopt;
        zone.m_transitions.push_back(at);
    }
    zone.m_type_after.reserve(h.timecnt);
    for (std::uint32_t i = 0; i < h.timecnt; ++i) {
        const auto type = static_cast<std::uint8_t>(in.number(1));
        if (type >= h.typecnt) return std::nullopt;
        zone.m_type_after.push_back(type);
    }
    std::vector<std::uint8_t> abbrev_index;
    for (std::uint32_t i = 0; i < h.typecnt; ++i) {
        const std::int64_t offset = in.signed_number(4);
        const auto is_dst = in.number(1);
        const auto index = in.number(1);
        if (offset <= -k_max_offset.count() || offset >= k_max_offset.count() || is_dst > 1 || index >= h.charcnt)
            return std::nullopt;
        zone.m_types.push_back({seconds{offset}, is_dst == 1, {}});
        abbrev_index.push_back(static_cast<std::uint8_t>(index));
    }
    const std::string_view chars = in.take(h.charcnt);
    for (std::uint32_t i = 0; i < h.typecnt; ++i) {
        const auto from = chars.substr(abbrev_index[i]);
        zone.m_types[i].abbrev = std::string(from.substr(0, from.find('\0')));
    }
    in.take(h.isstdcnt + h.isutcnt);  // how the rules were written; not needed to read them

    // The footer: "\n" rule "\n". A rule that cannot be read leaves the last transition in force.
    const std::string_view footer = in.rest();
    if (time_size == 8 && footer.size() >= 2 && footer.front() == '\n') {
        const auto end = footer.find('\n', 1);
        if (end != std::string_view::npos) zone.m_rule = parse_posix_rule(footer.substr(1, end - 1));
    }
    return zone;
}

namespace {

ZoneSpan span_of(const Zone::Type& type, Instant begin, Instant end) {
    return {begin, end, type.offset, type.is_dst, type.abbrev};
}

}  // namespace

ZoneSpan Zone::span_by_rule(Instant at, Instant not_before) const {
    const Rule& rule = *m_rule;
    if (!rule.dst) return span_of(rule.standard, not_before, k_far_future);
    // the changes of the year before, the year itself and the two after, in order (a change may
    // fall up to a week outside its year: times run from -167 to 167 hours)
    struct Change {
        Instant at;
        const Type* type;
    };
    std::array<Change, 8> changes{};
    const date::year year = date::year_month_day{date::floor<date::days>(at)}.year();
    for (int i = 0; i < 4; ++i) {
        const date::year y = year + date::years{i - 1};
        changes[2 * i] = {instant_of(rule.dst_begins, y, rule.standard.offset), &*rule.dst};
        changes[2 * i + 1] = {instant_of(rule.dst_ends, y, rule.dst->offset), &rule.standard};
    }
    std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.at < b.at; });
    const auto after = std::upper_bound(changes.begin(), changes.end(), at,
                                        [](Instant t, const Change& c) { return t < c.at; });
    if (after == changes.begin())  // cannot happen: the year before's changes come before `at`
        return span_of(changes.front().type == &rule.standard ? *rule.dst : rule.standard, not_before,
                       changes.front().at);
    const Change& current = *(after - 1);
    const Instant end = after == changes.end() ? k_far_future : after->at;
    return span_of(*current.type, std::max(current.at, not_before), end);
}

ZoneSpan Zone::span_at(Instant at) const {
    at = std::clamp(at, k_far_past + seconds{1}, k_far_future - seconds{1});
    const std::int64_t t = at.time_since_epoch().count();
    if (m_transitions.empty())
        return m_rule ? span_by_rule(at, k_far_past) : span_of(m_types[0], k_far_past, k_far_future);
    const auto after = std::upper_bound(m_transitions.begin(), m_transitions.end(), t);
    // before the first transition: time type 0 (RFC 8536, 3.2)
    if (after == m_transitions.begin()) return span_of(m_types[0], k_far_past, Instant{seconds{m_transitions.front()}});
    const auto index = static_cast<std::size_t>(after - m_transitions.begin() - 1);
    const Instant begin{seconds{m_transitions[index]}};
    if (after == m_transitions.end()) {
        return m_rule ? span_by_rule(at, begin) : span_of(m_types[m_type_after[index]], begin, k_far_future);
    }
    return span_of(m_types[m_type_after[index]], begin, Instant{seconds{*after}});
}

LocalSpans Zone::spans_at(date::local_seconds local) const {
    // every span that could hold an instant showing `local`: offsets are under a day
    const seconds wall = local.time_since_epoch();
    std::vector<ZoneSpan> spans{span_at(Instant{wall - k_max_offset})};
    while (spans.back().end <= Instant{wall + k_max_offset} && spans.back().end < k_far_future && spans.size() < 64)
        spans.push_back(span_at(spans.back().end));

    LocalSpans out;
    std::size_t found = 0;
    for (const ZoneSpan& span : spans) {
        const Instant at{wall - span.offset};
        if (at < span.begin || at >= span.end) continue;
        (found == 0 ? out.first : out.second) = span;
        if (++found == 2) break;
    }
    if (found == 1) return out;
    if (found == 2) {
        out.kind = LocalSpans::Kind::ambiguous;
        return out;
    }
    // in no span: the clocks jumped over it, after the last span it comes later than
    out.kind = LocalSpans::Kind::nonexistent;
    std::size_t before = 0;
    for (std::size_t i = 0; i + 1 < spans.size(); ++i)
        if (Instant{wall - spans[i].offset} >= spans[i].end) before = i;
    out.first = spans[before];
    out.second = spans[std::min(before + 1, spans.size() - 1)];
    return out;
}

}  // namespace limber
