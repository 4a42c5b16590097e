// Unit tests: terminal presentation (styles, widths, fitting, wrapping, bars, tables).
#include <limber/ui/ui.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace limber;

namespace {

std::string spaces(std::size_t n) { return std::string(n, ' '); }

std::string printed(const ui::Table& table, bool colour) {
    std::ostringstream out;
    table.print(out, ui::Style(colour));
    return out.str();
}

}  // namespace

TEST_CASE("ui: a style with colour on wraps the text in its ANSI escape and a reset") {
    const ui::Style on(true);
    CHECK(on.bold("x") == "\x1b[1mx\x1b[0m");
    CHECK(on.dim("x") == "\x1b[2mx\x1b[0m");
    CHECK(on.green("ok") == "\x1b[32mok\x1b[0m");
    CHECK(on.yellow("ok") == "\x1b[33mok\x1b[0m");
    CHECK(on.red("ok") == "\x1b[31mok\x1b[0m");
    CHECK(on.cyan("ok") == "\x1b[36mok\x1b[0m");
    CHECK(on.bold("") == "\x1b[1m\x1b[0m");
    CHECK(on.bold("é…") == "\x1b[1mé…\x1b[0m");
}

TEST_CASE("ui: a style with colour off returns the text unchanged, without any escape") {
    const ui::Style off(false);
    for (const std::string text : {"", "x", "Glute bridge", "é…█"}) {
        CHECK(off.bold(text) == text);
        CHECK(off.dim(text) == text);
        CHECK(off.green(text) == text);
        CHECK(off.yellow(text) == text);
        CHECK(off.red(text) == text);
        CHECK(off.cyan(text) == text);
    }
    CHECK(off.bold("abc").find('\x1b') == std::string::npos);
}

TEST_CASE("ui: display_width counts UTF-8 code points, not bytes") {
    CHECK(ui::display_width("") == 0);
    CHECK(ui::display_width("abc") == 3);
    CHECK(ui::display_width("é") == 1);          // 2 bytes
    CHECK(ui::display_width("…") == 1);          // 3 bytes
    CHECK(ui::display_width("█░") == 2);         // 3 bytes each
    CHECK(ui::display_width("\xf0\x9f\x91\x8d") == 1);  // 4 bytes
    CHECK(ui::display_width("ünïcödé") == 7);
    CHECK(ui::display_width("a b\tc") == 5);
}

TEST_CASE("ui: display_width ignores ANSI escapes") {
    const ui::Style on(true);
    CHECK(ui::display_width(on.bold("bold")) == 4);
    CHECK(ui::display_width(on.green("é…")) == 2);
    CHECK(ui::display_width("\x1b[1;32mok\x1b[0m!") == 3);
    CHECK(ui::display_width(on.dim(on.red("x")) + "yz") == 3);
    CHECK(ui::display_width("\x1b[0m") == 0);
    CHECK(ui::display_width("\x1b[31") == 0);  // cut short at the end: nothing counted, nothing read past the end
    CHECK(ui::display_width("a\x1b") == 1);
}

TEST_CASE("ui: fit keeps text that fits and cuts the rest to exactly the width, ending in an ellipsis") {
    CHECK(ui::fit("abc", 3) == "abc");   // exactly the width: untouched
    CHECK(ui::fit("abc", 10) == "abc");
    CHECK(ui::fit("abcd", 3) == "ab…");
    CHECK(ui::display_width(ui::fit("abcd", 3)) == 3);
    CHECK(ui::fit("abcdef", 2) == "a…");
    CHECK(ui::fit("abcdef", 1) == "…");
    CHECK(ui::fit("abcdef", 0) == "");
    CHECK(ui::fit("", 0) == "");
    CHECK(ui::fit("", 5) == "");
    const std::string long_text(200, 'x');
    CHECK(ui::fit(long_text, 40) == std::string(39, 'x') + "…");
}

TEST_CASE("ui: fit cuts multi-byte text between characters, never inside one") {
    CHECK(ui::fit("ééééé", 5) == "ééééé");  // 10 bytes, 5 columns: fits
    CHECK(ui::fit("ééééé", 3) == "éé…");
    CHECK(ui::fit("héllo wörld", 6) == "héllo…");
    CHECK(ui::fit("日本語テキスト", 4) == "日本語…");
    CHECK(ui::fit("a\xf0\x9f\x91\x8d" "bc", 3) == "a\xf0\x9f\x91\x8d…");
    for (std::size_t width = 1; width < 8; ++width) {
        const std::string cut = ui::fit("ünïcödé wörds", width);
        CHECK(ui::display_width(cut) == width);
    }
}

