#!/usr/bin/env bash
# Checks completions/_limber against the built binary:
#   - it parses (zsh -n);
#   - every command, subcommand and long option that `limber ... --help` prints, and every fixed
#     value of an option (also those a help names in words: export --format and --what, import
#     --format), appears in it;
#   - completing for real (an interactive zsh -f on a pty, with compinit): subcommands, values of
#     options, and nothing where a value is free (a time of day); `limber export -o <TAB>`,
#     `limber import <TAB>` and `limber backup <TAB>` offer files; `limber plan show|rm <TAB>`,
#     `limber start <TAB>`, `limber log <TAB>`, `limber stats <TAB>`, `limber due <TAB>` and
#     `limber remind <TAB>` offer the routines of the database given with --db,
#     `limber history --routine <TAB>` those and the removed routines that still have sessions.
# Without zsh it checks nothing and exits 77 (skipped); without the zsh/zpty module or timeout(1)
# it skips completing for real, and exits 77 too once the rest passed.
# usage: tests/docs/check_zsh.sh LIMBER_BINARY SOURCE_DIR
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"

require_command zsh "zsh is not installed (apt-get install zsh)"

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

find_command_paths

check "zsh -n completions/_limber" zsh -n "$zsh_file"

# --- completing for real ---------------------------------------------------------------------------------

if zsh -fc 'zmodload zsh/zpty' 2>/dev/null && command -v timeout >/dev/null 2>&1; then
    seed_routines
    seed_sessions
    seed_files
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

# --- every command, option and value of --help is in the completion ------------------------------------

in_zsh_file() {
    if ! mentions "$zsh_file" "$1"; then
        echo "not in completions/_limber"
        return 1
    fi
}

while IFS='|' read -r -u 3 path _ item; do
    check "zsh: completions/_limber names $item (limber $path${path:+ }--help lists it)" in_zsh_file "$item"
done 3< <(each_help_item)

# values_in_zsh_file VALUES: completions/_limber names each of the space-separated VALUES.
values_in_zsh_file() {
    local value problems=()
    for value in $1; do
        mentions "$zsh_file" "$value" || problems+=("$value: not in completions/_limber")
    done
    if ((${#problems[@]})); then
        printf '%s\n' "${problems[@]}"
        return 1
    fi
}

while IFS='|' read -r -u 3 path option how values; do
    check "zsh: completions/_limber names $values (the $how values of limber $path${path:+ }$option)" \
        values_in_zsh_file "$values"
done 3< <(each_value_option)

finish
