// End-to-end: limber plan, plan show, plan list, plan rm.
#include "refusals.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace limber::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

int count_rows(const std::filesystem::path& db, const char* table) {
    SQLite::Database d(db.string());
    return d.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
}

}  // namespace

TEST_CASE("plan --json matches the golden plans byte for byte") {
    Limber limber;
    const auto a = limber.run({"plan", "--level", "beginner", "--constraint", "pregnant,no-floor", "--json", "--dry-run"});
    REQUIRE(a.exit_code == 0);
    CHECK(a.out == golden_or_update("plan_beginner_pregnant_no_floor.json", a.out));
    const auto b = limber.run({"plan", "back", "--level", "advanced", "--constraint", "back-pain", "--equipment",
                               "strap,chair,step", "--minutes", "20", "--days", "tue,fri", "--age", "67", "--json", "--dry-run"});
    REQUIRE(b.exit_code == 0);
    CHECK(b.out == golden_or_update("plan_advanced_back_pain_tue_fri.json", b.out));
}

TEST_CASE("plan saves the routine and show, list and rm work with it") {
    Limber limber;
    const auto made = limber.run({"plan", "--level", "beginner", "--constraint", "no-floor,back-pain"});
    REQUIRE(made.exit_code == 0);
    CHECK(made.err.empty());
    CHECK_THAT(made.out, StartsWith("Routine \"default\" — beginner · back-pain, no-floor · chair, wall · daily\n"));
    CHECK_THAT(made.out, Contains("Warm-up") && Contains("Stretch") && Contains("Safety") && Contains("never bounce"));
    CHECK_THAT(made.out, Contains("Saved as routine \"default\"."));
    CHECK(count_rows(limber.db(), "routines") == 1);

    const auto shown = limber.run({"plan", "show"});
    REQUIRE(shown.exit_code == 0);
    CHECK_THAT(shown.out, StartsWith("Routine \"default\""));
    const auto made_json = json::parse(limber.run({"plan", "--level", "beginner", "--constraint", "no-floor,back-pain", "--json", "--dry-run"}).out);
    const auto shown_json = json::parse(limber.run({"plan", "show", "--json"}).out);
    CHECK(shown_json.at("items") == made_json.at("items"));
    CHECK(shown_json.at("estimated_s") == made_json.at("estimated_s"));

    REQUIRE(limber.run({"plan", "evening", "--level", "advanced", "--per-week", "3", "--minutes", "20"}).exit_code == 0);
    const auto list = json::parse(limber.run({"plan", "list", "--json"}).out);
    REQUIRE(list.size() == 2);
    CHECK(list[0].at("name") == "default");
    CHECK(list[1].at("name") == "evening");
    CHECK(list[1].at("schedule") == json{{"kind", "per_week"}, {"count", 3}});
    CHECK_THAT(limber.run({"plan", "list"}).out, StartsWith("NAME ") && Contains("evening") && Contains("3/week"));

    // with two routines and no default_routine, show without NAME means "default"
    CHECK_THAT(limber.run({"plan", "show"}).out, StartsWith("Routine \"default\""));
    REQUIRE(limber.run({"config", "set", "default_routine", "evening"}).exit_code == 0);
    CHECK_THAT(limber.run({"plan", "show"}).out, StartsWith("Routine \"evening\""));

    const auto removed = limber.run({"plan", "rm", "evening"});
    CHECK(removed.exit_code == 0);
    CHECK_THAT(removed.out, Contains("Removed routine \"evening\""));
    CHECK(limber.run({"config", "get", "default_routine"}).out.empty());  // no longer points at it
    CHECK(count_rows(limber.db(), "routines") == 1);
    CHECK(count_rows(limber.db(), "routine_items") == static_cast<int>(made_json.at("items").size()));
}

TEST_CASE("plan --dry-run saves nothing and the same request prints the same bytes") {
    Limber limber;
    const auto first = limber.run({"plan", "--level", "intermediate", "--minutes", "15", "--dry-run"});
    REQUIRE(first.exit_code == 0);
    CHECK_THAT(first.out, Contains("Not saved (--dry-run)."));
    CHECK(count_rows(limber.db(), "routines") == 0);
    CHECK(limber.run({"plan", "--level", "intermediate", "--minutes", "15", "--dry-run"}).out == first.out);
}

