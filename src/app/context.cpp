#include <limber/app/context.hpp>

#include <limber/store/sessions.hpp>
#include <limber/store/settings.hpp>
#include <limber/time/zone.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

namespace limber {

Context::Context(Environment env, Streams streams) : m_env(std::move(env)), m_streams(streams) {}

Context::~Context() = default;

bool Context::color() const {
    if (m_options.color == "always") return true;
    if (m_options.color == "never") return false;
    return m_streams.out_is_terminal && !m_env.no_color;
}

void refuse_database_as_output(const std::string& output, Context& context, std::string_view what) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path out = fs::weakly_canonical(fs::absolute(output, ec), ec);
    const fs::path db = context.db_path();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        const fs::path file = db.string() + suffix;
        std::error_code e1, e2;
        const bool same = (!out.empty() && fs::weakly_canonical(fs::absolute(file, e1), e1) == out) ||
                          fs::equivalent(output, file, e2);
        if (same)
            throw UsageError(fmt::format("{} {}: that is limber's database{} ({}); writing there would replace "
                                         "every routine and session",
                                         what, quote(output), *suffix ? " file" : "", file.string()),
                             "choose another file name");
    }
}

const std::filesystem::path& Context::db_path() {
    if (!m_db_path) m_db_path = resolve_db_path(m_options.db, m_env);
    return *m_db_path;
}

Store& Context::store() {
    if (!m_store) {
        m_store = Store::open(db_path());
        recover_abandoned_sessions(*m_store);  // a killed `limber start` leaves its session partial
    }
    return *m_store;
}

const Clock& Context::clock() {
    if (!m_clock) {
        if (m_env.limber_now) {
            const auto at = parse_instant(*m_env.limber_now);
            if (!at)
                throw UsageError(fmt::format("LIMBER_NOW {}: not an ISO-8601 instant",
                                             quote(*m_env.limber_now)),
                                 "use e.g. 2026-11-21T07:30:00Z or 2026-11-21T08:30:00+01:00");
            m_clock = std::make_unique<FixedClock>(*at);
        } else {
            m_clock = std::make_unique<SystemClock>();
        }
    }
    return *m_clock;
}

const Zone& Context::zone() {
    if (!m_zone) m_zone = &resolve_zone(m_options.tz, m_env.tz);
    return *m_zone;
}

const Settings& Context::settings() {
    if (!m_settings) m_settings = load_settings(store());
    return *m_settings;
}

Day Context::today() { return day_of(clock().now(), zone(), settings().day_start); }

}  // namespace limber
