// End-to-end: the most characters a note holds, as man/limber-log.1 states it for --note, is
// what limber does: a note of that many characters, also two-byte ones, is stored whole; one
// more is a usage error (exit 2, one error line) that stores nothing. The limit is read from
// the page, so the page and the binary cannot drift apart (tests/docs/check_man.sh checks that
// limber-edit.1, limber-pause.1 and limber-import.1 state the same limit).
#include "refusals.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <regex>

namespace fs = std::filesystem;
using namespace limber::test;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

/// The N of "at most N characters" in the --note item of man/limber-log.1: the text lines of the
/// item (from its tag to the next .TP, .SH or .SS; requests and macros left out) joined. 0 when
/// the page has no such item or the item says no such thing.
std::size_t documented_note_limit() {
    std::ifstream page(fs::path(LIMBER_SOURCE_DIR) / "man" / "limber-log.1");
    std::string line, text;
    bool in_item = false;
    while (std::getline(page, line)) {
        if (!in_item) {
            in_item = line == R"(.BI \-\-note " TEXT")";
            continue;
        }
        if (line.rfind(".TP", 0) == 0 || line.rfind(".SH", 0) == 0 || line.rfind(".SS", 0) == 0) break;
        if (!line.empty() && line[0] != '.' && line[0] != '\'') text += line + ' ';
    }
    static const std::regex at_most(R"(at most\s+([0-9]+)\s+characters)");
    std::smatch match;
    if (!std::regex_search(text, match, at_most)) return 0;
    return std::stoul(match[1].str());
}

/// `unit` written `n` times.
std::string repeat(const std::string& unit, std::size_t n) {
    std::string out;
    out.reserve(unit.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += unit;
    return out;
}

/// The notes of the sessions of the database, oldest first, as `limber history --json` gives them.
std::vector<std::string> notes(const Limber& limber) {
    const auto r = limber.run({"history", "--json"});
    must(r);
    std::vector<std::string> out;
    for (const auto& session : json::parse(r.out)) out.push_back(session.at("note").get<std::string>());
    std::reverse(out.begin(), out.end());  // history is newest first
    return out;
}

}  // namespace

TEST_CASE("log keeps a note of exactly the characters limber-log.1 allows whole, also two-byte ones") {
    const std::size_t limit = documented_note_limit();
    INFO("man/limber-log.1 says a --note holds at most " << limit << " characters");
    REQUIRE(limit > 0);
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "-q"}));
    std::vector<std::string> logged;
    for (const std::string unit : {"x", "é"}) {  // é is two bytes in UTF-8: characters, not bytes
        INFO("a note of " << limit << " times " << unit);
        logged.push_back(repeat(unit, limit));
        const auto r = limber.run({"log", "--note", logged.back(), "-q"});
        must(r);
        CHECK(r.out == std::to_string(logged.size()) + "\n");  // the id of the new session
    }
    CHECK(notes(limber) == logged);
}

TEST_CASE("log refuses a note or reason one character longer than limber-log.1 allows: exit 2, one error line, nothing stored") {
    const std::size_t limit = documented_note_limit();
    INFO("man/limber-log.1 says a --note holds at most " << limit << " characters");
    REQUIRE(limit > 0);
    Limber limber;
    must(limber.run({"plan", "--level", "beginner", "-q"}));
    must(limber.run({"log", "--note", "fine", "-q"}));
    const std::string before = read_file(limber.db());
    const std::string too_long =
        "': too long (" + std::to_string(limit + 1) + " characters); a note holds at most " + std::to_string(limit) + "\n";
    struct Case {
        std::string option;
        std::vector<std::string> args;
    };
    const std::vector<Case> cases = {
        {"--note", {"log", "--note", repeat("x", limit + 1)}},
        {"--note", {"log", "--note", repeat("é", limit + 1)}},
        {"--reason", {"log", "--skip", "--date", "yesterday", "--reason", repeat("x", limit + 1)}},
    };
    for (const auto& c : cases) {
        INFO(c.args.front() << " " << c.args.at(1) << " ... with " << limit + 1 << " characters ("
                            << c.args.back().size() << " bytes)");
        const auto r = limber.run(c.args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(line_count(r.err) == 1);
        CHECK_THAT(r.err, StartsWith("limber: error: " + c.option + " '"));
        CHECK_THAT(r.err, EndsWith(too_long));
        CHECK(read_file(limber.db()) == before);
    }
    CHECK(notes(limber) == std::vector<std::string>{"fine"});
}
