#include <limber/progression.hpp>

#include <algorithm>
#include <map>

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

}  // namespace limber

#include <map>

namespace limber {

int routine_week(Day created, Day today) {
    if (today < created) return 1;
    return static_cast<int>((today - created).count() / 7) + 1;
}

std::vector<WeekRecord> ended_weeks(Day created, Day today, const Schedule& schedule,
                                    const std::vector<SessionFact>& sessions,
                                    const std::vector<PauseSpan>& pauses) {
    struct DayState {
        bool done = false;
        bool skipped = false;
    };
    std::map<Day, DayState> days;
    for (const auto& s : sessions) {
        if (s.status == "completed") days[s.day].done = true;
        if (s.status == "skipped") days[s.day].skipped = true;
    }
    auto paused = [&pauses](Day d) {
        return std::any_of(pauses.begin(), pauses.end(),
                           [d](const PauseSpan& p) { return p.from <= d && d <= p.to; });
    };

    std::vector<WeekRecord> weeks;
    const int current = routine_week(created, today);
    for (int w = 1; w < current; ++w) {
        const Day first = created + date::days{7 * (w - 1)};
        WeekRecord record;
        int excused = 0;
        int required = 0;
        for (int i = 0; i < 7; ++i) {
            const Day d = first + date::days{i};
            const auto it = days.find(d);
            const bool done = it != days.end() && it->second.done;
            const bool skipped = it != days.end() && it->second.skipped && !done;
            const bool excused_day = skipped || (paused(d) && !done);
            record.done_days += done;
            if (schedule.kind == ScheduleKind::PerWeek) {
                excused += excused_day;
                continue;
            }
            const unsigned weekday = date::weekday{d}.c_encoding();
            const bool asked = schedule.kind == ScheduleKind::Daily ||
                               std::find(schedule.weekdays.begin(), schedule.weekdays.end(), weekday) !=
                                   schedule.weekdays.end();
            required += asked && !excused_day;
        }
        record.due_days = schedule.kind == ScheduleKind::PerWeek ? std::max(0, schedule.per_week - excused) : required;

        double change_sum = 0;
        int rated = 0;
        for (const auto& s : sessions)
            if (s.day >= first && s.day < first + date::days{7} && s.pain_before && s.pain_after) {
                change_sum += *s.pain_after - *s.pain_before;
                ++rated;
            }
        if (rated > 0) record.pain_change = change_sum / rated;
        weeks.push_back(record);
    }
    return weeks;
}

}  // namespace limber
