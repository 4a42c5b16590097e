#pragma once
// The settings table: the values `limber config` set (config/settings.hpp checks them).

#include <limber/config/settings.hpp>
#include <limber/store/store.hpp>

#include <string_view>

namespace limber {

/// The settings stored in the database, defaults for the absent ones.
Settings load_settings(Store& store);

/// Stores a value (already normalized) for a key.
void store_setting(Store& store, std::string_view key, std::string_view value);

/// Removes a key, so that its default applies again.
void remove_setting(Store& store, std::string_view key);

}  // namespace limber
