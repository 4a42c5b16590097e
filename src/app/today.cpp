#include <limber/app/today.hpp>

#include <limber/app/routine_lookup.hpp>
#include <limber/app/safety.hpp>
#include <limber/stats/stats.hpp>
#include <limber/stats/streak.hpp>
#include <limber/store/pauses.hpp>
#include <limber/store/routines.hpp>

namespace limber {

Today look_at_today(const std::string& given, Context& context) {
    const std::string name = routine_name_or_default(given, context);
    const bool suspended = !suspension_now(context).empty();  // R27: nothing is due while suspended
    Store& store = context.store();
    if (suspended && !load_routine(store, name)) {  // even before any routine exists
        Today none;
        none.routine.name = name;
        none.suspended = true;
        return none;
    }
    Today t{load_or_not_found(context, name)};
    const Day today = context.today();
    const auto sessions = session_facts(store, name);
    const auto pauses = pause_spans(store);
    const auto& schedule = t.routine.request.schedule;
    const WeekStart week_start = context.settings().week_start;
    t.suspended = suspended;
    t.due = !t.suspended && due_today(t.routine.created_day, today, schedule, week_start, sessions, pauses);
    if (t.due) {
        const Streak streak = streak_of(t.routine.created_day, today, schedule, week_start, sessions, pauses);
        t.streak = streak.current;
        t.streak_in_weeks = streak.in_weeks;
        const PlanView view = view_this_week(t.routine, today, sessions, pauses, week_start,
                                             stretch_holds(store, name, t.routine.created_day, today));
        t.estimated_s = view.estimated_s;
        t.strength_today = view.strength_today && view.strength.kind != StrengthDays::Kind::Every;
        t.review_due = view.review_on && today >= *view.review_on;
        t.stop_advice = stop_advice(view.pain, true).value_or("");
    }
    return t;
}

}  // namespace limber
