// Unit tests: option values typed by people (numbers, pain ratings, words, notes) and the
// fixed-set lists of plan/choices.hpp not already covered by test_settings_text.cpp.
#include <limber/plan/choices.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/util/values.hpp>

#include <catch2/catch.hpp>

#include <climits>
#include <functional>
#include <string>
#include <vector>

using namespace limber;

namespace {

/// The UsageError `call` throws; fails the test when it throws nothing or something else.
UsageError usage_error_of(const std::function<void()>& call) {
    try {
        call();
    } catch (const UsageError& e) {
        return e;
    } catch (...) {
        FAIL("threw something other than a UsageError");
    }
    FAIL("accepted");
    return UsageError("");
}

std::string message_of(const std::function<void()>& call) { return usage_error_of(call).what(); }

const std::vector<std::string> k_days = {"monday", "sunday"};

}  // namespace

TEST_CASE("values: whole_number_option takes whole numbers from min to max, both included") {
    CHECK(whole_number_option("30", "--hold", 1, 600, "seconds") == 30);
    CHECK(whole_number_option("1", "--hold", 1, 600, "seconds") == 1);
    CHECK(whole_number_option("600", "--hold", 1, 600, "seconds") == 600);
    CHECK(whole_number_option("0", "--rest", 0, 0, "seconds") == 0);
    CHECK_THROWS_AS(whole_number_option("0", "--hold", 1, 600, "seconds"), UsageError);
    CHECK_THROWS_AS(whole_number_option("601", "--hold", 1, 600, "seconds"), UsageError);
}

TEST_CASE("values: whole_number_option's error names the option, the value, the unit and the range") {
    CHECK(message_of([] { whole_number_option("601", "--hold", 1, 600, "seconds"); }) ==
          "--hold '601': not a whole number of seconds from 1 to 600");
    CHECK(message_of([] { whole_number_option("abc", "--rest", 0, 120, "seconds"); }) ==
          "--rest 'abc': not a whole number of seconds from 0 to 120");
    CHECK(message_of([] { whole_number_option("", "--limit", 1, 1000, "sessions"); }) ==
          "--limit '': not a whole number of sessions from 1 to 1000");
    CHECK(message_of([] { whole_number_option("-20", "--shift", -10, 10, "days"); }) ==
          "--shift '-20': not a whole number of days from -10 to 10");
    // the value is quoted: escapes shown, never sent to the terminal raw
    CHECK(message_of([] { whole_number_option("\x1b[2J", "--hold", 1, 600, "seconds"); }) ==
          "--hold '\\x1b[2J': not a whole number of seconds from 1 to 600");
    const UsageError e = usage_error_of([] { whole_number_option("x", "--hold", 1, 600, "seconds"); });
    CHECK(e.code() == ExitCode::Usage);
    CHECK(e.hint().empty());
}

TEST_CASE("values: whole_number_option refuses signs where the range has none, spaces and other notations") {
    for (const std::string bad : {"-5", "-0", "+5", " 5", "5 ", " ", "5s", "4.0", "1e3", "0x10", "five", "--5"}) {
        INFO("value: '" << bad << "'");
        CHECK_THROWS_AS(whole_number_option(bad, "--hold", 0, 600, "seconds"), UsageError);
    }
}

TEST_CASE("values: whole_number_option takes a minus sign where the range goes below zero") {
    CHECK(whole_number_option("-5", "--shift", -10, 10, "days") == -5);
    CHECK(whole_number_option("-10", "--shift", -10, 10, "days") == -10);
    CHECK(whole_number_option("-0", "--shift", -10, 10, "days") == 0);
    CHECK_THROWS_AS(whole_number_option("-11", "--shift", -10, 10, "days"), UsageError);
    CHECK_THROWS_AS(whole_number_option("+5", "--shift", -10, 10, "days"), UsageError);
}

TEST_CASE("values: whole_number_option refuses huge numbers instead of wrapping them") {
    CHECK(whole_number_option("2147483647", "--n", 0, INT_MAX, "things") == INT_MAX);
    CHECK(whole_number_option("-2147483648", "--n", INT_MIN, INT_MAX, "things") == INT_MIN);
    CHECK_THROWS_AS(whole_number_option("2147483648", "--n", 0, INT_MAX, "things"), UsageError);
    CHECK_THROWS_AS(whole_number_option("-2147483649", "--n", INT_MIN, INT_MAX, "things"), UsageError);
    CHECK_THROWS_AS(whole_number_option("4294967326", "--hold", 1, 600, "seconds"), UsageError);  // 30 mod 2^32
    CHECK_THROWS_AS(whole_number_option("18446744073709551646", "--hold", 1, 600, "seconds"), UsageError);
    CHECK_THROWS_AS(whole_number_option(std::string(400, '9'), "--hold", 1, 600, "seconds"), UsageError);
    CHECK(message_of([] { whole_number_option(std::string(100, '9'), "--hold", 1, 600, "seconds"); }) ==
          "--hold '" + std::string(60, '9') + "…': not a whole number of seconds from 1 to 600");
}

