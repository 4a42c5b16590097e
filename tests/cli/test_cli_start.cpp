// End-to-end: limber start without a terminal (full run, signals, a killed process, --continue)
// and in a real pseudo-terminal (live countdown, space to pause, q to quit, prompts, resize).
#include "refusals.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <thread>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

/// The beginner 5-minute routine: march in place, then the seated knee-extension stretch, 4 reps
/// a side (R2 at 15 s): 9 holds.
void make_routine(const Limber& limber) {
    REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "5", "-q"}).exit_code == 0);
}

std::string one(const Limber& limber, const std::string& sql) {
    SQLite::Database db(limber.db().string());
    return db.execAndGet(sql).getString();
}

const std::vector<std::string> k_fast = {"start", "--hold", "1", "--rest", "0"};

std::vector<std::string> fast(std::vector<std::string> more = {}) {
    auto args = k_fast;
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

}  // namespace

TEST_CASE("start without a terminal runs the routine to the end, one plain line per event, storing every hold") {
    Limber limber;
    make_routine(limber);
    const auto r = limber.run(fast({"--pain-before", "5", "--pain-after", "3"}));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, StartsWith("start: routine \"default\", session 1, 9 holds, about 0:09\n"
                                 "hold 1 s: March in place\nheld 1 s\n"
                                 "hold 1 s: Seated knee-extension stretch · left side · rep 1 of 4\nheld 1 s\n"));
    CHECK_THAT(r.out, Contains("hold 1 s: Seated knee-extension stretch · right side · rep 4 of 4\nheld 1 s\n"));
    CHECK_THAT(r.out, EndsWith("done: 0:09 · 9 of 9 holds · 9 s held · streak 1 day\n"));
    CHECK(r.out.find('\x1b') == std::string::npos);  // no escape codes
    CHECK(r.out.find('\a') == std::string::npos);    // no bell
    CHECK(line_count(r.out) == 1 + 9 * 2 + 1);
    CHECK(one(limber, "SELECT status || ' ' || source || ' ' || duration_s || ' ' || pain_before || ' ' || pain_after || ' ' "
                      "|| typeof(owner) || ' ' || day FROM sessions") == "completed guided 9 5 3 null 2026-11-21");
    CHECK(one(limber, "SELECT count(*) || ' ' || sum(held_s) || ' ' || min(seq) || ' ' || max(seq) FROM holds") == "9 9 0 8");
    CHECK(one(limber, "SELECT group_concat(side, ',') FROM (SELECT side FROM holds ORDER BY seq)") ==
          ",left,left,left,left,right,right,right,right");
    // the holds end one second apart, from the session's start
    CHECK(one(limber, "SELECT max(h.ended_at) - s.started_at FROM holds h JOIN sessions s ON s.id = h.session_id") == "9");
    // and the history shows the guided session like any other
    const auto history = json::parse(limber.run({"history", "--json"}).out);
    CHECK(history.at(0).at("holds").size() == 9);
    CHECK(history.at(0).at("hold_seconds") == 9);
}

TEST_CASE("start refuses bad values before anything starts") {
    Limber limber;
    make_routine(limber);
    check_usage_errors(limber, {
        {{"start", "--hold", "0"}, "limber: error: --hold '0': not a whole number of seconds from 1 to 600\n"},
        {{"start", "--hold", "45"}, "limber: error: --hold '45': longer than the 30 s this routine's holds may last; use 1 "
                                    "to 30\nhint: holds past the cap add nothing; pregnancy and injury cap them at 30 s, hypermobility at 20 s\n"},
        {{"start", "--rest", "-1"}, "limber: error: --rest '-1': not a whole number of seconds from 0 to 600\n"},
        {{"start", "--rest", "soon"}, "limber: error: --rest 'soon': not a whole number of seconds from 0 to 600\n"},
        {{"start", "--pain-before", "11"}, "limber: error: --pain-before '11': not a pain rating; use a whole number from 0 "
                                           "(no pain) to 10 (worst)\n"},
        {{"start", "--pain-after", "x"}, "limber: error: --pain-after 'x': not a pain rating; use a whole number from 0 "
                                         "(no pain) to 10 (worst)\n"},
    });
    const auto before = read_file(limber.db());
    const auto missing = limber.run({"start", "evening"});
    CHECK(missing.exit_code == 3);
    CHECK(missing.err == "limber: error: no routine 'evening'\nhint: the routines are default\n");
    const auto nothing = limber.run({"start", "--continue"});
    CHECK(nothing.exit_code == 3);
    CHECK(nothing.err == "limber: error: no partial session of routine \"default\" today to continue\n"
                         "hint: 'limber start' begins a new one\n");
    CHECK(read_file(limber.db()) == before);
    // over 65 the cap is 60 s
    REQUIRE(limber.run({"plan", "older", "--level", "beginner", "--age", "70", "-q"}).exit_code == 0);
    CHECK(limber.run({"start", "older", "--hold", "61"}).exit_code == 2);
}

