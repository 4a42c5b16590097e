#pragma once
// Time zones, read straight from the system's compiled zone files (TZif, RFC 8536, in
// /usr/share/zoneinfo), one file for each zone a command uses.
//
// Which zone is in force: --tz, else $TZ (an IANA name, with or without a leading ':'), else
// the system zone (/etc/localtime, else /etc/timezone).
//
// Why not date::locate_zone: date 3.0.1 built on the system database lists every file under
// /usr/share/zoneinfo on its first lookup (about 700 system calls, a few milliseconds of every
// command), and it ignores the rule a zone file ends with, so from 2038 on it would put every
// summer in standard time. The test suite checks this reader against date's for every zone up
// to 2037, and against the C library after.

#include <limber/time/clock.hpp>

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// One stretch of time over which a zone keeps the same offset from UTC.
struct ZoneSpan {
    Instant begin;                 ///< its first instant (far in the past for the first span)
    Instant end;                   ///< the first instant after it (far in the future for the last)
    std::chrono::seconds offset;   ///< local time minus UTC
    bool is_dst = false;           ///< daylight saving time
    std::string_view abbrev;       ///< "CET", "EDT", "+03"; valid while the Zone is neither moved nor destroyed
};

/// What a local wall-clock time is in a zone.
struct LocalSpans {
    enum class Kind { unique, ambiguous, nonexistent };
    Kind kind = Kind::unique;
    /// unique: the span it lies in; ambiguous (the clocks went back): the earlier span;
    /// nonexistent (the clocks jumped forward over it): the span before the jump.
    ZoneSpan first;
    /// ambiguous: the later span; nonexistent: the span after the jump; unique: unset.
    ZoneSpan second;
};

/// A time zone: its transitions, and the POSIX TZ rule that continues them (the footer of the
/// zone file), when the file has one.
class Zone {
public:
    /// One kind of local time: offset, DST flag, abbreviation.
    struct Type {
        std::chrono::seconds offset{0};
        bool is_dst = false;
        std::string abbrev;
    };
    /// The footer rule: standard time, and daylight saving time between two dates a year.
    struct Rule {
        struct When {
            enum class Form { julian_no_leap, zero_based, month_week_day };
            Form form = Form::month_week_day;
            int day = 0;  ///< Jn: 1..365; n: 0..365; Mm.w.d: weekday 0 (Sunday)..6
            int week = 0;   ///< Mm.w.d: 1..5 (5: the last)
            int month = 0;  ///< Mm.w.d: 1..12
            std::chrono::seconds time{2 * 3600};  ///< local time of the change, -167..167 h
        };
        Type standard;
        std::optional<Type> dst;
        When dst_begins;
        When dst_ends;
    };

    /// Builds a zone from the bytes of a TZif file; nullopt when they are not one.
    static std::optional<Zone> from_tzif(std::string name, std::string_view bytes);

    const std::string& name() const { return m_name; }

    /// The span `at` lies in (for instants within about 17 000 years of 1970; one further out is
    /// taken as the nearest of those).
    ZoneSpan span_at(Instant at) const;
    /// What the local time `local` is: unique, ambiguous or nonexistent, with its spans.
    LocalSpans spans_at(date::local_seconds local) const;
    /// The local wall-clock time of `at`.
    date::local_seconds to_local(Instant at) const {
        return date::local_seconds{at.time_since_epoch() + span_at(at).offset};
    }

private:
    ZoneSpan span_by_rule(Instant at, Instant not_before) const;

    std::string m_name;
    std::vector<Type> m_types;
    std::vector<std::int64_t> m_transitions;  ///< UTC seconds, ascending
    std::vector<std::uint8_t> m_type_after;   ///< the type in force from each transition on
    std::optional<Rule> m_rule;
};

/// Parses a POSIX TZ rule such as "CET-1CEST,M3.5.0,M10.5.0/3" or "<+03>-3"; nullopt when it
/// is not one (a rule with DST must give both dates, as zone files do).
std::optional<Zone::Rule> parse_posix_rule(std::string_view text);

/// The zone of that IANA name (Europe/Paris, UTC, …) in `zoneinfo` (the system's folder by
/// default), loaded once and kept; nullptr when there is none. Names are refused that could
/// leave the folder, or that name what is not a zone there (posix/…, right/…, Factory, the
/// tables beside the zones).
const Zone* find_zone(std::string_view name, const std::string& zoneinfo = "/usr/share/zoneinfo");

/// Resolves the zone in force. `tz_option` is the --tz value if given; `tz_env` the value of
/// $TZ if set. Throws UsageError naming --tz or TZ for an unknown zone, or saying that the
/// system zone cannot be determined.
const Zone& resolve_zone(const std::optional<std::string>& tz_option,
                         const std::optional<std::string>& tz_env);

}  // namespace limber