TEST_CASE("plan --explain says why each exercise is in or out") {
    Limber limber;
    const auto r = limber.run({"plan", "--level", "beginner", "--constraint", "sciatica", "--explain", "--dry-run"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("why: warms the leg muscles") && Contains("Left out"));
    CHECK_THAT(r.out, Contains("supine-leg-raise: sciatica: puts the sciatic nerve on tension"));
    CHECK_THAT(r.out, Contains("keep the foot relaxed"));
}

TEST_CASE("a red-flag symptom stops with exit 5, the advice on stdout, no routine saved and the flag recorded") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner"}).exit_code == 0);
    int recorded = 0;
    for (const char* symptom : {"saddle-numbness", "bladder-bowel", "both-legs", "progressive-weakness",
                                "sexual-dysfunction"}) {
        INFO(symptom);
        const auto r = limber.run({"plan", "other", "--level", "beginner", "--symptom", symptom});
        CHECK(r.exit_code == 5);
        CHECK(r.err.empty());  // advice, not an error
        CHECK_THAT(r.out, StartsWith("Emergency: stop now.\nDo not stretch."));
        std::string words = r.out;
        std::replace(words.begin(), words.end(), '\n', ' ');
        CHECK_THAT(words, Contains("emergency department now"));
        CHECK(limber.run({"plan", "show", "other"}).exit_code == 3);  // no routine
        CHECK(limber.run({"flag", "list", "--json"}).out.find(std::string("\"") + symptom + "\"") != std::string::npos);
        ++recorded;
    }
    // the stop outranks other mistakes on the same line, and an unknown symptom beside it; a dry
    // run records nothing
    const auto before = read_file(limber.db());
    CHECK(limber.run({"plan", "--symptom", "both-legs", "--minutes", "999", "--dry-run"}).exit_code == 5);
    CHECK(limber.run({"plan", "--level", "beginner", "--symptom", "both-legs,headache", "--dry-run"}).exit_code == 5);
    CHECK(read_file(limber.db()) == before);
    CHECK(limber.run({"plan", "show", "--symptom", "saddle-numbness"}).exit_code == 5);
    CHECK(recorded == 5);
}

