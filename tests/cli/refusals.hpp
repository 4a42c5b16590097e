#pragma once
// Runs command lines that must succeed, or be refused as usage errors: exit 2, nothing on
// stdout, exactly the expected stderr, and the database file byte for byte as it was.

#include "harness.hpp"

#include <catch2/catch.hpp>

namespace limber::test {

/// Requires a run to have succeeded, showing its stderr when it did not.
inline void must(const Result& r) {
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
}

struct UsageCase {
    std::vector<std::string> args;
    std::string message;  ///< the whole stderr
};

inline void check_usage_errors(const Limber& limber, const std::vector<UsageCase>& cases) {
    const std::string before = read_file(limber.db());
    for (const auto& c : cases) {
        INFO(c.args.back());
        const auto r = limber.run(c.args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == c.message);
        CHECK(read_file(limber.db()) == before);
    }
}

}  // namespace limber::test
