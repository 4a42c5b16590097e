// limber start [NAME] [--hold S] [--rest S] [--no-prompt] [--pain-before N] [--pain-after N]
//              [--no-bell] [--continue]
#include <limber/util/values.hpp>
#include <limber/app/commands.hpp>
#include <limber/util/error.hpp>
#include <limber/store/pauses.hpp>
#include <limber/plan/planner.hpp>
#include <limber/util/process.hpp>
#include <limber/app/routine_lookup.hpp>
#include <limber/session/engine.hpp>
#include <limber/session/view.hpp>
#include <limber/store/sessions.hpp>
#include <limber/stats/streak.hpp>
#include <limber/terminal/terminal.hpp>
#include <limber/util/text.hpp>
#include <limber/ui/ui.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <csignal>
#include <istream>
#include <memory>
#include <ostream>
#include <unistd.h>

namespace limber {

namespace {

struct StartOptions {
    std::string name;
    std::optional<std::string> hold;
    std::optional<std::string> rest;
    std::optional<std::string> pain_before;
    std::optional<std::string> pain_after;
    bool no_prompt = false;
    bool no_bell = false;
    bool resume = false;
};

Millis monotonic() {
    return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now().time_since_epoch());
}

/// Asks for a pain rating on the terminal: 0..10, or Enter (or end of input) for none.
std::optional<int> ask_pain(const std::string& question, Context& context) {
    for (;;) {
        context.out() << question << " 0 (none) to 10 (worst), Enter to skip: " << std::flush;
        std::string answer;
        if (!std::getline(context.in(), answer)) {
            context.out() << '\n';
            return std::nullopt;
        }
        answer.erase(std::remove_if(answer.begin(), answer.end(), [](char c) { return c == ' ' || c == '\r'; }), answer.end());
        if (answer.empty()) return std::nullopt;
        long long value = 0;
        if (parse_int(answer, 0, 10, value)) return static_cast<int>(value);
        context.out() << fmt::format("{} is not a rating; type a whole number from 0 to 10.\n", quote(answer));
    }
}

/// The steps of this session: the routine at this week's hold, with --hold (0: not given) and
/// --rest (-1: not given) applied. (Plain ints: GCC 12 misreads std::optional<int> here.)
SessionScript script_for(const SavedRoutine& routine, const PlanView& view, int hold, int rest) {
    SessionScript script;
    script.routine = routine.name;
    script.items = view.items;
    Timing timing;
    if (rest >= 0) {
        timing.get_ready_s = timing.transition_s = timing.position_change_s = timing.side_switch_s = rest;
        for (auto& item : script.items) item.rest_s = rest;
    }
    if (hold > 0)
        for (auto& item : script.items)
            if (item.hold_s > 0) item.hold_s = hold;
    script.steps = expand(script.items, timing);
    if (hold > 0)
        for (auto& step : script.steps)
            if (step.kind == StepKind::Reps) step.seconds = hold;  // a set lasts the same as a hold
    return script;
}

/// Draws the live block in place (a terminal only).
class LiveView {
public:
    LiveView(Context& context, bool bell) : m_out(context.out()), m_style(context.color()), m_bell(bell) {}
    ~LiveView() { finish(); }
    void draw(const SessionScript& script, const LiveFrame& frame) {
        const auto lines = live_lines(script, frame, term::columns(STDOUT_FILENO), m_style);
        std::string text;
        if (m_drawn == 0) text += "\x1b[?25l";  // hide the cursor
        else if (m_clear) text += "\x1b[2J\x1b[H";
        else text += fmt::format("\x1b[{}F", m_drawn);
        for (const auto& line : lines) text += "\x1b[2K" + line + "\n";
        text += "\x1b[J";
        m_out << text << std::flush;
        m_drawn = lines.size();
        m_clear = false;
    }
    void redraw_all() { m_clear = true; }
    void ring() {
        if (m_bell) m_out << '\a' << std::flush;
    }
    void finish() {
        if (m_drawn > 0) m_out << "\x1b[?25h" << std::flush;
        m_drawn = 0;
    }

private:
    std::ostream& m_out;
    ui::Style m_style;
    bool m_bell;
    std::size_t m_drawn = 0;
    bool m_clear = false;
};

void run_start(const StartOptions& o, Context& context) {
    // everything that can be refused is refused before anything starts
    const auto pain_before_given = o.pain_before ? std::optional(pain_option(*o.pain_before, "--pain-before")) : std::nullopt;
    const auto pain_after_given = o.pain_after ? std::optional(pain_option(*o.pain_after, "--pain-after")) : std::nullopt;
    const int hold = o.hold ? whole_number_option(*o.hold, "--hold", 1, 600, "seconds") : 0;
    const int rest = o.rest ? whole_number_option(*o.rest, "--rest", 0, 600, "seconds") : -1;

    auto& store = context.store();
    const SavedRoutine routine = load_or_not_found(context, routine_name_or_default(o.name, context));
    const int cap = hold_rule_for(routine.request).cap_s;
    if (hold > cap)  // R1, R5, R9, R10: a longer hold is not the goal past the cap
        throw UsageError(fmt::format("--hold {}: longer than the {} s this routine's holds may last; use 1 to {}",
                                     quote(*o.hold), cap, cap),
                         "holds past the cap add nothing (DOMAIN R5); pregnancy and injury cap them at 30 s");
    const PlanView view = view_this_week(routine, context);
    const SessionScript script = script_for(routine, view, hold, rest);
    std::vector<int> ordinal(script.steps.size(), -1);  // the hold number of each work step
    int work_total = 0;
    for (std::size_t i = 0; i < script.steps.size(); ++i)
        if (SessionEngine::is_work(script.steps[i])) ordinal[i] = work_total++;
    const auto seconds_from = [&script](std::size_t first_step) {
        int left = 0;
        for (std::size_t i = first_step; i < script.steps.size(); ++i) left += script.steps[i].seconds;
        return left;
    };
    const int total_s = seconds_from(0);

    const Day today = context.today();
    const bool interactive = context.in_is_terminal() && context.out_is_terminal();
    Session session;
    std::size_t first = 0;
    int holds_done = 0;
    int earlier_s = 0;
    if (o.resume) {
        auto partial = last_partial_session(store, routine.name, today);
        if (!partial)
            throw NotFound(fmt::format("no partial session of routine \"{}\" today to continue", routine.name),
                           "'limber start' begins a new one");
        session = *partial;
        const auto done = holds_of(store, session.id);
        holds_done = static_cast<int>(done.size());
        const int next = done.empty() ? 0 : done.back().seq + 1;
        first = script.steps.size();
        for (std::size_t i = 0; i < script.steps.size(); ++i)
            if (ordinal[i] == next) {
                first = i > 0 && !SessionEngine::is_work(script.steps[i - 1]) ? i - 1 : i;  // with its way in
                break;
            }
        earlier_s = session.duration_s.value_or(0);
    }

    // the overview, then pain before
    if (interactive) {
        std::vector<std::string> names;
        for (const auto& item : script.items) names.push_back(exercise_name(item.exercise));
        const auto width = static_cast<std::size_t>(std::max(term::columns(STDOUT_FILENO), 20)) - 1;
        const std::string overview =
            fmt::format("{}Routine \"{}\": {} holds, about {}.", o.resume ? "Continuing. " : "", routine.name,
                        work_total - holds_done, clock_text(seconds_from(first)));
        for (const auto& line : ui::wrap(overview, width)) context.out() << line << '\n';
        for (const auto& line : ui::wrap("Coming up: " + join(names, ", ") + ".", width)) context.out() << line << '\n';
    }
    std::optional<int> pain_before = pain_before_given;
    if (!pain_before && !o.resume && interactive && !o.no_prompt) pain_before = ask_pain("Back pain now?", context);

    // the session row exists before the first second runs
    const Instant wall_start = context.clock().now();
    {
        WriteTransaction transaction(store);
        if (o.resume) {
            session.status = SessionStatus::InProgress;
            if (pain_before) session.pain_before = pain_before;
            update_session(store, session);
        } else {
            session.uuid = new_uuid();
            session.routine = routine.name;
            session.day = today;
            session.started_at = wall_start;
            session.zone = context.zone().name();
            session.status = SessionStatus::InProgress;
            session.pain_before = pain_before;
            session.source = SessionSource::Guided;
            session.created_at = wall_start;
            session.id = insert_session(store, session);
        }
        set_session_owner(store, session.id, process_identity());
        transaction.commit();
    }
    if (!interactive && !context.quiet())
        context.out() << fmt::format("start: routine \"{}\", session {}, {} holds, about {}\n", routine.name, session.id,
                                     work_total - holds_done, clock_text(seconds_from(first))) << std::flush;

    term::SignalPipe signals;
    term::RawMode raw(STDIN_FILENO);
    const bool live = interactive && raw.enter();
    LiveView view_out(context, live && !o.no_bell);
    const Millis mono_start = monotonic();
    SessionEngine engine(script.steps, first, mono_start);
    int signal_number = 0;
    int held_this_run = 0;

    auto store_hold = [&](const Step& step, int seq, int held) {
        Hold h;
        h.seq = seq;
        h.item = static_cast<int>(step.item);
        h.exercise = script.items.at(step.item).exercise;
        h.side = step.side;
        h.rep = step.rep;
        h.target_s = step.seconds;
        h.held_s = held;
        h.ended_at = wall_start + std::chrono::duration_cast<std::chrono::seconds>(monotonic() - mono_start);
        WriteTransaction transaction(store);
        insert_hold(store, session.id, h);
        transaction.commit();
    };
    auto handle = [&](const std::vector<EngineEvent>& events) {
        for (const auto& e : events) {
            if (e.kind == EngineEvent::Kind::Finished) continue;
            const Step& step = script.steps[e.step];
            const bool work = SessionEngine::is_work(step);
            if (e.kind == EngineEvent::Kind::StepStarted) {
                if (!live && !context.quiet()) context.out() << step_line(script, e.step) << '\n' << std::flush;
                if (work) view_out.ring();
            } else if (work) {
                if (e.held_s > 0) {
                    store_hold(step, ordinal[e.step], e.held_s);
                    ++holds_done;
                    held_this_run += e.held_s;
                }
                if (!live && !context.quiet())
                    context.out() << fmt::format("{} {} s{}\n", e.cut_short ? "stopped after" : "held", e.held_s,
                                                 e.cut_short && e.held_s < step.seconds ? fmt::format(" of {}", step.seconds) : "")
                                  << std::flush;
                if (!e.cut_short) view_out.ring();
            }
        }
    };

    while (!engine.finished()) {
        handle(engine.advance(monotonic()));
        if (engine.finished()) break;
        const Millis now = monotonic();
        if (live)
            view_out.draw(script, LiveFrame{engine.current(), engine.remaining(now).count(), engine.elapsed(now).count(),
                                            total_s, holds_done, work_total, engine.paused()});
        const Millis remaining = engine.paused() ? Millis{1000} : engine.remaining(now);
        const Millis timeout = live ? std::min(remaining, Millis{100}) : remaining;
        const bool key = term::wait(live ? STDIN_FILENO : -1, signals.fd(), timeout);
        for (const int sig : signals.drain()) {
            if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) {
                signal_number = sig;
                handle(engine.quit(monotonic()));
            } else if (sig == SIGTSTP) {
                engine.pause(monotonic());
                view_out.finish();
                raw.restore();
                term::suspend_self();
                if (live) raw.enter();
                view_out.redraw_all();
            } else if (sig == SIGWINCH || sig == SIGCONT) {
                view_out.redraw_all();
            }
        }
        if (key && live && !engine.finished()) {
            char buffer[32];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            for (ssize_t i = 0; i < n && !engine.finished(); ++i) {
                const char c = buffer[i];
                if (c == ' ') {
                    engine.paused() ? engine.resume(monotonic()) : engine.pause(monotonic());
                } else if (c == 'n' || c == 'N') {
                    handle(engine.skip(monotonic()));
                } else if (c == 'q' || c == 'Q') {
                    handle(engine.quit(monotonic()));
                }
            }
        }
    }
    const bool completed = engine.completed();
    const Millis ended = monotonic();
    if (live && completed)
        view_out.draw(script, LiveFrame{script.steps.size(), 0, engine.elapsed(ended).count(), total_s, holds_done,
                                        work_total, false});
    view_out.finish();
    raw.restore();

