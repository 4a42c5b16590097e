#!/usr/bin/env bash
# Builds the .deb of the build in $1 with cpack and checks it: its fields and dependencies
# (each one a package Debian has installed here), every file in Debian's places, the md5sums,
# and the packed binary running. With LIMBER_TEST_DEB_INSTALL=1, as root, it is also
# installed with dpkg, run from /usr/bin, and removed again.
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAILED: $1"; }
expect() {  # expect DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi
}

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >/dev/null 2>&1)
deb=$(echo "$work"/out/limber_*_amd64.deb)
if [ -f "$deb" ]; then ok "cpack -G DEB made $(basename "$deb")"; else bad "cpack made no .deb"; exit 1; fi

field() { dpkg-deb -f "$deb" "$1"; }
expect "Package is limber" test "$(field Package)" = limber
expect "Section is utils" test "$(field Section)" = utils
expect "Version is the project's ($("$build/limber" --version))" test "limber $(field Version)" = "$("$build/limber" --version)"
# The package names of Depends, one per line.
names=$(field Depends | tr ',' '\n' | awk '{print $1}')
for needed in tzdata libc6 libstdc++6 libsqlite3-0 libfmt9; do
  expect "Depends names $needed" grep -qxF "$needed" <<<"$names"
done
# limber reads the zone files of tzdata itself (src/time/tzif.cpp); date's tz library is not loaded
expect "Depends does not name libdate-tz3" bash -c '! grep -qxF libdate-tz3 <<<"$1"' _ "$names"
# start --voice's speech is optional: recommended, never a dependency
expect "Recommends speech-dispatcher | espeak-ng" test "$(field Recommends)" = "speech-dispatcher | espeak-ng"
for optional in speech-dispatcher espeak-ng libspeechd2; do
  expect "Depends does not name $optional" bash -c '! grep -qxF "$2" <<<"$1"' _ "$names" "$optional"
done
# Every dependency is a package Debian installed on this machine, so dpkg -i finds them all.
for name in $names; do
  expect "dependency $name is installed here" test "$(dpkg-query -W -f='${db:Status-Status}' "$name" 2>/dev/null)" = installed
done

dpkg-deb -x "$deb" "$work/root"
for file in usr/bin/limber usr/share/bash-completion/completions/limber usr/share/zsh/vendor-completions/_limber \
            usr/share/fish/vendor_completions.d/limber.fish; do
  expect "/$file is in the package" test -f "$work/root/$file"
done
for page in "$(dirname "$0")"/../../man/*.1; do
  expect "/usr/share/man/man1/$(basename "$page").gz is in the package" test -f "$work/root/usr/share/man/man1/$(basename "$page").gz"
done
expect "no zsh completion outside zsh's Debian path" test ! -e "$work/root/usr/share/zsh/site-functions"
mkdir "$work/control"
dpkg-deb -e "$deb" "$work/control"
expect "every file matches the package's md5sums" bash -c "cd '$work/root' && md5sum --quiet -c '$work/control/md5sums'"
expect "the packed man page reads" bash -c "zcat '$work/root/usr/share/man/man1/limber.1.gz' | mandoc -T utf8 | grep -q limber"
export LIMBER_DB="$work/scratch.db" HOME="$work" TZ=UTC LIMBER_NOW=2026-11-21T07:30:00Z
expect "the packed binary plans a routine" bash -c "'$work/root/usr/bin/limber' plan --level beginner | grep -q 'Saved as routine'"

if [ "${LIMBER_TEST_DEB_INSTALL:-}" = 1 ] && [ "$(id -u)" -eq 0 ]; then
  if dpkg -i "$deb" >/dev/null; then
    ok "dpkg -i installs it"
    expect "the installed /usr/bin/limber runs" bash -c "/usr/bin/limber plan show | grep -q 'Routine \"default\"'"
    expect "dpkg -L lists the man page" bash -c "dpkg -L limber | grep -q /usr/share/man/man1/limber-plan.1.gz"
    if dpkg -r limber >/dev/null; then ok "dpkg -r removes it"; else bad "dpkg -r limber"; fi
  else
    bad "dpkg -i $deb"
  fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
