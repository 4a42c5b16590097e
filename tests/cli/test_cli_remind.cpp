// End-to-end: limber due and limber remind — daily, weekday and per-week routines with pauses,
// skips and partial sessions; desktop notifications; the crontab line run in cron's bare
// environment (env -i).
#include "refusals.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>

namespace fs = std::filesystem;
using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::Matches;

namespace {

// 2026-11-21, the harness's today, is a Saturday; the routine is made on Sunday the 15th.
void make_routine(const Limber& limber, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"plan", "--level", "beginner", "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    must(limber.run(args, {{"LIMBER_NOW", "2026-11-15T09:00:00Z"}}));
}

/// The exit code of `limber due`, which must print nothing.
int due(const Limber& limber, const Env& env = {}) {
    const auto r = limber.run({"due"}, env);
    INFO(r.err);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    return r.exit_code;
}

void log(const Limber& limber, std::vector<std::string> args) {
    args.insert(args.begin(), "log");
    args.push_back("-q");
    must(limber.run(args));
}

}  // namespace

TEST_CASE("due on a daily routine: done, partial, skipped and paused days") {
    Limber limber;
    CHECK(limber.run({"due"}).exit_code == 3);  // no routine
    make_routine(limber);
    CHECK(due(limber) == 0);
    log(limber, {"--partial", "--minutes", "3"});
    CHECK(due(limber) == 0);  // a partial session leaves the day due
    log(limber, {"--minutes", "10"});
    CHECK(due(limber) == 1);
    // Tomorrow is due again; a skip or a pause excuses it.
    const Env tomorrow = {{"LIMBER_NOW", "2026-11-22T09:00:00Z"}};
    CHECK(due(limber, tomorrow) == 0);
    must(limber.run({"log", "--skip", "-q"}, tomorrow));
    CHECK(due(limber, tomorrow) == 1);
    const Env monday = {{"LIMBER_NOW", "2026-11-23T09:00:00Z"}};
    CHECK(due(limber, monday) == 0);
    must(limber.run({"pause", "--from", "2026-11-23", "--to", "2026-11-25", "-q"}));
    CHECK(due(limber, monday) == 1);
    // Before the routine existed nothing was due.
    CHECK(due(limber, {{"LIMBER_NOW", "2026-11-14T09:00:00Z"}}) == 1);
}

TEST_CASE("due on weekday and per-week routines") {
    Limber weekdays;
    make_routine(weekdays, {"--days", "mon,wed,fri"});
    CHECK(due(weekdays) == 1);                                            // Saturday rests
    CHECK(due(weekdays, {{"LIMBER_NOW", "2026-11-20T09:00:00Z"}}) == 0);  // Friday

    Limber twice;
    make_routine(twice, {"--per-week", "2"});
    CHECK(due(twice) == 0);
    log(twice, {"--date", "2026-11-17"});
    CHECK(due(twice) == 0);  // one of two this week
    log(twice, {"--date", "2026-11-19"});
    CHECK(due(twice) == 1);  // the week's count is met
    CHECK(due(twice, {{"LIMBER_NOW", "2026-11-23T09:00:00Z"}}) == 0);  // a new week
    // A paused day lowers the week's count.
    Limber paused;
    make_routine(paused, {"--per-week", "2"});
    log(paused, {"--date", "2026-11-17"});
    must(paused.run({"pause", "--from", "2026-11-18", "--to", "2026-11-18", "-q"}));
    CHECK(due(paused) == 1);
}

TEST_CASE("remind prints one line only when a session is due, and always exits 0") {
    Limber limber;
    make_routine(limber);
    for (const char* day : {"2026-11-18", "2026-11-19", "2026-11-20"}) log(limber, {"--date", day});
    const auto r = limber.run({"remind"});
    must(r);
    CHECK(r.out == "Stretch today: routine \"default\", about 11 min. Keep your 3-day streak going.\n");
    CHECK(r.err.empty());
    log(limber, {});
    const auto done = limber.run({"remind"});
    must(done);
    CHECK(done.out.empty());
    CHECK(done.err.empty());
    const auto fresh = limber.run({"remind"}, {{"LIMBER_NOW", "2026-11-25T09:00:00Z"}});
    CHECK(fresh.out == "Stretch today: routine \"default\", about 11 min. Start a streak with 'limber start'.\n");
    const auto missing = limber.run({"remind", "other"});
    CHECK(missing.exit_code == 3);
    CHECK(missing.out.empty());
}

