#include <limber/stats/stats.hpp>

#include <limber/plan/progression.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace limber {

std::string_view to_string(DayState state) {
    switch (state) {
    case DayState::Done: return "done";
    case DayState::Partial: return "partial";
    case DayState::Skipped: return "skipped";
    case DayState::Paused: return "paused";
    case DayState::Missed: return "missed";
    case DayState::Rest: return "rest";
    case DayState::Pending: return "pending";
    case DayState::Future: return "future";
    }
    return "rest";
}

std::optional<double> Adherence::rate() const {
    if (due <= 0) return std::nullopt;
    return static_cast<double>(done) / due;
}

std::string iso_week_label(Day d) {
    // The ISO week belongs to the year of its Thursday.
    const Day thursday = first_day_of_week(d, WeekStart::Monday) + date::days{3};
    const date::year_month_day ymd{thursday};
    const Day january_1 = date::local_days{ymd.year() / 1 / 1};
    const auto week = (thursday - january_1).count() / 7 + 1;
    return fmt::format("{}-W{:02}", static_cast<int>(ymd.year()), week);
}

Day window_first_day(Day today, WeekStart week_start, int weeks) {
    return first_day_of_week(today, week_start) - date::days{7 * (weeks - 1)};
}

namespace {

bool due_on(const DayBook& book, Day created, Day day, const Schedule& schedule, WeekStart week_start) {
    if (day < created || book.done(day) || book.excused(day)) return false;
    if (schedule.kind != ScheduleKind::PerWeek) return schedule_asks(schedule, day);
    const auto week = book.week(first_day_of_week(day, week_start), created, day);
    return week.done < schedule.per_week - week.excused;
}

}  // namespace

bool due_today(Day created, Day today, const Schedule& schedule, WeekStart week_start,
               const std::vector<SessionFact>& sessions, const std::vector<PauseSpan>& pauses) {
    return due_on(DayBook(sessions, pauses), created, today, schedule, week_start);
}

std::optional<Day> next_due_day(Day created, Day today, const Schedule& schedule, WeekStart week_start,
                                const std::vector<SessionFact>& sessions, const std::vector<PauseSpan>& pauses) {
    const DayBook book(sessions, pauses);
    for (Day d = today + date::days{1}; d <= today + date::days{k_next_due_horizon_days}; d += date::days{1})
        if (due_on(book, created, d, schedule, week_start)) return d;
    return std::nullopt;
}

