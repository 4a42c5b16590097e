#!/usr/bin/env bash
# Checks completions/limber.fish against the built binary, completing in a real fish
# (`complete -C`):
#   - it parses (fish -n);
#   - every command, subcommand and long option that `limber ... --help` prints is offered, and
#     exactly the fixed values of an option (as its help shows them, A|B|C, or names them in
#     words: export --format and --what, import --format);
#   - subcommands, values of options, and nothing where a value is free (a time of day);
#   - `limber export -o <TAB>`, `limber import <TAB>` and `limber backup <TAB>` offer files,
#     `limber import <TAB>` also - (stdin);
#   - `limber plan show|rm <TAB>`, `limber start <TAB>`, `limber log <TAB>`, `limber stats <TAB>`,
#     `limber due <TAB>` and `limber remind <TAB>` offer the routines of the database in force
#     (--db on the line, or LIMBER_DB), `limber history --routine <TAB>` those and the removed
#     routines that still have sessions, and completing never creates a database.
# Without fish it checks nothing and exits 77 (skipped).
# usage: tests/docs/check_fish.sh LIMBER_BINARY SOURCE_DIR
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"

require_command fish "fish is not installed (apt-get install fish)"

# fish_complete LINE: the candidates fish offers at the end of the command line, one a line.
fish_complete() {
    # shellcheck disable=SC2016 # expanded by fish
    fish --no-config -c 'source $argv[1]; and complete -C $argv[2]' "$fish_file" "$1" | cut -f1
}

# fish_offers WORD LINE: fish offers WORD at the end of LINE.
fish_offers() {
    local got
    got=$(fish_complete "$2") || return 1
    if ! grep -qxF -- "$1" <<<"$got"; then
        echo "offered: $(tr '\n' ' ' <<<"$got")"
        return 1
    fi
}

# fish_offers_exactly "WORDS" LINE: fish offers exactly these words at the end of LINE.
fish_offers_exactly() {
    local got
    got=$(fish_complete "$2") || return 1
    same_set "$1" "$got"
}

find_command_paths
seed_routines
seed_sessions
seed_files

# --- commands, values of options, routines, files ---------------------------------------------------------

check "fish -n completions/limber.fish" fish --no-config -n "$fish_file"
check "fish: 'limber exe' offers exercises" fish_offers exercises "limber exe"
check "fish: 'limber plan ' offers show list rm" fish_offers_exactly "show list rm" "limber plan "
check "fish: 'limber plan --days mon,' offers the other weekdays" \
    fish_offers_exactly "mon,tue mon,wed mon,thu mon,fri mon,sat mon,sun" "limber plan --days mon,"
check "fish: 'limber --db x.db plan rm ' offers the routine morning" \
    fish_offers_exactly "morning" "$binary --db $routines_db plan rm "
check "fish: 'limber plan show ' with LIMBER_DB=x.db offers the routine morning" \
    with_db "$routines_db" fish_offers_exactly "morning" "$binary plan show "
check "fish: 'limber --db s.db log ' offers the saved routine morning only" \
    fish_offers_exactly "morning" "$binary --db $sessions_db log "
check "fish: 'limber --db s.db start ' offers the saved routine morning only" \
    fish_offers_exactly "morning" "$binary --db $sessions_db start "
check "fish: 'limber start --hold 20 --rest 5 ' with LIMBER_DB=s.db offers morning (option values are not the NAME)" \
    with_db "$sessions_db" fish_offers_exactly "morning" "$binary start --hold 20 --rest 5 "
check "fish: 'limber start morning ' offers no second name" \
    fish_offers_exactly "" "$binary --db $sessions_db start morning "
check "fish: 'limber --db s.db stats ' offers the saved routine morning only" \
    fish_offers_exactly "morning" "$binary --db $sessions_db stats "
check "fish: 'limber stats --weeks 4 ' with LIMBER_DB=s.db offers morning (option values are not the NAME)" \
    with_db "$sessions_db" fish_offers_exactly "morning" "$binary stats --weeks 4 "
