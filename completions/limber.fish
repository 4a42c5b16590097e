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
            case --db --tz --color --level --constraint --equipment --position \
                    --minutes --days --per-week --age --symptom \
                    --date --time --pain-before --pain-after --note --reason \
                    --since --until --routine --limit --status --from --to \
                    --hold --rest --weeks --format --what -o --output --crontab
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

# True when the words given so far start with the arguments.
function __limber_under
    set -l words (__limber_words)
    set -l n (count $argv)
    test (count $words) -ge $n; or return 1
    test "$words[1..$n]" = "$argv"
end

# True for `limber plan` and `limber plan NAME`: where the options of planning apply.
function __limber_planning
    set -l words (__limber_words)
    test "$words[1]" = plan; or return 1
    switch (count $words)
        case 1
            return 0
        case 2
            not contains -- $words[2] show list rm
        case '*'
            return 1
    end
end

# The database in force: --db on the command line, else $LIMBER_DB, else
# $XDG_DATA_HOME/limber/limber.db, else ~/.local/share/limber/limber.db.
function __limber_db
    set -l db
    set -l next 0
    for token in (commandline -opc)[2..-1]
        if test $next = 1
            set db $token
            set next 0
            continue
        end
        switch $token
            case --db
                set next 1
            case '--db=?*'
                set db (string replace -- --db= '' $token)
        end
    end
    if test -z "$db"
        if test -n "$LIMBER_DB"
            set db $LIMBER_DB
        else if test -n "$XDG_DATA_HOME"
            set db $XDG_DATA_HOME/limber/limber.db
        else
            set db $HOME/.local/share/limber/limber.db
        end
    end
    string replace -r -- '^~/' "$HOME/" $db
end

# The names of the saved routines in the database in force; nothing when that database does
# not exist yet (completing must not create it).
function __limber_routine_names
    set -l db (__limber_db)
    test -f "$db"; or return 0
    set -l prog (commandline -opc)[1]
    command -v $prog >/dev/null 2>&1; or set prog limber
    command -v $prog >/dev/null 2>&1; or return 0
    $prog --db $db plan list --json 2>/dev/null | sed -n 's/^    "name": "\(.*\)",$/\1/p'
end

# The routines history can filter on: the saved ones, and those sessions were recorded for
# (a removed routine keeps its sessions).
function __limber_history_routines
    set -l db (__limber_db)
    test -f "$db"; or return 0
    set -l prog (commandline -opc)[1]
    command -v $prog >/dev/null 2>&1; or set prog limber
    command -v $prog >/dev/null 2>&1; or return 0
    begin
        __limber_routine_names
        # the routine column of the CSV (the 7th; the columns before it hold no commas)
        $prog --db $db history --csv 2>/dev/null |
            sed -n 's/^[0-9][0-9]*,[0-9a-f-]*,[0-9-]*,[^,]*,[^,]*,[^,]*,\([^,"]*\),.*/\1/p'
    end | sort -u
end

# The words of the date grammar (YYYY-MM-DD and -Nd are typed).
set -g __limber_days today yesterday monday tuesday wednesday thursday friday saturday sunday

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

