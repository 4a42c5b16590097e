#pragma once
// Inside the store library only: the SQLite connection behind a Store, and the helpers the
// repositories share. No header under include/ includes this.

#include <limber/store/store.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <filesystem>

namespace limber {

struct Store::Connection {
    SQLite::Database db;
};

inline Store::Connection& connection_of(Store& store) { return *store.m_connection; }

/// The SQLite connection of `store`.
inline SQLite::Database& database(Store& store) { return connection_of(store).db; }

/// True when SQLite gave up waiting for a lock (SQLITE_BUSY or SQLITE_LOCKED).
bool is_busy(const SQLite::Exception& e);

/// The hint shown with a busy error.
inline constexpr const char* k_busy_hint = "another program held the database lock for more than 5 s; try again";

/// Applies every migration newer than the database's user_version, each in its own
/// transaction, re-checking inside it that the file is limber's (used by Store::open).
void migrate(SQLite::Database& db, const std::filesystem::path& path);

}  // namespace limber
