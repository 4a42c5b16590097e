#pragma once
// Naming this process so that another can tell later whether it is still running.

#include <string>

namespace limber {

/// This process as "pid:start-ticks" (start ticks from /proc/self/stat, so that a recycled
/// pid is not taken for this process).
std::string process_identity();

/// True while the process a process_identity() string names is still running.
bool process_is_alive(const std::string& identity);

}  // namespace limber
