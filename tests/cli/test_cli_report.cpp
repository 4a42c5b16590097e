// End-to-end: limber report — golden Markdown and JSON of a scripted history, the same figures
// as stats --json and plan show --json, HTML that parses (and SVG that is XML) with the
// person's words escaped, -o written whole, and what is refused.
#include "refusals.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace limber::test;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

/// Three weeks of a daily routine for back pain made on Sunday 2026-11-01, seen on Saturday
/// 2026-11-21: rated sessions, a note with markup characters, a skipped day, a partial session,
/// a pause, a flare, a fever reported and cleared, and the holds of two guided sessions.
void clinic_history(const Limber& limber) {
    must(limber.run({"plan", "--level", "beginner", "--constraint", "back-pain", "-q"},
                    {{"LIMBER_NOW", "2026-11-01T12:00:00Z"}}));
    const auto log = [&](const std::string& day, std::vector<std::string> extra) {
        std::vector<std::string> args = {"log", "--date", day, "--time", "07:00", "-q"};
        args.insert(args.end(), extra.begin(), extra.end());
        must(limber.run(args, {{"LIMBER_NOW", day + "T20:00:00Z"}}));
    };
    log("2026-11-02", {"--minutes", "10", "--pain-before", "6", "--pain-after", "4", "--note",
                       "tight after the drive <b>|& \"sore\""});
    log("2026-11-03", {"--minutes", "10", "--pain-before", "5", "--pain-after", "4"});
    must(limber.run({"log", "--skip", "--date", "2026-11-04", "--reason", "a cold", "-q"}));
    log("2026-11-05", {"--minutes", "5", "--partial", "--note", "stopped: phone"});
    must(limber.run({"pause", "--from", "2026-11-09", "--to", "2026-11-10", "--reason", "travel", "-q"}));
    log("2026-11-11", {"--minutes", "12", "--pain-before", "4", "--pain-after", "3"});
    log("2026-11-12", {"--minutes", "12", "--pain-before", "4", "--pain-after", "3"});
    log("2026-11-13", {"--minutes", "12", "--pain-before", "3", "--pain-after", "6"});  // a flare
    const auto fever = limber.run({"flag", "add", "fever", "--date", "2026-11-14", "-q"}, {{"LIMBER_NOW", "2026-11-14T09:00:00Z"}});
    REQUIRE(fever.exit_code == 5);
    must(limber.run({"flag", "clear", "--note", "GP: viral, fine to stretch", "-q"}, {{"LIMBER_NOW", "2026-11-15T09:00:00Z"}}));
    for (const char* day : {"2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"})
        log(day, {"--minutes", "11", "--pain-before", "3", "--pain-after", "2"});
    SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE);
    db.exec(R"(
        INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s)
        SELECT id, 0, 'heel-on-step-hamstring', 'left', 1, 15, 15 FROM sessions WHERE day = '2026-11-12';
        INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s)
        SELECT id, 1, 'heel-on-step-hamstring', 'right', 1, 15, 14 FROM sessions WHERE day = '2026-11-12';
        INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s)
        SELECT id, 0, 'heel-on-step-hamstring', 'left', 1, 15, 15 FROM sessions WHERE day = '2026-11-19';
        INSERT INTO holds (session_id, seq, exercise, side, rep, target_s, held_s)
        SELECT id, 1, 'heel-on-step-hamstring', 'right', 1, 15, 16 FROM sessions WHERE day = '2026-11-19';)");
}

/// The output with limber's version (which every release changes) written as VERSION.
std::string without_version(const Limber& limber, std::string text) {
    std::string version = limber.run({"--version"}).out;  // "limber 0.1.0\n"
    version = version.substr(7, version.size() - 8);
    REQUIRE(!version.empty());
    for (std::size_t at; (at = text.find(version)) != std::string::npos;) text.replace(at, version.size(), "VERSION");
    return text;
}

/// Checks `file` with tests/report/check_html.py: its output ("ok", or the problems).
Result check_html(const std::filesystem::path& file) {
    return run_python("import sys; exec(open(sys.argv[1]).read())",
                      {std::string(LIMBER_SOURCE_DIR) + "/tests/report/check_html.py", file.string()});
}

}  // namespace

