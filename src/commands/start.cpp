// limber start [NAME] [--hold S] [--rest S] [--no-prompt] [--pain-before N] [--pain-after N]
//              [--no-bell] [--continue] [--voice | --no-voice]
#include <limber/app/ask.hpp>
#include <limber/app/commands.hpp>
#include <limber/app/routine_lookup.hpp>
#include <limber/app/safety.hpp>
#include <limber/plan/planner.hpp>
#include <limber/session/engine.hpp>
#include <limber/session/guide.hpp>
#include <limber/session/speech.hpp>
#include <limber/session/view.hpp>
#include <limber/stats/streak.hpp>
#include <limber/store/pauses.hpp>
#include <limber/speech/speaker.hpp>
#include <limber/store/sessions.hpp>
#include <limber/terminal/terminal.hpp>
#include <limber/ui/ui.hpp>
#include <limber/util/error.hpp>
#include <limber/util/process.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

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
    bool voice = false;
    bool no_voice = false;
};

/// How long the last words may go on after the session has ended and been stored.
constexpr Millis k_last_words{10000};

/// Says `words` when the session is spoken.
void say(speech::Speaker* speaker, const std::string& shown, Millis valid_for = Millis{30000}) {
    if (speaker) speaker->say_after(spoken(shown), valid_for);  // never in place of the session's last words
}

Millis monotonic() {
    return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now().time_since_epoch());
}

