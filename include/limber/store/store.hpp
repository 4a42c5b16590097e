#pragma once
// The store: where the database lives, opening it safely, migrating its schema, and the
// transactions its repositories (sessions, routines, pauses, settings) write in. SQLite stays
// inside the store library: nothing here names it.

#include <limber/util/environment.hpp>

#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace limber {

/// The database path: --db, else $LIMBER_DB, else $XDG_DATA_HOME/limber/limber.db, else
/// ~/.local/share/limber/limber.db (CLI.md). Throws StorageError when none can be formed.
std::filesystem::path resolve_db_path(const std::optional<std::string>& db_option,
                                      const Environment& env);

/// The newest schema version this binary knows (its last migration).
int latest_schema_version();

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

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::filesystem::path& path() const { return m_path; }

    /// PRAGMA user_version.
    int schema_version();

    /// Writes a consistent copy of the whole database to `target` (which must not exist),
    /// safe while other programs write (VACUUM INTO). Throws StorageError with SQLite's reason.
    void backup_to(const std::filesystem::path& target);

    struct Connection;  ///< the SQLite connection, seen only inside the store library

private:
    Store(const std::filesystem::path& path, int flags);
    void check_and_migrate();
    friend Connection& connection_of(Store& store);

    std::filesystem::path m_path;
    std::unique_ptr<Connection> m_connection;
};

/// A write transaction taken with BEGIN IMMEDIATE (so concurrent writers queue on the busy
/// timeout instead of failing on upgrade). Rolls back unless commit() is called.
class WriteTransaction {
public:
    explicit WriteTransaction(Store& store);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    struct Transaction;
    std::unique_ptr<Transaction> m_transaction;
};

/// What the user is told of a failure inside the database (an SQLite error escaping a
/// repository): its message and, when another program held the lock, a hint.
struct DatabaseFailure {
    std::string message;
    std::string hint;
};

/// The DatabaseFailure `error` is, or nullopt when it did not come from the database.
std::optional<DatabaseFailure> database_failure(const std::exception& error);

}  // namespace limber
