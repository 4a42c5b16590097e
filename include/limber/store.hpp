#pragma once
// The SQLite store: where the database lives, opening it safely, and migrating its schema.

#include <limber/environment.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace limber {

/// The database path: --db, else $LIMBER_DB, else $XDG_DATA_HOME/limber/limber.db, else
/// ~/.local/share/limber/limber.db (CLI.md). Throws StorageError when none can be formed.
std::filesystem::path resolve_db_path(const std::optional<std::string>& db_option,
                                      const Environment& env);

class Store {
public:
    /// Opens the database at `path`, creating it and its missing parent folders (mode 0700),
    /// sets WAL, foreign keys and a 5 s busy timeout, and applies pending migrations, each in
    /// its own transaction. Throws StorageError naming the file, and leaves the file as it
    /// was, when it cannot be created or opened, is not a limber database, is corrupt, or
    /// has a newer schema than this binary knows.
    static std::unique_ptr<Store> open(const std::filesystem::path& path);

    /// A fresh, migrated database in memory (for tests).
    static std::unique_ptr<Store> open_in_memory();

    SQLite::Database& db() { return m_db; }
    const std::filesystem::path& path() const { return m_path; }

    /// PRAGMA user_version.
    int schema_version();

private:
    Store(const std::filesystem::path& path, int flags);
    void check_and_migrate();

    std::filesystem::path m_path;
    SQLite::Database m_db;
};

/// A write transaction taken with BEGIN IMMEDIATE (so concurrent writers queue on the busy
/// timeout instead of failing on upgrade). Rolls back unless commit() is called.
class WriteTransaction {
public:
    explicit WriteTransaction(Store& store)
        : m_transaction(store.db(), SQLite::TransactionBehavior::IMMEDIATE) {}
    void commit() { m_transaction.commit(); }

private:
    SQLite::Transaction m_transaction;
};

/// True when SQLite gave up waiting for a lock (SQLITE_BUSY or SQLITE_LOCKED).
bool is_busy(const SQLite::Exception& e);
/// The hint shown with a busy error.
inline constexpr const char* k_busy_hint = "another program held the database lock for more than 5 s; try again";

/// Applies every migration newer than the database's user_version, each in its own
/// transaction, re-checking inside it that the file is limber's (used by Store::open).
void migrate(SQLite::Database& db, const std::filesystem::path& path);

}  // namespace limber
