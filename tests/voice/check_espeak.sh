#!/usr/bin/env bash
# A real synthesizer can say every utterance of `start --voice` in its time: for routines of
# every kind, each utterance is rendered by espeak-ng to a WAV file and measured with sox. It
# must not be silent, and it must end before the next utterance is due.
# usage: check_espeak.sh TIMELINE_TOOL LIMBER   (exits 77, a skip, without espeak-ng or sox)
set -euo pipefail
timeline=${1:?usage: $0 TIMELINE_TOOL LIMBER}
limber=${2:?usage: $0 TIMELINE_TOOL LIMBER}
for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (apt-get install espeak-ng sox)"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a Monday: strength days carry their strength block
export LIMBER_DB=$work/limber.db TZ=UTC LIMBER_NOW=2026-11-23T07:30:00Z

plans=(
  "beginner-5 --level beginner --minutes 5"
  "beginner --level beginner"
  "advanced --level advanced --minutes 30 --equipment chair,wall,step,strap"
  "floor --level intermediate --minutes 20 --equipment strap,chair,wall"
  "pregnant --level beginner --constraint pregnant --minutes 15"
  "no-floor --level intermediate --constraint no-floor --minutes 20"
  "sciatica --level beginner --constraint sciatica,back-pain --minutes 15 --equipment strap,chair,wall"
  "seated --level beginner --constraint seated-only --minutes 10"
  "older --level beginner --age 72 --minutes 15"
  "strain --level beginner --constraint acute-strain --minutes 10"
)
checked=0 failed=0
for plan in "${plans[@]}"; do
  read -r -a args <<<"$plan"
  name=${args[0]}
  "$limber" plan "${args[@]}" -q >/dev/null
  "$timeline" "$LIMBER_DB" "$name" >"$work/$name.tsv"
  [ -s "$work/$name.tsv" ] || { echo "FAIL: routine $name: no utterances"; exit 1; }
  n=$(wc -l <"$work/$name.tsv")
  # each different utterance once, with the shortest time it is given
  awk -F'\t' '!($3 in gap) || $2 < gap[$3] { if (!($3 in gap)) order[++k] = $3; gap[$3] = $2; at[$3] = $1 }
               END { for (i = 1; i <= k; i++) printf "%s\t%s\t%s\n", at[order[i]], gap[order[i]], order[i] }' \
    "$work/$name.tsv" >"$work/$name.unique"
  while IFS=$'\t' read -r at gap words; do
    wav=$work/u.wav
    espeak-ng -w "$wav" -- "$words"
    stat=$(sox "$wav" -n stat 2>&1)
    length=$(awk '/^Length/ {print $3}' <<<"$stat")
    rms=$(awk '/^RMS +amplitude/ {print $3}' <<<"$stat")
    checked=$((checked + 1))
    if ! awk -v l="$length" -v g="$gap" -v r="$rms" 'BEGIN { exit !(l > 0 && l < g && r > 0.001) }'; then
      echo "FAIL: routine $name at ${at} s: said in ${length} s (RMS ${rms}), the next words come ${gap} s later: $words"
      failed=$((failed + 1))
    fi
  done <"$work/$name.unique"
  echo "routine $name: $n utterances, $(wc -l <"$work/$name.unique") different"
done
echo "$checked different utterances rendered by espeak-ng, $failed too long or silent"
[ "$failed" -eq 0 ]
