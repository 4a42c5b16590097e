#pragma once
// What the fuzz targets share: a failed property is reported on stderr and aborts, which
// libFuzzer records as a crash and keeps the input.

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace limber::fuzz {

/// Aborts with `what` when `ok` is false.
inline void check(bool ok, std::string_view what) {
    if (ok) return;
    std::fprintf(stderr, "property failed: %.*s\n", static_cast<int>(what.size()), what.data());
    std::abort();
}

/// A message meant for one line of stderr: not empty, no control characters.
inline bool one_line(std::string_view message) {
    if (message.empty()) return false;
    for (const char c : message) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) return false;
    }
    return true;
}

}  // namespace limber::fuzz
