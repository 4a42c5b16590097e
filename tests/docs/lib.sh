# shellcheck shell=bash
# What the checks of tests/docs share, sourced (never run) by check_man.sh, check_bash.sh,
# check_zsh.sh and check_fish.sh as
#     source lib.sh LIMBER_BINARY SOURCE_DIR
# It checks those two arguments (exit 2 when they are wrong), makes a scratch folder that is
# removed on exit, points LIMBER_DB into it (the binary never touches the user's database here)
# and sets NO_COLOR. It sets binary, src, work and bash_file, zsh_file, fish_file (the
# completions), and defines:
#   check, skip, setup, skip_all, require_command, finish   counting and reporting
#   help_items, help_values, find_command_paths, each_help_item, each_value_option
#                                                           what `limber ... --help` prints
#   man_page_of, render_man, mentions                       man pages
#   same_set, with_db, not_created                          comparing what a completion offers
#   seed_routines, seed_sessions, seed_files                what completions are tried on
# Exit status of a script: 0 when every check passed, 1 when one failed (or a step the checks
# need did), 77 when what the checks need is missing or some checks could not be done (ctest
# reports it as skipped: SKIP_RETURN_CODE 77).

if (($# != 2)); then
    echo "usage: $0 LIMBER_BINARY SOURCE_DIR" >&2
    exit 2
fi
binary=$1
src=$2
if [[ ! -x $binary || -d $binary ]]; then
    echo "$0: $binary is not an executable" >&2
    exit 2
fi
if [[ $binary != /* ]]; then
    binary=$PWD/$binary
fi
if [[ ! -d $src/man || ! -d $src/completions ]]; then
    echo "$0: $src is not limber's source folder (no man/ and completions/ in it)" >&2
    exit 2
fi
# shellcheck disable=SC2034 # for the scripts that source this file
{
    bash_file=$src/completions/limber.bash
    zsh_file=$src/completions/_limber
    fish_file=$src/completions/limber.fish
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the binary never touches the user's database or colours its output here
export LIMBER_DB=$work/limber.db NO_COLOR=1
unset LIMBER_NOW

# --- counting and reporting -----------------------------------------------------------------------

passed=0
failed=0
skipped=0

# check NAME COMMAND...: runs the command; it passes when it succeeds. Its output explains a failure.
check() {
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then
        printf 'ok   %s\n' "$name"
        passed=$((passed + 1))
    else
        printf 'FAIL %s\n' "$name"
        if [[ -n $out ]]; then
            printf '%s\n' "$out" | sed 's/^/       /'
        fi
        failed=$((failed + 1))
    fi
}

# skip NAME: a check that cannot be done here; the script then ends with 77, not 0.
skip() {
    printf 'skip %s\n' "$1"
    skipped=$((skipped + 1))
}

# summary: the closing line.
summary() {
    if ((skipped)); then
        echo "$passed passed, $failed failed, $skipped skipped"
    else
        echo "$passed passed, $failed failed"
    fi
}

# setup NAME COMMAND...: a step the checks need (a database to complete on, ...). When it fails,
# the script stops there, failed: the checks after it would only fail for the same reason.
setup() {
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then
        printf 'prep %s\n' "$name"
    else
        printf 'FAIL %s (the checks need it: stopping)\n' "$name"
        if [[ -n $out ]]; then
            printf '%s\n' "$out" | sed 's/^/       /'
        fi
        failed=$((failed + 1))
        summary
        exit 1
    fi
}

# skip_all REASON: none of the checks of this script can be done here; ends with 77.
skip_all() {
    printf 'skip %s: %s\n' "${0##*/}" "$1"
    exit 77
}

# require_command COMMAND REASON: skip_all REASON when COMMAND is not on the PATH.
require_command() {
    command -v "$1" >/dev/null 2>&1 || skip_all "$2"
}

# finish: prints the closing line and returns 1 when a check failed, else 77 when one was
# skipped, else 0. It is the last command of a script, whose exit status it so is.
finish() {
    summary
    if ((failed)); then return 1; fi
    if ((skipped)); then return 77; fi
    return 0
}

# --- what --help prints --------------------------------------------------------------------------

# help_items PATH: "sub NAME" and "opt --NAME" for what `limber PATH --help` prints.
help_items() {
    # shellcheck disable=SC2086 # the path is words
    "$binary" $1 --help | awk '
        /^Subcommands:/ { in_subs = 1; next }
        /^$/ { in_subs = 0 }
        in_subs && /^  [a-z]/ { print "sub " $1 }
        /^  -/ {
            n = split($1, names, ",")
            for (i = 1; i <= n; i++) if (names[i] ~ /^--/) print "opt " names[i]
        }'
}

# help_values PATH --OPTION: the fixed values the help of PATH shows for --OPTION, one a line.
help_values() {
    # shellcheck disable=SC2086 # the path is words
    "$binary" $1 --help | awk -v option="$2" '$1 == option { print $2 }' |
        sed -e 's/^[A-Z]*://' -e 's/\[,\.\.\.\]//' | tr '|' '\n' | sed '/^$/d'
}

# The options whose help names their values in words ("csv (default) or json"), not as A|B|C:
# "PATH --OPTION:VALUE VALUE...".
worded_values=("export --format:csv json" "export --what:sessions holds" "import --format:csv json")

# find_command_paths: sets commands (those `limber --help` lists, one a line) and paths (limber
# itself as "", its commands and their subcommands as "plan show").
find_command_paths() {
    local command sub
    commands=$(help_items "" | awk '$1 == "sub" { print $2 }')
    setup "limber --help lists commands" test -n "$commands"
    paths=("")
    for command in $commands; do
        paths+=("$command")
        for sub in $(help_items "$command" | awk '$1 == "sub" { print $2 }'); do
            paths+=("$command $sub")
        done
    done
}

# each_help_item: "PATH|KIND|ITEM" for every item of every command path's --help (KIND sub or
# opt, as help_items gives them). Needs find_command_paths.
each_help_item() {
    local path kind item
    for path in "${paths[@]}"; do
        while read -r kind item; do
            printf '%s|%s|%s\n' "$path" "$kind" "$item"
        done < <(help_items "$path")
    done
}

# each_value_option: "PATH|--OPTION|HOW|VALUE VALUE..." for every option with fixed values: those
# whose help shows them as A|B|C (HOW fixed), then those of worded_values (HOW worded). Needs
# find_command_paths.
each_value_option() {
    local path option spec path_option
    for path in "${paths[@]}"; do
        # shellcheck disable=SC2086 # the path is words
        while read -r option; do
            printf '%s|%s|fixed|%s\n' "$path" "$option" "$(help_values "$path" "$option" | tr '\n' ' ' | sed 's/ $//')"
        done < <("$binary" $path --help | awk '$1 ~ /^--/ && $2 ~ /\|/ { print $1 }')
    done
    for spec in "${worded_values[@]}"; do
        path_option=${spec%%:*}
        printf '%s|%s|worded|%s\n' "${path_option%% *}" "${path_option#* }" "${spec#*:}"
    done
}

# --- man pages ------------------------------------------------------------------------------------

# man_page_of PATH: the man page of a command path ("" for limber itself).
man_page_of() {
    if [[ -z $1 ]]; then
        echo "$src/man/limber.1"
    else
        echo "$src/man/limber-${1%% *}.1"
    fi
}

# render_man PAGE: the page as plain text (no overstrike), long lines unbroken.
render_man() {
    mandoc -T ascii -O width=300 "$1" | LC_ALL=C sed 's/.\x08//g'
}

# mentions FILE WORD: WORD appears in FILE as a whole word ('-' counts as part of a word).
mentions() {
    grep -Eq -- "(^|[^[:alnum:]_-])$2([^[:alnum:]_-]|\$)" "$1"
}

# --- comparing what a completion offers ------------------------------------------------------------

# same_set EXPECTED GOT: the space-separated words EXPECTED and the lines of GOT are the same set.
same_set() {
    local expected got
    expected=$(tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -u)
    got=$(sed '/^$/d' <<<"$2" | sort -u)
    if [[ $expected != "$got" ]]; then
        echo "expected: $(tr '\n' ' ' <<<"$expected")"
        echo "offered:  $(tr '\n' ' ' <<<"$got")"
        return 1
    fi
}

# with_db DB COMMAND...: runs COMMAND with LIMBER_DB=DB exported.
with_db() {
    local -x LIMBER_DB=$1
    shift
    "$@"
}

# not_created FILE: FILE does not exist (completing must not create a database).
not_created() {
    if [[ -e $1 ]]; then
        echo "$1 was created"
        return 1
    fi
}

# --- what completions are tried on ------------------------------------------------------------------

# A database that does not exist: completing on it offers nothing and must not create it.
# shellcheck disable=SC2034 # for the scripts that source this file
missing_db=$work/missing/x.db

# seed_routines: routines_db holds the routine morning.
seed_routines() {
    # shellcheck disable=SC2034 # for the scripts that source this file
    routines_db=$work/routines/x.db
    setup "limber --db x.db plan morning --level beginner saves a routine" \
        "$binary" -q --db "$routines_db" plan morning --level beginner
    setup "limber --db x.db plan list --json lists morning" \
        grep -qx '    "name": "morning",' <("$binary" --db "$routines_db" plan list --json)
}

# seed_sessions: sessions_db holds the routine morning, and gone, removed but keeping a session,
# so history can filter on it.
seed_sessions() {
    sessions_db=$work/sessions/x.db
    # shellcheck disable=SC2016 # expanded by sh
    setup "limber --db s.db: plan morning and gone, log a session of gone, plan rm gone" \
        sh -c '"$1" -q --db "$2" plan morning --level beginner && "$1" -q --db "$2" plan gone --level beginner &&
            "$1" -q --db "$2" log gone && "$1" -q --db "$2" plan rm gone' sh "$binary" "$sessions_db"
}

# seed_files: the folder files holds sessions.csv, sessions.json and other.txt.
seed_files() {
    # shellcheck disable=SC2034 # for the scripts that source this file
    files=$work/files
    mkdir -p "$files"
    touch "$files/sessions.csv" "$files/sessions.json" "$files/other.txt"
}