TEST_CASE("values: pain_option takes 0 to 10") {
    for (int n = 0; n <= 10; ++n) CHECK(pain_option(std::to_string(n), "--pain-before") == n);
    for (const std::string bad : {"11", "-1", "100", "", "5.5", " 3", "three", "+2"}) {
        INFO("value: '" << bad << "'");
        CHECK_THROWS_AS(pain_option(bad, "--pain-before"), UsageError);
    }
}

TEST_CASE("values: pain_option's error names the option and the value and gives the scale") {
    CHECK(message_of([] { pain_option("11", "--pain-after"); }) ==
          "--pain-after '11': not a pain rating; use a whole number from 0 (no pain) to 10 (worst)");
    CHECK(message_of([] { pain_option("-1", "--pain-before"); }) ==
          "--pain-before '-1': not a pain rating; use a whole number from 0 (no pain) to 10 (worst)");
    CHECK(usage_error_of([] { pain_option("x", "--pain-before"); }).code() == ExitCode::Usage);
}

TEST_CASE("values: word_option finds the word whatever its case") {
    CHECK(word_option("monday", "--week-start", "a weekday", k_days) == 0);
    CHECK(word_option("sunday", "--week-start", "a weekday", k_days) == 1);
    CHECK(word_option("Sunday", "--week-start", "a weekday", k_days) == 1);
    CHECK(word_option("SUNDAY", "--week-start", "a weekday", k_days) == 1);
    CHECK(word_option("MoNdAy", "--week-start", "a weekday", k_days) == 0);
    CHECK_THROWS_AS(word_option("sunday ", "--week-start", "a weekday", k_days), UsageError);
    CHECK_THROWS_AS(word_option("", "--week-start", "a weekday", k_days), UsageError);
}

TEST_CASE("values: word_option's error lists the words and hints at a typo") {
    const UsageError typo = usage_error_of([] { word_option("sundy", "--week-start", "a weekday", k_days); });
    CHECK(std::string(typo.what()) == "--week-start 'sundy': not a weekday; use monday or sunday");
    CHECK(typo.hint() == "did you mean 'sunday'?");
    CHECK(typo.code() == ExitCode::Usage);

    const UsageError upper = usage_error_of([] { word_option("MONDY", "--week-start", "a weekday", k_days); });
    CHECK(std::string(upper.what()) == "--week-start 'MONDY': not a weekday; use monday or sunday");  // as typed
    CHECK(upper.hint() == "did you mean 'monday'?");

    const UsageError prefix = usage_error_of([] { word_option("mon", "--week-start", "a weekday", k_days); });
    CHECK(prefix.hint() == "did you mean 'monday'?");

    const UsageError unrelated = usage_error_of([] { word_option("friday", "--week-start", "a weekday", k_days); });
    CHECK(std::string(unrelated.what()) == "--week-start 'friday': not a weekday; use monday or sunday");
    CHECK(unrelated.hint().empty());

    const std::vector<std::string> formats = {"json", "csv", "text"};
    const UsageError three = usage_error_of([&formats] { word_option("xml", "--format", "a format", formats); });
    CHECK(std::string(three.what()) == "--format 'xml': not a format; use json, csv or text");
}

TEST_CASE("values: note_option returns a note as given") {
    CHECK(note_option("", "--note") == "");
    CHECK(note_option("tight after the drive", "--note") == "tight after the drive");
    CHECK(note_option("two\nlines\ttabbed\r\n", "--note") == "two\nlines\ttabbed\r\n");
    CHECK(note_option("ünïcödé …", "--reason") == "ünïcödé …");
    const std::string most(k_note_max_characters, 'x');
    CHECK(note_option(most, "--note") == most);
    std::string accents;
    for (std::size_t i = 0; i < k_note_max_characters; ++i) accents += "é";  // characters, not bytes
    CHECK(note_option(accents, "--note") == accents);
}

TEST_CASE("values: note_option refuses a note past the limit, naming the option and the value") {
    const std::string too_long(k_note_max_characters + 1, 'x');
    CHECK(message_of([&too_long] { note_option(too_long, "--note"); }) ==
          "--note '" + std::string(60, 'x') + "…': too long (1001 characters); a note holds at most 1000");
    std::string accents;
    for (std::size_t i = 0; i <= k_note_max_characters; ++i) accents += "é";
    CHECK_THROWS_AS(note_option(accents, "--note"), UsageError);
}