# The red-flag symptoms, each with its tier, for the last element of a comma-separated list
# (those already in the list, or in an earlier word of `flag add`, are left out).
function __limber_symptoms
    set -l tier emergency emergency emergency emergency emergency \
        emergency emergency emergency emergency \
        'urgent, today' 'urgent, today' 'urgent, today' 'urgent, today' \
        'urgent, today' 'urgent, today' 'urgent, today' \
        'see a doctor first' 'see a doctor first' 'see a doctor first'
    set -l names saddle-numbness bladder-bowel both-legs progressive-weakness sexual-dysfunction \
        both-legs-pain urinary-retention chest-pain serious-accident \
        fever weight-loss night-pain trauma back-lump cough-sneeze upper-back \
        cancer-history steroids weakened-immunity
    set -l given (string split -- , (__limber_words))
    set -l left
    for name in $names
        contains -- $name $given; or set -a left $name
    end
    set -l offered (__limber_comma_list $left)
    for word in $offered
        set -l name (string replace -r -- '^.*,' '' $word)
        set -l i (contains -i -- $name $names)
        printf '%s\t%s\n' $word $tier[$i]
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
complete -c limber -n __limber_is -a plan -d 'Build a safe stretching routine; show, list or remove routines'
complete -c limber -n __limber_is -a start -d 'Run a routine as a guided, timed session (space pause, n next, q quit; with --voice r repeat, m mute)'
complete -c limber -n __limber_is -a log -d "Record a session done without 'limber start', or a skipped day"
complete -c limber -n __limber_is -a history -d 'List recorded sessions, newest first'
complete -c limber -n __limber_is -a edit -d 'Correct a recorded session'
complete -c limber -n __limber_is -a rm -d 'Remove a recorded session and its holds'
complete -c limber -n __limber_is -a pause -d 'Excuse days from every routine (illness, injury, travel)'
complete -c limber -n __limber_is -a stats -d 'Streaks, adherence, hold progression and the pain trend of a routine'
complete -c limber -n __limber_is -a report -d 'Write a report for a clinician: the routine, adherence, holds, pain, notes and red flags'
complete -c limber -n __limber_is -a export -d 'Write sessions or holds as CSV or JSON, oldest first'
complete -c limber -n __limber_is -a import -d 'Add the sessions of an export file (CSV or JSON); all or nothing'
complete -c limber -n __limber_is -a backup -d 'Write a consistent copy of the database to a new file'
complete -c limber -n __limber_is -a due -d 'Exit 0 when a session is due today and not done, 1 when not; prints nothing'
complete -c limber -n __limber_is -a remind -d 'Print a one-line reminder when a session is due today (for cron)'
complete -c limber -n __limber_is -a flag -d 'Red-flag symptoms: record one, list them, or clear them after a clinician has seen you'
complete -c limber -n __limber_is -a exercises -d 'List the built-in exercise library, or show one'
complete -c limber -n __limber_is -a config -d 'Read and change settings'

# limber plan [NAME] --level L [--constraint C,...] [--equipment E,...|none] [--minutes M]
#             [--days D,... | --per-week N | --daily] [--age Y] [--allow-flexion] [--floor-ok]
#             [--symptom S,...] [--explain] [--json] [--dry-run]
# (a new routine's NAME is free text: only the subcommands are offered for it)
complete -c limber -n '__limber_is plan' -a show -d "Show a routine with this week's holds"
complete -c limber -n '__limber_is plan' -a list -d 'List the routines'
complete -c limber -n '__limber_is plan' -a rm -d 'Remove a routine (its sessions stay in the history)'
complete -c limber -n __limber_planning -l level -x -a 'beginner intermediate advanced' -d 'Your level (required for a new routine)'
complete -c limber -n __limber_planning -l constraint -x \
    -a '(__limber_comma_list pregnant injured acute-strain no-floor back-pain sciatica osteoporosis hip-replacement knee hypermobility seated-only none)' \
    -d 'What to plan around (none: a re-plan removes them)'
complete -c limber -n __limber_planning -l equipment -x \
    -a '(__limber_comma_list strap chair step wall table foam-roller ball partner; string match -q -- "*,*" (commandline -ct); or echo none)' \
    -d 'What you have (default: chair,wall)'
complete -c limber -n __limber_planning -l minutes -x -d 'Time for one session, 5 to 60 (default: 10)'
complete -c limber -n __limber_planning -l days -x -a '(__limber_comma_list mon tue wed thu fri sat sun)' \
    -d 'Weekdays to stretch on'
