#pragma once
// Reading the sessions documents that `export` writes (CSV with the sessions header, or a
// JSON array of session objects), one session at a time, each checked as it is read: memory
// stays flat however long the history.

#include <limber/io/transfer.hpp>
#include <limber/session/records.hpp>
#include <limber/time/clock.hpp>

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// Reads a sessions document from `in` and calls `each` with every session, checked, in the
/// order of the document. `format` nullopt: JSON when the text starts with '[' or '{', else
/// CSV. `name` names the input in messages ("backup.csv", "stdin"). Sessions without a zone
/// get `zone`; without a source, "import". Throws UsageError naming the line (CSV) or index
/// (JSON), the field, the value and what is allowed, at the first bad one: the sessions
/// handed over before it are then to be dropped (an import is all or nothing).
void read_import(std::istream& in, std::optional<TransferFormat> format, std::string_view name,
                 const std::string& zone, Instant now, const std::function<void(IncomingSession&&)>& each);

/// The same over a whole text, all the sessions at once (tests and fuzzing).
std::vector<IncomingSession> read_import(std::string_view text, std::optional<TransferFormat> format,
                                         std::string_view name, const std::string& zone, Instant now);

}  // namespace limber
