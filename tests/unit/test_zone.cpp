// Unit tests: the zone reader (TZif files and their POSIX TZ footer), checked against two other
// readers of the same files: Howard Hinnant's date library up to 2037 (where the files list every
// transition), and the C library's localtime_r after (where the footer rule takes over, which
// date 3.0.1 does not read).
#include <limber/time/zone.hpp>

#include <date/tz.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>

#include <unistd.h>

using namespace limber;
using std::chrono::seconds;

namespace {

const std::string k_zoneinfo = "/usr/share/zoneinfo";

Instant at(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0) {
    return Instant{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} + std::chrono::hours{h} +
           std::chrono::minutes{min} + seconds{s};
}

date::local_seconds local(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
    return date::local_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{h} +
           std::chrono::minutes{min};
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

LocalSpans::Kind kind_of(const date::local_info& info) {
    switch (info.result) {
    case date::local_info::nonexistent: return LocalSpans::Kind::nonexistent;
    case date::local_info::ambiguous: return LocalSpans::Kind::ambiguous;
    default: return LocalSpans::Kind::unique;
    }
}

/// The names date's database lists that limber refuses on purpose: localtime (it follows
/// /etc/localtime), and any file that is not a zone file (the tables some tzdata versions add).
bool refused_on_purpose(const std::string& name) {
    return name == "localtime" || file_bytes(k_zoneinfo + "/" + name).substr(0, 4) != "TZif";
}

/// Sets TZ for the C library while it lives.
class CZone {
public:
    explicit CZone(const std::string& name) {
        if (const char* old = std::getenv("TZ")) m_old = old;
        ::setenv("TZ", (":" + name).c_str(), 1);
        ::tzset();
    }
    ~CZone() {
        if (m_old) ::setenv("TZ", m_old->c_str(), 1);
        else ::unsetenv("TZ");
        ::tzset();
    }
    CZone(const CZone&) = delete;
    CZone& operator=(const CZone&) = delete;

    static std::tm local(Instant t) {
        const std::time_t value = t.time_since_epoch().count();
        std::tm tm{};
        ::localtime_r(&value, &tm);
        return tm;
    }

private:
    std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("every zone of the system agrees with the date library up to 2037, instants and local times") {
    const auto& db = date::get_tzdb();
    REQUIRE(db.zones.size() > 300);
    const Instant from = at(1850, 1, 1);
    const Instant until = at(2037, 12, 31);
    std::size_t zones = 0;
    std::size_t transitions = 0;
    for (const auto& theirs : db.zones) {
        const std::string name(theirs.name());
        if (refused_on_purpose(name)) {
            CHECK(find_zone(name) == nullptr);
            continue;
        }
        INFO(name);
        const Zone* ours = find_zone(name);
        REQUIRE(ours != nullptr);
        CHECK(ours->name() == name);
        ++zones;
        for (auto info = theirs.get_info(from); info.begin < until; info = theirs.get_info(info.end)) {
            for (const Instant t : {std::max(info.begin, from), info.end - seconds{1}}) {
                if (t > until) continue;  // date's last span ends in the year 32767
                INFO(date::format("%F %T UTC", t));
                const ZoneSpan span = ours->span_at(t);
                REQUIRE(span.offset == info.offset);
                REQUIRE(span.abbrev == info.abbrev);
                REQUIRE(span.is_dst == (info.save != std::chrono::minutes{0}));
                REQUIRE(span.begin <= t);
                REQUIRE(t < span.end);
                REQUIRE(ours->to_local(t) == theirs.to_local(t));
            }
            if (info.end >= until) break;
            ++transitions;
            // wall-clock times on both sides of the change: unique, repeated or skipped alike
            const date::local_seconds before{info.end.time_since_epoch() + info.offset};
            for (const seconds step : {seconds{-3600}, seconds{-1}, seconds{0}, seconds{1}, seconds{1800}, seconds{3599},
                                       seconds{3600}, seconds{7200}}) {
                const auto wall = before + step;
                INFO(date::format("%F %T local", wall));
                const auto theirs_local = theirs.get_info(wall);
                const LocalSpans ours_local = ours->spans_at(wall);
                REQUIRE(ours_local.kind == kind_of(theirs_local));
                REQUIRE(ours_local.first.offset == theirs_local.first.offset);
                if (ours_local.kind != LocalSpans::Kind::unique) {
                    REQUIRE(ours_local.second.offset == theirs_local.second.offset);
                    REQUIRE(ours_local.first.end == theirs_local.first.end);
                }
            }
        }
    }
    CHECK(zones > 300);
    CHECK(transitions > 30000);
}

TEST_CASE("after 2037 the footer rule agrees with the C library for every zone, at every change") {
    const auto& db = date::get_tzdb();
    std::size_t changes = 0;
    for (const auto& theirs : db.zones) {
        const std::string name(theirs.name());
        if (refused_on_purpose(name)) continue;
        INFO(name);
        const Zone* ours = find_zone(name);
        REQUIRE(ours != nullptr);
        const CZone c(name);
        // fixed instants, which also cover the zones that have no change after 2037
        for (const Instant t : {at(2037, 6, 1), at(2038, 1, 19, 3, 14, 8), at(2050, 1, 1), at(2075, 7, 4, 12), at(2099, 12, 31, 23, 59, 59)}) {
            INFO(date::format("%F %T UTC", t));
            const std::tm tm = CZone::local(t);
            REQUIRE(ours->span_at(t).offset.count() == tm.tm_gmtoff);
            REQUIRE(ours->span_at(t).abbrev == std::string(tm.tm_zone));
        }
        for (ZoneSpan span = ours->span_at(at(2037, 6, 1)); span.begin < at(2100, 1, 1); span = ours->span_at(span.end)) {
            for (const Instant t : {span.begin, span.begin + (span.end - span.begin) / 2, span.end - seconds{1}}) {
                if (t < at(2037, 6, 1) || t > at(2100, 1, 1)) continue;
                INFO(date::format("%F %T UTC", t));
                const std::tm tm = CZone::local(t);
                REQUIRE(ours->span_at(t).offset.count() == tm.tm_gmtoff);
                REQUIRE(ours->span_at(t).is_dst == (tm.tm_isdst > 0));
                REQUIRE(ours->span_at(t).abbrev == std::string(tm.tm_zone));
            }
            if (span.end >= at(2100, 1, 1)) break;  // no more changes
            // the wall-clock times around the change lead back to their instants
            for (const Instant t : {span.end - seconds{1}, span.end}) {
                const LocalSpans local = ours->spans_at(ours->to_local(t));
                REQUIRE(local.kind != LocalSpans::Kind::nonexistent);
                const seconds wall = ours->to_local(t).time_since_epoch();
                REQUIRE((Instant{wall - local.first.offset} == t ||
                         (local.kind == LocalSpans::Kind::ambiguous && Instant{wall - local.second.offset} == t)));
            }
            ++changes;
        }
    }
    CHECK(changes > 10000);
}

TEST_CASE("summers after 2037 are summer time: the case date 3.0.1 gets wrong") {
    const Zone& paris = *find_zone("Europe/Paris");
    CHECK(paris.span_at(at(2040, 7, 1)).abbrev == "CEST");
    CHECK(paris.span_at(at(2040, 7, 1)).offset == seconds{7200});
    CHECK(paris.span_at(at(2040, 1, 1)).offset == seconds{3600});
    // the last Sunday of March 2040 is the 25th: 01:00 UTC, 02:00 local, becomes 03:00
    CHECK(paris.span_at(at(2040, 3, 25, 0, 59, 59)).offset == seconds{3600});
    CHECK(paris.span_at(at(2040, 3, 25, 1)).offset == seconds{7200});
    CHECK(paris.span_at(at(2040, 3, 25, 1)).begin == at(2040, 3, 25, 1));
    CHECK(paris.spans_at(local(2040, 3, 25, 2, 30)).kind == LocalSpans::Kind::nonexistent);
    CHECK(paris.spans_at(local(2040, 10, 28, 2, 30)).kind == LocalSpans::Kind::ambiguous);
    // the southern hemisphere: summer time from October to April
    const Zone& sydney = *find_zone("Australia/Sydney");
    CHECK(sydney.span_at(at(2050, 1, 15)).abbrev == "AEDT");
    CHECK(sydney.span_at(at(2050, 7, 15)).abbrev == "AEST");
}

TEST_CASE("spans_at: a skipped hour, a repeated hour and a half-hour change") {
    const Zone& new_york = *find_zone("America/New_York");
    const LocalSpans gap = new_york.spans_at(local(2026, 3, 8, 2, 30));
    CHECK(gap.kind == LocalSpans::Kind::nonexistent);
    CHECK(gap.first.end == at(2026, 3, 8, 7));  // 02:00 EST
    CHECK(gap.second.abbrev == "EDT");
    const LocalSpans twice = new_york.spans_at(local(2026, 11, 1, 1, 30));
    CHECK(twice.kind == LocalSpans::Kind::ambiguous);
    CHECK(twice.first.abbrev == "EDT");
    CHECK(twice.second.abbrev == "EST");
    CHECK(new_york.spans_at(local(2026, 11, 1, 2, 0)).kind == LocalSpans::Kind::unique);

    const Zone& lord_howe = *find_zone("Australia/Lord_Howe");  // moves by 30 minutes
    CHECK(lord_howe.spans_at(local(2026, 4, 5, 1, 45)).kind == LocalSpans::Kind::ambiguous);
    CHECK(lord_howe.spans_at(local(2026, 10, 4, 2, 15)).kind == LocalSpans::Kind::nonexistent);
    CHECK(lord_howe.spans_at(local(2026, 10, 4, 2, 30)).kind == LocalSpans::Kind::unique);
}

TEST_CASE("parse_posix_rule reads every form of the footer and refuses the rest") {
    using Form = Zone::Rule::When::Form;
    const auto cet = parse_posix_rule("CET-1CEST,M3.5.0,M10.5.0/3");
    REQUIRE(cet);
    CHECK(cet->standard.abbrev == "CET");
    CHECK(cet->standard.offset == seconds{3600});
    REQUIRE(cet->dst);
    CHECK(cet->dst->abbrev == "CEST");
    CHECK(cet->dst->offset == seconds{7200});
    CHECK(cet->dst_begins.form == Form::month_week_day);
    CHECK(cet->dst_begins.month == 3);
    CHECK(cet->dst_begins.week == 5);
    CHECK(cet->dst_begins.day == 0);
    CHECK(cet->dst_begins.time == seconds{2 * 3600});
    CHECK(cet->dst_ends.time == seconds{3 * 3600});

    const auto quoted = parse_posix_rule("<+0330>-3:30");
    REQUIRE(quoted);
    CHECK(quoted->standard.abbrev == "+0330");
    CHECK(quoted->standard.offset == seconds{3 * 3600 + 1800});
    CHECK_FALSE(quoted->dst);

    const auto extended = parse_posix_rule("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1");  // America/Nuuk
    REQUIRE(extended);
    CHECK(extended->dst_begins.time == seconds{-2 * 3600});
    const auto julian = parse_posix_rule("EST5EDT,0/0,J365/25");  // summer time all year
    REQUIRE(julian);
    CHECK(julian->dst_begins.form == Form::zero_based);
    CHECK(julian->dst_ends.form == Form::julian_no_leap);
    CHECK(julian->dst_ends.time == seconds{25 * 3600});
    const auto offset_given = parse_posix_rule("IST-1GMT0,M10.5.0,M3.5.0/1");  // Europe/Dublin: negative DST
    REQUIRE(offset_given);
    CHECK(offset_given->dst->offset == seconds{0});

    for (const char* bad : {"", "C", "CE-1", "CET", "CET-1CEST", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0",
                            "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.7,M10.5.0", "CET-1CEST,J0,J365",
                            "CET-1CEST,366,0", "CET-25", "CET-1CEST,M3.5.0/168,M10.5.0", "<+03-3", "CET-1 ",
                            "CET-1CEST,M3.5.0,M10.5.0junk"}) {
        INFO(bad);
        CHECK_FALSE(parse_posix_rule(bad));
    }
}

TEST_CASE("a rule zone: summer time all year, and a zone of a footer alone") {
    const auto rule = parse_posix_rule("EST5EDT,0/0,J365/25");
    REQUIRE(rule);
    // a TZif v2 file with no transitions, one type, and the footer
    std::string file = "TZif2" + std::string(15, '\0');
    const auto counts = [](std::uint32_t types, std::uint32_t chars) {
        std::string out;
        for (const std::uint32_t n : {0u, 0u, 0u, 0u, types, chars})
            for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((n >> shift) & 0xff);
        return out;
    };
    const std::string type = std::string("\xff\xff\xb9\xb0", 4) + '\0' + '\0';  // -18000 s, not DST, "EST"
    file += counts(1, 4) + type + std::string("EST\0", 4);
    file += "TZif2" + std::string(15, '\0') + counts(1, 4) + type + std::string("EST\0", 4);
    file += "\nEST5EDT,0/0,J365/25\n";
    const auto zone = Zone::from_tzif("Test/AllSummer", file);
    REQUIRE(zone);
    for (const Instant t : {at(2030, 1, 1, 3), at(2030, 7, 1), at(2030, 12, 31, 23), at(2031, 1, 1, 6)}) {
        INFO(date::format("%F %T", t));
        CHECK(zone->span_at(t).abbrev == "EDT");
        CHECK(zone->span_at(t).offset == seconds{-4 * 3600});
        CHECK(zone->spans_at(zone->to_local(t)).kind == LocalSpans::Kind::unique);
    }
    // without the footer the one type holds for ever
    const auto plain = Zone::from_tzif("Test/Plain", file.substr(0, file.size() - 21) + "\n\n");
    REQUIRE(plain);
    CHECK(plain->span_at(at(2030, 7, 1)).abbrev == "EST");
}

TEST_CASE("from_tzif refuses what is not a whole zone file, at every length, without reading past it") {
    const std::string paris = file_bytes(k_zoneinfo + "/Europe/Paris");
    REQUIRE(paris.size() > 1000);
    REQUIRE(Zone::from_tzif("Europe/Paris", paris));
    std::size_t refused = 0;
    for (std::size_t length = 0; length < paris.size(); ++length) {
        // the footer may be cut: the zone then ends with its last transition
        if (!Zone::from_tzif("Europe/Paris", paris.substr(0, length))) ++refused;
    }
    CHECK(refused > paris.size() - 40);
    for (const std::string& bad : {std::string("TZif"), std::string(64, '\0'), std::string("not a zone file at all"),
                                  file_bytes(k_zoneinfo + "/zone.tab"), file_bytes(k_zoneinfo + "/right/UTC")}) {
        CHECK_FALSE(Zone::from_tzif("x", bad));
    }
    // the first two 64-bit transitions swapped: out of order, the file is refused
    const auto count = [&](std::size_t at) {
        std::uint32_t n = 0;
        for (std::size_t i = 0; i < 4; ++i) n = (n << 8) | static_cast<unsigned char>(paris[at + i]);
        return std::size_t{n};
    };
    const std::size_t v1_block = count(32) * 5 + count(36) * 6 + count(40) + count(28) * 8 + count(24) + count(20);
    const std::size_t first = 44 + v1_block + 44;
    std::string unordered = paris;
    std::swap_ranges(unordered.begin() + static_cast<std::ptrdiff_t>(first),
                     unordered.begin() + static_cast<std::ptrdiff_t>(first + 8),
                     unordered.begin() + static_cast<std::ptrdiff_t>(first + 8));
    REQUIRE(unordered != paris);
    CHECK_FALSE(Zone::from_tzif("Europe/Paris", unordered));
}

TEST_CASE("find_zone: names stay inside the zone folder and name zones") {
    CHECK(find_zone("Europe/Paris") != nullptr);
    CHECK(find_zone("Europe/Paris") == find_zone("Europe/Paris"));  // loaded once
    CHECK(find_zone("UTC") != nullptr);
    CHECK(find_zone("Etc/GMT-14") != nullptr);
    CHECK(find_zone("EST5EDT") != nullptr);
    for (const char* bad : {"", "/etc/passwd", "../../../etc/passwd", "Europe/../Europe/Paris", "Europe//Paris",
                            "Europe/Paris/", "./UTC", "Europe", "posix/Europe/Paris", "posixrules", "right/UTC",
                            "Factory", "localtime", "zone.tab", "tzdata.zi", "leap-seconds.list", "Mars/Olympus",
                            "europe/paris", "Europe/Paris\n", "-UTC"}) {
        INFO(bad);
        CHECK(find_zone(bad) == nullptr);
    }
}

TEST_CASE("find_zone reads a zone file from the folder it is given, and refuses a damaged one") {
    const std::string folder = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/limber-zone-test-" +
                               std::to_string(::getpid());
    std::filesystem::create_directories(folder + "/Test");
    {
        std::ofstream(folder + "/Test/Paris", std::ios::binary) << file_bytes(k_zoneinfo + "/Europe/Paris");
        std::ofstream(folder + "/Test/Broken", std::ios::binary) << "TZif2 and then nothing useful";
    }
    const Zone* copy = find_zone("Test/Paris", folder);
    REQUIRE(copy != nullptr);
    CHECK(copy->span_at(at(2026, 7, 1)).abbrev == "CEST");
    CHECK(find_zone("Test/Broken", folder) == nullptr);
    CHECK(find_zone("Test", folder) == nullptr);  // a folder
    std::filesystem::remove_all(folder);
}