complete -c limber -n __limber_planning -l per-week -x -a '1 2 3 4 5 6 7' -d 'Days a week, any days'
complete -c limber -n __limber_planning -l daily -d 'Every day (the default)'
complete -c limber -n __limber_planning -l age -x -d 'Your age in years, 1 to 120'
complete -c limber -n __limber_planning -l allow-flexion -d 'Include toe touches and forward folds'
complete -c limber -n __limber_planning -l no-allow-flexion -d 'Leave toe touches and forward folds out again'
complete -c limber -n __limber_planning -l floor-ok -d '80 and over: you can get down to the floor and up safely'
complete -c limber -n __limber_planning -l no-floor-ok -d '80 and over: keep the routine off the floor again'
complete -c limber -n __limber_planning -l symptom -x -a '(__limber_symptoms)' \
    -d 'Red-flag symptoms: stop planning (exit 5), suspend every routine until limber flag clear'
complete -c limber -n __limber_planning -l explain -d 'Say why each exercise is in or out, with the cues'
complete -c limber -n __limber_planning -l json -d 'Print the plan as one JSON object'
complete -c limber -n __limber_planning -l dry-run -d 'Show the plan without saving it (nor a red flag)'

# limber plan show [NAME] [--json] [--cues] [--explain] | plan list [--json] | plan rm NAME
complete -c limber -n '__limber_is plan show' -a '(__limber_routine_names)' -d Routine
complete -c limber -n '__limber_is plan rm' -a '(__limber_routine_names)' -d Routine
complete -c limber -n '__limber_under plan show' -l json -d 'Print the plan as one JSON object'
complete -c limber -n '__limber_under plan show' -l cues -d 'Print how to do each exercise'
complete -c limber -n '__limber_under plan show' -l explain -d 'Also say why each exercise is in or out'
complete -c limber -n '__limber_is plan list' -l json -d 'Print a JSON array'

# limber start [NAME] [--hold S] [--rest S] [--no-prompt] [--pain-before N] [--pain-after N]
#              [--no-bell] [--continue] [--voice | --no-voice]
complete -c limber -n '__limber_is start' -a '(__limber_routine_names)' -d Routine
complete -c limber -n '__limber_under start' -l hold -x -d "Every hold (and set) lasts S seconds, 1 up to the routine's cap"
complete -c limber -n '__limber_under start' -l rest -x -d 'Every pause between holds lasts S seconds, 0 to 600'
complete -c limber -n '__limber_under start' -l no-prompt -d 'Do not ask for pain before and after'
complete -c limber -n '__limber_under start' -l pain-before -x -a '(seq 0 10)' -d 'Back pain before, 0 (none) to 10 (worst)'
complete -c limber -n '__limber_under start' -l pain-after -x -a '(seq 0 10)' -d 'Back pain after, 0 (none) to 10 (worst)'
complete -c limber -n '__limber_under start' -l no-bell -d 'No bell at the start and end of each hold'
complete -c limber -n '__limber_under start' -l continue -d "Resume today's last partial session at its next hold"
# --voice and --no-voice exclude each other: once one is given, neither is offered
complete -c limber -n '__limber_under start; and not __fish_seen_argument -l voice -l no-voice' -l voice \
    -d 'Speak the session (exercise, side, position, countdown, end; keys r repeat, m mute)'
complete -c limber -n '__limber_under start; and not __fish_seen_argument -l voice -l no-voice' -l no-voice \
    -d 'Silent, even with the voice setting on'

# limber log [NAME] [--date D] [--time HH:MM] [--minutes M] [--pain-before N] [--pain-after N]
#            [--note TEXT] [--partial] [--json] | log [NAME] --skip [--date D] [--reason TEXT]
complete -c limber -n '__limber_is log' -a '(__limber_routine_names)' -d Routine
complete -c limber -n '__limber_under log' -l date -x -a '$__limber_days' -d 'The day (default: today)'
complete -c limber -n '__limber_under log' -l time -x -d 'Local start time, HH:MM (default: just finished)'
complete -c limber -n '__limber_under log' -l minutes -x -d "How long it took, 1 to 600 (default: the routine's estimate)"
complete -c limber -n '__limber_under log' -l pain-before -x -a '(seq 0 10)' -d 'Back pain before, 0 (none) to 10 (worst)'
complete -c limber -n '__limber_under log' -l pain-after -x -a '(seq 0 10)' -d 'Back pain after, 0 (none) to 10 (worst)'
complete -c limber -n '__limber_under log' -l note -x -d 'A note to keep with the session'
complete -c limber -n '__limber_under log' -l partial -d 'Only part of the routine was done'
complete -c limber -n '__limber_under log' -l skip -d 'Record a deliberate day off instead'
complete -c limber -n '__limber_under log' -l reason -x -d 'Why the day was skipped (with --skip)'
complete -c limber -n '__limber_under log' -l json -d 'Print the new session as a JSON object'