    std::optional<int> pain_after = pain_after_given;
    if (!pain_after && interactive && !o.no_prompt && signal_number == 0) pain_after = ask_pain("Back pain now?", context);
    session.status = completed ? SessionStatus::Completed : SessionStatus::Partial;
    session.duration_s = earlier_s + static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(engine.elapsed(ended)).count());
    session.ended_at = wall_start + std::chrono::duration_cast<std::chrono::seconds>(ended - mono_start);
    if (pain_after) session.pain_after = pain_after;
    {
        WriteTransaction transaction(store);
        update_session(store, session);
        set_session_owner(store, session.id, "");
        transaction.commit();
    }

    if (signal_number != 0) context.set_exit_code(128 + signal_number);
    if (context.quiet()) return;
    if (completed) {
        const Streak streak = streak_of(routine.created_day, today, routine.request.schedule, context.settings().week_start,
                                        session_facts(store, routine.name), pause_spans(store));
        context.out() << fmt::format("{}: {} · {} of {} holds · {} s held · streak {} {}{}\n", live ? "Done" : "done",
                                     clock_text(*session.duration_s), holds_done, work_total, held_this_run, streak.current,
                                     streak.in_weeks ? "week" : "day", streak.current == 1 ? "" : "s");
    } else {
        context.out() << fmt::format("{}: session {} kept as partial · {} of {} holds. 'limber start --continue' picks up "
                                     "at the next hold.\n",
                                     live ? "Stopped" : "stopped", session.id, holds_done, work_total);
    }
}

}  // namespace

void register_start(CLI::App& app, Context& context) {
    auto o = std::make_shared<StartOptions>();
    auto* command = app.add_subcommand("start", "Run a routine as a guided, timed session (keys: space pause, n next, q quit)");
    add_routine_name_option(*command, o->name);
    command->add_option("--hold", o->hold, "Hold (and set) length for this session, 1 s up to the routine's cap")->type_name("S");
    command->add_option("--rest", o->rest, "Every pause between holds for this session: rests, side switches, get ready")
        ->type_name("S");
    command->add_flag("--no-prompt", o->no_prompt, "Do not ask for pain before and after");
    command->add_option("--pain-before", o->pain_before, "Back pain before, 0 (none) to 10 (worst)")->type_name("N");
    command->add_option("--pain-after", o->pain_after, "Back pain after, 0 (none) to 10 (worst)")->type_name("N");
    command->add_flag("--no-bell", o->no_bell, "No bell at the start and end of each hold");
    command->add_flag("--continue", o->resume, "Resume today's last partial session at its next hold");
    command->callback([o, &context] { run_start(*o, context); });
}

}  // namespace limber
