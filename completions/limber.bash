# shellcheck shell=bash
# bash completion for limber(1): source this file, or install it as
# /usr/share/bash-completion/completions/limber. It needs no bash-completion helpers.

# The limber being completed ($1, the command word), else the one on the PATH.
_limber_prog() {
    local prog=$1
    [[ $prog == \~/* ]] && prog=$HOME/${prog#\~/}
    command -v "$prog" >/dev/null 2>&1 || prog=limber
    printf '%s\n' "$prog"
}

# The ids of the exercise library, from the limber being completed.
_limber_exercise_ids() {
    local prog
    prog=$(_limber_prog "$1")
    "$prog" exercises --json 2>/dev/null | sed -n 's/^    "id": "\(.*\)",$/\1/p'
}

# The database in force: $1 (a --db given on the command line), else $LIMBER_DB, else
# $XDG_DATA_HOME/limber/limber.db, else ~/.local/share/limber/limber.db.
_limber_db() {
    local db=$1
    # the word as typed: drop one pair of surrounding quotes
    if [[ $db == \'*\' || $db == \"*\" ]]; then
        db=${db:1:${#db}-2}
    fi
    if [[ -z $db ]]; then
        if [[ -n ${LIMBER_DB:-} ]]; then
            db=$LIMBER_DB
        elif [[ -n ${XDG_DATA_HOME:-} ]]; then
            db=$XDG_DATA_HOME/limber/limber.db
        else
            db=$HOME/.local/share/limber/limber.db
        fi
    fi
    [[ $db == \~/* ]] && db=$HOME/${db#\~/}
    printf '%s\n' "$db"
}

# The names of the saved routines: $1 the limber being completed, $2 the database in force.
# Nothing when that database does not exist yet (completing must not create it).
_limber_routine_names() {
    local prog db=$2
    [[ -f $db ]] || return 0
    prog=$(_limber_prog "$1")
    "$prog" --db "$db" plan list --json 2>/dev/null | sed -n 's/^    "name": "\(.*\)",$/\1/p'
}

# The routines history can filter on: the saved ones, and those sessions were recorded for
# (a removed routine keeps its sessions). $1 the limber being completed, $2 the database in force.
_limber_history_routines() {
    local prog db=$2
    [[ -f $db ]] || return 0
    prog=$(_limber_prog "$1")
    {
        _limber_routine_names "$1" "$db"
        # the routine column of the CSV (the 7th; the columns before it hold no commas)
        "$prog" --db "$db" history --csv 2>/dev/null |
            sed -n 's/^[0-9][0-9]*,[0-9a-f-]*,[0-9-]*,[^,]*,[^,]*,[^,]*,\([^,"]*\),.*/\1/p'
    } | sort -u
}

# IANA time zone names, from the system's tz database.
_limber_zones() {
    local zi=/usr/share/zoneinfo/tzdata.zi
    if [[ -r $zi ]]; then
        awk '$1 == "Z" { print $2 } $1 == "L" { print $3 }' "$zi"
    fi
}

# Completes the last element of a comma-separated list in $1 from the words after it,
# leaving out the elements already given.
_limber_comma_list() {
    local cur=$1 prefix="" last=$1 word
    shift
    if [[ $cur == *,* ]]; then
        prefix=${cur%,*},
        last=${cur##*,}
    fi
    COMPREPLY=()
    for word in "$@"; do
        [[ ",$prefix" == *",$word,"* ]] && continue
        [[ $word == "$last"* ]] && COMPREPLY+=("$prefix$word")
    done
    return 0
}

_limber() {
    local cword=$COMP_CWORD
    local cur=${COMP_WORDS[cword]} prev="" eq_prefix=""
    local word_as_typed=$cur
    if ((cword > 0)); then
        prev=${COMP_WORDS[cword - 1]}
    fi
    # --option=value: bash splits the word at '=' when '=' is in COMP_WORDBREAKS ...
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((cword >= 2)); then
        prev=${COMP_WORDS[cword - 2]}
    elif [[ $cur == --*=* ]]; then # ... and leaves it whole when it is not
        prev=${cur%%=*}
        eq_prefix=$prev=
        cur=${cur#*=}
    fi

    local -a constraints=(pregnant injured acute-strain no-floor back-pain sciatica
        osteoporosis hip-replacement knee hypermobility seated-only)
    # exercises --constraint offers what 'limber exercises --help' lists
    local -a exercise_constraints=("${constraints[@]}")
    local -a equipment=(strap chair step wall table foam-roller ball partner)
    local -a weekdays=(mon tue wed thu fri sat sun)
    # the red-flag symptoms of plan --symptom and flag add: emergency, urgent, then see a doctor first
    local -a symptoms=(saddle-numbness bladder-bowel both-legs progressive-weakness sexual-dysfunction
        both-legs-pain urinary-retention chest-pain serious-accident
        fever weight-loss night-pain trauma back-lump cough-sneeze upper-back
        cancer-history steroids weakened-immunity)
    local levels="beginner intermediate advanced"
    local positions="standing seated-chair floor-seated floor-supine floor-side floor-prone kneeling"
    local keys="day_start week_start default_routine voice"
    local days="today yesterday monday tuesday wednesday thursday friday saturday sunday"
    local globals="--db --tz --color -q --quiet -h --help"

    # Find the command, its subcommand, the positional arguments given so far, and --db.
    local command="" sub="" word i=1 db_given=""
    local -a args=()
    while ((i < cword)); do
        word=${COMP_WORDS[i]}
        case $word in
            --db | --tz | --color | --level | --constraint | --equipment | --position | \
                --minutes | --days | --per-week | --age | --symptom | \
                --date | --time | --pain-before | --pain-after | --note | \
                --reason | --since | --until | --routine | --limit | --status | --from | --to | \
                --hold | --rest | --weeks | --format | --what | -o | --output | --crontab)
                i=$((i + 1)) # its value follows, possibly after a separate '='
                if [[ ${COMP_WORDS[i]:-} == "=" ]]; then
                    i=$((i + 1))
                fi
                if [[ $word == --db ]] && ((i < cword)); then
                    db_given=${COMP_WORDS[i]}
                fi
                ;;
            --db=?*) db_given=${word#--db=} ;;
            -*) ;;
            *)
                if [[ -z $command ]]; then
                    command=$word
                elif [[ -z $sub && ${#args[@]} -eq 0 &&
                    ($command == config || ($command == exercises && $word == show) ||
                    ($command == plan && ($word == show || $word == list || $word == rm)) ||
                    ($command == pause && ($word == list || $word == rm)) ||
                    ($command == flag && ($word == add || $word == list || $word == clear))) ]]; then
                    sub=$word
                else
                    args+=("$word")
                fi
                ;;
        esac
        i=$((i + 1))
    done

    COMPREPLY=()
    case $prev in
        --db | -o | --output)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        --format)
            if [[ $command == report ]]; then
                mapfile -t COMPREPLY < <(compgen -W "html md json" -- "$cur")
            else
                mapfile -t COMPREPLY < <(compgen -W "csv json" -- "$cur")
            fi
            ;;
        --what) mapfile -t COMPREPLY < <(compgen -W "sessions holds" -- "$cur") ;;
        --tz) mapfile -t COMPREPLY < <(compgen -W "$(_limber_zones)" -- "$cur") ;;
        --color) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur") ;;
        --level) mapfile -t COMPREPLY < <(compgen -W "$levels" -- "$cur") ;;
        --position) mapfile -t COMPREPLY < <(compgen -W "$positions" -- "$cur") ;;
        --constraint)
            if [[ $command == exercises ]]; then
                _limber_comma_list "$cur" "${exercise_constraints[@]}"
            else
                _limber_comma_list "$cur" "${constraints[@]}" none # none: a re-plan drops them all
            fi
            ;;
        --days) _limber_comma_list "$cur" "${weekdays[@]}" ;;
        --symptom) _limber_comma_list "$cur" "${symptoms[@]}" ;;
        --per-week) mapfile -t COMPREPLY < <(compgen -W "1 2 3 4 5 6 7" -- "$cur") ;;
        --status) mapfile -t COMPREPLY < <(compgen -W "completed partial" -- "$cur") ;;
        --date | --since | --until | --from | --to)
            mapfile -t COMPREPLY < <(compgen -W "$days" -- "$cur")
            ;;
        --routine)
            mapfile -t COMPREPLY < <(compgen -W "$(_limber_history_routines "${COMP_WORDS[0]}" "$(_limber_db "$db_given")")" -- "$cur")
            ;;
        --pain-before | --pain-after) mapfile -t COMPREPLY < <(compgen -W "0 1 2 3 4 5 6 7 8 9 10" -- "$cur") ;;
        --minutes | --age | --time | --limit | --hold | --rest | --weeks | --crontab) ;; # a number or a time
        --note | --reason) ;; # free text
        --equipment)
            if [[ $cur == *,* ]]; then
                _limber_comma_list "$cur" "${equipment[@]}"
            else # none stands alone
                _limber_comma_list "$cur" "${equipment[@]}" none
            fi
            ;;
        *)
            if [[ -n $eq_prefix ]]; then # --flag=...: not an option that takes a value
                cur=$word_as_typed
                eq_prefix=""
            fi
            local words=""
            if [[ $cur == -* ]]; then
                case $command/$sub in
                    /) words="$globals --version" ;;
                    plan/)
                        words="--level --constraint --equipment --minutes --days --per-week --daily"
                        words+=" --age --allow-flexion --no-allow-flexion --floor-ok --no-floor-ok --symptom"
                        words+=" --explain --json --dry-run $globals"
                        ;;
                    plan/show) words="--json --cues --explain $globals" ;;
                    exercises/) words="--level --constraint --equipment --position --json $globals" ;;
                    exercises/show | config/list | plan/list | pause/list) words="--json $globals" ;;
                    start/)
                        words="--hold --rest --no-prompt --pain-before --pain-after --no-bell --continue"
                        # --voice and --no-voice exclude each other: once one is given, neither is offered
                        local given voice_given=""
                        for given in "${COMP_WORDS[@]:1:cword-1}"; do
                            [[ $given == --voice || $given == --no-voice ]] && voice_given=1
                        done
                        if [[ -z $voice_given ]]; then
                            words+=" --voice --no-voice"
                        fi
                        words+=" $globals"
                        ;;
                    log/)
                        words="--date --time --minutes --pain-before --pain-after --note --partial"
                        words+=" --skip --reason --json $globals"
                        ;;
                    history/) words="--since --until --routine --limit --json --csv $globals" ;;
                    edit/)
                        words="--date --time --minutes --pain-before --pain-after --note --status"
                        words+=" --json $globals"
                        ;;
                    rm/) words="-y --yes $globals" ;;
                    pause/) words="--from --to --reason $globals" ;;
                    stats/) words="--weeks --json $globals" ;;
                    report/) words="--weeks --format -o --output $globals" ;;
                    due/) words=$globals ;;
                    remind/) words="--notify --crontab $globals" ;;
                    flag/add) words="--date --json --dry-run $globals" ;;
                    flag/list) words="--json $globals" ;;
                    flag/clear) words="--note $globals" ;;
                    export/) words="--format --what --since --until -o --output $globals" ;;
                    import/)
                        words="--format --dry-run $globals"
                        if ((${#args[@]} == 0)); then
                            words+=" -" # FILE: - reads standard input
                        fi
                        ;;
                    *) words=$globals ;;
                esac
            else
                case $command/$sub in
                    /)
                        words="plan start log history edit rm pause stats report export import backup due remind"
                        words+=" flag exercises config"
                        ;;
                    plan/)
                        # a new routine's NAME is free text: offer only the subcommands
                        if ((${#args[@]} == 0)); then
                            words="show list rm"
                        fi
                        ;;
                    plan/show | plan/rm)
                        if ((${#args[@]} == 0)); then
                            words=$(_limber_routine_names "${COMP_WORDS[0]}" "$(_limber_db "$db_given")")
                        fi
                        ;;
                    start/ | log/ | stats/ | report/ | due/ | remind/)
                        if ((${#args[@]} == 0)); then
                            words=$(_limber_routine_names "${COMP_WORDS[0]}" "$(_limber_db "$db_given")")
                        fi
                        ;;
                    pause/)
                        if ((${#args[@]} == 0)); then
                            words="list rm"
                        fi
                        ;;
                    flag/)
                        if ((${#args[@]} == 0)); then
                            words="add list clear"
                        fi
                        ;;
                    flag/add)
                        # SYMPTOM...: comma-separated, or one a word; leave out those already given
                        local -a given=() left=() pieces=()
                        local arg
                        for arg in "${args[@]}"; do
                            IFS=, read -r -a pieces <<<"$arg"
                            given+=("${pieces[@]}")
                        done
                        for word in "${symptoms[@]}"; do
                            [[ " ${given[*]} " == *" $word "* ]] || left+=("$word")
                        done
                        _limber_comma_list "$cur" "${left[@]}"
                        return 0
                        ;;
                    exercises/) words="show" ;;
                    exercises/show)
                        if ((${#args[@]} == 0)); then
                            words=$(_limber_exercise_ids "${COMP_WORDS[0]}")
                        fi
                        ;;
                    import/ | backup/)
                        # FILE: an export to read (or - for stdin), a new backup file
                        if ((${#args[@]} == 0)); then
                            compopt -o filenames 2>/dev/null
                            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
                            if [[ $command == import && -z $cur ]]; then
                                COMPREPLY+=(-)
                            fi
                        fi
                        return 0
                        ;;
                    config/) words="list get set unset" ;;
                    config/get | config/unset)
                        if ((${#args[@]} == 0)); then
                            words=$keys
                        fi
                        ;;
                    config/set)
                        if ((${#args[@]} == 0)); then
                            words=$keys
                        elif ((${#args[@]} == 1)) && [[ ${args[0]} == week_start ]]; then
                            words="monday sunday"
                        elif ((${#args[@]} == 1)) && [[ ${args[0]} == voice ]]; then
                            words="on off"
                        fi
                        ;;
                esac
            fi
            mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
            ;;
    esac
    if [[ -n $eq_prefix ]]; then
        COMPREPLY=("${COMPREPLY[@]/#/$eq_prefix}")
    fi
    return 0
}

complete -F _limber limber
