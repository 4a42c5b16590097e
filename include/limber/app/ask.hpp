#pragma once
// A yes/no question on the terminal, for rm's confirmation and start's safety questions.

#include <limber/app/context.hpp>

#include <ostream>
#include <string>

namespace limber {

/// Writes "question [y/N] " to `prompt` and reads a line: only "y" or "yes" (any case, spaces
/// ignored) is yes; anything else, Enter and end of input are no.
bool ask_yes(Context& context, std::ostream& prompt, const std::string& question);

}  // namespace limber