TEST_CASE("report --format md and json match the golden report of a scripted history") {
    Limber limber;
    clinic_history(limber);
    const auto md = limber.run({"report", "--format", "md"});
    must(md);
    CHECK(md.err.empty());
    const std::string md_text = without_version(limber, md.out);
    CHECK(md_text == golden_or_update("report_clinic.md", md_text));
    const auto j = limber.run({"report", "--format", "json"});
    must(j);
    const std::string json_text = without_version(limber, j.out);
    CHECK(json_text == golden_or_update("report_clinic.json", json_text));
}

TEST_CASE("report json holds stats --json and plan show --json unchanged, and its weeks add up") {
    Limber limber;
    clinic_history(limber);
    for (const std::string weeks : {"12", "2", "1"}) {
        INFO(weeks);
        const auto report = json::parse(limber.run({"report", "--format", "json", "--weeks", weeks}).out);
        const auto stats = json::parse(limber.run({"stats", "--json", "--weeks", weeks}).out);
        const auto plan = json::parse(limber.run({"plan", "show", "--json"}).out);
        CHECK(report.at("stats") == stats);
        CHECK(report.at("routine") == plan);
        int due = 0, done = 0, flares = 0;
        for (const auto& w : stats.at("adherence").at("weekly")) {
            due += w.at("due").get<int>();
            done += w.at("done").get<int>();
        }
        for (const auto& w : stats.at("pain").at("weekly")) flares += w.at("flares").get<int>();
        CHECK(due == stats.at("adherence").at("due"));
        CHECK(done == stats.at("adherence").at("done"));
        if (weeks == "12") {
            // the whole history is in the window: every flare of the history is in its weeks
            CHECK(flares == stats.at("pain").at("flares"));
            CHECK(report.at("flares").size() == 1);
            CHECK(report.at("report").at("from") == "2026-11-01");
            CHECK(report.at("report").at("weeks") == 4);  // from the week the routine began
        }
    }
    // the week's hold asked follows the routine weeks: made on a Sunday, its weeks end on Saturdays
    const auto stats = json::parse(limber.run({"stats", "--json", "--weeks", "4"}).out);
    std::vector<json> targets;
    for (const auto& w : stats.at("progression").at("weekly")) targets.push_back(w.at("target_s"));
    CHECK(targets == std::vector<json>{15, 15, 15, 15});
}

TEST_CASE("report html parses as HTML, its charts as SVG XML, with the person's words escaped") {
    Limber limber;
    clinic_history(limber);
    const auto r = limber.run({"report", "-o", (limber.dir() / "report.html").string()});
    must(r);
    CHECK(r.out.empty());
    CHECK(r.err == "Wrote the report of routine \"default\", 2026-11-01 to 2026-11-21, to " +
                       (limber.dir() / "report.html").string() + ".\n");
    const std::string html = read_file(limber.dir() / "report.html");
    const auto checked = check_html(limber.dir() / "report.html");
    INFO(checked.out);
    CHECK(checked.exit_code == 0);
    CHECK(checked.out == "ok\n");
    CHECK_THAT(html, Contains("tight after the drive &lt;b&gt;|&amp; &quot;sore&quot;"));
    CHECK(html.find("<b>|&") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    // the figures of stats, in its words
    CHECK_THAT(html, Contains("10 of 16 due days done since the routine began on 2026-11-01 (63%)"));
    CHECK_THAT(html, Contains("<th scope=\"row\">2026-W46</th><td>2026-11-09</td><td class=\"n\">3 of 4</td>"));
    CHECK_THAT(html, Contains("back pain with a fever"));
    CHECK_THAT(html, Contains("2026-11-15: GP: viral, fine to stretch"));
    CHECK_THAT(html, Contains("@page { size: A4;"));

    // the checker does fail: an unclosed table and an image from elsewhere
    std::string broken = html;
    broken.replace(broken.find("</table>"), 8, "");
    write_file(limber.dir() / "broken.html", broken);
    CHECK(check_html(limber.dir() / "broken.html").exit_code == 1);
    std::string fetching = html;
    fetching.replace(fetching.find("<main>"), 6, "<main><img src=\"https://example.org/x.png\" alt=\"\">");
    write_file(limber.dir() / "fetching.html", fetching);
    CHECK_THAT(check_html(limber.dir() / "fetching.html").out, Contains("loads something"));
}

TEST_CASE("report -o replaces the file whole, - is stdout, and html is the default format") {
    Limber limber;
    clinic_history(limber);
    const auto file = limber.dir() / "report.md";
    write_file(file, "an older report\n");
    must(limber.run({"report", "--format", "md", "-o", file.string(), "-q"}));
    const auto to_stdout = limber.run({"report", "--format", "md", "-o", "-"});
    must(to_stdout);
    CHECK(read_file(file) == to_stdout.out);
    const auto html = limber.run({"report"});
    must(html);
    CHECK(html.out.rfind("<!DOCTYPE html>\n", 0) == 0);
    // no temporary file left beside it
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(limber.dir().path()))
        files += entry.path().filename().string().rfind(".report", 0) == 0;
    CHECK(files == 0);
}