TEST_CASE("plan rejects bad values with exit 2 naming option, value and what is allowed, saving nothing") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner"}).exit_code == 0);
    check_usage_errors(limber, {
        {{"plan", "other"}, "limber: error: --level is required; use beginner, intermediate or advanced\n"},  // a new routine
        {{"plan", "--level", ""}, "limber: error: --level '': not a level; use beginner, intermediate or advanced\n"},
        {{"plan", "--level", "expert"}, "limber: error: --level 'expert': not a level; use beginner, intermediate or advanced\n"},
        {{"plan", "--level", "beginner", "--constraint", "pregant"}, "limber: error: --constraint 'pregant': not a constraint; use pregnant, injured, acute-strain, no-floor, back-pain, sciatica, osteoporosis, hip-replacement, knee, hypermobility or seated-only\nhint: did you mean 'pregnant'?\n"},
        {{"plan", "--level", "beginner", "--equipment", "rope"}, "limber: error: --equipment 'rope': not a piece of equipment; use strap, chair, step, wall, table, foam-roller, ball or partner\n"},
        {{"plan", "--level", "beginner", "--minutes", "70"}, "limber: error: --minutes '70': not a whole number of minutes from 5 to 60\n"},
        {{"plan", "--level", "beginner", "--minutes", "4"}, "limber: error: --minutes '4': not a whole number of minutes from 5 to 60\n"},
        {{"plan", "--level", "beginner", "--minutes", "10.5"}, "limber: error: --minutes '10.5': not a whole number of minutes from 5 to 60\n"},
        {{"plan", "--level", "beginner", "--minutes", "NaN"}, "limber: error: --minutes 'NaN': not a whole number of minutes from 5 to 60\n"},
        {{"plan", "--level", "beginner", "--minutes", "99999999999999999999"}, "limber: error: --minutes '99999999999999999999': not a whole number of minutes from 5 to 60\n"},
        {{"plan", "--level", "beginner", "--per-week", "8"}, "limber: error: --per-week '8': not a whole number of days from 1 to 7\n"},
        {{"plan", "--level", "beginner", "--per-week", "0"}, "limber: error: --per-week '0': not a whole number of days from 1 to 7\n"},
        {{"plan", "--level", "beginner", "--days", "mon,funday"}, "limber: error: --days 'funday': not a weekday; use mon, tue, wed, thu, fri, sat or sun (or the full names)\nhint: did you mean 'sunday'?\n"},
        {{"plan", "--level", "beginner", "--days", "mon", "--daily"}, "limber: error: --days, --per-week and --daily are alternatives; give one of them\n"},
        {{"plan", "--level", "beginner", "--age", "200"}, "limber: error: --age '200': not a whole number of years from 1 to 120\n"},
        {{"plan", "--level", "beginner", "--age", "-3"}, "limber: error: --age '-3': not a whole number of years from 1 to 120\n"},
        {{"plan", "--level", "beginner", "--symptom", "headache"}, "limber: error: --symptom 'headache': not a red-flag symptom; emergency: saddle-numbness, bladder-bowel, both-legs, progressive-weakness, sexual-dysfunction, both-legs-pain, urinary-retention, chest-pain, serious-accident; urgent: fever, weight-loss, night-pain, trauma, back-lump, cough-sneeze, upper-back; see-doctor: cancer-history, steroids, weakened-immunity\n"},
        {{"plan", "bad name", "--level", "beginner"}, "limber: error: NAME 'bad name': not a routine name; use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit\n"},
    });
}

TEST_CASE("plan show and rm of a missing routine exit 3") {
    Limber limber;
    const auto empty = limber.run({"plan", "show"});
    CHECK(empty.exit_code == 3);
    CHECK(empty.err == "limber: error: no routine 'default'\nhint: make one with 'limber plan --level beginner'\n");
    REQUIRE(limber.run({"plan", "morning", "--level", "beginner"}).exit_code == 0);
    const auto typo = limber.run({"plan", "show", "mornin"});
    CHECK(typo.exit_code == 3);
    CHECK(typo.err == "limber: error: no routine 'mornin'\nhint: did you mean 'morning'?\n");
    const auto before = read_file(limber.db());
    CHECK(limber.run({"plan", "rm", "evening"}).exit_code == 3);
    CHECK(read_file(limber.db()) == before);
    // with one routine, show without NAME finds it
    CHECK_THAT(limber.run({"plan", "show"}).out, StartsWith("Routine \"morning\""));
}

TEST_CASE("plan show applies R5 to the logged weeks and re-planning keeps the routine weeks") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner"}, {{"LIMBER_NOW", "2026-11-02T08:00:00Z"}}).exit_code == 0);
    {
        SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE);
        for (int d = 2; d <= 8; ++d)  // week 1: 2–8 November, every day done, pain down
            db.exec("INSERT INTO sessions (uuid, routine, day, started_at, zone, status, pain_before, pain_after, source, created_at) "
                    "VALUES ('w1-" + std::to_string(d) + "', 'default', '2026-11-0" + std::to_string(d) +
                    "', 0, 'UTC', 'completed', 5, 4, 'manual', 0)");
    }
    const auto week2 = json::parse(limber.run({"plan", "show", "--json"}, {{"LIMBER_NOW", "2026-11-09T08:00:00Z"}}).out);
    CHECK(week2.at("week") == 2);
    CHECK(week2.at("hold_s") == 20);
    CHECK(week2.at("next_hold_s") == 25);
    for (const auto& item : week2.at("items"))
        if (item.at("phase") == "stretch") {
            CHECK(item.at("hold_s") == 20);
            CHECK(item.at("reps") == 3);  // R2 at 20 s
        }
    // week 2 had nothing logged: week 3 keeps 20 s
    const auto week3 = json::parse(limber.run({"plan", "show", "--json"}, {{"LIMBER_NOW", "2026-11-16T08:00:00Z"}}).out);
    CHECK(week3.at("week") == 3);
    CHECK(week3.at("hold_s") == 20);
    // re-planning on day 16 keeps week numbering from 2 November
    REQUIRE(limber.run({"plan", "--level", "beginner", "--minutes", "15"}, {{"LIMBER_NOW", "2026-11-16T08:00:00Z"}}).exit_code == 0);
    const auto replanned = json::parse(limber.run({"plan", "show", "--json"}, {{"LIMBER_NOW", "2026-11-16T08:00:00Z"}}).out);
    CHECK(replanned.at("week") == 3);
    CHECK(replanned.at("hold_s") == 20);
    CHECK(replanned.at("minutes") == 15);
}