TEST_CASE("remind --notify calls notify-send, and says so on stderr when it is not installed") {
    Limber limber;
    make_routine(limber);
    const fs::path bin = limber.dir() / "bin";
    fs::create_directory(bin);
    const fs::path record = limber.dir() / "notified";
    write_file(bin / "notify-send", "#!/bin/sh\nprintf '%s|' \"$@\" > '" + record.string() + "'\n");
    fs::permissions(bin / "notify-send", fs::perms::owner_all);
    const auto shown = limber.run({"remind", "--notify"}, {{"PATH", bin.string() + ":/usr/bin:/bin"}});
    must(shown);
    CHECK(shown.err.empty());
    const std::string line = "Stretch today: routine \"default\", about 11 min. Start a streak with 'limber start'.";
    CHECK(shown.out == line + "\n");
    CHECK(read_file(record) == "--app-name=limber|limber|" + line + "|");

    const fs::path empty = limber.dir() / "empty";
    fs::create_directory(empty);
    const auto without = limber.run({"remind", "--notify"}, {{"PATH", empty.string()}});
    must(without);
    CHECK(without.out == line + "\n");
    CHECK(without.err ==
          "limber: warning: notify-send is not installed (Debian: libnotify-bin); the reminder is on stdout only\n");
}

TEST_CASE("remind --crontab prints a line that works in cron's bare environment") {
    Limber limber;
    const fs::path db = limber.dir() / "my 50% data" / "limber.db";
    const Env real_clock = {{"LIMBER_NOW", std::nullopt}, {"LIMBER_DB", db.string()}};
    must(limber.run({"plan", "--level", "beginner", "-q"}, real_clock));
    const auto r = limber.run({"remind", "--crontab", "07:05"}, real_clock);
    must(r);
    CHECK_THAT(r.out, Matches("5 7 \\* \\* \\* /\\S+/limber --db '/\\S+/my 50\\\\% data/limber\\.db' --tz UTC remind\n"));
    // cron: the first five fields are the time; '\%' is '%' and the rest goes to /bin/sh.
    std::string command = r.out.substr(std::string("5 7 * * * ").size());
    command.pop_back();
    for (std::size_t at; (at = command.find("\\%")) != std::string::npos;) command.replace(at, 2, "%");
    const fs::path script = limber.dir() / "cron.sh";
    write_file(script, command + "\n");
    const std::string bare = "cd / && env -i HOME='" + (limber.dir() / "home").string() + "' PATH=/usr/bin:/bin /bin/sh '" +
                             script.string() + "' 2>&1";
    FILE* pipe = ::popen(bare.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buffer[512];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    CHECK(::pclose(pipe) == 0);
    CHECK_THAT(out, Matches("Stretch today: routine \"default\", about \\d+ min\\. Start a streak with 'limber start'\\.\n"));

    // A database chosen by XDG_DATA_HOME is named too: cron does not set it.
    const auto xdg = limber.run({"remind", "--crontab", "21:30"},
                                {{"LIMBER_DB", std::nullopt}, {"XDG_DATA_HOME", (limber.dir() / "data").string()}});
    must(xdg);
    CHECK_THAT(xdg.out, Matches("30 21 \\* \\* \\* /\\S+/limber --db /\\S+/data/limber/limber\\.db --tz UTC remind\n"));
    const auto plain = limber.run({"remind", "--crontab", "21:30"}, {{"LIMBER_DB", std::nullopt}, {"TZ", std::nullopt}});
    must(plain);
    CHECK_THAT(plain.out, Matches("30 21 \\* \\* \\* /\\S+/limber remind\n"));

    check_usage_errors(limber, {
        {{"remind", "--crontab", "7"}, "limber: error: --crontab '7': not a time of day; use HH:MM from 00:00 to 23:59\n"},
        {{"remind", "--crontab", "24:00"}, "limber: error: --crontab '24:00': not a time of day; use HH:MM from 00:00 to 23:59\n"},
    });
}
