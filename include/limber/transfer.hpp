#pragma once
// Moving recorded sessions in and out: the export documents of CLI.md (sessions or holds, CSV
// or JSON), written one row at a time, and the import of sessions documents, checked whole
// before anything is stored.

#include <limber/sessions.hpp>

#include <SQLiteCpp/Database.h>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

enum class TransferFormat { Csv, Json };
enum class ExportWhat { Sessions, Holds };

/// The holds CSV columns of CLI.md, in order.
const std::vector<std::string>& hold_csv_columns();

/// Writes the finished sessions (or their holds) of `range`, oldest first, as CLI.md's CSV or
/// JSON. Rows are read and written one at a time. Returns the number of sessions (or holds).
std::size_t write_export(SQLite::Database& db, std::ostream& out, TransferFormat format, ExportWhat what,
                         const DayRange& range);

/// One session read from an import document, checked, with its holds.
struct IncomingSession {
    Session session;
    std::vector<Hold> holds;
};

/// Reads a sessions document (CSV with the sessions header, or a JSON array of session
/// objects, as `export` writes them). `format` nullopt: JSON when the text starts with '[',
/// else CSV. `name` names the input in messages ("backup.csv", "stdin"). Sessions without a
/// zone get `zone`; without a source, "import". Throws UsageError naming the line (CSV) or
/// index (JSON), the field, the value and what is allowed.
std::vector<IncomingSession> read_import(std::string_view text, std::optional<TransferFormat> format,
                                         std::string_view name, const std::string& zone, Instant now);

/// What an import did (or, dry, would do).
struct ImportCount {
    std::size_t added = 0;
    std::size_t present = 0;  ///< uuids already stored (or repeated in the file), left as they are
};

/// Stores the sessions whose uuid is not stored yet, with their holds. Call inside a write
/// transaction (and roll it back for a dry run).
ImportCount store_import(SQLite::Database& db, const std::vector<IncomingSession>& sessions);

}  // namespace limber
