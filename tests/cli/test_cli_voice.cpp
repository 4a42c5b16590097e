// End-to-end: start --voice through a recording LIMBER_SPEAK (each utterance appended with a
// monotonic time stamp): what is said and in which order, that a slow or hanging speech
// command loses words and never seconds nor leaves a child behind, the warning without any
// way to speak, the voice setting, and the keys r and m on a real pseudo-terminal.
#include "harness.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

using Clock = std::chrono::steady_clock;

/// The beginner 5-minute routine: march in place (standing), then the seated knee-extension
/// stretch (on a chair), 4 reps a side: 9 holds, one change of position.
void make_routine(const Limber& limber) {
    REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}).exit_code == 0);
}

std::string one(const Limber& limber, const std::string& sql) {
    SQLite::Database db(limber.db().string());
    return db.execAndGet(sql).getString();
}

struct Said {
    double at = 0;  ///< seconds of the monotonic clock (/proc/uptime)
    std::string words;
};

/// A speech command that reads its words and then sleeps `seconds`, written to `file` (whose
/// path, in each process's command line, finds any left running); the LIMBER_SPEAK running it.
std::string sleeping_speech(const std::filesystem::path& file, int seconds) {
    write_file(file, "cat >/dev/null\nsleep " + std::to_string(seconds) + "\n");
    return "sh '" + file.string() + "'";
}

const std::vector<std::string> k_spoken_short = {"start", "--voice", "--hold", "2", "--rest", "1"};

/// A LIMBER_SPEAK that appends "UPTIME<TAB>WORDS" to `file` for each utterance.
std::string recorder(const std::filesystem::path& file) {
    return "read -r up rest </proc/uptime; words=$(cat); printf '%s\\t%s\\n' \"$up\" \"$words\" >> '" + file.string() + "'";
}

std::vector<Said> said(const std::filesystem::path& file) {
    std::vector<Said> lines;
    std::istringstream in(read_file(file));
    std::string line;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        lines.push_back({std::stod(line.substr(0, tab)), line.substr(tab + 1)});
    }
    return lines;
}

/// The index of the first utterance from `from` on that contains `text`, or -1.
int find_said(const std::vector<Said>& lines, const std::string& text, int from = 0) {
    for (int i = from; i < static_cast<int>(lines.size()); ++i)
        if (lines[static_cast<std::size_t>(i)].words.find(text) != std::string::npos) return i;
    return -1;
}

/// "about 1:08" in the start line, in seconds.
int about_seconds(const std::string& out) {
    const auto at = out.find(", about ");
    REQUIRE(at != std::string::npos);
    const auto colon = out.find(':', at);
    return std::stoi(out.substr(at + 8, colon - at - 8)) * 60 + std::stoi(out.substr(colon + 1, 2));
}

/// The pids of running processes whose command line holds `text`.
std::vector<int> processes_with(const std::string& text) {
    std::vector<int> pids;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::string cmdline = read_file(entry.path() / "cmdline");
        std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
        if (cmdline.find(text) != std::string::npos) pids.push_back(std::stoi(name));
    }
    return pids;
}

/// Waits until `file` holds `text`, `timeout` at most, reading what the session draws
/// meanwhile (a terminal nobody reads would stop it at its next write).
bool wait_said(Terminal& terminal, const std::filesystem::path& file, const std::string& text,
               std::chrono::milliseconds timeout) {
    const auto until = Clock::now() + timeout;
    while (Clock::now() < until) {
        if (read_file(file).find(text) != std::string::npos) return true;
        terminal.wait_for("\x01 not drawn", std::chrono::milliseconds(50));
    }
    return false;
}

/// Reads what the session draws for `time`.
void keep_reading(Terminal& terminal, std::chrono::milliseconds time) {
    const auto until = Clock::now() + time;
    while (Clock::now() < until) terminal.wait_for("\x01 not drawn", std::chrono::milliseconds(50));
}

}  // namespace

