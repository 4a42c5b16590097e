#!/usr/bin/env bash
# Checks completions/limber.bash against the built binary, completing in a real bash:
#   - it parses (bash -n);
#   - every command, subcommand and long option that `limber ... --help` prints is offered, and
#     exactly the fixed values of an option (as its help shows them, A|B|C, or names them in
#     words: export --format and --what, import --format);
#   - the values of options (levels, constraints, weekdays, days, pain ratings, config keys,
#     exercise ids, ...), and nothing where a value is free (a number, a time of day);
#   - `limber export -o <TAB>`, `limber import <TAB>` and `limber backup <TAB>` offer files,
#     `limber import <TAB>` also - (stdin);
#   - `limber plan show|rm <TAB>`, `limber start <TAB>`, `limber log <TAB>`, `limber stats <TAB>`,
#     `limber due <TAB>` and `limber remind <TAB>` offer the routines of the database in force
#     (--db on the line, or LIMBER_DB), `limber history --routine <TAB>` those and the removed
#     routines that still have sessions, and completing never creates a database;
#     `limber remind --crontab <TAB>` offers nothing (a time of day).
# The completion needs no bash-completion helpers: only bash, else it exits 77 (skipped).
# usage: tests/docs/check_bash.sh LIMBER_BINARY SOURCE_DIR
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"

require_command bash "bash is not on the PATH"

