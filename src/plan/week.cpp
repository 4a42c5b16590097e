#include <limber/plan/week.hpp>

#include <limber/stats/streak.hpp>
#include <limber/util/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace limber {

bool strength_day(const StrengthDays& days, Day today, WeekStart week_start, const std::vector<SessionFact>& sessions) {
    switch (days.kind) {
    case StrengthDays::Kind::None: return false;
    case StrengthDays::Kind::Every: return true;
    case StrengthDays::Kind::Weekdays: {
        const unsigned weekday = date::weekday{today}.c_encoding();
        return std::find(days.days.begin(), days.days.end(), weekday) != days.days.end();
    }
    case StrengthDays::Kind::Ordinals: {
        const Day first = first_day_of_week(today, week_start);
        std::set<Day> done;
        for (const auto& s : sessions)
            if (s.status == "completed" && s.day >= first && s.day < today) done.insert(s.day);
        const auto ordinal = static_cast<unsigned>(done.size() + 1);
        return std::find(days.days.begin(), days.days.end(), ordinal) != days.days.end();
    }
    }
    return false;
}

StrengthWeek strength_week(const StrengthDays& days, const Schedule& schedule, Day today, WeekStart week_start,
                           const std::vector<SessionFact>& sessions) {
    StrengthWeek w;
    w.days = days;
    w.today = strength_day(days, today, week_start, sessions) && schedule_asks(schedule, today);
    const Day first = first_day_of_week(today, week_start);
    std::set<Day> done;
    for (const auto& s : sessions)
        if (s.status == "completed" && s.day >= first && s.day <= today) done.insert(s.day);
    for (Day d = first; d <= today; d += date::days{1})
        if (done.count(d) && strength_day(days, d, week_start, sessions)) ++w.done;
    switch (days.kind) {
    case StrengthDays::Kind::None: w.planned = 0; break;
    case StrengthDays::Kind::Every: w.planned = schedule.days_per_week(); break;
    case StrengthDays::Kind::Weekdays:
    case StrengthDays::Kind::Ordinals: w.planned = static_cast<int>(days.days.size()); break;
    }
    return w;
}

bool has_stretches(const std::vector<RoutineItem>& items) {
    return std::any_of(items.begin(), items.end(), [](const RoutineItem& i) { return i.phase == Phase::Stretch; });
}

PlanView view_this_week(const SavedRoutine& routine, Day today, const std::vector<SessionFact>& sessions,
                        const std::vector<PauseSpan>& pauses, WeekStart week_start, const std::vector<HoldFact>& holds) {
    const auto weeks = ended_weeks(routine.created_day, today, routine.request.schedule, sessions, pauses, holds);
    const HoldRule rule = hold_rule_for(routine.request);
    PlanView view;
    view.name = routine.name;
    view.request = routine.request;
    view.week = routine_week(routine.created_day, today);
    view.progress = progress_of(rule, weeks);
    view.pain = watch_pain(weeks, sessions, routine.created_day + date::days{7 * (view.week - 1)});
    view.hold_s = view.progress.hold_s;
    // next week's: this week met, and ending on the flare patterns it has now
    auto if_met = weeks;
    WeekRecord met;
    met.due_days = met.done_days = 1;
    met.flare_run = view.pain.flare_run >= k_flare_run_stop;
    met.flares_in_seven = view.pain.recent_flares >= k_flares_in_window_stop;
    if_met.push_back(met);
    view.next_hold_s = hold_after(rule, if_met);
    view.session_hold_s = view.pain.last_was_flare ? hold_after_flare(view.hold_s) : view.hold_s;
    // R24: every week is fitted to the minutes again at its hold
    Plan plan = plan_at_hold(routine.request, view.hold_s);
    view.items = std::move(plan.items);
    if (view.session_hold_s < view.hold_s)  // R25: the session after a flare holds 5 s less, with the same reps
        for (auto& item : view.items)
            if (item.phase == Phase::Stretch && item.hold_s > 0) item.hold_s = hold_after_flare(item.hold_s);
    view.strength = plan.strength;
    view.strength_today = strength_day(view.strength, today, week_start, sessions);
    view.today = items_on(view.items, view.strength_today);
    if (view.session_hold_s < view.hold_s) {
        view.plain_s = estimate_seconds(items_on(view.items, false));
        view.strength_s = plan.strength_day_s > 0 ? estimate_seconds(items_on(view.items, true)) : 0;
    } else {
        view.plain_s = plan.estimated_s;
        view.strength_s = plan.strength_day_s;
    }
    view.estimated_s = view.strength_today && view.strength_s > 0 ? view.strength_s : view.plain_s;
    view.excluded = std::move(plan.excluded);
    view.warnings = std::move(plan.warnings);
    view.unlock = std::move(plan.unlock);
    if (plan.review_after_days) {
        view.review_on = routine.created_day + date::days{*plan.review_after_days};
        if (today >= *view.review_on)
            view.warnings.insert(view.warnings.begin(),
                                 fmt::format("review: this routine for a fresh strain was made on {}. If {} are now "
                                             "pain-free, plan again with {} for gentle stretching; if not, see a "
                                             "physiotherapist or doctor.",
                                             format_day(routine.created_day), strain_review_test(routine.request),
                                             strain_review_option(routine.request)));
    }
    return view;
}