# limber history [--since D] [--until D] [--routine NAME] [--limit N] [--json | --csv]
complete -c limber -n '__limber_under history' -l since -x -a '$__limber_days' -d 'First day, included'
complete -c limber -n '__limber_under history' -l until -x -a '$__limber_days' -d 'Last day, included'
complete -c limber -n '__limber_under history' -l routine -x -a '(__limber_history_routines)' -d "Only this routine's sessions"
complete -c limber -n '__limber_under history' -l limit -x -d 'At most N sessions (the newest)'
complete -c limber -n '__limber_under history' -l json -d 'Print a JSON array of session objects'
complete -c limber -n '__limber_under history' -l csv -d "Print CSV: id, then the columns of 'limber export'"

# limber edit ID [--date D] [--time HH:MM] [--minutes M] [--pain-before N] [--pain-after N]
#                [--note TEXT] [--status completed|partial] [--json]
complete -c limber -n '__limber_under edit' -l date -x -a '$__limber_days' -d 'Move it to this day (keeps its start time)'
complete -c limber -n '__limber_under edit' -l time -x -d 'Its start time, in the zone it was recorded in'
complete -c limber -n '__limber_under edit' -l minutes -x -d 'How long it took, 1 to 600'
complete -c limber -n '__limber_under edit' -l pain-before -x -a '(seq 0 10)' -d 'Back pain before, 0 (none) to 10 (worst)'
complete -c limber -n '__limber_under edit' -l pain-after -x -a '(seq 0 10)' -d 'Back pain after, 0 (none) to 10 (worst)'
complete -c limber -n '__limber_under edit' -l note -x -d "Replace the note ('' removes it)"
complete -c limber -n '__limber_under edit' -l status -x -a 'completed partial' -d 'Completed or partial'
complete -c limber -n '__limber_under edit' -l json -d 'Print the session as a JSON object'

# limber rm ID [--yes]
complete -c limber -n '__limber_under rm' -s y -l yes -d 'Do not ask (needed when stdin is not a terminal)'

# limber pause --from D [--to D] [--reason TEXT] | pause list [--json] | pause rm ID
complete -c limber -n '__limber_is pause' -a list -d 'List the pauses'
complete -c limber -n '__limber_is pause' -a rm -d 'Remove a pause (its days are due again)'
complete -c limber -n '__limber_is pause' -l from -x -a '$__limber_days' -d 'First day of the pause'
complete -c limber -n '__limber_is pause' -l to -x -a '$__limber_days' -d 'Last day, included (default: the --from day)'
complete -c limber -n '__limber_is pause' -l reason -x -d 'Why, for the record'
complete -c limber -n '__limber_is pause list' -l json -d 'Print a JSON array'

# limber stats [NAME] [--weeks N] [--json]
complete -c limber -n '__limber_is stats' -a '(__limber_routine_names)' -d Routine
complete -c limber -n '__limber_under stats' -l weeks -x -d 'Weeks in the window, the current one last (1-5200, default 12)'
complete -c limber -n '__limber_under stats' -l json -d 'Print the figures as one JSON object'

# limber report [NAME] [--weeks N] [--format html|md|json] [-o FILE]
complete -c limber -n '__limber_is report' -a '(__limber_routine_names)' -d Routine
complete -c limber -n '__limber_under report' -l weeks -x -d 'Weeks in the window, the current one last (1-5200, default 12)'
complete -c limber -n '__limber_under report' -l format -x -a 'html md json' -d 'html (default: one printable page), md or json'
complete -c limber -n '__limber_under report' -s o -l output -r -F -d 'Write to FILE (replaced whole) instead of stdout'