TEST_CASE("SIGINT, SIGTERM and SIGHUP keep the session as partial with the holds done, and --continue completes it") {
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
        INFO("signal " << sig);
        Limber limber;
        make_routine(limber);
        {
            Terminal run(limber, fast(), {}, Attach::Pipes);
            REQUIRE(run.wait_for("rep 2 of 4\nheld 1 s\n"));  // three holds done
            run.signal(sig);
            CHECK(run.wait_exit() == 128 + sig);
            CHECK_THAT(run.output(), Contains("stopped: session 1 kept as partial · "));
        }
        CHECK(one(limber, "SELECT status || ' ' || typeof(owner) FROM sessions") == "partial null");
        const int stored = std::stoi(one(limber, "SELECT count(*) FROM holds"));
        CHECK(stored >= 3);
        if (sig != SIGINT) continue;
        const auto uuid = one(limber, "SELECT uuid FROM sessions");
        const auto resumed = limber.run(fast({"--continue", "--pain-before", "3"}));
        REQUIRE(resumed.exit_code == 0);
        CHECK_THAT(resumed.out, StartsWith("start: routine \"default\", session 1, " + std::to_string(9 - stored) +
                                           " holds, about 0:0" + std::to_string(9 - stored) + "\n"));
        CHECK(one(limber, "SELECT pain_before FROM sessions") == "3");
        CHECK_THAT(resumed.out, Contains("done: "));
        CHECK(one(limber, "SELECT count(*) || ' ' || uuid || ' ' || status FROM sessions") == "1 " + uuid + " completed");
        CHECK(one(limber, "SELECT count(*) || ' ' || count(DISTINCT seq) || ' ' || max(seq) FROM holds") == "9 9 8");
    }
}

TEST_CASE("a session left in progress by a killed process is marked partial by the next command") {
    Limber limber;
    make_routine(limber);
    {
        Terminal run(limber, {"start", "--hold", "2", "--rest", "0"}, {}, Attach::Pipes);
        REQUIRE(run.wait_for("rep 1 of 4\nheld 2 s\n"));
        CHECK(one(limber, "SELECT status FROM sessions") == "in_progress");
        // a live session is not touched by other commands
        REQUIRE(limber.run({"history"}).exit_code == 0);
        CHECK(one(limber, "SELECT status FROM sessions") == "in_progress");
        run.signal(SIGKILL);
        CHECK(run.wait_exit() == 128 + SIGKILL);
    }
    const int stored = std::stoi(one(limber, "SELECT count(*) FROM holds"));
    CHECK(stored >= 2);
    const auto history = limber.run({"history", "--json"});
    REQUIRE(history.exit_code == 0);
    const auto session = json::parse(history.out).at(0);
    CHECK(session.at("status") == "partial");
    CHECK(session.at("holds").size() == static_cast<std::size_t>(stored));
    CHECK(session.at("ended_at") != nullptr);
    CHECK(one(limber, "SELECT typeof(owner) FROM sessions") == "null");
    // and it can be continued
    REQUIRE(limber.run(fast({"--continue"})).exit_code == 0);
    CHECK(one(limber, "SELECT count(*) FROM holds") == "9");
}

