# shellcheck shell=bash
# bash completion for limber(1): source this file, or install it as
# /usr/share/bash-completion/completions/limber. It needs no bash-completion helpers.

# The ids of the exercise library, from the limber being completed.
_limber_exercise_ids() {
    local prog=$1
    [[ $prog == \~/* ]] && prog=$HOME/${prog#\~/}
    command -v "$prog" >/dev/null 2>&1 || prog=limber
    "$prog" exercises --json 2>/dev/null | sed -n 's/^    "id": "\(.*\)",$/\1/p'
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

    local -a constraints=(pregnant injured acute-strain no-floor back-pain sciatica)
    local -a equipment=(strap chair step wall table foam-roller ball partner)
    local levels="beginner intermediate advanced"
    local positions="standing seated-chair floor-seated floor-supine floor-side floor-prone kneeling"
    local keys="day_start week_start default_routine"
    local globals="--db --tz --color -q --quiet -h --help"

    # Find the command, its subcommand and the positional arguments given so far.
    local command="" sub="" word i=1
    local -a args=()
    while ((i < cword)); do
        word=${COMP_WORDS[i]}
        case $word in
            --db | --tz | --color | --level | --constraint | --equipment | --position)
                i=$((i + 1)) # its value follows, possibly after a separate '='
                if [[ ${COMP_WORDS[i]:-} == "=" ]]; then
                    i=$((i + 1))
                fi
                ;;
            -*) ;;
            *)
                if [[ -z $command ]]; then
                    command=$word
                elif [[ -z $sub && ($command == config || $word == show) ]]; then
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
        --db)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        --tz) mapfile -t COMPREPLY < <(compgen -W "$(_limber_zones)" -- "$cur") ;;
        --color) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur") ;;
        --level) mapfile -t COMPREPLY < <(compgen -W "$levels" -- "$cur") ;;
        --position) mapfile -t COMPREPLY < <(compgen -W "$positions" -- "$cur") ;;
        --constraint) _limber_comma_list "$cur" "${constraints[@]}" ;;
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
                    exercises/) words="--level --constraint --equipment --position --json $globals" ;;
                    exercises/show | config/list) words="--json $globals" ;;
                    *) words=$globals ;;
                esac
            else
                case $command/$sub in
                    /) words="exercises config" ;;
                    exercises/) words="show" ;;
                    exercises/show)
                        if ((${#args[@]} == 0)); then
                            words=$(_limber_exercise_ids "${COMP_WORDS[0]}")
                        fi
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
