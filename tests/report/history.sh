#!/usr/bin/env bash
# history.sh LIMBER: twelve weeks of one person's daily routine, in the database $LIMBER_DB
# (TZ is UTC): planned on Monday 2026-09-07, ending on Saturday 2026-11-28 with today not yet
# done. Sessions rated before and after with pain easing from 6 to 1, a session a week skipped
# ("long shift"), one missed, three notes, one flare (pain 5 before, 7 after), a pause for
# travel, and a fever reported and then cleared by a GP. What the report and README show.
set -euo pipefail
limber=$1
export TZ=UTC
LIMBER_NOW=2026-09-07T08:00:00Z "$limber" plan --level beginner --constraint back-pain -q >/dev/null
day=2026-09-07
i=0
while [ "$day" != 2026-11-28 ]; do
  before=$((6 - i / 16))
  after=$((before - 1))
  case $((i % 9)) in
    4) LIMBER_NOW=${day}T20:00:00Z "$limber" log --skip --date "$day" --reason "long shift" -q >/dev/null ;;
    7) ;;  # missed
    *)
      extra=()
      [ $((i % 20)) = 3 ] && extra=(--note "hamstrings felt tight after the drive")
      [ "$i" = 30 ] && after=$((before + 2))
      LIMBER_NOW=${day}T20:00:00Z "$limber" log --date "$day" --time 07:30 --minutes 11 \
        --pain-before "$before" --pain-after "$after" "${extra[@]}" -q >/dev/null
      ;;
  esac
  i=$((i + 1))
  day=$(date -u -d "$day + 1 day" +%F)
done
LIMBER_NOW=2026-10-10T10:00:00Z "$limber" pause --from 2026-10-12 --to 2026-10-14 --reason travel -q >/dev/null
LIMBER_NOW=2026-10-20T10:00:00Z "$limber" flag add fever --date 2026-10-20 -q >/dev/null || [ $? = 5 ]
LIMBER_NOW=2026-10-22T10:00:00Z "$limber" flag clear --note "GP: viral, fine to stretch" -q >/dev/null
