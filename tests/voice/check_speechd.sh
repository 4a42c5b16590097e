#!/usr/bin/env bash
# start --voice through a real speech-dispatcher: a daemon started headless for the test (ALSA's
# null device, and a generic output module that writes each message to a file instead of a
# sound card) is found by its socket and preferred to espeak-ng, and the session's words reach it.
# usage: check_speechd.sh LIMBER   (exits 77, a skip, without speech-dispatcher or spd-say)
set -euo pipefail
limber=${1:?usage: $0 LIMBER}
for tool in speech-dispatcher spd-say; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (apt-get install speech-dispatcher)"; exit 77; }
done
[ -e /usr/lib/speech-dispatcher-modules/sd_generic ] || { echo "SKIP: speech-dispatcher's generic module is missing"; exit 77; }
work=$(mktemp -d)
daemon=
# shellcheck disable=SC2317  # run by the trap
cleanup() {
  if [ -n "$daemon" ]; then kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/conf/modules" "$work/run"
cat >"$work/conf/speechd.conf" <<CONF
AudioOutputMethod "alsa"
AudioALSADevice "null"
AddModule "recorder" "sd_generic" "recorder.conf"
DefaultModule recorder
DefaultLanguage "en"
CONF
cat >"$work/conf/modules/recorder.conf" <<CONF
GenericExecuteSynth "echo \'\$DATA\' >> $work/spoken.txt"
AddVoice "en" "male1" "recorder"
DefaultVoice "recorder"
CONF
socket=$work/run/speechd.sock
speech-dispatcher -s -t 0 -C "$work/conf" -c unix_socket -S "$socket" -P "$work/pid" -L "$work" -l 2 >"$work/daemon.log" 2>&1 &
daemon=$!
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
[ -S "$socket" ] || { echo "FAIL: speech-dispatcher did not open $socket"; cat "$work/daemon.log"; exit 1; }

export LIMBER_DB=$work/limber.db TZ=UTC LIMBER_NOW=2026-11-21T07:30:00Z SPEECHD_ADDRESS=unix_socket:$socket
unset LIMBER_SPEAK
"$limber" plan --level beginner --minutes 5 -q >/dev/null
"$limber" start --voice --hold 1 --rest 1 </dev/null >"$work/out.txt" 2>"$work/err.txt"
fail=0
check() { if grep -qF -- "$2" "$work/spoken.txt" 2>/dev/null; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }
check "the opening reached speech-dispatcher" "Routine default: 9 holds, about"
check "a change of position reached it" "Get into position: Seated knee-extension stretch"
check "the end reached it" "Done, 9 of 9 holds, 9 seconds held."
check "a side reached it" "Switch to the right side."
if [ -s "$work/err.txt" ]; then echo "FAIL: stderr: $(cat "$work/err.txt")"; fail=1; else echo "ok: nothing on stderr"; fi
if grep -q "^done: " "$work/out.txt"; then echo "ok: the session completed"; else echo "FAIL: no done line"; fail=1; fi
if [ "$fail" -ne 0 ]; then
  echo "--- spoken:"; cat "$work/spoken.txt" 2>/dev/null || true
  echo "--- daemon:"; tail -20 "$work/daemon.log"
fi
exit "$fail"