/// Asks for a pain rating on the terminal: 0..10, or Enter (or end of input) for none.
std::optional<int> ask_pain(const std::string& question, Context& context, speech::Speaker* speaker) {
    const std::string prompt = question + " 0 (none) to 10 (worst), Enter to skip";
    say(speaker, prompt);
    for (;;) {
        context.out() << prompt << ": " << std::flush;
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

/// R25: pain of 7 or more before a session. On a terminal: the emergency questions of R27 (a
/// yes records the flag and stops, exit 5), then the advice to walk instead and a confirmation
/// before stretching. Without one (or with --no-prompt): the advice on stderr, and the session
/// goes on. Returns whether to go on.
bool high_pain_check(int pain, bool seated, bool ask, bool terminal, Context& context, speech::Speaker* speaker) {
    // R25, R26: walking, or for seated-only gentle movement in the chair
    const std::string advice = fmt::format("Pain {} of 10 before stretching: {} of 10 to 20 minutes may help more than "
                                           "stretching today.",
                                           pain, seated ? "a gentle seated march" : "a gentle walk");
    if (!ask) {
        say(speaker, advice);
        context.err() << "limber: warning: " << advice
                      << (terminal ? " With --no-prompt nothing is asked" : " With no terminal to ask")
                      << ", the session goes on; stop at any sharp pain.\n";
        return true;
    }
    const std::string intro = fmt::format("Pain {} of 10 is high. First, four questions about signs that need a doctor now.", pain);
    context.out() << intro << '\n';
    static const std::pair<Symptom, const char*> k_questions[] = {
        {Symptom::SaddleNumbness, "Is there numbness around your groin, buttocks or genitals?"},
        {Symptom::BladderBowel, "Is there new trouble controlling or passing urine or stools?"},
        {Symptom::BothLegs, "Is there numbness, tingling or weakness in both legs?"},
        {Symptom::ProgressiveWeakness, "Is a leg getting weaker?"},
    };
    std::vector<Symptom> yes;
    bool first = true;
    for (const auto& [symptom, question] : k_questions) {
        say(speaker, first ? intro + " " + question : std::string(question));
        first = false;
        if (ask_yes(context, context.out(), question)) yes.push_back(symptom);
    }
    if (report_symptoms(context, yes, FlagSource::Start, context.today(), false, false)) return false;
    for (const auto& line : ui::wrap(advice, 78)) context.out() << line << '\n';
    static const std::string k_anyway = "Stretch anyway, gently, stopping at any sharp pain?";
    say(speaker, advice + " " + k_anyway);
    if (ask_yes(context, context.out(), k_anyway)) return true;
    context.out() << "No session today. 'limber log --skip --reason pain' keeps the day out of your streak; "
                     "'limber start' when you are ready.\n";
    return false;
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

/// The guided session on this process's terminal (or, without one, plain lines on stdout):
/// keys in raw mode, signals through a pipe, the live view or one line per event.
class TerminalPort final : public GuidePort {
public:
    TerminalPort(const SessionScript& script, Context& context, Store& store, std::int64_t session_id, bool interactive,
                 bool bell, speech::Speaker* speaker)
        : m_script(script), m_context(context), m_store(store), m_session_id(session_id), m_raw(STDIN_FILENO),
          m_live(interactive && m_raw.enter()), m_view(context, m_live && bell), m_speaker(speaker) {}
    ~TerminalPort() override { finish(); }
    bool live() const { return m_live; }
    /// Readable when a signal has come (for the wait for the last words).
    int signal_fd() const { return m_signals.fd(); }
    /// Gives the terminal back (also on every error: the destructor does it too).
    void finish() {
        m_view.finish();
        m_raw.restore();
    }

    Millis now() override { return monotonic(); }
    Wake wait(Millis timeout) override {
        Wake wake;
        const bool key = term::wait(m_live ? STDIN_FILENO : -1, m_signals.fd(), timeout);
        for (const int sig : m_signals.drain()) {
            if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) wake.interrupts.push_back({Interrupt::Kind::Quit, sig});
            else if (sig == SIGTSTP) wake.interrupts.push_back({Interrupt::Kind::Suspend, sig});
            else if (sig == SIGWINCH || sig == SIGCONT) wake.interrupts.push_back({Interrupt::Kind::Redraw, sig});
        }
        if (key && m_live) {
            char buffer[32];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n > 0) wake.keys.assign(buffer, static_cast<std::size_t>(n));
        }
        return wake;
    }
    void step_started(std::size_t step) override {
        if (!m_live && !m_context.quiet()) {
            m_context.out() << step_line(m_script, step) << '\n';
            for (const auto& line : caution_lines(m_script, step)) m_context.out() << "  " << line << '\n';  // R20
            m_context.out() << std::flush;
        }
        if (SessionEngine::is_work(m_script.steps[step])) m_view.ring();
    }
    void work_ended(const EngineEvent& e) override {
        const int target = m_script.steps[e.step].seconds;
        if (!m_live && !m_context.quiet())
            m_context.out() << fmt::format("{} {} s{}\n", e.cut_short ? "stopped after" : "held", e.held_s,
                                           e.cut_short && e.held_s < target ? fmt::format(" of {}", target) : "")
                            << std::flush;
        if (!e.cut_short) m_view.ring();
    }
    void store_hold(const Hold& hold) override {
        WriteTransaction transaction(m_store);
        insert_hold(m_store, m_session_id, hold);
        transaction.commit();
    }
    void draw(const LiveFrame& frame) override { m_view.draw(m_script, frame); }
    void suspend() override {
        finish();
        term::suspend_self();
        if (m_live) m_raw.enter();
    }
    void redraw() override { m_view.redraw_all(); }
    void say(const std::string& words, Millis valid_for) override {
        if (m_speaker) m_speaker->say(words, valid_for);
    }
    void hush() override {
        if (m_speaker) m_speaker->hush();
    }

private:
    const SessionScript& m_script;
    Context& m_context;
    Store& m_store;
    std::int64_t m_session_id;
    term::SignalPipe m_signals;
    term::RawMode m_raw;
    bool m_live;
    LiveView m_view;
    speech::Speaker* m_speaker;
};

/// The options, checked before anything starts.
struct StartValues {
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    int hold = 0;   ///< 0: as planned
    int rest = -1;  ///< -1: as planned
};

StartValues check_start_options(const StartOptions& o) {
    StartValues v;
    if (o.pain_before) v.pain_before = pain_option(*o.pain_before, "--pain-before");
    if (o.pain_after) v.pain_after = pain_option(*o.pain_after, "--pain-after");
    if (o.hold) v.hold = whole_number_option(*o.hold, "--hold", 1, 600, "seconds");
    if (o.rest) v.rest = whole_number_option(*o.rest, "--rest", 0, 600, "seconds");
    return v;
}

void check_hold_cap(const SavedRoutine& routine, const StartOptions& o, int hold) {
    const int cap = hold_rule_for(routine.request).cap_s;
    if (hold > cap)  // R1, R5, R9, R10: a longer hold is not the goal past the cap
        throw UsageError(fmt::format("--hold {}: longer than the {} s this routine's holds may last; use 1 to {}",
                                     quote(*o.hold), cap, cap),
                         "holds past the cap add nothing; pregnancy and injury cap them at 30 s, hypermobility at 20 s");
}

/// Where this run begins: a new session, or today's last partial one at its next hold.
struct Begin {
    Session session;
    std::size_t first = 0;
    int holds_done = 0;
    int earlier_s = 0;  ///< session time of the runs before
};

Begin begin_at(const StartOptions& o, const SavedRoutine& routine, const SessionScript& script, Day today,
               Context& context) {
    Begin b;
    if (!o.resume) return b;
    auto partial = last_partial_session(context.store(), routine.name, today);
    if (!partial)
        throw NotFound(fmt::format("no partial session of routine \"{}\" today to continue", routine.name),
                       "'limber start' begins a new one");
    b.session = *partial;
    const auto done = holds_of(context.store(), b.session.id);
    b.holds_done = static_cast<int>(done.size());
    b.first = resume_step(script.steps, done);
    b.earlier_s = b.session.duration_s.value_or(0);
    return b;
}

void print_overview(const SessionScript& script, const std::string& overview, Context& context) {
    std::vector<std::string> names;
    for (const auto& item : script.items) names.push_back(exercise_name(item.exercise));
    const auto width = static_cast<std::size_t>(std::max(term::columns(STDOUT_FILENO), 20)) - 1;
    for (const auto& line : ui::wrap(overview, width)) context.out() << line << '\n';
    for (const auto& line : ui::wrap("Coming up: " + join(names, ", ") + ".", width)) context.out() << line << '\n';
}

/// Stores the session row (new, or the resumed one in progress again) before the first second runs.
void open_session(Begin& b, const StartOptions& o, const std::string& routine, std::optional<int> pain_before,
                  Instant wall_start, Day today, Context& context) {
    Store& store = context.store();
    Session& session = b.session;
    WriteTransaction transaction(store);
    session.status = SessionStatus::InProgress;
    if (o.resume) {
        if (pain_before) session.pain_before = pain_before;
        update_session(store, session);
    } else {
        session.uuid = new_uuid();
        session.routine = routine;
        session.day = today;
        session.started_at = wall_start;
        session.zone = context.zone().name();
        session.pain_before = pain_before;
        session.source = SessionSource::Guided;
        session.created_at = wall_start;
        session.id = insert_session(store, session);
    }
    set_session_owner(store, session.id, process_identity());
    transaction.commit();
}

/// Stores how the run ended: completed or partial, its time and the pain after.
void close_session(Session& session, const GuideResult& r, int earlier_s, Instant wall_start,
                   std::optional<int> pain_after, Store& store) {
    session.status = r.completed ? SessionStatus::Completed : SessionStatus::Partial;
    session.duration_s = earlier_s + static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(r.elapsed).count());
    session.ended_at = wall_start + std::chrono::duration_cast<std::chrono::seconds>(r.since_start);
    if (pain_after) session.pain_after = pain_after;
    WriteTransaction transaction(store);
    update_session(store, session);
    set_session_owner(store, session.id, "");
    transaction.commit();
}

