#pragma once
// The schema migrations, embedded at build time from schemas/NNN_name.sql.

#include <vector>

namespace limber {

struct Migration {
    int version;       ///< NNN of the file name; PRAGMA user_version after it is applied
    const char* name;  ///< the file name
    const char* sql;   ///< the statements
};

/// Every migration, in ascending version order, versions 1, 2, 3… without gaps.
const std::vector<Migration>& migrations();

/// The schema version this binary creates and understands.
int latest_schema_version();

}  // namespace limber
