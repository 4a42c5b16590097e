#!/usr/bin/env bash
# Measures how far a real guided session drifts from its schedule: runs `limber start` without a
# terminal on a scratch database, stamps every line as it arrives, and compares the moment each
# hold ends ("held" lines) and the session ends ("done:") with the time the timing model gives.
# With SPEECH, the session is spoken (--voice) through LIMBER_SPEAK=SPEECH: a slow speech command
# ('cat >/dev/null; sleep 3') shows that words are lost, not seconds.
# usage: bench/timer_drift.sh LIMBER_BINARY [HOLD_S REST_S [SPEECH]]   (defaults 10 5: about 2 minutes)
set -euo pipefail
binary=${1:?usage: $0 LIMBER_BINARY [HOLD_S REST_S [SPEECH]]}
hold=${2:-10}
rest=${3:-5}
voice=()
if [ -n "${4:-}" ]; then
  voice=(--voice)
  export LIMBER_SPEAK=$4
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LIMBER_DB=$work/limber.db TZ=UTC
"$binary" plan --level beginner --minutes 5 -q >/dev/null
"$binary" start --hold "$hold" --rest "$rest" "${voice[@]}" </dev/null |
    while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done >"$work/stamped"
# Expected end of each step: the sum of the step lengths so far, from the first line's stamp.
awk -v hold="$hold" '
    NR == 1 { start = $1; next }
    {
        text = substr($0, index($0, " ") + 1)
        if (match(text, /^(hold|set|rest|get ready|next|switch to the [a-z]+ side) /)) {
            n = split(text, words, " ")
            for (i = 1; i <= n; i++) if (words[i] == "s" || words[i] == "s:") { expected += words[i - 1]; break }
        }
        if (text ~ /^held / || text ~ /^done:/) {
            drift = ($1 - start) - expected
            if (text ~ /^done:/) final = drift
            if (drift > worst) worst = drift
            if (drift < best || best == "") best = drift
            count++
        }
    }
    END {
        printf "session length %d s, %d checkpoints\n", expected, count
        printf "drift at the end: %+.1f ms; over all checkpoints: %+.1f to %+.1f ms\n", final * 1000, best * 1000, worst * 1000
    }' "$work/stamped"