TEST_CASE("start --voice says the routine, each exercise, side, change of position and countdown, and the end, in order") {
    Limber limber;
    make_routine(limber);
    const auto file = limber.dir() / "said.tsv";
    const auto r = limber.run({"start", "--voice", "--hold", "4", "--rest", "1", "--pain-after", "2"},
                              {{"LIMBER_SPEAK", recorder(file)}});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto lines = said(file);
    REQUIRE(lines.size() > 20);
    // the opening and the first way in, then each step's words where it begins
    CHECK_THAT(lines[0].words, StartsWith("Routine default: 9 holds, about "));
    CHECK_THAT(lines[0].words, Contains("Get ready: March in place. Stand tall, with a chair or wall in reach."));
    const std::vector<std::string> order = {
        "Begin.", "3", "2", "1",
        "Get into position: Seated knee-extension stretch. Sit near the front of a sturdy chair, feet flat on the floor.",
        "Left side.", "3", "2", "1", "Rest 1 second.", "Rep 2 of 4.", "Rep 4 of 4.", "3", "2", "1",
        "Switch to the right side.", "Right side.", "Rep 4 of 4.", "3", "2", "1",
        "Done, 9 of 9 holds, 36 seconds held."};
    int at = 0;
    for (const auto& words : order) {
        INFO("looking for: " << words);
        const int found = find_said(lines, words, at);
        REQUIRE(found >= at);
        at = found + 1;
    }
    CHECK(lines.back().words == "Done, 9 of 9 holds, 36 seconds held.");
    int threes = 0;
    for (const auto& line : lines) threes += line.words == "3";
    CHECK(threes == 9);  // every hold counts down its last 3 seconds
    // "3", "2", "1" a second apart, the last one a second before the hold ends
    const int three = find_said(lines, "3");
    REQUIRE(lines[static_cast<std::size_t>(three + 2)].words == "1");
    CHECK(lines[static_cast<std::size_t>(three + 2)].at - lines[static_cast<std::size_t>(three)].at ==
          Approx(2.0).margin(0.3));
    // a spoken way in that changes position lasts long enough to hear it and move: 5 s more
    // than its words; stdout keeps its plain lines, the longer pauses in them
    CHECK_THAT(r.out, StartsWith("start: routine \"default\", session 1, 9 holds, about "));
    const auto next = r.out.find("next ");
    REQUIRE(next != std::string::npos);
    CHECK(std::stoi(r.out.substr(next + 5)) >= 10);
    CHECK(r.out.find("Begin.") == std::string::npos);
    CHECK(one(limber, "SELECT count(*) || ' ' || sum(held_s) FROM holds") == "9 36");
    CHECK(one(limber, "SELECT status || ' ' || pain_after FROM sessions") == "completed 2");
}

TEST_CASE("start --voice with a speech command that takes 3 s an utterance ends on schedule and leaves no child") {
    Limber limber;
    make_routine(limber);
    const auto script = limber.dir() / "slow-speech.sh";
    Terminal run(limber, k_spoken_short, {{"LIMBER_SPEAK", sleeping_speech(script, 3)}}, Attach::Pipes);
    REQUIRE(run.wait_for("start: routine \"default\""));
    REQUIRE(run.wait_for("holds, about "));
    const auto started = Clock::now();
    REQUIRE(run.wait_for("\n", std::chrono::seconds{5}));
    const int expected = about_seconds(run.output());
    REQUIRE(run.wait_for("done: ", std::chrono::seconds{expected + 10}));
    const double took = std::chrono::duration<double>(Clock::now() - started).count();
    INFO("the session was planned at " << expected << " s and took " << took << " s");
    CHECK(took < expected + 1.0);  // the speech did not hold the timer
    CHECK(took > expected - 1.0);
    CHECK(run.wait_exit(std::chrono::seconds{15}) == 0);
    CHECK(processes_with(script.string()).empty());  // no speech command is left running
    CHECK(one(limber, "SELECT status || ' ' || duration_s FROM sessions") == "completed " + std::to_string(expected));
}

TEST_CASE("start --voice with a speech command that hangs: a signal ends the session at once, its child too") {
    Limber limber;
    make_routine(limber);
    const auto script = limber.dir() / "hanging-speech.sh";
    Terminal run(limber, k_spoken_short, {{"LIMBER_SPEAK", sleeping_speech(script, 300)}}, Attach::Pipes);
    REQUIRE(run.wait_for("get ready"));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK(!processes_with(script.string()).empty());  // the speech command is saying the opening
    const auto signalled = Clock::now();
    run.signal(SIGTERM);
    CHECK(run.wait_exit(std::chrono::seconds{5}) == 128 + SIGTERM);
    CHECK(std::chrono::duration<double>(Clock::now() - signalled).count() < 2.0);
    CHECK(processes_with(script.string()).empty());
    CHECK(one(limber, "SELECT status FROM sessions") == "partial");
}

TEST_CASE("start --voice without any way to speak warns once and runs the session silent") {
    Limber limber;
    make_routine(limber);
    const auto empty = limber.dir() / "empty-bin";
    std::filesystem::create_directories(empty);
    const auto r = limber.run({"start", "--voice", "--hold", "1", "--rest", "0"},
                              {{"PATH", empty.string()}, {"LIMBER_SPEAK", std::nullopt}, {"XDG_RUNTIME_DIR", std::nullopt},
                               {"SPEECHD_ADDRESS", std::nullopt}});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err == "limber: warning: --voice: nothing to speak with; install speech-dispatcher or espeak-ng, or set "
                   "LIMBER_SPEAK; the session runs without a voice\n");
    CHECK_THAT(r.out, StartsWith("start: routine \"default\", session 1, 9 holds, about 0:09\n"));  // the silent session
    CHECK(one(limber, "SELECT status || ' ' || count(*) FROM sessions JOIN holds ON holds.session_id = sessions.id") ==
          "completed 9");
}

