#include <limber/plan/progression.hpp>

#include <algorithm>

namespace limber {

int hold_after(const HoldRule& rule, const std::vector<WeekRecord>& ended_weeks) {
    int hold = std::min(rule.start_s, rule.cap_s);
    for (const auto& week : ended_weeks) {
        if (week.due_days <= 0) continue;  // nothing was asked of this week (all paused or skipped)
        const bool met = week.done_days >= week.due_days;
        const bool no_more_pain = !week.pain_change || *week.pain_change <= 0.0;
        if (met && no_more_pain) {
            hold += 5;
        } else if (week.pain_change && *week.pain_change >= 2.0) {
            hold = std::max(hold - 5, std::min(rule.start_s, rule.cap_s));
        }
        hold = std::min(hold, rule.cap_s);
    }
    return hold;
}

int reps_for_hold(int hold_s) {
    if (hold_s <= 0) return 2;
    const int reps = (60 + hold_s - 1) / hold_s;  // ceil(60 / hold)
    return std::clamp(reps, 2, 4);
}

std::vector<WeekRecord> ended_weeks(Day created, Day today, const Schedule& schedule,
                                    const std::vector<SessionFact>& sessions,
                                    const std::vector<PauseSpan>& pauses) {
    const DayBook book(sessions, pauses);
    std::vector<WeekRecord> weeks;
    const int current = routine_week(created, today);
    // The pain change of the sessions rated both ways, summed per ended week.
    std::vector<double> change_sum(static_cast<std::size_t>(current), 0.0);
    std::vector<int> rated(static_cast<std::size_t>(current), 0);
    for (const auto& s : sessions) {
        if (s.day < created || !s.pain_before || !s.pain_after) continue;
        const auto w = static_cast<std::size_t>((s.day - created).count() / 7);
        if (w + 1 >= static_cast<std::size_t>(current)) continue;
        change_sum[w] += *s.pain_after - *s.pain_before;
        ++rated[w];
    }
    for (int w = 1; w < current; ++w) {
        const Day first = created + date::days{7 * (w - 1)};
        WeekRecord record;
        int excused = 0;
        int required = 0;
        for (int i = 0; i < 7; ++i) {
            const Day d = first + date::days{i};
            record.done_days += book.done(d);
            excused += book.excused(d);
            required += schedule_asks(schedule, d) && !book.excused(d);
        }
        record.due_days = schedule.kind == ScheduleKind::PerWeek ? std::max(0, schedule.per_week - excused) : required;
        const auto i = static_cast<std::size_t>(w - 1);
        if (rated[i] > 0) record.pain_change = change_sum[i] / rated[i];
        weeks.push_back(record);
    }
    return weeks;
}

}  // namespace limber