TEST_CASE("values: note_option refuses control characters and bytes that are not UTF-8") {
    const std::string control = "holds a control character; a note is text, with tabs and line breaks at most";
    CHECK(message_of([] { note_option("\x1b[31mred", "--note"); }) == "--note '\\x1b[31mred': " + control);
    CHECK(message_of([] { note_option("bell\a", "--reason"); }) == "--reason 'bell\\x07': " + control);
    CHECK(message_of([] { note_option("del\x7f", "--note"); }) == "--note 'del\\x7f': " + control);
    CHECK(message_of([] { note_option(std::string("nul\0x", 5), "--note"); }) == "--note 'nul\\x00x': " + control);
    CHECK(message_of([] { note_option("bad\xff", "--note"); }) == "--note 'bad\\xff': not UTF-8 text");
}

TEST_CASE("values: or_list joins with commas and a last 'or'") {
    CHECK(or_list({}) == "");
    CHECK(or_list({"a"}) == "a");
    CHECK(or_list({"a", "b"}) == "a or b");
    CHECK(or_list({"a", "b", "c"}) == "a, b or c");
    CHECK(or_list({"json", "csv", "text", "ics"}) == "json, csv, text or ics");
}

TEST_CASE("choices: level_option takes the levels whatever their case") {
    CHECK(level_option("beginner", "--level") == Level::Beginner);
    CHECK(level_option("Intermediate", "--level") == Level::Intermediate);
    CHECK(level_option("ADVANCED", "--level") == Level::Advanced);
}

TEST_CASE("choices: a mistyped level gets a did-you-mean hint") {
    const UsageError e = usage_error_of([] { level_option("beginer", "--level"); });
    CHECK(std::string(e.what()) == "--level 'beginer': not a level; use beginner, intermediate or advanced");
    CHECK(e.hint() == "did you mean 'beginner'?");
    CHECK(usage_error_of([] { level_option("", "--level"); }).hint().empty());
}

TEST_CASE("choices: constraint_list keeps the first of each constraint across values and commas") {
    CHECK(constraint_list({}, "--constraint").empty());
    CHECK(constraint_list({"sciatica", "back-pain,sciatica", "Back-Pain"}, "--constraint") ==
          std::vector<Constraint>{Constraint::Sciatica, Constraint::BackPain});
    CHECK(constraint_list({"no-floor,injured,acute-strain"}, "--constraint") ==
          std::vector<Constraint>{Constraint::NoFloor, Constraint::Injured, Constraint::AcuteStrain});
}

TEST_CASE("choices: constraint_list refuses an empty piece and names the choices") {
    CHECK(message_of([] { constraint_list({"pregnant,"}, "--constraint"); }) ==
          "--constraint '': not a constraint; use pregnant, injured, acute-strain, no-floor, back-pain, sciatica, "
          "osteoporosis, hip-replacement, knee, hypermobility or seated-only");
    CHECK_THROWS_AS(constraint_list({""}, "--constraint"), UsageError);
    CHECK_THROWS_AS(constraint_list({",pregnant"}, "--constraint"), UsageError);
    const UsageError e = usage_error_of([] { constraint_list({"pregnant", "sciatca"}, "--constraint"); });
    CHECK(e.hint() == "did you mean 'sciatica'?");
    CHECK(usage_error_of([] { constraint_list({"osteoporsis"}, "--constraint"); }).hint() ==
          "did you mean 'osteoporosis'?");
    CHECK(usage_error_of([] { constraint_list({"hip-replacment"}, "--constraint"); }).hint() ==
          "did you mean 'hip-replacement'?");
    CHECK(constraint_list({"seated-only,knee", "Hypermobility"}, "--constraint") ==
          std::vector<Constraint>{Constraint::SeatedOnly, Constraint::Knee, Constraint::Hypermobility});
}

TEST_CASE("choices: equipment_list drops duplicates and takes none, repeated, as no equipment") {
    CHECK(equipment_list({}, "--equipment").empty());
    CHECK(equipment_list({"NONE"}, "--equipment").empty());
    CHECK(equipment_list({"none", "None"}, "--equipment").empty());
    CHECK(equipment_list({"strap,strap", "Strap", "foam-roller"}, "--equipment") ==
          std::vector<Equipment>{Equipment::Strap, Equipment::FoamRoller});
    CHECK(equipment_list({"partner", "ball,step,table"}, "--equipment") ==
          std::vector<Equipment>{Equipment::Partner, Equipment::Ball, Equipment::Step, Equipment::Table});
}

TEST_CASE("choices: equipment_list refuses none beside equipment") {
    CHECK(message_of([] { equipment_list({"none", "chair"}, "--equipment"); }) ==
          "--equipment 'none': not a piece of equipment; use strap, chair, step, wall, table, foam-roller, ball or partner");
    CHECK_THROWS_AS(equipment_list({"chair", "none"}, "--equipment"), UsageError);
    CHECK_THROWS_AS(equipment_list({"none,none"}, "--equipment"), UsageError);  // one value, not "none"
    CHECK(usage_error_of([] { equipment_list({"foamroller"}, "--equipment"); }).hint() == "did you mean 'foam-roller'?");
}
