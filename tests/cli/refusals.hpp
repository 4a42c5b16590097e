#pragma once
// Runs command lines that must be refused as usage errors: exit 2, nothing on stdout, exactly
// the expected stderr, and the database file byte for byte as it was.

#include "harness.hpp"

#include <catch2/catch.hpp>

namespace limber::test {

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