void print_summary(const SavedRoutine& routine, const Session& session, const GuideResult& r, int work_total, bool live,
                   Day today, Context& context) {
    if (r.completed) {
        const Streak streak = streak_of(routine.created_day, today, routine.request.schedule, context.settings().week_start,
                                        session_facts(context.store(), routine.name), pause_spans(context.store()));
        context.out() << fmt::format("{}: {} · {} of {} holds · {} s held · streak {} {}{}\n", live ? "Done" : "done",
                                     clock_text(*session.duration_s), r.holds_done, work_total, r.held_s, streak.current,
                                     streak.in_weeks ? "week" : "day", streak.current == 1 ? "" : "s");
    } else {
        context.out() << fmt::format("{}: session {} kept as partial · {} of {} holds. 'limber start --continue' picks up "
                                     "at the next hold.\n",
                                     live ? "Stopped" : "stopped", session.id, r.holds_done, work_total);
    }
}

/// The speaker of a spoken session, when one is asked for (--voice, or the voice setting
/// without --no-voice) and something can speak; else none, with one warning when asked for.
std::unique_ptr<speech::Speaker> voice_for(const StartOptions& o, Context& context) {
    if (!o.voice && (o.no_voice || !context.settings().voice)) return nullptr;
    auto backend = speech::find_backend(context.env());
    if (!backend) {
        context.err() << fmt::format("limber: warning: {}: nothing to speak with; install speech-dispatcher or espeak-ng, "
                                     "or set LIMBER_SPEAK; the session runs without a voice\n",
                                     o.voice ? "--voice" : "the voice setting is on");
        return nullptr;
    }
    return std::make_unique<speech::Speaker>(std::move(*backend));
}

