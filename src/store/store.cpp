#include <limber/store/store.hpp>

#include "database.hpp"
#include "migrations.hpp"

#include <limber/util/error.hpp>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <thread>

namespace limber {

namespace fs = std::filesystem;

namespace {

constexpr int k_application_id = 0x4C4D4252;  // 'LMBR', set by schemas/001_initial.sql
constexpr int k_busy_timeout_ms = 5000;

/// Creates each missing folder of `folder` with mode 0700.
void create_folders(const fs::path& folder, const fs::path& db_path) {
    if (folder.empty()) return;
    fs::path partial;
    for (const auto& part : folder) {
        partial /= part;
        struct stat info {};
        if (::stat(partial.c_str(), &info) == 0) {
            if (!S_ISDIR(info.st_mode))
                throw StorageError(fmt::format("cannot create database {}: {} is not a folder",
                                               db_path.string(), partial.string()));
            continue;
        }
        if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST)
            throw StorageError(fmt::format("cannot create database {}: cannot create folder {}: {}",
                                           db_path.string(), partial.string(),
                                           std::strerror(errno)));
    }
}

int pragma_int(SQLite::Database& db, const char* pragma) {
    return db.execAndGet(fmt::format("PRAGMA {}", pragma)).getInt();
}

}  // namespace

bool is_busy(const SQLite::Exception& e) {
    return e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED;
}

int latest_schema_version() { return migrations().back().version; }

fs::path resolve_db_path(const std::optional<std::string>& db_option, const Environment& env) {
    if (db_option) {
        if (db_option->empty()) throw UsageError("--db '': the database path is empty");
        return *db_option;
    }
    if (env.limber_db && !env.limber_db->empty()) return *env.limber_db;
    if (env.xdg_data_home && !env.xdg_data_home->empty())
        return fs::path(*env.xdg_data_home) / "limber" / "limber.db";
    if (env.home && !env.home->empty())
        return fs::path(*env.home) / ".local" / "share" / "limber" / "limber.db";
    throw StorageError("cannot place the database: none of --db, LIMBER_DB, XDG_DATA_HOME or HOME is set",
                       "pass --db PATH");
}

Store::Store(const fs::path& path, int flags)
    : m_path(path), m_connection(new Connection{SQLite::Database(path.string(), flags, k_busy_timeout_ms)}) {}

Store::~Store() = default;

std::unique_ptr<Store> Store::open(const fs::path& given) {
    // "a/../b" is taken as written (lexically), so no folder is created only to be left again
    const fs::path path = given.lexically_normal();
    std::error_code ec;
    if (!path.has_filename() || fs::is_directory(path, ec))
        throw StorageError(fmt::format("cannot open database {}: it is a folder", path.string()),
                           "name a file, e.g. --db ~/limber.db");
    create_folders(path.parent_path(), path);
    // a new database is the person's own (pain, red flags, notes): mode 0600, which SQLite gives
    // its journal and WAL files too; an existing one is left as it is
    if (const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600); fd >= 0) ::close(fd);
    std::unique_ptr<Store> store;
    try {
        // One thread uses the connection: SQLite need not take its mutex on every call.
        store.reset(new Store(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX));
    } catch (const SQLite::Exception& e) {
        throw StorageError(fmt::format("cannot open database {}: {}", path.string(), e.what()));
    }
    try {
        store->check_and_migrate();
    } catch (const Error&) {
        throw;
    } catch (const SQLite::Exception& e) {
        throw StorageError(fmt::format("cannot use database {}: {}", path.string(), e.what()),
                           is_busy(e) ? k_busy_hint : "");
    }
    return store;
}

std::unique_ptr<Store> Store::open_in_memory() {
    std::unique_ptr<Store> store(
        new Store(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_MEMORY));
    store->check_and_migrate();
    return store;
}

int Store::schema_version() { return pragma_int(database(*this), "user_version"); }

void Store::backup_to(const fs::path& target) {
    try {
        SQLite::Statement vacuum(database(*this), "VACUUM INTO ?");
        vacuum.bind(1, target.string());
        vacuum.exec();
    } catch (const SQLite::Exception& e) {
        throw StorageError(e.what());  // the caller names the backup as the user typed it
    }
}

struct WriteTransaction::Transaction {
    SQLite::Transaction transaction;
};

WriteTransaction::WriteTransaction(Store& store)
    : m_transaction(new Transaction{SQLite::Transaction(database(store), SQLite::TransactionBehavior::IMMEDIATE)}) {}

WriteTransaction::~WriteTransaction() = default;

void WriteTransaction::commit() { m_transaction->transaction.commit(); }

std::optional<DatabaseFailure> database_failure(const std::exception& error) {
    const auto* e = dynamic_cast<const SQLite::Exception*>(&error);
    if (e == nullptr) return std::nullopt;
    return DatabaseFailure{e->what(), is_busy(*e) ? k_busy_hint : ""};
}

namespace {

/// Refuses a database limber must not touch. Reads only; call inside a transaction so the
/// application id, version and tables are one consistent snapshot (another process may be
/// migrating the same new file at this moment).
void check_ownership(SQLite::Database& db, const fs::path& path) {
    const int application_id = pragma_int(db, "application_id");
    const int version = pragma_int(db, "user_version");
    const int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    if (application_id != k_application_id && (application_id != 0 || version != 0 || objects > 0)) {
        if (application_id != 0)
            throw StorageError(fmt::format(
                "cannot use database {}: it belongs to another program (application id {:#x})",
                path.string(), static_cast<unsigned>(application_id)));
        throw StorageError(fmt::format("cannot use database {}: it is an SQLite database of another program",
                                       path.string()),
                           "pass --db with a new file name for limber's database");
    }
    if (version > latest_schema_version())
        throw StorageError(
            fmt::format("cannot use database {}: its schema version {} is newer than this limber "
                        "knows ({})",
                        path.string(), version, latest_schema_version()),
            "upgrade limber to use this database");
}

/// Switches to WAL, waiting out other connections that are opening the same file.
void use_wal(SQLite::Database& db) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(k_busy_timeout_ms);
    while (true) {
        try {
            if (db.execAndGet("PRAGMA journal_mode = WAL").getString() == "wal") return;
        } catch (const SQLite::Exception& e) {
            if (!is_busy(e)) throw;
        }
        if (std::chrono::steady_clock::now() >= deadline)
            throw SQLite::Exception("database is locked", SQLITE_BUSY);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

}  // namespace

void Store::check_and_migrate() {
    // Read-only checks first, in one snapshot: nothing is written to a file that is refused.
    SQLite::Database& db = database(*this);
    {
        SQLite::Transaction snapshot(db, SQLite::TransactionBehavior::DEFERRED);
        check_ownership(db, m_path);
    }  // rolled back: it only read
    db.exec("PRAGMA foreign_keys = ON");
    if (m_path != ":memory:") use_wal(db);
    migrate(db, m_path);
}

void migrate(SQLite::Database& db, const fs::path& path) {
    for (const auto& migration : migrations()) {
        if (pragma_int(db, "user_version") >= migration.version) continue;
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        // another process may have migrated while this one waited for the lock
        check_ownership(db, path);
        if (pragma_int(db, "user_version") >= migration.version) continue;
        db.exec(migration.sql);
        db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
        transaction.commit();
    }
}

}  // namespace limber