# bash_complete WORD...: the candidates _limber offers for the last word, one a line.
bash_complete() {
    # shellcheck disable=SC2016 # expanded by the inner bash
    bash --norc --noprofile -c '
        source "$1" || exit 1
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        COMPREPLY=()
        _limber limber "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]:-}"
        if ((${#COMPREPLY[@]})); then printf "%s\n" "${COMPREPLY[@]}"; fi
    ' bash "$bash_file" "$@"
}

# bash_offers_exactly "WORDS" WORD...: bash offers exactly these words for the last word.
bash_offers_exactly() {
    local expected=$1 got
    shift
    got=$(bash_complete "$@") || return 1
    same_set "$expected" "$got"
}

# bash_offers WORD WORD...: bash offers WORD (among others) for the last word.
bash_offers() {
    local expected=$1 got
    shift
    got=$(bash_complete "$@") || return 1
    if ! grep -qxF -- "$expected" <<<"$got"; then
        echo "offered: $(tr '\n' ' ' <<<"$got")"
        return 1
    fi
}

find_command_paths
seed_routines
seed_sessions
seed_files
keys=$("$binary" config list | cut -d= -f1)
table_ids=$("$binary" -q --color never exercises | awk 'NR > 1 && NF { print $1 }')

# --- commands, values of options --------------------------------------------------------------------

check "bash -n completions/limber.bash" bash -n "$bash_file"
check "bash: 'limber ' offers the commands (${commands//$'\n'/ })" \
    bash_offers_exactly "$commands" limber ""
check "bash: 'limber exercises ' offers show" bash_offers_exactly "show" limber exercises ""
check "bash: 'limber exercises --level ' offers beginner intermediate advanced" \
    bash_offers_exactly "beginner intermediate advanced" limber exercises --level ""
check "bash: 'limber exercises --constraint pregnant,' offers the other constraints" \
    bash_offers_exactly "$(help_values exercises --constraint | grep -vx pregnant | sed 's/^/pregnant,/')" \
    limber exercises --constraint pregnant,
check "bash: 'limber config set ' offers the config keys (${keys//$'\n'/ })" \
    bash_offers_exactly "$keys" limber config set ""
check "bash: 'limber exercises show ' offers the ids of the library ($(wc -w <<<"$table_ids") ids)" \
    bash_offers_exactly "$table_ids" "$binary" exercises show ""

check "bash: 'limber plan ' offers show list rm (a new routine's NAME is free text)" \
    bash_offers_exactly "show list rm" limber plan ""
check "bash: 'limber plan --days mon,' offers the other weekdays" \
    bash_offers_exactly "$(help_values plan --days | grep -vx mon | sed 's/^/mon,/')" \
    limber plan --days mon,
check "bash: 'limber plan --per-week ' offers 1 to 7" \
    bash_offers_exactly "1 2 3 4 5 6 7" limber plan --per-week ""
check "bash: 'limber plan --equipment chair,' offers the rest of the equipment, without none" \
    bash_offers_exactly "$(help_values plan --equipment | grep -vx -e chair -e none | sed 's/^/chair,/')" \
    limber plan --equipment chair,
check "bash: 'limber plan morning --level ' offers the levels after a new routine's NAME" \
    bash_offers_exactly "beginner intermediate advanced" limber plan morning --level ""

# --- plan: routine names from the database in force ---------------------------------------------------

check "bash: 'limber --db x.db plan rm ' offers the routine morning" \
    bash_offers_exactly "morning" "$binary" --db "$routines_db" plan rm ""
check "bash: 'limber plan show --db=x.db ' (split at '=') offers morning" \
    bash_offers_exactly "morning" "$binary" plan show --db = "$routines_db" ""
check "bash: 'limber plan rm ' with LIMBER_DB=x.db offers morning" \
    with_db "$routines_db" bash_offers_exactly "morning" "$binary" plan rm ""
check "bash: 'limber plan rm morning ' offers no second name" \
    bash_offers_exactly "" "$binary" --db "$routines_db" plan rm morning ""
check "bash: 'limber --db missing.db plan rm ' offers nothing" \
    bash_offers_exactly "" "$binary" --db "$missing_db" plan rm ""
check "bash: completing 'limber --db missing.db plan rm ' does not create the database" \
    not_created "${missing_db%/*}"

# --- log and history: routine names from the database in force ----------------------------------------

check "bash: 'limber --db s.db log ' offers the saved routine morning only" \
    bash_offers_exactly "morning" "$binary" --db "$sessions_db" log ""
check "bash: 'limber log ' with LIMBER_DB=s.db offers morning" \
    with_db "$sessions_db" bash_offers_exactly "morning" "$binary" log ""
check "bash: 'limber log morning ' offers no second name" \
    bash_offers_exactly "" "$binary" --db "$sessions_db" log morning ""
check "bash: 'limber --db s.db start ' offers the saved routine morning only" \
    bash_offers_exactly "morning" "$binary" --db "$sessions_db" start ""
check "bash: 'limber start ' with LIMBER_DB=s.db offers morning" \
    with_db "$sessions_db" bash_offers_exactly "morning" "$binary" start ""
check "bash: 'limber start --hold 20 --rest=5 ' offers morning (option values are not the NAME)" \
    bash_offers_exactly "morning" "$binary" --db "$sessions_db" start --hold 20 --rest = 5 ""
check "bash: 'limber start morning ' offers no second name" \
    bash_offers_exactly "" "$binary" --db "$sessions_db" start morning ""
check "bash: 'limber --db s.db stats ' offers the saved routine morning only" \
    bash_offers_exactly "morning" "$binary" --db "$sessions_db" stats ""
check "bash: 'limber stats --weeks 4 ' with LIMBER_DB=s.db offers morning (option values are not the NAME)" \
    with_db "$sessions_db" bash_offers_exactly "morning" "$binary" stats --weeks 4 ""
check "bash: 'limber stats morning ' offers no second name" \
    bash_offers_exactly "" "$binary" --db "$sessions_db" stats morning ""
check "bash: 'limber stats --weeks ' offers nothing (a number of weeks)" \
    bash_offers_exactly "" "$binary" --db "$sessions_db" stats --weeks ""
check "bash: 'limber stats --w' offers --weeks" bash_offers_exactly "--weeks" limber stats --w
check "bash: 'limber start --pain-before ' offers 0 to 10" \
    bash_offers_exactly "0 1 2 3 4 5 6 7 8 9 10" limber start --pain-before ""
check "bash: 'limber start --pain-after=' (split at '=') offers 0 to 10" \
    bash_offers_exactly "0 1 2 3 4 5 6 7 8 9 10" limber start --pain-after = ""
check "bash: 'limber start --hold ' offers nothing (a number of seconds)" \
    bash_offers_exactly "" "$binary" --db "$sessions_db" start --hold ""
check "bash: 'limber --db s.db history --routine ' offers morning and the removed gone" \
    bash_offers_exactly "morning gone" "$binary" --db "$sessions_db" history --routine ""
check "bash: 'limber history --routine=' with LIMBER_DB=s.db (split at '=') offers morning and gone" \
    with_db "$sessions_db" bash_offers_exactly "morning gone" "$binary" history --routine = ""
check "bash: 'limber pause ' offers list rm" bash_offers_exactly "list rm" limber pause ""
check "bash: 'limber --db missing.db history --routine ' offers nothing" \
    bash_offers_exactly "" "$binary" --db "$missing_db" history --routine ""
for command in log start stats due remind; do
    check "bash: 'limber --db missing.db $command ' offers nothing" \
        bash_offers_exactly "" "$binary" --db "$missing_db" "$command" ""
done
check "bash: completing log, start, stats, due, remind and history --routine on missing.db does not create the database" \
    not_created "${missing_db%/*}"

# --- due and remind: routine names, and --crontab's time of day ------------------------------------------

check "bash: 'limber --db s.db due ' offers the saved routine morning only" \
    bash_offers_exactly "morning" "$binary" --db "$sessions_db" due ""
check "bash: 'limber due morning ' offers no second name" \
    bash_offers_exactly "" "$binary" --db "$sessions_db" due morning ""
check "bash: 'limber remind ' with LIMBER_DB=s.db offers morning" \
    with_db "$sessions_db" bash_offers_exactly "morning" "$binary" remind ""
check "bash: 'limber remind --crontab 07:30 --notify ' offers morning (option values are not the NAME)" \
    bash_offers_exactly "morning" "$binary" --db "$sessions_db" remind --crontab 07:30 --notify ""
check "bash: 'limber remind --crontab=07:30 ' (split at '=') offers morning" \
    bash_offers_exactly "morning" "$binary" --db "$sessions_db" remind --crontab = 07:30 ""
check "bash: 'limber remind --crontab ' offers nothing (a time of day)" \
    bash_offers_exactly "" "$binary" --db "$sessions_db" remind --crontab ""
check "bash: 'limber remind --crontab=' (split at '=') offers nothing" \
    bash_offers_exactly "" "$binary" --db "$sessions_db" remind --crontab = ""
check "bash: 'limber remind morning ' offers no second name" \
    bash_offers_exactly "" "$binary" --db "$sessions_db" remind morning ""
check "bash: 'limber remind --' offers --notify --crontab and the global options" \
    bash_offers_exactly "--notify --crontab --db --tz --color --quiet --help" limber remind --

# --- export, import, backup: formats, kinds of row, days and files ---------------------------------------

check "bash: 'limber export --format ' offers csv json" bash_offers_exactly "csv json" limber export --format ""
check "bash: 'limber export --what ' offers sessions holds" \
    bash_offers_exactly "sessions holds" limber export --what ""
check "bash: 'limber export --since ' offers the day words" \
    bash_offers_exactly "today yesterday monday tuesday wednesday thursday friday saturday sunday" \
    limber export --since ""
check "bash: 'limber export -o files/s' offers the files" \
    bash_offers_exactly "$files/sessions.csv $files/sessions.json" limber export -o "$files/s"
check "bash: 'limber export --output=files/s' (split at '=') offers the files" \
    bash_offers_exactly "$files/sessions.csv $files/sessions.json" limber export --output = "$files/s"
check "bash: 'limber export --format json --until today ' offers nothing (export takes no argument)" \
    bash_offers_exactly "" limber export --format json --until today ""
check "bash: 'limber import --format=' (split at '=') offers csv json" \
    bash_offers_exactly "csv json" limber import --format = ""
check "bash: 'limber import files/s' offers the files" \
    bash_offers_exactly "$files/sessions.csv $files/sessions.json" limber import "$files/s"
check "bash: 'limber import ' offers - (stdin)" bash_offers - limber import ""
check "bash: 'limber import --format csv ' offers - (option values are not the FILE)" \
    bash_offers - limber import --format csv ""
check "bash: 'limber import x.csv ' offers no second FILE" bash_offers_exactly "" limber import x.csv ""
check "bash: 'limber import --dr' offers --dry-run" bash_offers_exactly "--dry-run" limber import --dr
check "bash: 'limber backup files/s' offers the files" \
    bash_offers_exactly "$files/sessions.csv $files/sessions.json" limber backup "$files/s"
check "bash: 'limber backup x.db ' offers no second FILE" bash_offers_exactly "" limber backup x.db ""

# --- every command, option and value of --help is offered ----------------------------------------------

# offers_item PATH KIND ITEM: bash offers the subcommand (KIND sub) or option (KIND opt) ITEM after
# 'limber PATH ' (a subcommand) or 'limber PATH --' (an option).
offers_item() {
    local path=$1 kind=$2 item=$3 words offered
    local -a before
    read -r -a before <<<"$path"
    if [[ $kind == sub ]]; then words=""; else words="--"; fi
    # (the candidates are captured first: `grep -q` in a pipeline may stop the writer early)
    offered=$(bash_complete limber "${before[@]}" "$words") || true
    if ! grep -qxF -- "$item" <<<"$offered"; then
        echo "not offered after 'limber $path${path:+ }$words'; offered: $(tr '\n' ' ' <<<"$offered")"
        return 1
    fi
}

while IFS='|' read -r -u 3 path kind item; do
    if [[ $kind == sub ]]; then words=""; else words="--"; fi
    check "bash: 'limber $path${path:+ }$words' offers $item (limber $path${path:+ }--help lists it)" \
        offers_item "$path" "$kind" "$item"
done 3< <(each_help_item)

# offers_values PATH --OPTION VALUES: bash offers exactly the VALUES after 'limber PATH --OPTION '.
offers_values() {
    local -a before
    read -r -a before <<<"$1"
    bash_offers_exactly "$3" limber "${before[@]}" "$2" ""
}

while IFS='|' read -r -u 3 path option how values; do
    check "bash: 'limber $path${path:+ }$option ' offers exactly $values (the $how values of its help)" \
        offers_values "$path" "$option" "$values"
done 3< <(each_value_option)

finish
