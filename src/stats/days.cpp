#include <limber/stats/days.hpp>

#include <algorithm>

namespace limber {

int routine_week(Day created, Day today) {
    if (today < created) return 1;
    return static_cast<int>((today - created).count() / 7) + 1;
}

DayBook::DayBook(const std::vector<SessionFact>& sessions, const std::vector<PauseSpan>& pauses) : m_pauses(pauses) {
    if (sessions.empty()) return;
    const auto [lowest, highest] = std::minmax_element(sessions.begin(), sessions.end(),
                                                       [](const SessionFact& a, const SessionFact& b) { return a.day < b.day; });
    m_first = lowest->day;
    m_flags.assign(static_cast<std::size_t>((highest->day - m_first).count() + 1), 0);
    for (const auto& s : sessions) {
        auto& f = m_flags[static_cast<std::size_t>((s.day - m_first).count())];
        if (s.status == "completed") f |= k_done;
        if (s.status == "skipped") f |= k_skipped;
        if (s.status == "partial" || s.status == "in_progress") f |= k_partial;
    }
}

bool DayBook::paused(Day d) const {
    return std::any_of(m_pauses.begin(), m_pauses.end(), [d](const PauseSpan& p) { return p.from <= d && d <= p.to; });
}

DayBook::WeekCounts DayBook::week(Day first, Day created, Day today) const {
    WeekCounts counts;
    for (int i = 0; i < 7; ++i) {
        const Day d = first + date::days{i};
        if (done(d) && d <= today) {
            ++counts.done;
        } else if (d < created || excused(d)) {
            ++counts.excused;
        }
    }
    return counts;
}

bool DayBook::excused(Day d) const {
    if (done(d)) return false;
    return skipped(d) || paused(d);
}

bool schedule_asks(const Schedule& schedule, Day d) {
    if (schedule.kind != ScheduleKind::Weekdays) return true;
    const unsigned weekday = date::weekday{d}.c_encoding();
    return std::find(schedule.weekdays.begin(), schedule.weekdays.end(), weekday) != schedule.weekdays.end();
}

std::optional<double> median(std::vector<int>& values) {
    if (values.empty()) return std::nullopt;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    if (values.size() % 2 == 1) return *middle;
    const int below = *std::max_element(values.begin(), middle);
    return (below + *middle) / 2.0;
}

}  // namespace limber
