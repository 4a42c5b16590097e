#!/usr/bin/env bash
# Checks limber's man pages and shell completions against the built binary:
#   - every man page is clean under `mandoc -T lint`;
#   - the most characters a note holds, as limber-log.1 gives it for --note (and limber-log.1 for
#     --reason, limber-edit.1, limber-pause.1 and limber-import.1 repeat it), is what the binary
#     does: a --note of that many characters, also two-byte ones, is stored whole, one more is a
#     usage error (exit 2, one error line) that stores nothing;
#   - the bash completion completes (run in a real bash), the zsh one parses, the fish one completes;
#   - every command, subcommand and long option that `limber ... --help` prints, and every fixed
#     value of an option, is offered by the bash and fish completions, appears in the zsh
#     completion and is documented in the command's man page (plan, plan show, plan list,
#     plan rm, start, log, history, edit, rm, pause, pause list, pause rm, stats, export, import,
#     backup, due and remind are checked to be among them); so are the values that a help names
#     in words (export --format and --what, import --format);
#   - `limber export -o <TAB>`, `limber import <TAB>` and `limber backup <TAB>` offer files,
#     `limber import <TAB>` also - (stdin), in bash, zsh and fish;
#   - `limber plan show|rm <TAB>`, `limber start <TAB>`, `limber log <TAB>`, `limber stats <TAB>`,
#     `limber due <TAB>` and `limber remind <TAB>` offer the routines of the database in force
#     (--db on the line, or LIMBER_DB), `limber history --routine <TAB>` those and the removed
#     routines that still have sessions, in bash, zsh and fish, and completing never creates a
#     database; `limber remind --crontab <TAB>` offers nothing (a time of day).
# usage: tests/docs/check_docs.sh LIMBER_BINARY SOURCE_DIR
set -euo pipefail

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
bash_file=$src/completions/limber.bash
zsh_file=$src/completions/_limber
fish_file=$src/completions/limber.fish

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the binary never touches the user's database or colours its output here
export LIMBER_DB=$work/limber.db NO_COLOR=1
unset LIMBER_NOW

have_zsh=false have_fish=false
if command -v zsh >/dev/null 2>&1; then have_zsh=true; fi
if command -v fish >/dev/null 2>&1; then have_fish=true; fi

passed=0
failed=0

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

skip() {
    printf 'skip %s\n' "$1"
}

# --- helpers ----------------------------------------------------------------------------------

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

# fish_complete LINE: the candidates fish offers at the end of the command line, one a line.
fish_complete() {
    # shellcheck disable=SC2016 # expanded by fish
    fish --no-config -c 'source $argv[1]; and complete -C $argv[2]' "$fish_file" "$1" | cut -f1
}

# same_set EXPECTED GOT: the two newline-separated lists hold the same words.
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

# fish_offers WORD LINE: fish offers WORD at the end of LINE.
fish_offers() {
    local got
    got=$(fish_complete "$2") || return 1
    if ! grep -qxF -- "$1" <<<"$got"; then
        echo "offered: $(tr '\n' ' ' <<<"$got")"
        return 1
    fi
}

fish_offers_exactly() {
    local got
    got=$(fish_complete "$2") || return 1
    same_set "$1" "$got"
}

# zsh_complete LINE: the candidates zsh offers at the end of LINE, one a line: a real
# interactive zsh (zsh -f, on a pty) with compinit, completions/_limber and compadd recorded.
zsh_complete() {
    local script=$work/capture.zsh
    if [[ ! -f $script ]]; then
        # shellcheck disable=SC2016 # expanded by zsh
        printf '%s\n' \
            'zmodload zsh/zpty || exit 1' \
            'zpty z zsh -f -i || exit 1' \
            'out=$(mktemp) || exit 1' \
            'zpty -w z "fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"' \
            'zpty -w z "bindkey '"'"'^I'"'"' complete-word; zstyle '"'"':completion:*'"'"' insert-tab false"' \
            'zpty -w z "compadd () { if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd \"\$@\"; return \$?; fi; typeset -a hits; builtin compadd -A hits \"\$@\"; (( \$#hits )) && print -l -- \$hits >> ${(q)out}; builtin compadd \"\$@\"; }"' \
            'zpty -w z "comppostfuncs=( exit )"' \
            'zpty -w z "$2"$'"'"'\t'"'"'' \
            'while zpty -r z chunk; do :; done' \
            'zpty -d z 2>/dev/null' \
            'sort -u $out' \
            'rm -f $out' >"$script"
    fi
    timeout 30 zsh -f "$script" "$(dirname "$zsh_file")" "$1"
}

