#include <limber/store/settings.hpp>

#include "database.hpp"

#include <SQLiteCpp/Statement.h>

namespace limber {

Settings load_settings(Store& store) {
    std::vector<std::pair<std::string, std::string>> stored;
    SQLite::Statement query(database(store), "SELECT key, value FROM settings");
    while (query.executeStep()) stored.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getString());
    return settings_from(stored);
}

void store_setting(Store& store, std::string_view key, std::string_view value) {
    SQLite::Statement statement(
        database(store), "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    statement.bind(1, std::string(key));
    statement.bind(2, std::string(value));
    statement.exec();
}

void remove_setting(Store& store, std::string_view key) {
    SQLite::Statement statement(database(store), "DELETE FROM settings WHERE key = ?");
    statement.bind(1, std::string(key));
    statement.exec();
}

}  // namespace limber