TEST_CASE("ui: wrap breaks between words into lines of at most the width") {
    CHECK(ui::wrap("the quick brown fox", 10) == std::vector<std::string>{"the quick", "brown fox"});
    CHECK(ui::wrap("the quick brown fox", 9) == std::vector<std::string>{"the quick", "brown fox"});
    CHECK(ui::wrap("the quick brown fox", 8) == std::vector<std::string>{"the", "quick", "brown", "fox"});
    CHECK(ui::wrap("a bb ccc", 4) == std::vector<std::string>{"a bb", "ccc"});  // 4 columns exactly fit
    CHECK(ui::wrap("a bb ccc", 3) == std::vector<std::string>{"a", "bb", "ccc"});
    CHECK(ui::wrap("short", 80) == std::vector<std::string>{"short"});
    CHECK(ui::wrap("één twee drie", 8) == std::vector<std::string>{"één twee", "drie"});  // columns, not bytes
    for (const auto& line : ui::wrap("Coming up: March in place, Seated knee-extension stretch, Glute bridge.", 20))
        CHECK(ui::display_width(line) <= 20);
}

TEST_CASE("ui: wrap cuts a word longer than the width on a line of its own") {
    CHECK(ui::wrap("extraordinarily long words", 8) == std::vector<std::string>{"extraor…", "long", "words"});
    CHECK(ui::wrap("a supercalifragilistic b", 6) == std::vector<std::string>{"a", "super…", "b"});
    CHECK(ui::wrap("abcdefgh", 8) == std::vector<std::string>{"abcdefgh"});
}

TEST_CASE("ui: wrap of empty text gives no lines") {
    CHECK(ui::wrap("", 10).empty());
    CHECK(ui::wrap("", 0).empty());
}

TEST_CASE("ui: bar fills the first fraction of the cells, rounded to the nearest cell") {
    CHECK(ui::bar(0.0, 4) == "░░░░");
    CHECK(ui::bar(1.0, 4) == "████");
    CHECK(ui::bar(0.5, 4) == "██░░");
    CHECK(ui::bar(0.5, 5) == "███░░");   // 2.5 cells round up
    CHECK(ui::bar(0.24, 10) == "██░░░░░░░░");
    CHECK(ui::bar(0.25, 10) == "███░░░░░░░");
    CHECK(ui::bar(0.5, 0) == "");
    CHECK(ui::display_width(ui::bar(0.3, 7)) == 7);
}

TEST_CASE("ui: bar clamps fractions out of range") {
    CHECK(ui::bar(-0.5, 3) == "░░░");
    CHECK(ui::bar(-100.0, 3) == "░░░");
    CHECK(ui::bar(1.5, 3) == "███");
    CHECK(ui::bar(1e9, 3) == "███");
}

TEST_CASE("ui: a table left-aligns its columns, two spaces apart, the last one unpadded") {
    ui::Table table({"exercise", "hold", "side"});
    table.add_row({"Glute bridge", "30 s", "left"});
    table.add_row({"Wall", "5 s", "right"});
    const std::string expected = "exercise" + spaces(4 + 2) + "hold" + spaces(2) + "side\n" +
                                 "Glute bridge" + spaces(2) + "30 s" + spaces(2) + "left\n" +
                                 "Wall" + spaces(8 + 2) + "5 s" + spaces(1 + 2) + "right\n";
    CHECK(printed(table, false) == expected);
}

TEST_CASE("ui: a table's header is bold with colour on, the padding counted without the escapes") {
    ui::Table table({"a", "bb"});
    table.add_row({"long cell", "x"});
    const std::string expected = "\x1b[1ma\x1b[0m" + spaces(8 + 2) + "\x1b[1mbb\x1b[0m\n" + "long cell" + spaces(2) + "x\n";
    CHECK(printed(table, true) == expected);
    CHECK(printed(table, false) == "a" + spaces(10) + "bb\n" + "long cell  x\n");
}

TEST_CASE("ui: a table measures UTF-8 cells in columns, not bytes") {
    ui::Table table({"name", "n"});
    table.add_row({"Ünïcödé", "1"});   // 7 columns, 11 bytes
    table.add_row({"ab", "2"});
    const std::string expected = "name" + spaces(3 + 2) + "n\n" + "Ünïcödé" + spaces(2) + "1\n" + "ab" + spaces(5 + 2) + "2\n";
    CHECK(printed(table, false) == expected);
}

TEST_CASE("ui: a table with no rows prints its header, a short row stops at its last cell") {
    ui::Table empty({"day", "minutes"});
    CHECK(printed(empty, false) == "day  minutes\n");
    ui::Table table({"day", "minutes", "note"});
    table.add_row({"mon"});
    table.add_row({"tuesday", "12"});
    CHECK(printed(table, false) == "day" + spaces(4 + 2) + "minutes  note\n" + "mon\n" + "tuesday  12\n");
}
