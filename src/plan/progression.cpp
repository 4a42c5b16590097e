#include <limber/plan/progression.hpp>

#include <algorithm>
#include <deque>

namespace limber {

std::string_view to_string(HoldWhy why) {
    switch (why) {
    case HoldWhy::FirstWeek: return "first-week";
    case HoldWhy::Advanced: return "advanced";
    case HoldWhy::AtCap: return "at-cap";
    case HoldWhy::NothingDue: return "nothing-due";
    case HoldWhy::TargetMissed: return "target-missed";
    case HoldWhy::HeldShort: return "held-short";
    case HoldWhy::MorePain: return "more-pain";
    case HoldWhy::Lowered: return "lowered";
    case HoldWhy::FlareRun: return "flare-run";
    case HoldWhy::FlaresInSeven: return "flares-in-seven";
    case HoldWhy::PainRising: return "pain-rising";
    }
    return "first-week";
}

std::string_view to_string(StopWhy why) {
    switch (why) {
    case StopWhy::None: return "";
    case StopWhy::FlareRun: return "flare-run";
    case StopWhy::FlaresInSeven: return "flares-in-seven";
    case StopWhy::PainRising: return "pain-rising";
    }
    return "";
}

Progress progress_of(const HoldRule& rule, const std::vector<WeekRecord>& ended_weeks) {
    const int floor = std::min(rule.start_s, rule.cap_s);
    Progress p;
    p.hold_s = floor;
    p.cap_s = rule.cap_s;
    bool pain_up = false;  // the verdict of the last rated week: pain before 2 or more above the first's
    p.week_holds.reserve(ended_weeks.size() + 1);
    for (const auto& week : ended_weeks) {
        p.week_holds.push_back(p.hold_s);
        p.last_week = week;
        p.last_week_hold_s = p.hold_s;
        if (week.pain_before) {
            if (!p.first_pain) p.first_pain = week.pain_before;
            else pain_up = *week.pain_before >= *p.first_pain + 2.0;
        }
        p.stopped = week.flare_run || week.flares_in_seven || pain_up;
        const int hold = p.hold_s;
        if (week.due_days <= 0) {
            p.why = HoldWhy::NothingDue;  // nothing was asked of this week (all paused or skipped)
        } else if (week.pain_change && *week.pain_change >= 2.0) {
            p.why = HoldWhy::Lowered;
            p.hold_s = std::max(hold - 5, floor);
        } else if (p.stopped) {
            p.why = week.flare_run         ? HoldWhy::FlareRun
                    : week.flares_in_seven ? HoldWhy::FlaresInSeven
                                           : HoldWhy::PainRising;
        } else if (week.done_days < week.due_days) {
            p.why = HoldWhy::TargetMissed;
        } else if (week.median_held_s && *week.median_held_s * 10.0 < 9.0 * hold) {
            p.why = HoldWhy::HeldShort;  // R25: under 90 % of the week's hold
        } else if (week.pain_change && *week.pain_change > 0.0) {
            p.why = HoldWhy::MorePain;
        } else if (hold >= rule.cap_s) {
            p.why = HoldWhy::AtCap;
        } else {
            p.why = HoldWhy::Advanced;
            p.hold_s = hold + 5;
        }
        p.hold_s = std::min(p.hold_s, rule.cap_s);
    }
    p.week_holds.push_back(p.hold_s);
    p.next_hold_s = p.stopped ? p.hold_s : std::min(p.hold_s + 5, rule.cap_s);
    return p;
}

int hold_after(const HoldRule& rule, const std::vector<WeekRecord>& ended_weeks) {
    return progress_of(rule, ended_weeks).hold_s;
}

int reps_for_hold(int hold_s) {
    if (hold_s <= 0) return 2;
    const int reps = (60 + hold_s - 1) / hold_s;  // ceil(60 / hold)
    return std::clamp(reps, 2, 4);
}

bool is_flare(const SessionFact& s) { return s.pain_before && s.pain_after && *s.pain_after >= *s.pain_before + 2; }

int hold_after_flare(int hold_s) { return hold_s <= 10 ? hold_s : std::max(10, hold_s - 5); }

namespace {

bool was_done(const SessionFact& s) { return s.status != "skipped"; }

/// R25: the flares of the sessions rated both ways, as they come: the run at the end and the
/// last seven.
class FlareWindow {
public:
    void add(const SessionFact& s) {
        if (!s.pain_before || !s.pain_after) return;
        const bool flare = is_flare(s);
        m_run = flare ? m_run + 1 : 0;
        m_last.push_back(flare);
        if (m_last.size() > static_cast<std::size_t>(k_flare_window)) m_last.pop_front();
    }
    int run() const { return m_run; }
    int flares() const { return static_cast<int>(std::count(m_last.begin(), m_last.end(), true)); }
    int rated() const { return static_cast<int>(m_last.size()); }
    bool run_stops() const { return m_run >= k_flare_run_stop; }
    bool window_stops() const { return flares() >= k_flares_in_window_stop; }

private:
    int m_run = 0;
    std::deque<bool> m_last;
};

/// The sessions in the order they were done: by day, keeping the given order within a day.
std::vector<const SessionFact*> in_order(const std::vector<SessionFact>& sessions) {
    std::vector<const SessionFact*> ordered;
    ordered.reserve(sessions.size());
    for (const auto& s : sessions) ordered.push_back(&s);
    std::stable_sort(ordered.begin(), ordered.end(), [](const SessionFact* a, const SessionFact* b) { return a->day < b->day; });
    return ordered;
}

}  // namespace

std::vector<WeekRecord> ended_weeks(Day created, Day today, const Schedule& schedule,
                                    const std::vector<SessionFact>& sessions, const std::vector<PauseSpan>& pauses,
                                    const std::vector<HoldFact>& holds) {
    const DayBook book(sessions, pauses);
    const int current = routine_week(created, today);
    const auto ended = static_cast<std::size_t>(std::max(0, current - 1));
    std::vector<WeekRecord> weeks(ended);
    const auto week_of = [&](Day d) -> std::optional<std::size_t> {
        if (d < created) return std::nullopt;
        const auto w = static_cast<std::size_t>((d - created).count() / 7);
        if (w >= ended) return std::nullopt;
        return w;
    };
    // pain: the change of the sessions rated both ways, the level of those rated before, and
    // the flare patterns each week ends with
    std::vector<double> change_sum(ended, 0.0), before_sum(ended, 0.0);
    std::vector<int> rated(ended, 0), rated_before(ended, 0);
    FlareWindow flares;
    std::size_t next_week = 0;  // the first week whose flare patterns are not yet written
    const auto close_weeks = [&](std::size_t until) {
        for (; next_week < until; ++next_week) {
            weeks[next_week].flare_run = flares.run_stops();
            weeks[next_week].flares_in_seven = flares.window_stops();
        }
    };
    for (const SessionFact* s : in_order(sessions)) {
        const auto w = week_of(s->day);
        if (!w) {
            if (s->day >= created) break;  // the current week: past the ended ones
            continue;
        }
        close_weeks(*w);
        if (!was_done(*s)) continue;
        flares.add(*s);
        if (s->pain_before) {
            before_sum[*w] += *s->pain_before;
            ++rated_before[*w];
        }
        if (s->pain_before && s->pain_after) {
            change_sum[*w] += *s->pain_after - *s->pain_before;
            ++rated[*w];
        }
    }
    close_weeks(ended);
    // the seconds held, per week
    std::vector<std::vector<int>> held(ended);
    for (const auto& h : holds)
        if (const auto w = week_of(h.day)) held[*w].push_back(h.held_s);
    for (std::size_t i = 0; i < ended; ++i) {
        const Day first = created + date::days{7 * static_cast<int>(i)};
        WeekRecord& record = weeks[i];
        int excused = 0;
        int required = 0;
        for (int d = 0; d < 7; ++d) {
            const Day day = first + date::days{d};
            record.done_days += book.done(day);
            excused += book.excused(day);
            required += schedule_asks(schedule, day) && !book.excused(day);
        }
        record.due_days = schedule.kind == ScheduleKind::PerWeek ? std::max(0, schedule.per_week - excused) : required;
        if (rated[i] > 0) record.pain_change = change_sum[i] / rated[i];
        if (rated_before[i] > 0) record.pain_before = before_sum[i] / rated_before[i];
        record.median_held_s = median(held[i]);
    }
    return weeks;
}

namespace {

/// R25: the first rated ended week against the last, and the physiotherapist's advice.
void watch_weeks(const std::vector<WeekRecord>& ended_weeks, PainWatch& watch) {
    std::optional<std::size_t> first, latest;
    for (std::size_t i = 0; i < ended_weeks.size(); ++i)
        if (ended_weeks[i].pain_before) {
            if (!first) first = i;
            latest = i;
            ++watch.rated_weeks;
        }
    if (!first) return;
    watch.first_week_pain = ended_weeks[*first].pain_before;
    watch.last_week_pain = ended_weeks[*latest].pain_before;
    watch.rated_weeks_span = static_cast<int>(ended_weeks.size() - *first);
    watch.rising = *latest != *first && *watch.last_week_pain >= *watch.first_week_pain + 2.0;
    // about 6 weeks on, with two rated weeks, from a first week with something to improve (3 or more)
    watch.see_physio = watch.rated_weeks_span >= 6 && watch.rated_weeks >= 2 && *watch.first_week_pain >= 3.0 &&
                       *watch.last_week_pain >= 2.0 && *watch.last_week_pain > *watch.first_week_pain - 2.0;
}

}  // namespace

PainWatch watch_pain(const std::vector<WeekRecord>& ended_weeks, const std::vector<SessionFact>& sessions,
                     std::optional<Day> this_week_from) {
    PainWatch watch;
    const SessionFact* last = nullptr;
    FlareWindow window;
    StopWhy this_week = StopWhy::None;  // a flare pattern met after a session of this week
    for (const SessionFact* s : in_order(sessions)) {
        if (!was_done(*s)) continue;
        last = s;
        if (!s->pain_before || !s->pain_after) continue;
        window.add(*s);
        watch.flares += is_flare(*s);
        if (this_week_from && s->day >= *this_week_from && this_week == StopWhy::None)
            this_week = window.run_stops() ? StopWhy::FlareRun : window.window_stops() ? StopWhy::FlaresInSeven : StopWhy::None;
    }
    watch.flare_run = window.run();
    watch.recent_flares = window.flares();
    watch.recent_rated = window.rated();
    if (last && is_flare(*last)) {
        watch.last_was_flare = true;
        watch.flare_before = last->pain_before;
        watch.flare_after = last->pain_after;
    }
    watch_weeks(ended_weeks, watch);
    // the stop: the flares of now, pain rising, or a flare pattern no week has ended clear of
    const WeekRecord* last_week = ended_weeks.empty() ? nullptr : &ended_weeks.back();
    watch.stop_now = window.run_stops() || window.window_stops();
    if (window.run_stops()) watch.stop = StopWhy::FlareRun;
    else if (window.window_stops()) watch.stop = StopWhy::FlaresInSeven;
    else if (watch.rising) watch.stop = StopWhy::PainRising;
    else if (last_week && last_week->flare_run) watch.stop = StopWhy::FlareRun;
    else if (last_week && last_week->flares_in_seven) watch.stop = StopWhy::FlaresInSeven;
    else watch.stop = this_week;
    return watch;
}

}  // namespace limber
