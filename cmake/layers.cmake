# The layers of limber (CONTRIBUTING.md draws them): each source folder src/<module> and header
# folder include/limber/<module> belongs to one layer, and a layer may include only its own
# headers and those of the layers it names. Read by CMakeLists.txt (one library per layer) and
# by cmake/check_layers.cmake (the check the build runs).
set(LIMBER_LAYERS util time domain store io cli)

set(LIMBER_LAYER_util_MODULES util)
set(LIMBER_LAYER_time_MODULES time)
set(LIMBER_LAYER_domain_MODULES catalog plan stats session ui config)
set(LIMBER_LAYER_store_MODULES store)
set(LIMBER_LAYER_io_MODULES io)
set(LIMBER_LAYER_cli_MODULES app commands terminal speech)

# the layers each one may include (besides itself)
set(LIMBER_LAYER_util_USES)
set(LIMBER_LAYER_time_USES util)
set(LIMBER_LAYER_domain_USES time util)
set(LIMBER_LAYER_store_USES domain time util)
set(LIMBER_LAYER_io_USES domain time util)
set(LIMBER_LAYER_cli_USES store io domain time util)

# outside headers that only some layers may include (a regular expression over the include's
# name, and the layers that may); any other outside header is open to every layer
set(LIMBER_GUARDED_HEADERS SQLITE CLI11 JSON TERMINAL DATE)
set(LIMBER_GUARD_SQLITE_REGEX "^(SQLiteCpp/|sqlite3)")
set(LIMBER_GUARD_SQLITE_LAYERS store)
set(LIMBER_GUARD_SQLITE_SOURCES_ONLY ON)  # never in a header of include/limber/
set(LIMBER_GUARD_CLI11_REGEX "^(CLI/|CLI11)")
set(LIMBER_GUARD_CLI11_LAYERS cli)
set(LIMBER_GUARD_JSON_REGEX "^(nlohmann/|json\\.hpp$)")
set(LIMBER_GUARD_JSON_LAYERS io cli)
set(LIMBER_GUARD_TERMINAL_REGEX "^(termios\\.h|sys/ioctl\\.h|poll\\.h)$")
set(LIMBER_GUARD_TERMINAL_LAYERS cli)
set(LIMBER_GUARD_DATE_REGEX "^date/")
set(LIMBER_GUARD_DATE_LAYERS time domain store io cli)