/// The last words are let be said (a signal cuts them short), and a program that failed to
/// speak is named once.
void end_voice(speech::Speaker* speaker, int signal_fd, bool quit_by_signal, Context& context) {
    if (!speaker) return;
    speaker->finish(quit_by_signal ? Millis{0} : k_last_words, signal_fd);
    if (const int failed = speaker->failures(); failed > 0)
        context.err() << fmt::format("limber: warning: --voice: {} failed to speak {} time{} ({}); the timer was not "
                                     "affected\n",
                                     speaker->backend().name, failed, failed == 1 ? "" : "s", speaker->last_failure());
}

void run_start(const StartOptions& o, Context& context) {
    const StartValues v = check_start_options(o);  // everything that can be refused is refused before anything starts
    // R27: no session until a clinician has cleared the red flags, with or without a routine
    if (const std::string suspension = suspension_now(context); !suspension.empty()) {
        const std::unique_ptr<speech::Speaker> speaker = voice_for(o, context);
        for (const auto& line : ui::wrap(suspension, 78)) context.out() << line << '\n';
        say(speaker.get(), suspension);
        end_voice(speaker.get(), -1, false, context);
        context.set_exit_code(static_cast<int>(ExitCode::SafetyStop));
        return;
    }
    const SavedRoutine routine = load_or_not_found(context, routine_name_or_default(o.name, context));
    check_hold_cap(routine, o, v.hold);
    const PlanView view = view_this_week(routine, context);
    const std::unique_ptr<speech::Speaker> speaker = voice_for(o, context);
    SessionScript script = script_for(view, v.hold, v.rest);
    script.spoken = speaker != nullptr;
    const int work_total = hold_count(script.steps);
    if (work_total == 0)  // R29: a session of no holds is never stored (nor earns a streak day)
        throw UsageError(fmt::format("routine \"{}\" has no exercise to do; plan it again with the equipment it "
                                     "needs ('limber plan {} --equipment chair,wall')",
                                     routine.name, routine.name));
    const Day today = context.today();
    const bool interactive = context.in_is_terminal() && context.out_is_terminal();
    Begin b = begin_at(o, routine, script, today, context);
    std::string overview = overview_line(script, b.first, work_total - b.holds_done, o.resume);
    if (script.spoken) {  // time to hear how to get into position, and to do it (--rest or not)
        lengthen_ways_in(script, b.first, overview);
        overview = overview_line(script, b.first, work_total - b.holds_done, o.resume);
    }

    // R25: while progression is stopped, the advice to see a clinician comes before anything
    // else, -q or not, and is said first
    if (const auto stop = stop_advice(view.pain)) {
        for (const auto& line : interactive ? ui::wrap(*stop, 78) : std::vector<std::string>{*stop})
            context.out() << line << '\n';
        if (interactive) say(speaker.get(), *stop);
    }
    if (interactive) print_overview(script, overview, context);
    if (!context.quiet()) {
        const bool stretches = std::any_of(view.today.begin(), view.today.end(),
                                           [](const RoutineItem& i) { return i.phase == Phase::Stretch; });
        // R25: unless --hold sets this session's hold, why the week's hold is what it is (on a
        // terminal) and a flare's shorter hold; always, the physiotherapist's advice
        std::vector<std::string> notes;
        std::vector<std::string> advice;  // what is also said: the flare's shorter hold and the pain advice
        if (v.hold == 0) {
            if (interactive) notes.push_back(hold_reason(view));
            if (auto flare = flare_note(view, true)) advice.push_back(std::move(*flare));
        }
        if (auto physio = physio_advice(view.pain)) advice.push_back(std::move(*physio));
        notes.insert(notes.end(), advice.begin(), advice.end());
        if (stretches) {
            for (const auto& note : notes)
                for (const auto& line : interactive ? ui::wrap(note, 78) : std::vector<std::string>{note})
                    context.out() << line << '\n';
            if (interactive && !advice.empty()) say(speaker.get(), join(advice, " "));
        }
        if (view.strength_today && view.strength.kind != StrengthDays::Kind::Every)
            context.out() << "Today is a strength day: core and buttock strength work follows the stretches.\n";  // R23
        if (view.review_on && today >= *view.review_on)  // R26
            for (const auto& w : view.warnings)
                if (w.starts_with("review:")) context.out() << w << '\n';
    }
    std::optional<int> pain_before = v.pain_before;
    if (!pain_before && !o.resume && interactive && !o.no_prompt)
        pain_before = ask_pain("Back pain now?", context, speaker.get());
    if (pain_before && *pain_before >= 7 &&
        !high_pain_check(*pain_before, seated_only(routine.request), interactive && !o.no_prompt, interactive, context,
                         speaker.get())) {
        end_voice(speaker.get(), -1, false, context);
        return;
    }
    const Instant wall_start = context.clock().now();
    open_session(b, o, routine.name, pain_before, wall_start, today, context);
    if (!interactive && !context.quiet())
        context.out() << fmt::format("start: routine \"{}\", session {}, {} holds, about {}\n", routine.name, b.session.id,
                                     work_total - b.holds_done, clock_text(seconds_from(script.steps, b.first)))
                      << std::flush;

    TerminalPort port(script, context, context.store(), b.session.id, interactive, !o.no_bell, speaker.get());
    const GuideOptions guide{port.live(), b.first, b.holds_done, wall_start, speaker != nullptr, overview};
    const GuideResult r = run_guided(script, guide, port);
    port.finish();

    std::optional<int> pain_after = v.pain_after;
    if (!pain_after && interactive && !o.no_prompt && r.signal == 0)  // muted with m: the question is not said either
        pain_after = ask_pain("Back pain now?", context, r.muted ? nullptr : speaker.get());
    close_session(b.session, r, b.earlier_s, wall_start, pain_after, context.store());
    if (r.signal != 0) context.set_exit_code(128 + r.signal);
    if (!context.quiet()) print_summary(routine, b.session, r, work_total, port.live(), today, context);
    context.out() << std::flush;
    end_voice(speaker.get(), port.signal_fd(), r.signal != 0, context);
}

}  // namespace