TEST_CASE("report of a routine made today, and of a suspended one") {
    Limber limber;
    must(limber.run({"plan", "--level", "intermediate", "--constraint", "no-floor", "-q"}));
    const auto md = limber.run({"report", "--format", "md"});
    must(md);
    CHECK_THAT(md.out, Contains("2026-11-21 to 2026-11-21 (1 week)"));
    CHECK_THAT(md.out, Contains("No notes, skipped days, pauses or flares in this period."));
    CHECK_THAT(md.out, Contains("No red-flag symptoms recorded."));
    CHECK_THAT(md.out, Contains("- **Constraints:** no-floor"));
    REQUIRE(limber.run({"flag", "add", "night-pain", "-q"}).exit_code == 5);
    const auto suspended = limber.run({"report", "--format", "md"});
    must(suspended);
    CHECK_THAT(suspended.out, Contains("\n**Every routine is suspended since 2026-11-21: you reported pain that rest does "
                                       "not ease"));
    CHECK_THAT(suspended.out, Contains("| 2026-11-21 | pain that rest does not ease or that is worse at night | urgent, the same day "
                                       "| suspended the routines | not yet: routines suspended |\n"));
    const auto j = json::parse(limber.run({"report", "--format", "json"}).out);
    CHECK(j.at("red_flags").at(0).at("cleared_on").is_null());
    CHECK(j.at("stats").at("suspended") == true);
    const auto html = limber.run({"report"});
    CHECK_THAT(html.out, Contains("<p class=\"alert\" role=\"alert\">Every routine is suspended since 2026-11-21:"));
}

TEST_CASE("report of an acute strain (no stretches, a review) and of a routine with a red flag from a session") {
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "--constraint", "acute-strain", "-q"},
                    {{"LIMBER_NOW", "2026-11-10T08:00:00Z"}}));
    const auto md = limber.run({"report", "--format", "md"});
    must(md);
    // no hold is asked of a routine without stretches, and its review is past
    CHECK_THAT(md.out, Contains("- **Hold:** no stretches in this routine, so no hold to raise\n"));
    CHECK_THAT(md.out, Contains("- **Review:** overdue since 2026-11-15: plan again once walking and heel digs are pain-free"));
    CHECK_THAT(md.out, Contains("| 2026-W47 | 2026-11-16 | 0 of 5 | 0 | – |"));
    CHECK(md.out.find("Hold 15 s") == std::string::npos);
    const auto j = nlohmann::json::parse(limber.run({"stats", "--json"}).out);
    for (const auto& w : j.at("progression").at("weekly")) CHECK(w.at("target_s").is_null());
    CHECK_THAT(limber.run({}).out, Contains("  Review due since 2026-11-15"));
    CHECK(limber.run({}).out.find("Hold ") == std::string::npos);
}

TEST_CASE("report refuses a bad format, week count or file name, and a routine that is not there") {
    Limber limber;
    clinic_history(limber);
    check_usage_errors(limber, {
        {{"report", "--format", "pdf"}, "limber: error: --format 'pdf': not a report format; use html, md or json\n"},
        {{"report", "--weeks", "0"}, "limber: error: --weeks '0': not a whole number of weeks from 1 to 5200\n"},
        {{"report", "-o", ""}, "limber: error: -o '': give a file name, or leave -o out for stdout\n"},
        {{"report", "-o", limber.dir().path().string()},
         "limber: error: -o '" + limber.dir().path().string() + "': a folder, not a file\n"},
    });
    const auto missing = limber.run({"report", "desk"});
    CHECK(missing.exit_code == 3);
    CHECK(missing.out.empty());
    CHECK(missing.err == "limber: error: no routine 'desk'\nhint: the routines are default\n");
}