std::string hold_reason(const PlanView& view) {
    const Progress& p = view.progress;
    const WeekRecord& w = p.last_week;
    const std::string hold = fmt::format("Hold {} s", view.hold_s);
    switch (p.why) {
    case HoldWhy::FirstWeek:
        if (view.hold_s >= p.cap_s) return hold + ": the starting hold, and the longest this routine asks for.";
        return hold + ": the starting hold. It rises by 5 s a week while the week's sessions are all done, its "
                      "holds last at least 90 % of the hold, and pain does not rise.";
    case HoldWhy::Advanced:
        return hold + ": up 5 s, as last week's sessions were all done, held fully, and pain did not rise.";
    case HoldWhy::AtCap: return hold + ": the longest hold this routine asks for.";
    case HoldWhy::NothingDue: return hold + ": unchanged, as nothing was due last week.";
    case HoldWhy::TargetMissed:
        return fmt::format("{}: unchanged, as last week had {} of {} due sessions done.", hold, w.done_days, w.due_days);
    case HoldWhy::HeldShort:
        return fmt::format("{}: unchanged, as last week's holds lasted {} s (the median), under 90 % of its {} s.",
                           hold, figure(w.median_held_s.value_or(0)), p.last_week_hold_s);
    case HoldWhy::MorePain:
        return fmt::format("{}: unchanged, as last week your back hurt {} points more after sessions than before, "
                           "on average.",
                           hold, figure(w.pain_change.value_or(0)));
    case HoldWhy::Lowered:
        return fmt::format("{}: {}, as last week your back hurt {} points more after sessions than before, on "
                           "average.",
                           hold, view.hold_s < p.last_week_hold_s ? "down 5 s" : "kept at the starting hold",
                           figure(w.pain_change.value_or(0)));
    case HoldWhy::FlareRun:
        return hold + ": progression stopped, as your last three rated sessions each left your back 2 or more "
                      "points more painful than before.";
    case HoldWhy::FlaresInSeven:
        return hold + ": progression stopped, as four or more of your last seven rated sessions by the end of last "
                      "week left your back 2 or more points more painful than before.";
    case HoldWhy::PainRising:
        return fmt::format("{}: progression stopped, as your back pain before sessions averaged {} last week, 2 or "
                           "more points above the {} of your first rated week.",
                           hold, figure(w.pain_before.value_or(0)), figure(p.first_pain.value_or(0)));
    }
    return hold + ".";
}

std::optional<std::string> flare_note(const PlanView& view, bool starting) {
    const PainWatch& pain = view.pain;
    if (!pain.last_was_flare) return std::nullopt;
    return fmt::format("{}: {} s holds{}, as your last one ended with pain {} after {} before (a flare); the hold is "
                       "back to {} s after it.",
                       starting ? "This session" : "Next session", view.session_hold_s,
                       view.session_hold_s < view.hold_s ? fmt::format(", {} s less", view.hold_s - view.session_hold_s)
                                                         : std::string(" (not under 10 s)"),
                       pain.flare_after.value_or(0), pain.flare_before.value_or(0), view.hold_s);
}

namespace {

/// Why progression is stopped, in words ("your last 3 rated sessions were flares").
std::string stop_reason(const PainWatch& pain) {
    switch (pain.stop) {
    case StopWhy::FlareRun:
        if (pain.stop_now) return fmt::format("your last {} rated sessions were flares", pain.flare_run);
        return "three of your rated sessions in a row were flares, and no week has ended clear of them since";
    case StopWhy::FlaresInSeven:
        if (pain.stop_now)
            return fmt::format("{} of your last {} rated sessions were flares", pain.recent_flares, pain.recent_rated);
        return "four of seven of your rated sessions were flares, and no week has ended clear of them since";
    case StopWhy::PainRising:
        return fmt::format("your back pain before sessions has risen from {} to {} (weekly average)",
                           figure(pain.first_week_pain.value_or(0)), figure(pain.last_week_pain.value_or(0)));
    case StopWhy::None: break;
    }
    return {};
}

}  // namespace

std::optional<std::string> stop_advice(const PainWatch& pain, bool brief) {
    if (!pain.stopped()) return std::nullopt;
    std::string text = fmt::format("Progression is stopped: {}. See a physiotherapist or doctor before going on.",
                                   stop_reason(pain));
    if (brief) return text;
    text += " The hold can rise again after a week that ends with neither three flares in a row nor four among the "
            "last seven rated sessions";
    if (pain.first_week_pain)
        text += fmt::format(", and whose pain before averages under {}", figure(*pain.first_week_pain + 2.0));
    return text + ".";
}

std::optional<std::string> physio_advice(const PainWatch& pain) {
    if (!pain.see_physio || pain.stopped()) return std::nullopt;
    return fmt::format("After {} weeks your back pain before sessions ({}) is not 2 points better than in your first "
                       "rated week ({}): a physiotherapist can check what else would help.",
                       pain.rated_weeks_span, figure(pain.last_week_pain.value_or(0)),
                       figure(pain.first_week_pain.value_or(0)));
}

std::vector<std::string> pain_advice(const PlanView& view) {
    std::vector<std::string> lines;
    for (auto advice : {stop_advice(view.pain), physio_advice(view.pain)})
        if (advice) lines.push_back(std::move(*advice));
    return lines;
}

std::vector<std::string> hold_notes(const PlanView& view) {
    // R25: the advice to see a clinician, when progression is stopped, comes first
    std::vector<std::string> lines;
    for (auto note : {stop_advice(view.pain), std::optional<std::string>(hold_reason(view)), flare_note(view, false),
                      physio_advice(view.pain)})
        if (note) lines.push_back(std::move(*note));
    return lines;
}

}  // namespace limber
