#!/usr/bin/env bash
# The speed benchmark: does limber answer at once on a decade and on a century of daily history?
#
# On scratch databases in a temporary folder (never the user's), with the clock and the zone
# pinned, it generates 10 and 100 years of history (bench/gen_history.py), creates the routine and
# the pauses with limber itself, times `limber import`, then runs hyperfine over the commands a
# user runs, each next to the sqlite3 shell printing the same rows as CSV from the same tables in
# the same hyperfine run, measures peak memory, and prints a markdown table of the results
# against the goals (see bench/README.md).
#
# usage: bench/run.sh [--quick] [--keep DIR] [--check] LIMBER_BINARY
#   --quick     10 years only, fewer runs (under a minute)
#   --keep DIR  leave the imported databases and the generated files in DIR as
#               bench-y10.db, bench-y10.json, bench-y10.pauses (and bench-y100.*)
#   --check     exit 1 when a goal is missed (default: exit 0, the table tells)
set -euo pipefail

usage() { sed -n 's/^# \{0,1\}//; 11,15p' "${BASH_SOURCE[0]}"; }

quick=0
check=0
keep=""
binary=""
while [[ $# -gt 0 ]]; do
    case $1 in
    --quick) quick=1 ;;
    --check) check=1 ;;
    --keep)
        [[ $# -ge 2 ]] || { usage >&2; exit 2; }
        keep=$2
        shift
        ;;
    -h | --help) usage; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *)
        [[ -z $binary ]] || { echo "run.sh: one binary only" >&2; exit 2; }
        binary=$1
        ;;
    esac
    shift
