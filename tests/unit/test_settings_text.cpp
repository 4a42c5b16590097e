// Unit tests: settings validation and storage; text helpers; fixed-set option values.
#include <limber/plan/choices.hpp>
#include <limber/store/settings.hpp>
#include <limber/store/store.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <catch2/catch.hpp>

using namespace limber;

TEST_CASE("normalize_setting canonicalizes valid values and rejects the rest") {
    CHECK(normalize_setting("day_start", "4:00") == "04:00");
    CHECK(normalize_setting("week_start", "SUNDAY") == "sunday");
    CHECK(normalize_setting("default_routine", "morning.v2") == "morning.v2");
    CHECK_THROWS_AS(normalize_setting("day_start", "24:00"), UsageError);
    CHECK_THROWS_AS(normalize_setting("week_start", "mon"), UsageError);
    CHECK_THROWS_AS(normalize_setting("default_routine", "-x"), UsageError);
    CHECK_THROWS_AS(normalize_setting("default_routine", std::string(65, 'a')), UsageError);
    CHECK(normalize_setting("default_routine", std::string(64, 'a')) == std::string(64, 'a'));
    CHECK_THROWS_AS(normalize_setting("nope", "x"), UsageError);
}

TEST_CASE("settings load with defaults and store, replace and remove values") {
    auto store = Store::open_in_memory();
    auto& db = *store;
    Settings s = load_settings(db);
    CHECK(s.day_start == std::chrono::minutes{0});
    CHECK(s.week_start == WeekStart::Monday);
    CHECK(s.default_routine.empty());
    store_setting(db, "day_start", "04:30");
    store_setting(db, "day_start", "05:00");
    store_setting(db, "week_start", "sunday");
    s = load_settings(db);
    CHECK(s.day_start == std::chrono::minutes{300});
    CHECK(s.week_start == WeekStart::Sunday);
    CHECK(setting_value(s, "day_start") == "05:00");
    remove_setting(db, "day_start");
    CHECK(load_settings(db).day_start == std::chrono::minutes{0});
}

TEST_CASE("quote escapes control characters and shortens long values") {
    CHECK(quote("abc") == "'abc'");
    CHECK(quote("a\nb") == "'a\\x0ab'");
    CHECK(quote("it's") == "'it\\'s'");
    CHECK(quote(std::string(100, 'x')) == "'" + std::string(60, 'x') + "…'");
    CHECK(quote("ünïcödé") == "'ünïcödé'");
    std::string accents;
    for (int i = 0; i < 70; ++i) accents += "é";
    std::string sixty;
    for (int i = 0; i < 60; ++i) sixty += "é";
    CHECK(quote(accents) == "'" + sixty + "…'");  // cut between characters, never inside one
    // bytes that are not UTF-8, and C1 controls, are escaped too: a message never carries them raw
    CHECK(quote("bad\xff") == "'bad\\xff'");
    CHECK(quote("\xc3") == "'\\xc3'");  // a sequence cut short
    CHECK(quote("c1\xc2\x9bx") == "'c1\\xc2\\x9bx'");
    CHECK(quote(std::string("nul\0!", 5)) == "'nul\\x00!'");
}

TEST_CASE("a note is UTF-8 text of at most 1000 characters, without control characters but tabs and line breaks") {
    CHECK(note_problem("").empty());
    CHECK(note_problem("tight after the long drive, eased by the 3rd rep").empty());
    std::string most;
    for (std::size_t i = 0; i < k_note_max_characters; ++i) most += "é";  // characters, not bytes
    CHECK(note_problem(most).empty());
    CHECK(note_problem(most + "e") == "too long (1001 characters); a note holds at most 1000");
    CHECK(note_problem("two\nlines,\ttabbed\r\n").empty());  // as spreadsheets write them
    const std::string control = "holds a control character; a note is text, with tabs and line breaks at most";
    for (const std::string& bad : std::vector<std::string>{"\x1b[31mred", "bell\a", "del\x7f", "c1\xc2\x9b", std::string("nul\0", 4)})
        CHECK(note_problem(bad) == control);
    CHECK(note_problem("\xc2\xa0no-break space is text").empty());
    for (const std::string& bad : std::vector<std::string>{"bad\xff", "cut\xe2\x82", "\xed\xa0\x80surrogate", "\xc0\xafoverlong"})
        CHECK(note_problem(bad) == "not UTF-8 text");
}

TEST_CASE("nearest suggests plausible typos only") {
    const std::vector<std::string> words = {"exercises", "config", "plan"};
    CHECK(nearest("exercsies", words) == "exercises");
    CHECK(nearest("confg", words) == "config");
    CHECK(nearest("exer", words) == "exercises");
    CHECK(nearest("xyzzy", words).empty());
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("parse_int takes whole numbers in range only") {
    long long v = 0;
    CHECK(parse_int("42", 0, 100, v));
    CHECK(v == 42);
    CHECK_FALSE(parse_int("101", 0, 100, v));
    CHECK_FALSE(parse_int("4.2", 0, 100, v));
    CHECK_FALSE(parse_int(" 4", 0, 100, v));
    CHECK_FALSE(parse_int("", 0, 100, v));
    CHECK_FALSE(parse_int("99999999999999999999999", 0, 100, v));
    CHECK_FALSE(parse_int("nan", 0, 100, v));
    CHECK(parse_int("-5", -10, 10, v));
    CHECK(v == -5);
}

TEST_CASE("fixed-set options name the option, the value and the choices") {
    try {
        level_option("expert", "--level");
        FAIL("accepted");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "--level 'expert': not a level; use beginner, intermediate or advanced");
    }
    CHECK(constraint_list({"pregnant,no-floor", "pregnant"}, "--constraint") ==
          std::vector<Constraint>{Constraint::Pregnant, Constraint::NoFloor});
    CHECK(equipment_list({"none"}, "--equipment").empty());
    CHECK(equipment_list({"Chair,wall"}, "--equipment") == std::vector<Equipment>{Equipment::Chair, Equipment::Wall});
    CHECK_THROWS_AS(equipment_list({"chair,none"}, "--equipment"), UsageError);
    CHECK(or_list({"a", "b", "c"}) == "a, b or c");
}
