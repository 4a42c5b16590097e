#pragma once
// The entry point: parses the command line, runs one command, and maps every error to its
// exit code (CLI.md) in one place.

#include <limber/app/context.hpp>
#include <limber/util/environment.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace limber {

/// Runs limber with the process's arguments, environment and standard streams.
int run(int argc, char** argv);

/// Runs limber with `args` (without the program name). Returns the exit code.
int run(const std::vector<std::string>& args, const Environment& env, Streams streams);

}  // namespace limber
