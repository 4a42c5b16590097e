#!/usr/bin/env bash
# Installs the build in $1 into a temporary prefix and checks every file, then runs the
# installed binary.
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null

passed=0 failed=0
check() {
  if [ -e "$prefix/$1" ]; then
    passed=$((passed + 1)); echo "ok: $1"
  else
    failed=$((failed + 1)); echo "MISSING: $1"
  fi
}
check bin/limber
for page in limber limber-plan limber-start limber-log limber-history limber-edit limber-rm limber-pause limber-stats limber-report limber-export limber-import limber-backup limber-due limber-remind limber-exercises limber-config limber-flag; do check "share/man/man1/$page.1"; done
check share/bash-completion/completions/limber
check share/zsh/site-functions/_limber
check share/fish/vendor_completions.d/limber.fish

if out=$(HOME="$prefix" "$prefix/bin/limber" --version) && [ "${out#limber }" != "$out" ]; then
  passed=$((passed + 1)); echo "ok: the installed binary runs ($out)"
else
  failed=$((failed + 1)); echo "FAILED: the installed binary does not run"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
