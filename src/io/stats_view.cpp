#include <limber/io/stats_view.hpp>

#include <limber/io/plan_view.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>

namespace limber {

namespace {

double rounded(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

/// A figure for JSON, rounded; a whole number is written without a fraction ("25", not "25.0").
nlohmann::ordered_json json_number(double value, int decimals) {
    const double r = rounded(value, decimals);
    if (r == std::floor(r) && std::abs(r) < 1e15) return static_cast<std::int64_t>(r);
    return r;
}

nlohmann::ordered_json number_or_null(const std::optional<double>& value, int decimals) {
    if (!value) return nullptr;
    return json_number(*value, decimals);
}

std::string plural(long long n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string hours_and_minutes(std::int64_t seconds) {
    const auto minutes = whole_minutes(seconds);
    if (minutes < 60) return fmt::format("{} min", minutes);
    if (minutes % 60 == 0) return fmt::format("{} h", minutes / 60);
    return fmt::format("{} h {} min", minutes / 60, minutes % 60);
}

std::string styled_mark(const ui::Style& style, DayState state) {
    const std::string_view mark = day_mark(state);
    switch (state) {
    case DayState::Done: return style.green(mark);
    case DayState::Partial: return style.yellow(mark);
    case DayState::Missed: return style.red(mark);
    case DayState::Paused: return style.cyan(mark);
    case DayState::Pending: return style.bold(mark);
    case DayState::Skipped:
    case DayState::Rest: return style.dim(mark);
    case DayState::Future: break;
    }
    return std::string(mark);
}

/// "15 → 30 s": the first and last weeks with a value; `none` when there is none.
std::string first_to_last(const std::vector<std::optional<double>>& values, std::string_view unit,
                          std::string_view none) {
    const auto first = std::find_if(values.begin(), values.end(), [](const auto& v) { return v.has_value(); });
    if (first == values.end()) return std::string(none);
    const auto last = std::find_if(values.rbegin(), values.rend(), [](const auto& v) { return v.has_value(); });
    if (first == last.base() - 1) return fmt::format("{}{}", figure(**first), unit);
    return fmt::format("{} → {}{}", figure(**first), figure(**last), unit);
}

std::string streak_text(const Streak& s) {
    const auto unit = [&](int n) { return streak_length(n, s.in_weeks); };
    return fmt::format("{}, longest {}", unit(s.current), unit(s.longest));
}

std::string adherence_text(const Stats& stats) {
    // a routine younger than the window is counted from its first day
    const bool younger = !stats.days.empty() && stats.counted_from > stats.days.front().day;
    const std::string window = younger        ? fmt::format("since the routine began on {}", format_day(stats.counted_from))
                               : stats.weeks == 1 ? "this week"
                                                  : fmt::format("in the last {} weeks", stats.weeks);
    const auto rate = stats.adherence.rate();
    if (!rate) return fmt::format("nothing was due {}", window);
    return fmt::format("{} of {} {} done {} ({}%)", stats.adherence.done, stats.adherence.due,
                       stats.streak.in_weeks ? "sessions asked for" : "due days", window,
                       static_cast<int>(std::round(*rate * 100)));
}

std::string time_text(const Stats& stats) {
    if (stats.totals.sessions == 0) return "no sessions yet ('limber start' runs one, 'limber log' records one)";
    return fmt::format("{}, {} in all · {} min a week lately", plural(stats.totals.sessions, "session", "sessions"),
                       hours_and_minutes(stats.totals.seconds), std::lround(stats.minutes_per_week));
}

std::string hold_text(const StatsSubject& subject, const Stats& stats) {
    if (!subject.stretches) return "no stretches in this routine, so no hold to raise";
    std::string text = fmt::format("{} s this week", stats.hold_s);
    if (subject.session_hold_s < stats.hold_s) text += fmt::format(" · {} s next session, after a flare", subject.session_hold_s);
    if (subject.pain.stopped()) return text + " · progression stopped";
    if (stats.next_hold_s > stats.hold_s)
        return text + fmt::format(" · {} s next week if this week's sessions are all done, held fully and pain does "
                                  "not rise",
                                  stats.next_hold_s);
    return text + ", the longest this routine asks for";
}

std::string pain_text(const StatsSubject& subject, const PainTrend& pain) {
    if (pain.sessions_rated == 0) return "no session rated yet (--pain-before and --pain-after on start or log)";
    const std::string rated = plural(pain.sessions_rated, "session", "sessions") + " rated";
    std::string text = !pain.first_avg || !pain.last_avg
                           ? rated + "; a trend needs ratings in two weeks"
                           : fmt::format("before sessions {} → {} from the first rated weeks to the last ({})",
                                         figure(*pain.first_avg), figure(*pain.last_avg), rated);
    const PainWatch& w = subject.pain;
    if (w.flares > 0)
        text += fmt::format(" · {} (pain after 2 or more above before){}", plural(w.flares, "flare", "flares"),
                            w.last_was_flare ? ", the last session one" : "");
    return text;
}

constexpr std::size_t k_label_width = 13;  // "pain before" and two spaces
constexpr std::size_t k_summary_width = 16; // "  22.5 → 30 s" and room

}  // namespace

std::int64_t whole_minutes(std::int64_t seconds) { return (seconds + 30) / 60; }

std::string streak_length(int n, bool in_weeks) {
    return in_weeks ? plural(n, "week", "weeks") : plural(n, "day", "days");
}

std::string_view day_mark(DayState state) {
    switch (state) {
    case DayState::Done: return "●";
    case DayState::Partial: return "◐";
    case DayState::Skipped: return "○";
    case DayState::Paused: return "‖";
    case DayState::Missed: return "×";
    case DayState::Rest: return "·";
    case DayState::Pending: return "◌";
    case DayState::Future: return " ";
    }
    return " ";
}

std::string sparkline(const std::vector<std::optional<double>>& values, double top, std::string_view between) {
    static const char* const k_levels[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    std::string line;
    for (const auto& v : values) {
        if (!line.empty()) line += between;
        if (!v) {
            line += ' ';
            continue;
        }
        const double fraction = top > 0 ? std::clamp(*v / top, 0.0, 1.0) : 0.0;
        line += k_levels[static_cast<int>(std::round(fraction * 7))];
    }
    return line;
}

std::vector<SummaryLine> summary_lines(const StatsSubject& subject, const Stats& stats) {
    std::vector<SummaryLine> lines = {
        {"Streak", streak_text(stats.streak)},  {"Adherence", adherence_text(stats)}, {"Time", time_text(stats)},
        {"Hold", hold_text(subject, stats)},    {"Pain", pain_text(subject, stats.pain)},
    };
    if (subject.strength.days.kind != StrengthDays::Kind::None)  // R23
        lines.push_back({"Strength", fmt::format("{} · {} of {} done this week{}", strength_days_label(subject.strength.days),
                                                 subject.strength.done, subject.strength.planned,
                                                 subject.strength.today ? " · today is a strength day" : "")});
    return lines;
}

nlohmann::ordered_json stats_to_json(const StatsSubject& subject, const Stats& stats) {
    nlohmann::ordered_json j;
    j["routine"] = subject.routine;
    j["today"] = format_day(subject.today);
    j["target"] = schedule_json(subject.schedule);
    j["streak"] = {{"current", stats.streak.current},
                   {"longest", stats.streak.longest},
                   {"unit", stats.streak.in_weeks ? "weeks" : "days"}};
    j["totals"] = {{"sessions", stats.totals.sessions},
                   {"minutes", whole_minutes(stats.totals.seconds)},
                   {"holds", stats.totals.holds},
                   {"hold_seconds", stats.totals.hold_seconds}};
    auto adherence_weeks = nlohmann::ordered_json::array();
    auto hold_weeks = nlohmann::ordered_json::array();
    auto pain_weeks = nlohmann::ordered_json::array();
    for (const auto& w : stats.weekly) {
        adherence_weeks.push_back({{"week", w.label},
                                   {"from", format_day(w.first)},
                                   {"due", w.adherence.due},
                                   {"done", w.adherence.done},
                                   {"rate", number_or_null(w.adherence.rate(), 3)}});
        hold_weeks.push_back({{"week", w.label},
                              {"from", format_day(w.first)},
                              {"sessions", w.sessions},
                              {"minutes", whole_minutes(w.seconds)},
                              {"target_s", w.hold_target_s ? nlohmann::ordered_json(*w.hold_target_s) : nullptr},
                              {"median_hold_s", number_or_null(w.median_hold_s, 1)}});
        pain_weeks.push_back({{"week", w.label},
                              {"from", format_day(w.first)},
                              {"before_avg", number_or_null(w.pain_before, 2)},
                              {"after_avg", number_or_null(w.pain_after, 2)},
                              {"rated", w.rated},
                              {"flares", w.flares}});
    }
    j["adherence"] = {{"weeks", stats.weeks},
                      {"due", stats.adherence.due},
                      {"done", stats.adherence.done},
                      {"rate", number_or_null(stats.adherence.rate(), 3)},
                      {"minutes_per_week", json_number(stats.minutes_per_week, 1)},
                      {"weekly", adherence_weeks}};
    j["progression"] = {{"week", subject.routine_week},
                        {"hold_s", stats.hold_s},
                        {"next_hold_s", stats.next_hold_s},
                        {"session_hold_s", subject.session_hold_s},
                        {"why", std::string(to_string(subject.why))},
                        {"stopped", subject.pain.stopped()},
                        {"stop_why", subject.pain.stopped() ? nlohmann::ordered_json(std::string(to_string(subject.pain.stop)))
                                                            : nlohmann::ordered_json(nullptr)},
                        {"notes", subject.hold_notes},
                        {"weekly", hold_weeks}};
    j["strength"] = {{"days", strength_days_json(subject.strength.days)},
                     {"every_session", subject.strength.days.kind == StrengthDays::Kind::Every},
                     {"today", subject.strength.today},
                     {"this_week", {{"planned", subject.strength.planned}, {"done", subject.strength.done}}}};
    j["pain"] = {{"sessions_rated", stats.pain.sessions_rated},
                 {"first_avg", number_or_null(stats.pain.first_avg, 2)},
                 {"last_avg", number_or_null(stats.pain.last_avg, 2)},
                 {"flares", subject.pain.flares},
                 {"flare_run", subject.pain.flare_run},
                 {"recent_flares", subject.pain.recent_flares},
                 {"last_was_flare", subject.pain.last_was_flare},
                 {"trend",
                  {{"first_week_avg", number_or_null(subject.pain.first_week_pain, 2)},
                   {"last_week_avg", number_or_null(subject.pain.last_week_pain, 2)},
                   {"rising", subject.pain.rising},
                   {"see_physio", subject.pain.see_physio}}},
                 {"weekly", pain_weeks}};
    j["suspended"] = !subject.suspension.empty();
    auto days = nlohmann::ordered_json::array();
    for (const auto& d : stats.days) days.push_back({{"date", format_day(d.day)}, {"state", to_string(d.state)}});
    j["days"] = days;
    return j;
}

void print_stats(std::ostream& out, const ui::Style& style, const StatsSubject& subject, const Stats& stats,
                 std::size_t width) {
    out << style.bold(fmt::format("Routine \"{}\" · {} · week {} · {}", subject.routine, schedule_label(subject.schedule),
                                  subject.routine_week, day_title(subject.today)))
        << "\n\n";
    // the words beside the labels wrap to the terminal (or to 78 columns in a file or a pipe)
    const std::size_t text_width = width > 40 && width < 200 ? width - 11 : 78;
    const auto first_lines = [&](std::string_view label, const std::string& text) {
        out << style.red(label) << std::string(11 - label.size(), ' ');
        const auto wrapped = ui::wrap(text, text_width);
        for (std::size_t i = 0; i < wrapped.size(); ++i) out << (i ? std::string(11, ' ') : "") << wrapped[i] << '\n';
    };
    if (!subject.suspension.empty()) first_lines("Suspended", subject.suspension);  // R27
    const auto stop = stop_advice(subject.pain);  // R25: the advice to see a clinician comes before the figures
    if (stop) first_lines("Stopped", *stop);
    for (const auto& [label, text] : summary_lines(subject, stats)) {
        out << fmt::format("{:<11}", label) << text << '\n';
        if (label == "Hold")
            for (const auto& note : subject.hold_notes)  // R25: why the hold is what it is, and the advice
                if (note != stop)
                    for (const auto& line : ui::wrap(note, text_width)) out << std::string(11, ' ') << line << '\n';
    }

    // The window, one column of two cells per week; as many of the latest weeks as fit.
    const std::size_t all_weeks = stats.weekly.size();
    const std::size_t room =
        width > k_label_width + k_summary_width ? (width - k_label_width - k_summary_width) / 2 + 1 : 1;
    const std::size_t shown = std::clamp<std::size_t>(room, 1, all_weeks);
    const std::size_t first_week = all_weeks - shown;

    std::string months(k_label_width, ' ');
    int last_month = -1;
    for (std::size_t w = first_week; w < all_weeks; ++w) {
        const date::year_month_day last_day{stats.weekly[w].first + date::days{6}};
        const int month = static_cast<int>(static_cast<unsigned>(last_day.month()));
        const std::size_t column = k_label_width + 2 * (w - first_week);
        if (month != last_month && months.size() <= column) {
            months.resize(column, ' ');
            static const char* const k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
            months += k_months[month - 1];
        }
        last_month = month;
    }
    out << '\n' << style.dim(months) << '\n';

    for (int row = 0; row < 7; ++row) {
        const Day sample = stats.days[first_week * 7 + static_cast<std::size_t>(row)].day;
        std::string line = fmt::format("{:<{}}", weekday_title(date::weekday{sample}.c_encoding()), k_label_width);
        for (std::size_t w = first_week; w < all_weeks; ++w) {
            line += styled_mark(style, stats.days[w * 7 + static_cast<std::size_t>(row)].state);
            if (w + 1 < all_weeks) line += ' ';
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();  // a future day at the end
        out << line << '\n';
    }

    std::vector<std::optional<double>> holds, before, after;
    for (std::size_t w = first_week; w < all_weeks; ++w) {
        holds.push_back(stats.weekly[w].median_hold_s);
        before.push_back(stats.weekly[w].pain_before);
        after.push_back(stats.weekly[w].pain_after);
    }
    double top = stats.hold_s;
    for (const auto& h : holds) top = std::max(top, h.value_or(0.0));
    const std::tuple<std::string_view, std::vector<std::optional<double>>*, double, std::string_view, std::string_view>
        sparks[] = {{"hold", &holds, top, " s", "no holds recorded"},
                    {"pain before", &before, 10.0, "", "not rated"},
                    {"pain after", &after, 10.0, "", "not rated"}};
    for (const auto& [label, values, scale, unit, none] : sparks) {
        out << fmt::format("{:<{}}", label, k_label_width) << style.cyan(sparkline(*values, scale, " ")) << "  "
            << first_to_last(*values, unit, none) << '\n';
    }
    out << '\n';
    const DayState legend[] = {DayState::Done,   DayState::Partial, DayState::Skipped, DayState::Paused,
                               DayState::Missed, DayState::Rest,    DayState::Pending};
    std::string key;
    for (const auto state : legend) {
        if (!key.empty()) key += "  ";
        key += styled_mark(style, state) + " " + std::string(state == DayState::Pending ? "today" : to_string(state));
    }
    out << key << '\n';
    if (shown < all_weeks)
        out << style.dim(fmt::format("The last {} of {} weeks fit this width; 'limber stats --json' has them all.",
                                     shown, all_weeks))
            << '\n';
}

}  // namespace limber
