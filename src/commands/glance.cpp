// limber (no command): today at a glance — what is due, the streak at stake, this week's hold,
// a flare or a suspension, and the command to run next; while progression is stopped (R25), the
// advice to see a clinician first, and no streak.
#include <limber/app/commands.hpp>
#include <limber/app/figures.hpp>
#include <limber/app/routine_lookup.hpp>
#include <limber/app/safety.hpp>
#include <limber/plan/timing.hpp>
#include <limber/store/pauses.hpp>
#include <limber/store/routines.hpp>
#include <limber/ui/ui.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <ostream>

namespace limber {

namespace {

/// What the glance says of one routine.
struct Glance {
    std::string name;
    bool due = false;
    bool done_today = false;
    bool suspended = false;
    std::optional<Day> next;
    RoutineFigures figures;
};

Glance glance_at(Context& context, const std::string& name) {
    Glance g{name, false, false, false, std::nullopt, routine_figures(context, name, 1)};
    const RoutineFigures& f = g.figures;
    const Day today = context.today();
    const WeekStart week_start = context.settings().week_start;
    const auto& schedule = f.routine.request.schedule;
    g.suspended = f.view.suspended();
    g.due = !g.suspended && due_today(f.routine.created_day, today, schedule, week_start, f.sessions, f.pauses);
    g.done_today = !f.stats.days.empty() && std::any_of(f.stats.days.begin(), f.stats.days.end(), [&](const DayMark& m) {
        return m.day == today && m.state == DayState::Done;
    });
    if (!g.due && !g.suspended)
        g.next = next_due_day(f.routine.created_day, today, schedule, week_start, f.sessions, f.pauses);
    return g;
}

std::string when(Day day, Day today) {
    if (day == today + date::days{1}) return fmt::format("tomorrow, {}", day_title(day));
    return day_title(day);
}

/// "default: due today, about 10 min 10 s" ("default: progression stopped; due today, …"); the
/// one line -q prints.
std::string headline(const Glance& g, Day today) {
    if (g.suspended) return fmt::format("{}: suspended", g.name);
    const std::string name = g.figures.view.pain.stopped() ? g.name + ": progression stopped;" : g.name + ":";  // R25
    if (g.due) {
        std::string line = fmt::format("{} due today, about {}", name, format_duration(g.figures.view.estimated_s));
        if (g.figures.view.strength_today && g.figures.view.strength.kind != StrengthDays::Kind::Every)
            line += ", with the strength work";
        return line;
    }
    std::string line = fmt::format("{} {}", name, g.done_today ? "done today" : "nothing due today");
    if (g.next) line += fmt::format("; next session {}", when(*g.next, today));
    return line;
}

void first_run(Context& context, const ui::Style& style) {
    if (context.quiet()) return;
    std::ostream& out = context.out();
    out << style.bold("limber") << " plans, guides and tracks hamstring stretching for lower back pain.\n\n"
        << "No routine yet. Plan your first one (10 minutes a day, for a beginner):\n\n"
        << "  limber plan --level beginner\n\n"
        << "Add what applies to you, such as --constraint back-pain, pregnant, injured or no-floor, and\n"
        << "--minutes or --days ('limber plan --help' lists them all). Then 'limber start' runs it.\n";
}

/// No routine yet, but a red flag suspends the routines to come (R27): the suspension first, and
/// planning only once a clinician has cleared it.
void suspended_first_run(Context& context, const ui::Style& style, const std::string& suspension) {
    std::ostream& out = context.out();
    if (context.quiet()) {
        out << "suspended (no routine yet)\n";
        return;
    }
    out << style.bold(day_title(context.today())) << "\n\n";
    for (const auto& wrapped : ui::wrap(suspension, 78)) out << style.red(wrapped) << '\n';
    out << '\n';
    for (const auto& wrapped : ui::wrap("No routine yet. Once a clinician has cleared you, 'limber plan --level "
                                        "beginner' plans your first one.",
                                        78))
        out << wrapped << '\n';
}

}  // namespace

void show_today(Context& context) {
    const ui::Style style(context.color());
    // A first run looks without making a database.
    if (!std::filesystem::exists(context.db_path())) {
        first_run(context, style);
        return;
    }
    const auto names = routine_names(context.store());
    if (names.empty()) {
        if (const std::string suspension = suspension_now(context); !suspension.empty())
            suspended_first_run(context, style, suspension);
        else
            first_run(context, style);
        return;
    }
    const Day today = context.today();
    std::vector<Glance> glances;
    for (const auto& name : names) glances.push_back(glance_at(context, name));
    // a pause in force holds every routine: say until when, and why
    std::optional<std::string> pause;
    for (const auto& p : list_pauses(context.store()))
        if (p.from <= today && today <= p.to)
            pause = fmt::format("Paused to {}{}.", day_title(p.to), p.reason.empty() ? "" : fmt::format(" ({})", p.reason));
    std::ostream& out = context.out();
    if (context.quiet()) {
        for (const auto& g : glances) out << headline(g, today) << '\n';
        return;
    }
    out << style.bold(day_title(today)) << "\n\n";
    const std::string default_name = routine_name_or_default("", context);
    std::vector<std::string> next;  // "Next: …" lines, the commands in bold
    bool suspended = false;
    for (const auto& g : glances) {
        const RoutineFigures& f = g.figures;
        const Streak& streak = f.stats.streak;
        const std::string line = headline(g, today);
        const auto colon = line.find(':');
        out << style.bold(line.substr(0, colon)) << line.substr(colon) << '\n';
        if (g.suspended) {
            suspended = true;
            continue;
        }
        std::vector<std::string> notes;
        const auto stop = stop_advice(f.view.pain, true);  // R25: first, and no streak urged while it stands
        if (stop) notes.push_back(*stop);
        if (f.subject.stretches) notes.push_back(fmt::format("Hold {} s this week (routine week {}).", f.view.hold_s, f.view.week));
        const std::string command = style.bold(g.name == default_name ? "limber start" : "limber start " + g.name);
        if (g.due && stop) {
            next.push_back("see a physiotherapist or doctor; until then " + command + " stretches gently at this week's holds");
        } else if (g.due) {
            if (streak.current == 0)
                notes.push_back(streak.longest > 0 ? fmt::format("No streak running (the longest was {}): today's "
                                                                 "session starts one.",
                                                                 streak_length(streak.longest, streak.in_weeks))
                                                   : std::string("No streak yet: a session today starts one."));
            else if (streak.in_weeks) notes.push_back(fmt::format("Streak: {}, with this week's at stake.", streak_length(streak.current, true)));
            else notes.push_back(fmt::format("Streak: {}; today's session makes it {}.", streak_length(streak.current, false),
                                             streak.current + 1));
            next.push_back(command);
        } else if (streak.current > 0 && !stop) {
            notes.push_back(fmt::format("Streak: {}.", streak_length(streak.current, streak.in_weeks)));
        }
        if (const auto flare = flare_note(f.view, false)) notes.push_back(*flare);  // R25
        if (pause) notes.push_back(*pause);
        if (!g.due && !g.next) notes.push_back("No session is due in the next year: a pause runs past it.");
        if (f.view.review_on && today >= *f.view.review_on)  // R26
            notes.push_back(fmt::format("Review due since {}: plan again once {} are pain-free.",
                                        format_day(*f.view.review_on), strain_review_test(f.view.request)));
        for (const auto& note : notes)
            for (const auto& wrapped : ui::wrap(note, 76)) out << "  " << wrapped << '\n';
    }
    if (suspended) {  // R27: one suspension holds every routine
        out << '\n';
        for (const auto& wrapped : ui::wrap(glances.front().figures.view.suspension, 78))
            out << style.red(wrapped) << '\n';
        return;
    }
    out << '\n';
    if (!next.empty()) {
        for (const auto& line : next) out << "Next: " << line << '\n';
    } else {
        out << style.dim("Nothing is due today. 'limber stats' shows your progress, and 'limber report' makes") << '\n'
            << style.dim("a report to take to your physiotherapist.") << '\n';
    }
}

}  // namespace limber