TEST_CASE("planning options after show, list or rm are refused, not ignored") {
    Limber limber;
    REQUIRE(limber.run({"plan", "--level", "beginner"}).exit_code == 0);
    const auto before = read_file(limber.db());
    const auto r = limber.run({"plan", "rm", "--level", "advanced", "default"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "limber: error: --level is for making a plan; 'limber plan rm' does not take it\n");
    CHECK(read_file(limber.db()) == before);
    CHECK(limber.run({"plan", "show", "--minutes", "20"}).exit_code == 2);
}

TEST_CASE("the same equipment in another order, or a repeated option, gives the same plan") {
    Limber limber;
    const auto a = limber.run({"plan", "--level", "beginner", "--equipment", "chair,wall", "--json", "--dry-run"});
    const auto b = limber.run({"plan", "--level", "beginner", "--equipment", "wall", "--equipment", "chair", "--json", "--dry-run"});
    REQUIRE(a.exit_code == 0);
    CHECK(a.out == b.out);
    const auto last = limber.run({"plan", "--level", "advanced", "--level", "beginner", "--json", "--dry-run"});
    CHECK(last.exit_code == 0);
    CHECK(json::parse(last.out).at("level") == "beginner");
    CHECK(limber.run({"plan", "--level", "beginner", "--equipment", "none", "--equipment", "none", "--dry-run"}).exit_code == 0);
}

TEST_CASE("plan show says why each exercise was chosen and fits every week's holds to the minutes (R24)") {
    Limber limber;
    REQUIRE(limber.run({"plan", "older", "--level", "beginner", "--age", "70", "--minutes", "10"},
                       {{"LIMBER_NOW", "2026-10-01T08:00:00Z"}}).exit_code == 0);
    const auto explained = limber.run({"plan", "show", "older", "--explain"}, {{"LIMBER_NOW", "2026-10-01T08:00:00Z"}});
    CHECK_THAT(explained.out, Contains("why: warms the leg muscles"));
    {
        SQLite::Database db(limber.db().string(), SQLite::OPEN_READWRITE);
        for (int d = 1; d <= 56; ++d)
            db.exec("INSERT INTO sessions (uuid, routine, day, started_at, zone, status, source, created_at) VALUES ('s" +
                    std::to_string(d) + "', 'older', date('2026-10-01', '+" + std::to_string(d - 1) +
                    " days'), 0, 'UTC', 'completed', 'manual', 0)");
    }
    const auto later = json::parse(limber.run({"plan", "show", "older", "--json"}, {{"LIMBER_NOW", "2026-11-26T08:00:00Z"}}).out);
    CHECK(later.at("hold_s") == 60);  // R1/R5: 30 s + 5 s a week, capped at 60 s at 65+
    // R24: at twice the week-1 hold the routine is fitted to the 10 minutes again, on both kinds of day
    for (const char* key : {"plain_day_s", "strength_day_s"}) {
        INFO(key);
        CHECK(later.at(key).get<int>() >= 540);
        CHECK(later.at(key).get<int>() <= 660);
    }
    for (const auto& w : later.at("warnings")) CHECK_FALSE(w.get<std::string>().starts_with("time:"));
    for (const auto& item : later.at("items"))
        if (item.at("phase") == "stretch") CHECK(item.at("reps") == 2);  // R2 at 60 s
}
