# fish completion for limber(1): put this file in ~/.config/fish/completions/ or
# /usr/share/fish/vendor_completions.d/.

# The words given so far that are not options or option values: command, subcommand, arguments.
function __limber_words
    set -l tokens (commandline -opc)
    set -l skip 0
    for token in $tokens[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $token
            case --db --tz --color --level --constraint --equipment --position
                set skip 1
            case '-*'
            case '*'
                echo $token
        end
    end
end

# True when the words given so far are exactly the arguments (none: no command yet).
function __limber_is
    set -l words (__limber_words)
    test "$words" = "$argv"
end

# The ids of the exercise library, from the limber being completed.
function __limber_exercise_ids
    set -l prog (commandline -opc)[1]
    command -v $prog >/dev/null 2>&1; or set prog limber
    $prog exercises --json 2>/dev/null | sed -n 's/^    "id": "\(.*\)",$/\1/p'
end

# IANA time zone names, from the system's tz database.
function __limber_zones
    set -l zi /usr/share/zoneinfo/tzdata.zi
    test -r $zi; and awk '$1 == "Z" { print $2 } $1 == "L" { print $3 }' $zi
end

# Completes the last element of a comma-separated list from the arguments, leaving out the
# elements already given.
function __limber_comma_list
    set -l token (string replace -r -- '^--[a-z-]+=' '' (commandline -ct))
    set -l prefix ''
    if string match -q -- '*,*' $token
        set prefix (string replace -r -- '[^,]*$' '' $token)
    end
    set -l given (string split -- , $prefix)
    for value in $argv
        contains -- $value $given; or echo $prefix$value
    end
end

complete -c limber -f

# Global options: accepted before or after the command.
complete -c limber -l db -r -F -d 'Database file'
complete -c limber -l tz -x -a '(__limber_zones)' -d 'IANA time zone'
complete -c limber -l color -x -a 'auto always never' -d 'When to colour the output'
complete -c limber -s q -l quiet -d 'Print only results, no chatter'
complete -c limber -s h -l help -d 'Print the help and exit'
complete -c limber -n __limber_is -l version -d 'Print the version and exit'

# Commands
complete -c limber -n __limber_is -a exercises -d 'List the built-in exercise library, or show one'
complete -c limber -n __limber_is -a config -d 'Read and change settings'

# limber exercises [--level L] [--constraint C,...] [--equipment E,...|none] [--position P] [--json]
complete -c limber -n '__limber_is exercises' -a show -d 'Show one exercise: cues, cautions and sources'
complete -c limber -n '__limber_is exercises' -l level -x -a 'beginner intermediate advanced' -d 'Only exercises for this level'
complete -c limber -n '__limber_is exercises' -l constraint -x \
    -a '(__limber_comma_list pregnant injured acute-strain no-floor back-pain sciatica)' \
    -d 'Only exercises safe with these constraints'
complete -c limber -n '__limber_is exercises' -l equipment -x \
    -a '(__limber_comma_list strap chair step wall table foam-roller ball partner; string match -q -- "*,*" (commandline -ct); or echo none)' \
    -d 'Only exercises that need no more than this equipment'
complete -c limber -n '__limber_is exercises' -l position -x \
    -a 'standing seated-chair floor-seated floor-supine floor-side floor-prone kneeling' \
    -d 'Only exercises done in this position'
complete -c limber -n '__limber_is exercises' -l json -d 'Print a JSON array of exercise objects'

# limber exercises show ID [--json]
complete -c limber -n '__limber_is exercises show' -a '(__limber_exercise_ids)' -d 'Exercise id'
complete -c limber -n '__limber_is exercises show' -l json -d 'Print the exercise object as JSON'

# limber config list [--json] | get KEY | set KEY VALUE | unset KEY
complete -c limber -n '__limber_is config' -a list -d 'Print every setting as key=value'
complete -c limber -n '__limber_is config' -a get -d "Print one setting's value"
complete -c limber -n '__limber_is config' -a set -d 'Change one setting'
complete -c limber -n '__limber_is config' -a unset -d 'Return one setting to its default'
complete -c limber -n '__limber_is config list' -l json -d 'Print one JSON object'
for sub in get set unset
    complete -c limber -n "__limber_is config $sub" -a day_start -d 'Time of day the day begins (HH:MM)'
    complete -c limber -n "__limber_is config $sub" -a week_start -d 'First day of the week'
    complete -c limber -n "__limber_is config $sub" -a default_routine -d 'Routine used when none is named'
end
complete -c limber -n '__limber_is config set week_start' -a 'monday sunday' -d 'First day of the week'