check "fish: 'limber stats morning ' offers no second name" \
    fish_offers_exactly "" "$binary --db $sessions_db stats morning "
check "fish: 'limber --db s.db due ' offers the saved routine morning only" \
    fish_offers_exactly "morning" "$binary --db $sessions_db due "
check "fish: 'limber due morning ' offers no second name" \
    fish_offers_exactly "" "$binary --db $sessions_db due morning "
check "fish: 'limber remind --crontab 07:30 ' with LIMBER_DB=s.db offers morning (option values are not the NAME)" \
    with_db "$sessions_db" fish_offers_exactly "morning" "$binary remind --crontab 07:30 "
check "fish: 'limber remind --crontab ' offers nothing (a time of day)" \
    fish_offers_exactly "" "$binary --db $sessions_db remind --crontab "
check "fish: 'limber remind morning ' offers no second name" \
    fish_offers_exactly "" "$binary --db $sessions_db remind morning "
check "fish: 'limber start --pain-before ' offers 0 to 10" \
    fish_offers_exactly "0 1 2 3 4 5 6 7 8 9 10" "limber start --pain-before "
check "fish: 'limber history --routine ' with LIMBER_DB=s.db offers morning and the removed gone" \
    with_db "$sessions_db" fish_offers_exactly "morning gone" "$binary history --routine "
check "fish: 'limber pause ' offers list rm" fish_offers_exactly "list rm" "limber pause "
check "fish: completing 'limber --db missing.db history --routine ' offers nothing" \
    fish_offers_exactly "" "$binary --db $missing_db history --routine "
check "fish: completing 'limber --db missing.db plan rm ' offers nothing and creates nothing" \
    fish_offers_exactly "" "$binary --db $missing_db plan rm "
check "fish: ... and does not create the database" not_created "${missing_db%/*}"
check "fish: 'limber export --format ' offers csv json" fish_offers_exactly "csv json" "limber export --format "
check "fish: 'limber export --what ' offers sessions holds" \
    fish_offers_exactly "sessions holds" "limber export --what "
check "fish: 'limber export -o files/s' offers the files" \
    fish_offers_exactly "$files/sessions.csv $files/sessions.json" "limber export -o $files/s"
check "fish: 'limber import ' offers - (stdin)" fish_offers - "limber import "
check "fish: 'limber import files/s' offers the files" \
    fish_offers_exactly "$files/sessions.csv $files/sessions.json" "limber import $files/s"
check "fish: 'limber import x.csv ' offers no second FILE" fish_offers_exactly "" "limber import x.csv "
check "fish: 'limber backup files/s' offers the files" \
    fish_offers_exactly "$files/sessions.csv $files/sessions.json" "limber backup $files/s"

# --- every command, option and value of --help is offered ----------------------------------------------

# offers_item LINE ITEM: fish offers ITEM at the end of LINE.
offers_item() {
    local offered
    # (the candidates are captured first: `grep -q` in a pipeline may stop the writer early)
    offered=$(fish_complete "$1") || true
    if ! grep -qxF -- "$2" <<<"$offered"; then
        echo "not offered after '$1'; offered: $(tr '\n' ' ' <<<"$offered")"
        return 1
    fi
}

while IFS='|' read -r -u 3 path kind item; do
    if [[ $kind == sub ]]; then words=""; else words="--"; fi
    check "fish: 'limber $path${path:+ }$words' offers $item (limber $path${path:+ }--help lists it)" \
        offers_item "limber $path${path:+ }$words" "$item"
done 3< <(each_help_item)

while IFS='|' read -r -u 3 path option how values; do
    check "fish: 'limber $path${path:+ }$option ' offers exactly $values (the $how values of its help)" \
        fish_offers_exactly "$values" "limber $path${path:+ }$option "
done 3< <(each_value_option)

finish