zsh_offers_exactly() {
    local got
    got=$(zsh_complete "$2") || return 1
    same_set "$1" "$got"
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

# mentions FILE WORD: WORD appears in FILE as a whole word ('-' counts as part of a word).
mentions() {
    grep -Eq -- "(^|[^[:alnum:]_-])$2([^[:alnum:]_-]|\$)" "$1"
}

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

lint_man() {
    local out
    out=$(mandoc -T lint "$1" 2>&1) || true
    if [[ -n $out ]]; then
        printf '%s\n' "$out"
        return 1
    fi
}

# --- man pages ---------------------------------------------------------------------------------

shopt -s nullglob
pages=("$src"/man/*.1)
shopt -u nullglob
if ((${#pages[@]} == 0)); then
    check "man pages exist in $src/man" false
fi
for page in "${pages[@]}"; do
    check "mandoc -T lint ${page#"$src"/}" lint_man "$page"
done

# --- documented limits: how long a note may be ----------------------------------------------------

# note_limit_in PAGE ITEM: the N of "at most N characters" in the first item ITEM (such as
# "--note TEXT") of the rendered PAGE, or nothing. A short tag has its text on the same line.
note_limit_in() {
    render_man "$1" | awk -v tag="       $2" '
        on && /^       [^ ]/ { exit }
        index($0, tag) == 1 && (length($0) == length(tag) || substr($0, length(tag) + 1, 1) == " ") {
            on = 1
            print substr($0, length(tag) + 1)
            next
        }
        on' | grep -oE 'at most [0-9]+ characters' | head -n 1 | grep -oE '[0-9]+' || true
}

# repeat N TEXT: TEXT written N times.
repeat() {
    local spaces
    printf -v spaces '%*s' "$1" ''
    printf '%s' "${spaces// /$2}"
}

# same_limit WHERE GOT: the page's limit GOT is the limit of limber-log.1.
same_limit() {
    if [[ $2 != "$note_limit" ]]; then
        echo "$1 says ${2:-no limit} characters, limber-log.1 says $note_limit"
        return 1
    fi
}

# refused OPTION MESSAGE COMMAND...: the command exits with status 2 and writes exactly one line,
# "limber: error: OPTION '...': MESSAGE".
refused() {
    local option=$1 message=$2 err status=0
    shift 2
    err=$("$@" 2>&1 >/dev/null) || status=$?
    if ((status != 2)) || [[ $err == *$'\n'* || $err != "limber: error: $option '"*"': $message" ]]; then
        echo "exit status $status (expected 2), error output:"
        printf '%s\n' "${err:0:400}"
        echo "expected one line: limber: error: $option '...': $message"
        return 1
    fi
}

# stores_note DB NOTE COMMAND...: the command succeeds, printing a session id (-q), and that session
# keeps NOTE whole.
stores_note() {
    local db=$1 note=$2 id got
    shift 2
    id=$("$@") || return 1
    got=$("$binary" --db "$db" history --json | grep -c -xF "    \"note\": \"$note\"," || true)
    if [[ ! $id =~ ^[0-9]+$ || $got != 1 ]]; then
        echo "session '$id' printed; sessions with the note whole: $got"
        return 1
    fi
}

# session_count DB N: the database holds N sessions.
session_count() {
    local got
    got=$("$binary" --db "$1" history --json | grep -c '^    "uuid": ' || true)
    if [[ $got != "$2" ]]; then
        echo "$got sessions, expected $2"
        return 1
    fi
}

note_limit=$(note_limit_in "$src/man/limber-log.1" "--note TEXT")
check "limber-log.1 gives how many characters a --note holds (${note_limit:-none found})" test -n "$note_limit"
if [[ -n $note_limit ]]; then
    check "limber-log.1 --reason: the same limit" \
        same_limit "limber-log.1 --reason" "$(note_limit_in "$src/man/limber-log.1" "--reason TEXT")"
    check "limber-edit.1 --note: the same limit" \
        same_limit "limber-edit.1 --note" "$(note_limit_in "$src/man/limber-edit.1" "--note TEXT")"
    check "limber-pause.1 --reason: the same limit" \
        same_limit "limber-pause.1 --reason" "$(note_limit_in "$src/man/limber-pause.1" "--reason TEXT")"
    check "limber-import.1 note: the same limit" \
        same_limit "limber-import.1 note" "$(note_limit_in "$src/man/limber-import.1" "note")"

    notes_db=$work/notes/x.db
    check "limber --db n.db plan --level beginner saves a routine" "$binary" -q --db "$notes_db" plan --level beginner
    check "limber log --note of $note_limit characters is stored whole" \
        stores_note "$notes_db" "$(repeat "$note_limit" x)" \
        "$binary" -q --db "$notes_db" log --note "$(repeat "$note_limit" x)"
    check "limber log --note of $note_limit two-byte characters (é) is stored whole: characters, not bytes" \
        stores_note "$notes_db" "$(repeat "$note_limit" é)" \
        "$binary" -q --db "$notes_db" log --note "$(repeat "$note_limit" é)"
    check "limber log --note of $((note_limit + 1)) characters: exit 2, one line naming --note and the limit" \
        refused --note "too long ($((note_limit + 1)) characters); a note holds at most $note_limit" \
        "$binary" --db "$notes_db" log --note "$(repeat $((note_limit + 1)) x)"
    check "limber log --note of $((note_limit + 1)) two-byte characters (é): exit 2" \
        refused --note "too long ($((note_limit + 1)) characters); a note holds at most $note_limit" \
        "$binary" --db "$notes_db" log --note "$(repeat $((note_limit + 1)) é)"
    check "limber log --skip --reason of $((note_limit + 1)) characters: exit 2, one line naming --reason" \
        refused --reason "too long ($((note_limit + 1)) characters); a note holds at most $note_limit" \
        "$binary" --db "$notes_db" log --skip --date yesterday --reason "$(repeat $((note_limit + 1)) x)"
    check "a refused note stores nothing: the database holds the 2 sessions accepted" session_count "$notes_db" 2
fi

# --- bash completion ---------------------------------------------------------------------------

commands=$(help_items "" | awk '$1 == "sub" { print $2 }')
check "limber --help lists commands" test -n "$commands"
keys=$("$binary" config list | cut -d= -f1)
table_ids=$("$binary" -q --color never exercises | awk 'NR > 1 && NF { print $1 }')

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

# --- plan: routine names from the database in force ----------------------------------------------

routines_db=$work/routines/x.db
check "limber --db x.db plan morning --level beginner saves a routine" \
    "$binary" -q --db "$routines_db" plan morning --level beginner
check "limber --db x.db plan list --json lists morning" \
    grep -qx '    "name": "morning",' <("$binary" --db "$routines_db" plan list --json)
check "bash: 'limber --db x.db plan rm ' offers the routine morning" \
    bash_offers_exactly "morning" "$binary" --db "$routines_db" plan rm ""
check "bash: 'limber plan show --db=x.db ' (split at '=') offers morning" \
    bash_offers_exactly "morning" "$binary" plan show --db = "$routines_db" ""
check "bash: 'limber plan rm ' with LIMBER_DB=x.db offers morning" \
    with_db "$routines_db" bash_offers_exactly "morning" "$binary" plan rm ""
check "bash: 'limber plan rm morning ' offers no second name" \
    bash_offers_exactly "" "$binary" --db "$routines_db" plan rm morning ""
check "bash: 'limber --db missing.db plan rm ' offers nothing" \
    bash_offers_exactly "" "$binary" --db "$work/missing/x.db" plan rm ""
check "bash: completing 'limber --db missing.db plan rm ' does not create the database" \
    not_created "$work/missing"

# --- log and history: routine names from the database in force ------------------------------------

# morning is saved; gone was removed but keeps a session, so history can filter on it
sessions_db=$work/sessions/x.db
# shellcheck disable=SC2016 # expanded by sh
check "limber --db s.db: plan morning and gone, log a session of gone, plan rm gone" \
    sh -c '"$1" -q --db "$2" plan morning --level beginner && "$1" -q --db "$2" plan gone --level beginner &&
        "$1" -q --db "$2" log gone && "$1" -q --db "$2" plan rm gone' sh "$binary" "$sessions_db"
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
    bash_offers_exactly "" "$binary" --db "$work/missing/x.db" history --routine ""
for command in log start stats due remind; do
    check "bash: 'limber --db missing.db $command ' offers nothing" \
        bash_offers_exactly "" "$binary" --db "$work/missing/x.db" "$command" ""
done
check "bash: completing log, start, stats, due, remind and history --routine on missing.db does not create the database" \
    not_created "$work/missing"

# --- due and remind: routine names, and --crontab's time of day ---------------------------------

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

# --- export, import, backup: formats, kinds of row, days and files -------------------------------

files=$work/files
mkdir -p "$files"
touch "$files/sessions.csv" "$files/sessions.json" "$files/other.txt"
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

# --- zsh and fish completions ------------------------------------------------------------------

if $have_zsh; then
    check "zsh -n completions/_limber" zsh -n "$zsh_file"
    if zsh -fc 'zmodload zsh/zpty' 2>/dev/null && command -v timeout >/dev/null 2>&1; then
        check "zsh: 'limber plan ' offers show list rm" zsh_offers_exactly "show list rm" "limber plan "
        check "zsh: 'limber plan --days mon,' offers the other weekdays" \
            zsh_offers_exactly "tue wed thu fri sat sun" "limber plan --days mon,"
        check "zsh: 'limber --db x.db plan rm ' offers the routine morning" \
            zsh_offers_exactly "morning" "$binary --db $routines_db plan rm "
        check "zsh: 'limber plan show --db x.db ' offers the routine morning" \
            zsh_offers_exactly "morning" "$binary plan show --db $routines_db "
        check "zsh: 'limber --db s.db log ' offers the saved routine morning only" \
            zsh_offers_exactly "morning" "$binary --db $sessions_db log "
        check "zsh: 'limber --db s.db start ' offers the saved routine morning only" \
            zsh_offers_exactly "morning" "$binary --db $sessions_db start "
        check "zsh: 'limber start --db s.db --hold 20 ' offers morning (option values are not the NAME)" \
            zsh_offers_exactly "morning" "$binary start --db $sessions_db --hold 20 "
        check "zsh: 'limber --db s.db stats ' offers the saved routine morning only" \
            zsh_offers_exactly "morning" "$binary --db $sessions_db stats "
        check "zsh: 'limber stats --db s.db --weeks 4 ' offers morning (option values are not the NAME)" \
            zsh_offers_exactly "morning" "$binary stats --db $sessions_db --weeks 4 "
        check "zsh: 'limber --db s.db due ' offers the saved routine morning only" \
            zsh_offers_exactly "morning" "$binary --db $sessions_db due "
        check "zsh: 'limber remind --db s.db --crontab 07:30 ' offers morning (option values are not the NAME)" \
            zsh_offers_exactly "morning" "$binary remind --db $sessions_db --crontab 07:30 "
        check "zsh: 'limber remind --db s.db --crontab ' offers nothing (a time of day)" \
            zsh_offers_exactly "" "$binary remind --db $sessions_db --crontab "
        check "zsh: 'limber start --pain-after ' offers 0 to 10" \
            zsh_offers_exactly "0 1 2 3 4 5 6 7 8 9 10" "limber start --pain-after "
        check "zsh: 'limber history --db s.db --routine ' offers morning and the removed gone" \
            zsh_offers_exactly "morning gone" "$binary history --db $sessions_db --routine "
        check "zsh: 'limber pause ' offers list rm" zsh_offers_exactly "list rm" "limber pause "
        check "zsh: 'limber export --what ' offers sessions holds" \
            zsh_offers_exactly "sessions holds" "limber export --what "
        check "zsh: 'limber import --format ' offers csv json" \
            zsh_offers_exactly "csv json" "limber import --format "
        check "zsh: 'limber export -o files/s' offers the files" \
            zsh_offers_exactly "sessions.csv sessions.json" "limber export -o $files/s"
        check "zsh: 'limber import files/s' offers the files" \
            zsh_offers_exactly "sessions.csv sessions.json" "limber import $files/s"
        check "zsh: 'limber backup files/s' offers the files" \
            zsh_offers_exactly "sessions.csv sessions.json" "limber backup $files/s"
    else
        skip "zsh: completing for real needs the zsh/zpty module and timeout(1)"
    fi
else
    skip "zsh -n completions/_limber: zsh is not installed"
fi
if $have_fish; then
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
        fish_offers_exactly "" "$binary --db $work/missing/x.db history --routine "
    check "fish: completing 'limber --db missing.db plan rm ' offers nothing and creates nothing" \
        fish_offers_exactly "" "$binary --db $work/missing/x.db plan rm "
    check "fish: ... and does not create the database" not_created "$work/missing"
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
else
    skip "fish: fish is not installed"
fi

# --- consistency with --help ----------------------------------------------------------------------

# documented PATH KIND ITEM: the item of `limber PATH --help` is offered by the bash and fish
# completions, appears in the zsh completion and is documented in the command's man page.
documented() {
    local path=$1 kind=$2 item=$3 page words offered problems=()
    local -a before
    read -r -a before <<<"$path"
    page=$(man_page_of "$path")
    if [[ $kind == sub ]]; then words=""; else words="--"; fi
    # (the candidates are captured first: `grep -q` in a pipeline may stop the writer early)
    offered=$(bash_complete limber "${before[@]}" "$words") || true
    grep -qxF -- "$item" <<<"$offered" ||
        problems+=("bash completion does not offer it after 'limber $path${path:+ }$words'")
    if $have_fish; then
        offered=$(fish_complete "limber $path${path:+ }$words") || true
        grep -qxF -- "$item" <<<"$offered" ||
            problems+=("fish completion does not offer it after 'limber $path${path:+ }$words'")
    fi
    mentions "$zsh_file" "$item" || problems+=("not in completions/_limber")
    if [[ ! -f $page ]]; then
        problems+=("no man page ${page#"$src"/}")
    elif ! mentions <(render_man "$page") "$item"; then
        problems+=("not in ${page#"$src"/}")
    fi
    if ((${#problems[@]})); then
        printf '%s\n' "${problems[@]}"
        return 1
    fi
}

# The command paths: limber itself, its commands and their subcommands.
paths=("")
for command in $commands; do
    paths+=("$command")
    for sub in $(help_items "$command" | awk '$1 == "sub" { print $2 }'); do
        paths+=("$command $sub")
    done
done

# checked PATH: the command path is among those whose --help is checked below.
checked() {
    local path
    for path in "${paths[@]}"; do
        [[ $path == "$1" ]] && return 0
    done
    echo "'limber $1 --help' is not among the checked commands: ${paths[*]}"
    return 1
}
for path in plan "plan show" "plan list" "plan rm" start log history edit rm pause "pause list" "pause rm" stats \
    export import backup due remind; do
    check "limber $path --help is checked against the completions and $(basename "$(man_page_of "$path")")" \
        checked "$path"
done

for path in "${paths[@]}"; do
    page=$(man_page_of "$path")
    while read -r kind item; do
        check "limber $path${path:+ }$item: in the completions and ${page#"$src"/}" \
            documented "$path" "$kind" "$item"
    done < <(help_items "$path")
done

# values_documented PATH --OPTION [VALUES]: the bash and fish completions offer exactly the
# option's fixed values (as its help shows them, A|B|C), the zsh completion and the man page name
# each of them. VALUES, space-separated, are for a help that names them in words ("csv (default)
# or json"): each must be in the option's help line.
values_documented() {
    local path=$1 option=$2 expected page value problems=() out help_line
    local -a before
    read -r -a before <<<"$path"
    if (($# > 2)); then
        expected=$(tr ' ' '\n' <<<"$3")
        # shellcheck disable=SC2086 # the path is words
        help_line=$("$binary" $path --help | awk -v option="$option" '$1 == option')
        for value in $expected; do
            mentions <(printf '%s\n' "$help_line") "$value" ||
                problems+=("$value: not in the help of $option: ${help_line:-(no such option)}")
        done
    else
        expected=$(help_values "$path" "$option")
    fi
    page=$(man_page_of "$path")
    out=$(bash_offers_exactly "$expected" limber "${before[@]}" "$option" "") ||
        problems+=("bash: $out")
    if $have_fish; then
        out=$(fish_offers_exactly "$expected" "limber $path${path:+ }$option ") ||
            problems+=("fish: $out")
    fi
    for value in $expected; do
        mentions "$zsh_file" "$value" || problems+=("$value: not in completions/_limber")
        mentions <(render_man "$page") "$value" || problems+=("$value: not in ${page#"$src"/}")
    done
    if ((${#problems[@]})); then
        printf '%s\n' "${problems[@]}"
        return 1
    fi
}

for path in "${paths[@]}"; do
    # shellcheck disable=SC2086 # the path is words
    while read -r option; do
        check "limber $path${path:+ }$option values ($(help_values "$path" "$option" | tr '\n' ' ' | sed 's/ $//')): in the completions and $(basename "$(man_page_of "$path")")" \
            values_documented "$path" "$option"
    done < <("$binary" $path --help | awk '$1 ~ /^--/ && $2 ~ /\|/ { print $1 }')
done

# options whose help names the values in words
for spec in "export --format:csv json" "export --what:sessions holds" "import --format:csv json"; do
    path_option=${spec%%:*}
    check "limber $path_option values (${spec#*:}): in its help, the completions and limber-${path_option%% *}.1" \
        values_documented "${path_option%% *}" "${path_option#* }" "${spec#*:}"
done

echo "$passed passed, $failed failed"
((failed == 0))