void register_start(CLI::App& app, Context& context) {
    auto o = std::make_shared<StartOptions>();
    auto* command = app.add_subcommand("start", "Run a routine as a guided, timed session (keys: space pause, n next, q quit; with --voice r repeat, m mute)");
    add_routine_name_option(*command, o->name);
    command->add_option("--hold", o->hold, "Hold (and set) length for this session, 1 s up to the routine's cap")->type_name("S");
    command->add_option("--rest", o->rest, "Every pause between holds for this session: rests, side switches, get ready")
        ->type_name("S");
    command->add_flag("--no-prompt", o->no_prompt, "Do not ask for pain before and after");
    command->add_option("--pain-before", o->pain_before, "Back pain before, 0 (none) to 10 (worst)")->type_name("N");
    command->add_option("--pain-after", o->pain_after, "Back pain after, 0 (none) to 10 (worst)")->type_name("N");
    command->add_flag("--no-bell", o->no_bell, "No bell at the start and end of each hold");
    command->add_flag("--continue", o->resume, "Resume today's last partial session at its next hold");
    auto* voice = command->add_flag("--voice", o->voice,
                                    "Speak the session (exercise, side, position, countdown, end; keys r repeat, m mute); "
                                    "LIMBER_SPEAK, speech-dispatcher or espeak-ng");
    auto* no_voice = command->add_flag("--no-voice", o->no_voice, "Silent, even with the voice setting on");
    voice->excludes(no_voice);
    command->callback([o, &context] { run_start(*o, context); });
}

}  // namespace limber
