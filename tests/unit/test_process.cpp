// Unit tests: telling a live process from one that has gone (what recovers abandoned sessions).
#include <limber/util/process.hpp>

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

using namespace limber;

TEST_CASE("process identity: this process is alive, a finished one and a recycled pid are not") {
    const auto me = process_identity();
    CHECK(process_is_alive(me));
    const auto colon = me.find(':');
    REQUIRE(colon != std::string::npos);
    CHECK_FALSE(process_is_alive(me.substr(0, colon) + ":1"));  // same pid, another start time
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK_FALSE(process_is_alive(std::to_string(child) + ":0"));
    CHECK_FALSE(process_is_alive(""));
    CHECK_FALSE(process_is_alive("not-a-pid:5"));
}
