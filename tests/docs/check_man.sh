#!/usr/bin/env bash
# Checks limber's man pages against the built binary:
#   - every man page is clean under `mandoc -T lint`;
#   - every command, subcommand and long option that `limber ... --help` prints, and every fixed
#     value of an option, is documented in the command's man page (plan, plan show, plan list,
#     plan rm, start, log, history, edit, rm, pause, pause list, pause rm, stats, export, import,
#     backup, due and remind are checked to be among them); so are the values that a help names
#     in words (export --format and --what, import --format), which must be in that help line;
#   - the most characters a note holds, as limber-log.1 gives it for --note, is the same in
#     limber-log.1 for --reason, limber-edit.1, limber-pause.1 and limber-import.1 (that the
#     binary does what limber-log.1 says is tests/cli/test_cli_note_limit.cpp).
# Without mandoc it checks nothing and exits 77 (skipped).
# usage: tests/docs/check_man.sh LIMBER_BINARY SOURCE_DIR
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"

require_command mandoc "mandoc is not installed (apt-get install mandoc)"

# rendered PAGE: the file holding render_man PAGE, rendered once.
rendered() {
    local text
    text=$work/rendered/$(basename "$1").txt
    if [[ ! -f $text ]]; then
        mkdir -p "$work/rendered"
        render_man "$1" >"$text.part"
        mv "$text.part" "$text"
    fi
    printf '%s\n' "$text"
}

lint_man() {
    local out
    out=$(mandoc -T lint "$1" 2>&1) || true
    if [[ -n $out ]]; then
        printf '%s\n' "$out"
        return 1
    fi
}

# --- lint ------------------------------------------------------------------------------------------

shopt -s nullglob
pages=("$src"/man/*.1)
shopt -u nullglob
if ((${#pages[@]} == 0)); then
    check "man pages exist in $src/man" false
fi
for page in "${pages[@]}"; do
    check "mandoc -T lint ${page#"$src"/}" lint_man "$page"
done

# --- documented limits: how long a note may be ------------------------------------------------------

# note_limit_in PAGE ITEM: the N of "at most N characters" in the first item ITEM (such as
# "--note TEXT") of the rendered PAGE, or nothing. A short tag has its text on the same line.
note_limit_in() {
    awk -v tag="       $2" '
        on && /^       [^ ]/ { exit }
        index($0, tag) == 1 && (length($0) == length(tag) || substr($0, length(tag) + 1, 1) == " ") {
            on = 1
            print substr($0, length(tag) + 1)
            next
        }
        on' "$(rendered "$1")" | grep -oE 'at most [0-9]+ characters' | head -n 1 | grep -oE '[0-9]+' || true
}

# same_limit WHERE GOT: the page's limit GOT is the limit of limber-log.1.
same_limit() {
    if [[ $2 != "$note_limit" ]]; then
        echo "$1 says ${2:-no limit} characters, limber-log.1 says $note_limit"
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
fi

# --- every command, option and value of --help is in the man page ------------------------------------

find_command_paths

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
    check "limber $path --help is checked against $(basename "$(man_page_of "$path")") and the completions" \
        checked "$path"
done

# in_man_page PATH ITEM: ITEM is documented in the man page of PATH.
in_man_page() {
    local page
    page=$(man_page_of "$1")
    if [[ ! -f $page ]]; then
        echo "no man page ${page#"$src"/}"
        return 1
    fi
    if ! mentions "$(rendered "$page")" "$2"; then
        echo "not in ${page#"$src"/}"
        return 1
    fi
}

while IFS='|' read -r -u 3 path _ item; do
    check "limber $path${path:+ }$item: in $(basename "$(man_page_of "$path")")" in_man_page "$path" "$item"
done 3< <(each_help_item)

# values_in_man_page PATH --OPTION HOW VALUES: the man page of PATH names each of the VALUES
# (space-separated); when HOW is worded, so does the option's help line.
values_in_man_page() {
    local path=$1 option=$2 how=$3 values=$4 page value help_line problems=()
    page=$(man_page_of "$path")
    if [[ $how == worded ]]; then
        # shellcheck disable=SC2086 # the path is words
        help_line=$("$binary" $path --help | awk -v option="$option" '$1 == option')
        for value in $values; do
            mentions <(printf '%s\n' "$help_line") "$value" ||
                problems+=("$value: not in the help of $option: ${help_line:-(no such option)}")
        done
    fi
    if [[ ! -f $page ]]; then
        problems+=("no man page ${page#"$src"/}")
    else
        for value in $values; do
            mentions "$(rendered "$page")" "$value" || problems+=("$value: not in ${page#"$src"/}")
        done
    fi
    if ((${#problems[@]})); then
        printf '%s\n' "${problems[@]}"
        return 1
    fi
}

while IFS='|' read -r -u 3 path option how values; do
    if [[ $how == worded ]]; then where="in its help and"; else where="in"; fi
    check "limber $path${path:+ }$option values ($values): $where $(basename "$(man_page_of "$path")")" \
        values_in_man_page "$path" "$option" "$how" "$values"
done 3< <(each_value_option)

finish
