#!/usr/bin/env bash
# Runs every libFuzzer target of a -DLIMBER_FUZZ=ON build: first its regression inputs
# (tests/fuzz/regressions/TARGET, each run once), then SECONDS of fuzzing on a copy of its seed
# corpus (tests/fuzz/corpus/TARGET), so that nothing in the repository is written. Stops at the
# first finding and exits 1; the input that found it is kept in BUILD_DIR/fuzz-artifacts/TARGET.
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS
set -euo pipefail

if [ "$#" -ne 2 ] || ! [[ $2 =~ ^[0-9]+$ ]]; then
  echo "usage: $0 BUILD_DIR SECONDS" >&2
  exit 2
fi
build=$1
seconds=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
targets=(dates csv import cli)

for target in "${targets[@]}"; do
  if ! [ -x "$build/tests/fuzz/fuzz_$target" ]; then
    echo "$build/tests/fuzz/fuzz_$target is missing: configure with CXX=clang++ -DLIMBER_FUZZ=ON and build it" >&2
    exit 2
  fi
done

# fuzz_cli keeps its database in TMPDIR; in memory it runs about twice as many inputs a second
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi
# undefined behaviour stops the run even in a build that lets it recover
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# stack traces with file and line: Debian names the symbolizer llvm-symbolizer-14 without the llvm package
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && ! command -v llvm-symbolizer >/dev/null; then
  for symbolizer in /usr/bin/llvm-symbolizer-[0-9]*; do
    [ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer
  done
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/limber-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

# fail TARGET LOG: show what libFuzzer reported and stop
fail() {
  echo "fuzz_$1 found a problem:" >&2
  tail -n 60 "$2" >&2
  echo "the input is kept in $artifacts; replay it with $build/tests/fuzz/fuzz_$1 FILE" >&2
  exit 1
}

for target in "${targets[@]}"; do
  fuzzer=$build/tests/fuzz/fuzz_$target
  artifacts=$build/fuzz-artifacts/$target
  mkdir -p "$artifacts" "$work/$target"
  options=(-artifact_prefix="$artifacts/" -timeout=30 -rss_limit_mb=2048)

  regressions=()
  for file in "$here/regressions/$target"/*; do
    [ -f "$file" ] && regressions+=("$file")
  done
  if [ "${#regressions[@]}" -gt 0 ]; then
    echo "== fuzz_$target: ${#regressions[@]} regression input(s)"
    "$fuzzer" "${options[@]}" "${regressions[@]}" >"$work/$target/replay.log" 2>&1 || fail "$target" "$work/$target/replay.log"
  fi

  echo "== fuzz_$target: $seconds s"
  cp -R "$here/corpus/$target" "$work/$target/corpus"
  "$fuzzer" "${options[@]}" -max_total_time="$seconds" -print_final_stats=1 "$work/$target/corpus" \
    >"$work/$target/fuzz.log" 2>&1 || fail "$target" "$work/$target/fuzz.log"
  grep -E '^(Done|stat::(number_of_executed_units|average_exec_per_sec|new_units_added))' "$work/$target/fuzz.log" | sed 's/^/   /'
done
echo "== no findings"