# limber export [--format csv|json] [--what sessions|holds] [--since D] [--until D] [-o FILE]
complete -c limber -n '__limber_under export' -l format -x -a 'csv json' -d 'csv (default) or json'
complete -c limber -n '__limber_under export' -l what -x -a 'sessions holds' -d 'sessions (default), or the holds timed in them'
complete -c limber -n '__limber_under export' -l since -x -a '$__limber_days' -d 'First day, included'
complete -c limber -n '__limber_under export' -l until -x -a '$__limber_days' -d 'Last day, included'
complete -c limber -n '__limber_under export' -s o -l output -r -F -d 'Write to FILE (replaced whole) instead of stdout'

# limber import FILE|- [--format csv|json] [--dry-run]
complete -c limber -n '__limber_is import' -F -d 'Export file'
complete -c limber -n '__limber_is import' -a - -d 'Read the export from standard input'
complete -c limber -n '__limber_under import' -l format -x -a 'csv json' -d 'Read it as csv or json (default: told from the file)'
complete -c limber -n '__limber_under import' -l dry-run -d 'Say what would be added and what is present; store nothing'

# limber backup FILE
complete -c limber -n '__limber_is backup' -F -d 'New backup file (must not exist)'

# limber due [NAME]
complete -c limber -n '__limber_is due' -a '(__limber_routine_names)' -d Routine

# limber remind [NAME] [--notify] | remind --crontab HH:MM [NAME] [--notify]
complete -c limber -n '__limber_is remind' -a '(__limber_routine_names)' -d Routine
complete -c limber -n '__limber_under remind' -l notify -d 'Also show it as a desktop notification (notify-send)'
complete -c limber -n '__limber_under remind' -l crontab -x -d 'Print the crontab line that runs it daily at HH:MM'

# limber flag add S[,S...] [--date D] [--json] [--dry-run] | flag list [--json] | flag clear [--note TEXT]
complete -c limber -n '__limber_is flag' -a add -d 'Record a red-flag symptom: every routine is suspended (exit 5)'
complete -c limber -n '__limber_is flag' -a list -d 'List the red flags and clearances, and whether routines are suspended'
complete -c limber -n '__limber_is flag' -a clear -d 'Record that a clinician has cleared you: routines resume'
complete -c limber -n '__limber_under flag add' -a '(__limber_symptoms)'
complete -c limber -n '__limber_under flag add' -l date -x -a '$__limber_days' -d 'The day it began (default: today)'
complete -c limber -n '__limber_under flag add' -l json -d 'Print the safety stop as one JSON object'
complete -c limber -n '__limber_under flag add' -l dry-run -d 'Give the advice; record nothing'
complete -c limber -n '__limber_under flag list' -l json -d 'Print one JSON object'
complete -c limber -n '__limber_under flag clear' -l note -x -d 'Who cleared you, and what they said'

# limber exercises [--level L] [--constraint C,...] [--equipment E,...|none] [--position P] [--json]
complete -c limber -n '__limber_is exercises' -a show -d 'Show one exercise: cues, cautions and sources'
complete -c limber -n '__limber_is exercises' -l level -x -a 'beginner intermediate advanced' -d 'Only exercises for this level'
complete -c limber -n '__limber_is exercises' -l constraint -x \
    -a '(__limber_comma_list pregnant injured acute-strain no-floor back-pain sciatica osteoporosis hip-replacement knee hypermobility seated-only)' \
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
    complete -c limber -n "__limber_is config $sub" -a voice -d 'Whether limber start speaks (on or off)'
end
complete -c limber -n '__limber_is config set week_start' -a 'monday sunday' -d 'First day of the week'
complete -c limber -n '__limber_is config set voice' -a 'on off' -d 'Speak limber start sessions'
