#!/usr/bin/env bash
# The layer check (cmake/check_layers.cmake) passes on the tree as it is and fails, naming the
# file, on each planted leak: a domain file that includes SQLite, CLI11, nlohmann-json or the
# terminal; a lower layer's header that includes a higher layer; io including the store; a
# command or a public store header including SQLiteCpp.
# usage: tests/layers/check_layers.sh SOURCE_DIR
set -euo pipefail
source_dir=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0

copy_tree() {
    rm -rf "$scratch/tree"
    mkdir -p "$scratch/tree"
    cp -r "$source_dir/src" "$source_dir/include" "$source_dir/cmake" "$scratch/tree/"
}

run_check() { cmake -DSOURCE_DIR="$scratch/tree" -P "$scratch/tree/cmake/check_layers.cmake" >"$scratch/out" 2>&1; }

copy_tree
if run_check; then
    echo "ok: the tree keeps to its layers ($(grep -o '[0-9]* files' "$scratch/out"))"
else
    echo "FAIL: the tree as it is breaks its layers:"; cat "$scratch/out"; failures=$((failures + 1))
fi

# plant FILE LINE EXPECTED: appending LINE to FILE must fail the check with a message naming
# FILE and matching EXPECTED
plant() {
    local file=$1 line=$2 expected=$3
    copy_tree
    printf '%s\n' "$line" >>"$scratch/tree/$file"
    if run_check; then
        echo "FAIL: $file with '$line' passed the check"; failures=$((failures + 1))
    elif ! tr '\n' ' ' <"$scratch/out" | sed 's/  */ /g' | grep -qF "$file: $expected"; then
        echo "FAIL: $file with '$line' failed without naming it as '$file: $expected':"; cat "$scratch/out"
        failures=$((failures + 1))
    else
        echo "ok: $file with '$line' is refused"
    fi
}

plant src/plan/planner.cpp '#include <SQLiteCpp/Database.h>' "the domain layer may not include <SQLiteCpp/Database.h>"
plant src/stats/stats.cpp '#include <sqlite3.h>' "the domain layer may not include <sqlite3.h>"
plant src/session/engine.cpp '#include <CLI/CLI.hpp>' "the domain layer may not include <CLI/CLI.hpp>"
plant include/limber/plan/routine.hpp '#include <nlohmann/json.hpp>' "the domain layer may not include <nlohmann/json.hpp>"
plant src/session/view.cpp '#include <termios.h>' "the domain layer may not include <termios.h>"
plant include/limber/stats/stats.hpp '#include <limber/store/settings.hpp>' "the domain layer may not include the store layer"
plant include/limber/time/clock.hpp '#include <limber/plan/routine.hpp>' "the time layer may not include the domain layer"
plant include/limber/util/text.hpp '#include <limber/time/dates.hpp>' "the util layer may not include the time layer"
plant src/io/export.cpp '#include <limber/store/sessions.hpp>' "the io layer may not include the store layer"
plant src/store/routines.cpp '#include <limber/io/plan_view.hpp>' "the store layer may not include the io layer"
plant src/store/sessions.cpp '#include <limber/app/context.hpp>' "the store layer may not include the cli layer"
plant src/commands/edit.cpp '#include <SQLiteCpp/Statement.h>' "the cli layer may not include <SQLiteCpp/Statement.h>"
plant src/io/import.cpp '#include <SQLiteCpp/Database.h>' "the io layer may not include <SQLiteCpp/Database.h>"
plant include/limber/store/store.hpp '#include <SQLiteCpp/Database.h>' "a public header may not include <SQLiteCpp/Database.h>"
plant include/limber/store/store.hpp '#include "database.hpp"' "a quoted include must name a file beside it"
plant src/plan/week.cpp '#include "../store/database.hpp"' "a quoted include must name a file beside it"
plant src/util/text.cpp '#include <date/date.h>' "the util layer may not include <date/date.h>"
plant src/plan/week.cpp '#include <limber/util/../store/store.hpp>' "an include path with a leading '/', '..' or '//' hides where it leads"
plant src/plan/week.cpp '#include </usr/include/sqlite3.h>' "an include path with a leading '/', '..' or '//' hides where it leads"
plant src/plan/week.cpp '#include <sqlite3ext.h>' "the domain layer may not include <sqlite3ext.h>"
plant src/plan/week.cpp '#define LEAK <SQLiteCpp/Database.h>
#include LEAK' "an include the layer check cannot read"
plant src/plan/week.cpp '#include_next <limber/store/store.hpp>' "an include the layer check cannot read"

# a file of another ending is read too, and one outside a module folder is refused
copy_tree
printf '#include <SQLiteCpp/Database.h>\n' >"$scratch/tree/src/plan/leak.inc"
if run_check || ! tr '\n' ' ' <"$scratch/out" | sed 's/  */ /g' | grep -qF "src/plan/leak.inc: the domain layer may not include"; then
    echo "FAIL: a .inc file in src/plan that includes SQLite passed the check"; cat "$scratch/out"; failures=$((failures + 1))
else
    echo "ok: src/plan/leak.inc with SQLite is refused"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures layer checks failed"
    exit 1
fi
echo "all layer checks passed"