TEST_CASE("start --voice with a failing speech command names it once after the session, whose timing is kept") {
    Limber limber;
    make_routine(limber);
    const auto r = limber.run({"start", "--voice", "--hold", "1", "--rest", "0"}, {{"LIMBER_SPEAK", "cat >/dev/null; exit 3"}});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, StartsWith("limber: warning: --voice: LIMBER_SPEAK failed to speak "));
    CHECK_THAT(r.err, Contains(" (exit status 3); the timer was not affected\n"));
    CHECK(line_count(r.err) == 1);
    CHECK(one(limber, "SELECT status FROM sessions") == "completed");
}

TEST_CASE("the voice setting makes start speak, --no-voice keeps it silent, and both flags at once are refused") {
    Limber limber;
    make_routine(limber);
    const auto file = limber.dir() / "said.tsv";
    const Env env = {{"LIMBER_SPEAK", recorder(file)}};
    REQUIRE(limber.run({"config", "set", "voice", "on"}).exit_code == 0);
    CHECK(limber.run({"config", "get", "voice"}).out == "on\n");
    REQUIRE(limber.run({"start", "--hold", "1", "--rest", "0"}, env).exit_code == 0);
    CHECK_THAT(read_file(file), Contains("Done, 9 of 9 holds, 9 seconds held."));
    std::filesystem::remove(file);
    REQUIRE(limber.run({"start", "--no-voice", "--hold", "1", "--rest", "0"}, env).exit_code == 0);
    CHECK(read_file(file).empty());
    const auto both = limber.run({"start", "--voice", "--no-voice"}, env);
    CHECK(both.exit_code == 2);
    CHECK_THAT(both.err, StartsWith("limber: error: --voice excludes --no-voice\n"));
    CHECK(one(limber, "SELECT count(*) FROM sessions") == "2");
    const auto bad = limber.run({"config", "set", "voice", "loud"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "limber: error: voice 'loud': not allowed; use on or off\n");
    CHECK(limber.run({"config", "get", "voice"}).out == "on\n");
}

TEST_CASE("start --voice in a terminal: r says the step again with its time left, m mutes and unmutes") {
    Limber limber;
    make_routine(limber);
    const auto file = limber.dir() / "said.tsv";
    Terminal terminal(limber, {"start", "--voice", "--hold", "14", "--rest", "1", "--no-prompt"},
                      {{"NO_COLOR", "1"}, {"LIMBER_SPEAK", recorder(file)}});
    REQUIRE(terminal.wait_for("r repeat · m mute · q quit", std::chrono::seconds{10}));
    REQUIRE(wait_said(terminal, file, "Begin.", std::chrono::seconds{25}));  // the first hold began
    terminal.type("r");
    REQUIRE(wait_said(terminal, file, "seconds left.", std::chrono::seconds{3}));
    CHECK_THAT(said(file).back().words, StartsWith("March in place. "));
    terminal.type("m");
    REQUIRE(terminal.wait_for("m unmute"));
    const std::size_t before = said(file).size();
    terminal.type("r");  // muted: nothing is said
    keep_reading(terminal, std::chrono::milliseconds(1500));
    CHECK(said(file).size() == before);
    terminal.type("m");
    REQUIRE(wait_said(terminal, file, "Voice on.", std::chrono::seconds{3}));
    REQUIRE(terminal.wait_for("m mute"));
    terminal.type("q");
    CHECK(terminal.wait_exit(std::chrono::seconds{15}) == 0);
    CHECK(said(file).back().words == "Stopped, 1 of 9 holds kept.");
    CHECK(terminal.output().rfind("\x1b[?25h") > terminal.output().rfind("\x1b[?25l"));  // the cursor is back
    CHECK_THAT(terminal.output(), Contains("Stopped: session 1 kept as partial · 1 of 9 holds."));
}

TEST_CASE("start --voice in a terminal: the pain question after the session waits for the last words, never replaces them") {
    Limber limber;
    make_routine(limber);
    const auto file = limber.dir() / "said.tsv";
    // each utterance takes a second: "Done, …" waits while the countdown's "1" is said, and the
    // question comes while it waits
    Terminal terminal(limber, {"start", "--voice", "--hold", "2", "--rest", "1", "--pain-before", "3"},
                      {{"NO_COLOR", "1"}, {"LIMBER_SPEAK", recorder(file) + "; sleep 1"}});
    REQUIRE(terminal.wait_for("Back pain now?", std::chrono::seconds{150}));  // room for a sanitizer build on a busy machine
    terminal.type("2\r");
    CHECK(terminal.wait_exit(std::chrono::seconds{30}) == 0);
    const auto lines = said(file);
    const int done = find_said(lines, "Done, 9 of 9 holds");
    const int question = find_said(lines, "Back pain now?");
    CHECK(done >= 0);
    CHECK(question >= done);
    CHECK(one(limber, "SELECT pain_after FROM sessions") == "2");
}