TEST_CASE("start in a terminal: a live countdown, space pauses and resumes, q quits, and the terminal is restored") {
    Limber limber;
    make_routine(limber);
    Terminal terminal(limber, {"start", "--hold", "6", "--rest", "0", "--no-prompt"}, {{"NO_COLOR", "1"}});
    REQUIRE(terminal.wait_for("Routine \"default\": 9 holds, about 0:54."));
    REQUIRE(terminal.wait_for("March in place"));
    REQUIRE(terminal.wait_for("0:05"));
    REQUIRE(terminal.wait_for("0:04"));  // it counts down
    CHECK(terminal.output().find("space pause · n next · q quit") != std::string::npos);
    CHECK(terminal.output().find('\a') != std::string::npos);  // the bell at the start of the hold
    terminal.type(" ");
    REQUIRE(terminal.wait_for("PAUSED"));
    REQUIRE(terminal.wait_for("space resume"));
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    CHECK(terminal.count("hold 2 of 9") == 0);  // paused: the 6 s hold did not run out
    terminal.type(" ");
    REQUIRE(terminal.wait_for("space pause"));
    terminal.resize(40, 20);
    REQUIRE(terminal.wait_for("\x1b[2J"));  // a full redraw at the new size
    terminal.type("n");
    REQUIRE(terminal.wait_for("Seated knee-extension stretch"));
    terminal.type("q");
    CHECK(terminal.wait_exit() == 0);
    CHECK_THAT(terminal.output(), Contains("Stopped: session 1 kept as partial · 1 of 9 holds."));
    CHECK(terminal.output().find("\x1b[1m") == std::string::npos);  // NO_COLOR: no styles
    CHECK(terminal.output().rfind("\x1b[?25h") > terminal.output().rfind("\x1b[?25l"));  // the cursor is back
    // the march was cut short by n; the stretch quit at once has nothing held and is not stored
    CHECK(one(limber, "SELECT count(*) FROM holds") == "1");
    const int first = std::stoi(one(limber, "SELECT held_s FROM holds"));
    CHECK(first >= 2);
    CHECK(first < 5);  // about 2 s held before the pause, not the 3 s paused on top
    CHECK(one(limber, "SELECT status FROM sessions") == "partial");
}

TEST_CASE("start in a terminal asks for pain before and after, and Enter skips") {
    Limber limber;
    make_routine(limber);
    {
        Terminal terminal(limber, fast({"--no-bell"}));
        REQUIRE(terminal.wait_for("Back pain now? 0 (none) to 10 (worst), Enter to skip: "));
        terminal.type("eleven\n");
        REQUIRE(terminal.wait_for("'eleven' is not a rating; type a whole number from 0 to 10."));
        terminal.type("6\n");
        REQUIRE(terminal.wait_for("hold 9 of 9", std::chrono::seconds{30}));
        REQUIRE(terminal.wait_for("Back pain now? 0 (none) to 10 (worst), Enter to skip: ", std::chrono::seconds{30}));
        terminal.type("4\n");
        CHECK(terminal.wait_exit() == 0);
        CHECK_THAT(terminal.output(), Contains("Done: 0:09 · 9 of 9 holds · 9 s held · streak 1 day"));
        CHECK(terminal.output().find('\a') == std::string::npos);  // --no-bell
    }
    CHECK(one(limber, "SELECT pain_before || '→' || pain_after || ' ' || status FROM sessions") == "6→4 completed");
    {
        Terminal terminal(limber, fast());
        REQUIRE(terminal.wait_for("Enter to skip: "));
        terminal.type("\n");
        REQUIRE(terminal.wait_for("hold 9 of 9", std::chrono::seconds{30}));
        REQUIRE(terminal.wait_for("Enter to skip: ", std::chrono::seconds{30}));
        terminal.type("\n");
        CHECK(terminal.wait_exit() == 0);
    }
    CHECK(one(limber, "SELECT typeof(pain_before) || typeof(pain_after) FROM sessions WHERE id = 2") == "nullnull");
}

TEST_CASE("start works at 40 columns: no drawn line is wider") {
    Limber limber;
    make_routine(limber);
    Terminal terminal(limber, fast({"--no-prompt"}), {}, Attach::Terminal, 40, 20);
    CHECK(terminal.wait_exit(std::chrono::seconds{30}) == 0);
    // each redrawn line starts with "erase line"; strip escapes and measure what follows
    const std::string& out = terminal.output();
    std::size_t widest = 0;
    for (auto at = out.find("\x1b[2K"); at != std::string::npos; at = out.find("\x1b[2K", at + 1)) {
        const auto end = out.find('\n', at);
        std::string line = out.substr(at + 4, end - at - 4);
        std::string plain;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '\x1b') {
                while (i < line.size() && !std::isalpha(static_cast<unsigned char>(line[i]))) ++i;
                continue;
            }
            if ((static_cast<unsigned char>(line[i]) & 0xc0) != 0x80 && line[i] != '\r') plain += 'x';
        }
        widest = std::max(widest, plain.size());
    }
    CHECK(widest > 20);
    CHECK(widest <= 39);
}