done
[[ -n $binary ]] || { usage >&2; exit 2; }
[[ -x $binary && -f $binary ]] || { echo "run.sh: $binary is not an executable file" >&2; exit 2; }
binary=$(realpath "$binary")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for tool in hyperfine sqlite3 python3; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed and not installed" >&2; exit 2; }
done
if [[ -n $keep ]]; then
    mkdir -p "$keep"
    keep=$(realpath "$keep")
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/limber-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
case $work$binary in
*[\"\\\$\`]*) echo "run.sh: paths with quotes, backslashes or dollars are not supported" >&2; exit 2 ;;
esac

# Pinned: the clock, the zone, no colour; no command may find the user's database.
end_day=2026-11-21
export LIMBER_NOW=${end_day}T09:00:00Z TZ=Europe/Paris NO_COLOR=1
export LIMBER_DB=$work/not-this-one.db XDG_DATA_HOME=$work/xdg HOME=$work/home
mkdir -p "$HOME"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

if ((quick)); then
    sizes=(10)
    runs=(--warmup 1 --runs 5)
else
    sizes=(10 100)
    runs=(--warmup 3 --min-runs 10)
fi

results=$work/results.tsv # command, size, unit, limber mean, limber sd, reference, reference mean, goal, CPU ratio
: >"$results"
log=$work/hyperfine.log
say() { printf '%s\n' "$*" >&2; }

# hyperfine over one limber command and its sqlite3 reference; appends a row to the results.
# usage: pair LABEL SIZE GOAL LIMBER_COMMAND REFERENCE_LABEL REFERENCE_COMMAND [HYPERFINE_OPTION...]
pair() {
    local label=$1 size=$2 goal=$3 mine=$4 ref_label=$5 ref=$6
    shift 6
    local json
    json=$work/hf-$(printf '%s' "$label" | tr -c 'a-z0-9' '-')-y$size.json
    say "  $label  vs  $ref_label"
    if ! hyperfine -N --style basic --output pipe "$@" --export-json "$json" \
        -n limber -n sqlite3 "$mine" "$ref" >>"$log" 2>&1; then
        say "hyperfine failed; its log:"
        tail -n 30 "$log" >&2
        exit 1
    fi
    python3 - "$json" "$label" "$size" "$ref_label" "$goal" >>"$results" <<'EOF'
import json, sys
path, label, size, ref_label, goal = sys.argv[1:]
mine, ref = json.load(open(path))["results"]
cpu = [r["user"] + r["system"] for r in (mine, ref)]
print("\t".join([label, size, "s", repr(mine["mean"]), repr(mine["stddev"] or 0.0), ref_label, repr(ref["mean"]), goal,
                 repr(cpu[0] / cpu[1] if cpu[1] > 0 else float("inf"))]))
EOF
}

# Peak resident memory (KiB) of a command, its output thrown away: the largest of three runs.
peak_kib() {
    local best=0 kib _
    for _ in 1 2 3; do
        if [[ -x /usr/bin/time ]]; then
            /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null
            kib=$(tail -n 1 "$work/rss")
        else
            kib=$(python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@")
        fi
        ((kib > best)) && best=$kib
    done
    echo "$best"
}

# One memory row: LABEL SIZE GOAL REFERENCE_LABEL -- LIMBER_ARGS... -- REFERENCE_ARGS...
memory() {
    local label=$1 size=$2 goal=$3 ref_label=$4
    shift 5
    local mine=() ref=()
    while [[ $1 != -- ]]; do mine+=("$1"); shift; done
    shift
    ref=("$@")
    say "  peak memory: $label"
    local a b
    a=$(peak_kib "${mine[@]}")
    b=$(peak_kib "${ref[@]}")
    printf '%s\t%s\tKiB\t%s\t0\t%s\t%s\t%s\t-\n' "$label" "$size" "$a" "$ref_label" "$b" "$goal" >>"$results"
}

# Both CSVs hold the same rows and fields (sqlite3 quotes more, which CSV readers do not see).
same_csv() {
    python3 - "$1" "$2" <<'EOF'
import csv, sys
a, b = (list(csv.reader(open(p, newline="", encoding="utf-8"))) for p in sys.argv[1:3])
if a != b:
    sys.exit(f"run.sh: {sys.argv[1]} and {sys.argv[2]} differ ({len(a)} and {len(b)} rows)")
EOF
}

# The sqlite3 references: the same tables, the same rows and columns, printed as CSV.
csv_mode=(-csv -header -cmd '.separator , \n')
sql_holds="SELECT s.uuid AS session_uuid, s.day AS date, h.exercise, h.side, h.rep, h.target_s, h.held_s \
FROM sessions s JOIN holds h ON h.session_id = s.id WHERE s.status != 'in_progress' \
ORDER BY s.day, s.started_at, s.id, h.seq"
sql_session_columns="s.uuid, s.day AS date, strftime('%Y-%m-%dT%H:%M:%SZ', s.started_at, 'unixepoch') AS started_at, \
strftime('%Y-%m-%dT%H:%M:%SZ', s.ended_at, 'unixepoch') AS ended_at, s.duration_s, s.routine, s.status, \
s.pain_before, s.pain_after, s.hold_count AS holds, s.hold_seconds, s.note, s.source"
sql_sessions="SELECT $sql_session_columns FROM sessions s WHERE s.status != 'in_progress' ORDER BY s.day, s.started_at, s.id"
sql_hold_columns="h.exercise, h.side, h.rep, h.target_s, h.held_s"
# export --format json: every session with its holds (a session without holds is one row).
sql_nested="SELECT $sql_session_columns, s.zone, $sql_hold_columns \
FROM sessions s LEFT JOIN holds h ON h.session_id = s.id WHERE s.status != 'in_progress' \
ORDER BY s.day, s.started_at, s.id, h.seq"
# history --json: the same plus the short id, newest first, in-progress sessions included.
sql_history="SELECT s.id, $sql_session_columns, s.zone, $sql_hold_columns \
FROM sessions s LEFT JOIN holds h ON h.session_id = s.id \
ORDER BY s.day DESC, s.started_at DESC, s.id DESC, h.seq"
sql_history_20="SELECT s.id, s.day, s.started_at, s.routine, s.status, s.duration_s, s.pain_before, s.pain_after, s.note \
FROM sessions s ORDER BY s.day DESC, s.started_at DESC, s.id DESC LIMIT 20"
sql_stats="SELECT count(*), sum(duration_s), sum(hold_count), sum(hold_seconds) FROM sessions \
WHERE routine = 'default' AND status = 'completed'"
sql_in_tables="CREATE TABLE sessions_in (uuid TEXT, date TEXT, started_at TEXT, ended_at TEXT, duration_s INTEGER, \
routine TEXT, status TEXT, pain_before INTEGER, pain_after INTEGER, holds INTEGER, hold_seconds INTEGER, note TEXT, \
source TEXT); CREATE TABLE holds_in (session_uuid TEXT, date TEXT, exercise TEXT, side TEXT, rep INTEGER, \
target_s INTEGER, held_s INTEGER);"

for years in "${sizes[@]}"; do
    first_day=$(python3 -c 'import sys, datetime as d
e = d.date.fromisoformat(sys.argv[1]); y = int(sys.argv[2])
try: print(e.replace(year=e.year - y))
except ValueError: print(e.replace(year=e.year - y, day=28))' "$end_day" "$years")
    file=$work/y$years.json
    pauses=$work/y$years.pauses
    base=$work/y$years-base.db
    db=$work/y$years.db
    say "== $years years ($first_day to $end_day)"
    python3 "$here/gen_history.py" --years "$years" --end "$end_day" --seed 9 --zone "$TZ" \
        --pauses "$pauses" -o "$file" 2>"$work/gen-y$years.txt"
    say "  $(cat "$work/gen-y$years.txt")"
    # Every exercise of the history is one of the library's.
    "$binary" exercises --json >"$work/exercises.json"
    python3 - "$work/exercises.json" "$file" <<'EOF'
import json, sys
known = {e["id"] for e in json.load(open(sys.argv[1]))}
used = {h["exercise"] for s in json.load(open(sys.argv[2], encoding="utf-8")) for h in s["holds"]}
if used - known:
    sys.exit(f"run.sh: exercises not in the library: {sorted(used - known)}")
EOF

    # The routine exists from the first day; the pauses are limber's own.
    LIMBER_NOW=${first_day}T06:00:00Z "$binary" --db "$base" plan --level beginner -q >/dev/null
    while IFS=$'\t' read -r from to reason; do
        if [[ -n $reason ]]; then
            "$binary" --db "$base" pause --from "$from" --to "$to" --reason "$reason" -q >/dev/null
        else
            "$binary" --db "$base" pause --from "$from" --to "$to" -q >/dev/null
        fi
    done <"$pauses"

    # import: each run starts from the database with the routine and the pauses only. The
    # reference loads the same sessions and holds, as CSV, into tables of the same columns.
    cp "$base" "$db"
    "$binary" --db "$db" import "$file" -q
    "$binary" --db "$db" export >"$work/y$years-sessions.csv"
    "$binary" --db "$db" export --what holds >"$work/y$years-holds.csv"
    "$binary" --db "$db" export --format json >"$work/y$years-export.json"
    cmp -s "$file" "$work/y$years-export.json" ||
        { say "run.sh: export --format json does not give back the imported file"; exit 1; }
    ref_base=$work/y$years-ref-base.db
    sqlite3 "$ref_base" "$sql_in_tables"
    import_goal=-
    [[ $years == 10 ]] && import_goal="s<=2"
    if ((quick)) || [[ $years == 10 ]]; then import_runs=(--warmup 1 --runs 5); else import_runs=(--runs 3); fi
    pair "import FILE (json)" "$years" "$import_goal" \
        "\"$binary\" --db \"$work/scratch.db\" import \"$file\" -q" \
        "sqlite3 .import of the sessions and holds CSV" \
        "sqlite3 \"$work/ref-scratch.db\" \".import --csv --skip 1 $work/y$years-sessions.csv sessions_in\" \".import --csv --skip 1 $work/y$years-holds.csv holds_in\"" \
        "${import_runs[@]}" --prepare "cp \"$base\" \"$work/scratch.db\"" --prepare "cp \"$ref_base\" \"$work/ref-scratch.db\""

    # The references print what limber prints (checked here), so the ratio compares like with like.
    sqlite3 "${csv_mode[@]}" "$db" "$sql_holds" >"$work/ref-holds.csv"
    same_csv "$work/y$years-holds.csv" "$work/ref-holds.csv"
    sqlite3 "${csv_mode[@]}" "$db" "$sql_sessions" >"$work/ref-sessions.csv"
    same_csv "$work/y$years-sessions.csv" "$work/ref-sessions.csv"

    limber="\"$binary\" --db \"$db\""
    sq="sqlite3 -csv -header -cmd '.separator , \\n' \"$db\""
    stats_goal="s<=0.010"
    [[ $years == 100 ]] && stats_goal="s<=0.100"
    # --version reads no database: once is enough.
    [[ $years == "${sizes[0]}" ]] &&
        pair "--version" "-" "x<=2" "\"$binary\" --version" "sqlite3 --version" "sqlite3 --version" "${runs[@]}"
    pair "stats --json" "$years" "$stats_goal" "$limber stats --json" \
        "sqlite3 totals of the routine (1 row)" "$sq \"$sql_stats\"" "${runs[@]}"
    # bare limber reads what stats reads, for every routine: no slower than stats
    pair "(no command)" "$years" "$stats_goal" "$limber" \
        "sqlite3 totals of the routine (1 row)" "$sq \"$sql_stats\"" "${runs[@]}"
    pair "report" "$years" "-" "$limber report" \
        "sqlite3 totals of the routine (1 row)" "$sq \"$sql_stats\"" "${runs[@]}"
    pair "report --format json" "$years" "-" "$limber report --format json" \
        "sqlite3 totals of the routine (1 row)" "$sq \"$sql_stats\"" "${runs[@]}"
    pair "history --json" "$years" "-" "$limber history --json" \
        "sqlite3 CSV of sessions LEFT JOIN holds, newest first" "$sq \"$sql_history\"" "${runs[@]}"
    pair "history --limit 20" "$years" "-" "$limber history --limit 20" \
        "sqlite3 CSV of the 20 newest sessions" "$sq \"$sql_history_20\"" "${runs[@]}"
    pair "export" "$years" "-" "$limber export" \
        "sqlite3 CSV of the same sessions" "$sq \"$sql_sessions\"" "${runs[@]}"
    pair "export --what holds" "$years" "x<=1" "$limber export --what holds" \
        "sqlite3 CSV of the same holds" "$sq \"$sql_holds\"" "${runs[@]}"
    pair "export --format json" "$years" "-" "$limber export --format json" \
        "sqlite3 CSV of sessions LEFT JOIN holds" "$sq \"$sql_nested\"" "${runs[@]}"

    memory "export" "$years" "KiB<=20480" "sqlite3 CSV of the same sessions" -- \
        "$binary" --db "$db" export -- sqlite3 "${csv_mode[@]}" "$db" "$sql_sessions"
    memory "export --what holds" "$years" "KiB<=20480" "sqlite3 CSV of the same holds" -- \
        "$binary" --db "$db" export --what holds -- sqlite3 "${csv_mode[@]}" "$db" "$sql_holds"
    memory "export --format json" "$years" "KiB<=20480" "sqlite3 CSV of sessions LEFT JOIN holds" -- \
        "$binary" --db "$db" export --format json -- sqlite3 "${csv_mode[@]}" "$db" "$sql_nested"
    memory "stats --json" "$years" "-" "sqlite3 totals of the routine (1 row)" -- \
        "$binary" --db "$db" stats --json -- sqlite3 "${csv_mode[@]}" "$db" "$sql_stats"
    memory "history --json" "$years" "-" "sqlite3 CSV of sessions LEFT JOIN holds, newest first" -- \
        "$binary" --db "$db" history --json -- sqlite3 "${csv_mode[@]}" "$db" "$sql_history"
    cp "$base" "$work/scratch.db"
    cp "$ref_base" "$work/ref-scratch.db"
    # Each run imports into a fresh copy; $1... are the arguments of bash -c, not of this script.
    # shellcheck disable=SC2016
    memory "import FILE (json)" "$years" "-" "sqlite3 .import of the sessions and holds CSV" -- \
        bash -c 'cp "$1" "$2" && exec "$3" --db "$2" import "$4" -q' import "$base" "$work/scratch.db" "$binary" "$file" -- \
        bash -c 'cp "$1" "$2" && exec sqlite3 "$2" ".import --csv --skip 1 $3 sessions_in" ".import --csv --skip 1 $4 holds_in"' \
        ref "$ref_base" "$work/ref-scratch.db" "$work/y$years-sessions.csv" "$work/y$years-holds.csv"

    if [[ -n $keep ]]; then
        sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
        cp "$db" "$keep/bench-y$years.db"
        cp "$file" "$keep/bench-y$years.json"
        cp "$pauses" "$keep/bench-y$years.pauses"
        say "  kept $keep/bench-y$years.db, .json and .pauses"
    fi
done

# The machine, the build and the table.
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
debian=$(cat /etc/debian_version 2>/dev/null || echo "not Debian")
commit=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ $commit != unknown && -n $(git -C "$here/.." status --porcelain -- src include CMakeLists.txt schemas 2>/dev/null) ]]; then
    commit="$commit (the working tree also has uncommitted changes to the sources)"
fi
printf 'Machine: %s cores, %s, Linux %s, Debian %s. Date: %s. Checkout: %s. %s, %s, %s. ' \
    "$(nproc)" "${cpu:-unknown CPU}" "$(uname -r)" "$debian" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit" \
    "$("$binary" --version)" "$(hyperfine --version)" "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
printf 'Load average (1, 5, 15 min) at the start: %s, at the end: %s.\n\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$results" "$check" <<'EOF'
import sys

path, check = sys.argv[1], sys.argv[2] == "1"

def seconds(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"

def mib(kib):
    return f"{kib / 1024:.1f} MiB"

rows, missed, references = [], [], {}
for line in open(path, encoding="utf-8"):
    label, size, unit, mean, sd, ref_label, ref_mean, goal, cpu_ratio = line.rstrip("\n").split("\t")
    cpu_text = "—" if cpu_ratio == "-" else f"{float(cpu_ratio):.2f}"
    mean, sd, ref_mean = float(mean), float(sd), float(ref_mean)
    ratio = mean / ref_mean if ref_mean > 0 else float("inf")
    command = f"`limber {label}` peak memory" if unit == "KiB" else f"`limber {label}`"
    references.setdefault(command, ref_label)
    if unit == "KiB":
        mine, ref = mib(mean), mib(ref_mean)
    else:
        mine, ref = f"{seconds(mean)} ± {seconds(sd)}", seconds(ref_mean)
    verdict, goal_text = "—", "—"
    if goal != "-":
        kind, limit = goal.split("<=")
        limit = float(limit)
        if kind == "x":
            goal_text, met = f"ratio ≤ {limit:g}", ratio <= limit
        elif kind == "s":
            goal_text, met = f"≤ {seconds(limit)}", mean <= limit
        else:
            goal_text, met = f"≤ {mib(limit)}", mean <= limit
        verdict = "met" if met else "**missed**"
        if not met:
            shown = f"{mine}, ratio {ratio:.2f}" if kind == "x" else mine
            missed.append(f"{command} on {size} years: {shown} (goal {goal_text})")
    size_text = "—" if size == "-" else f"{size} years"
    rows.append(f"| {command} | {size_text} | {mine} | {ref} | {ratio:.2f} | {goal_text} | {verdict} | {cpu_text} |")

print("| command | size | limber mean ± σ | sqlite3 reference mean | ratio | goal | met | CPU ratio |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
print("\n".join(rows))
print()
print("The sqlite3 references (the same database, the same rows and columns, printed as CSV by the sqlite3 shell):")
for command, ref_label in references.items():
    print(f"- {command}: {ref_label}")
print()
print("ratio: limber's mean wall-clock time (or peak memory) over the sqlite3 reference's, in the same hyperfine run; "
      "the goals are judged on it and on the means. CPU ratio: the same for user + system CPU time, which other "
      "work on the machine disturbs less.")
print()
print("Goals missed: " + ("; ".join(missed) if missed else "none") + ".")
sys.exit(1 if check and missed else 0)
EOF