namespace {

bool counts_as_session(const SessionFact& s) { return s.status == "completed" || s.status == "partial"; }

/// A session's pain level for the trend: before, or after when only that was rated.
std::optional<int> pain_level(const SessionFact& s) { return s.pain_before ? s.pain_before : s.pain_after; }

PainTrend pain_trend(const std::vector<SessionFact>& sessions, WeekStart week_start) {
    PainTrend trend;
    std::map<Day, std::pair<double, int>> weeks;  // week -> (sum, count) of levels
    for (const auto& s : sessions) {
        const auto level = pain_level(s);
        if (!level) continue;
        ++trend.sessions_rated;
        auto& [sum, count] = weeks[first_day_of_week(s.day, week_start)];
        sum += *level;
        ++count;
    }
    if (weeks.size() < 2) return trend;
    const std::size_t span = weeks.size() >= 4 ? 2 : 1;
    auto average = [](auto first, auto last) {
        double sum = 0;
        int count = 0;
        for (auto it = first; it != last; ++it) {
            sum += it->second.first;
            count += it->second.second;
        }
        return sum / count;
    };
    trend.first_avg = average(weeks.begin(), std::next(weeks.begin(), static_cast<std::ptrdiff_t>(span)));
    trend.last_avg = average(std::prev(weeks.end(), static_cast<std::ptrdiff_t>(span)), weeks.end());
    return trend;
}

/// The state of a day before the target is applied: what was recorded on it.
std::optional<DayState> recorded_state(const DayBook& book, Day d) {
    if (book.done(d)) return DayState::Done;
    if (book.partial(d)) return DayState::Partial;
    if (book.skipped(d)) return DayState::Skipped;
    if (book.paused(d)) return DayState::Paused;
    return std::nullopt;
}

/// Daily and weekdays targets: each day on its own.
void mark_days(const StatsInput& in, const DayBook& book, Stats& stats) {
    for (std::size_t i = 0; i < stats.days.size(); ++i) {
        auto& mark = stats.days[i];
        const Day d = mark.day;
        if (d > in.today) {
            mark.state = DayState::Future;
            continue;
        }
        const bool asked = d >= in.created && schedule_asks(in.schedule, d) && !book.excused(d);
        if (asked && (d < in.today || book.done(d))) {
            Adherence& week = stats.weekly[i / 7].adherence;
            ++week.due;
            week.done += book.done(d);
        }
        if (const auto state = recorded_state(book, d)) {
            mark.state = *state;
        } else if (!asked) {
            mark.state = DayState::Rest;
        } else {
            mark.state = d == in.today ? DayState::Pending : DayState::Missed;
        }
    }
}

/// A per-week target: the week is what is due.
void mark_weeks(const StatsInput& in, const DayBook& book, Stats& stats) {
    for (std::size_t w = 0; w * 7 < stats.days.size(); ++w) {
        DayMark* week = &stats.days[w * 7];
        const auto [done, excused] = book.week(week[0].day, in.created, in.today);
        const int required = std::max(0, in.schedule.per_week - excused);
        const bool current = week[6].day >= in.today;
        const int counted = current ? std::min(required, done) : required;
        stats.weekly[w].adherence = Adherence{counted, std::min(done, counted)};
        int shortfall = current ? 0 : std::max(0, required - done);
        for (int i = 6; i >= 0; --i) {
            const Day d = week[i].day;
            if (d > in.today) {
                week[i].state = DayState::Future;
            } else if (const auto state = recorded_state(book, d)) {
                week[i].state = *state;
            } else if (d < in.created) {
                week[i].state = DayState::Rest;
            } else if (d == in.today) {
                week[i].state = done >= required ? DayState::Rest : DayState::Pending;
            } else if (shortfall > 0) {
                week[i].state = DayState::Missed;
                --shortfall;
            } else {
                week[i].state = DayState::Rest;
            }
        }
    }
}

void weekly_figures(const StatsInput& in, Stats& stats) {
    const Day first = stats.days.front().day;
    const auto week_index = [&](Day d) { return static_cast<std::size_t>((d - first).count() / 7); };
    const Day end = first + date::days{7 * in.weeks};
    std::vector<std::vector<int>> holds(stats.weekly.size());
    for (const auto& h : in.holds)
        if (h.day >= first && h.day < end) holds[week_index(h.day)].push_back(h.held_s);
    std::vector<std::pair<double, int>> before(stats.weekly.size()), after(stats.weekly.size());
    for (const auto& s : in.sessions) {
        if (s.day < first || s.day >= end) continue;
        const auto w = week_index(s.day);
        if (counts_as_session(s)) {
            ++stats.weekly[w].sessions;
            stats.weekly[w].seconds += s.duration_s;
        }
        if (pain_level(s)) ++stats.weekly[w].rated;
        if (is_flare(s) && s.status != "skipped") ++stats.weekly[w].flares;  // as watch_pain counts them
        if (s.pain_before) before[w] = {before[w].first + *s.pain_before, before[w].second + 1};
        if (s.pain_after) after[w] = {after[w].first + *s.pain_after, after[w].second + 1};
    }
    std::int64_t seconds = 0;
    int active_weeks = 0;
    for (std::size_t w = 0; w < stats.weekly.size(); ++w) {
        auto& week = stats.weekly[w];
        seconds += week.seconds;
        active_weeks += week.first + date::days{6} >= in.created;
        week.median_hold_s = median(holds[w]);
        const Day last = std::min(week.first + date::days{6}, in.today);
        if (last >= in.created && !in.week_holds.empty()) {
            const auto routine = static_cast<std::size_t>(std::max(1, routine_week(in.created, last)));
            week.hold_target_s = in.week_holds[std::min(routine, in.week_holds.size()) - 1];
        }
        if (before[w].second > 0) week.pain_before = before[w].first / before[w].second;
        if (after[w].second > 0) week.pain_after = after[w].first / after[w].second;
    }
    stats.minutes_per_week = static_cast<double>(seconds) / 60.0 / std::max(active_weeks, 1);
}

}  // namespace

Stats compute_stats(const StatsInput& in) {
    Stats stats;
    stats.streak = streak_of(in.created, in.today, in.schedule, in.week_start, in.sessions, in.pauses);
    for (const auto& s : in.sessions) {
        if (s.status != "completed" && s.status != "partial") continue;
        ++stats.totals.sessions;
        stats.totals.seconds += s.duration_s;
        stats.totals.holds += s.hold_count;
        stats.totals.hold_seconds += s.hold_seconds;
    }
    stats.weeks = in.weeks;
    stats.hold_s = in.hold_s;
    stats.next_hold_s = in.next_hold_s;
    stats.pain = pain_trend(in.sessions, in.week_start);

    const Day first = window_first_day(in.today, in.week_start, in.weeks);
    stats.counted_from = std::max(first, in.created);
    for (int w = 0; w < in.weeks; ++w) {
        WeekFigures week;
        week.first = first + date::days{7 * w};
        week.label = iso_week_label(week.first + date::days{in.week_start == WeekStart::Sunday ? 1 : 0});
        stats.weekly.push_back(std::move(week));
        for (int i = 0; i < 7; ++i) stats.days.push_back(DayMark{first + date::days{7 * w + i}, DayState::Rest});
    }
    const DayBook book(in.sessions, in.pauses);
    if (in.schedule.kind == ScheduleKind::PerWeek) {
        mark_weeks(in, book, stats);
    } else {
        mark_days(in, book, stats);
    }
    for (const auto& week : stats.weekly) {
        stats.adherence.due += week.adherence.due;
        stats.adherence.done += week.adherence.done;
    }
    weekly_figures(in, stats);
    return stats;
}

}  // namespace limber
