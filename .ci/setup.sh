# shellcheck shell=bash
# Shared by .ci/demo and .ci/run (sourced): install what is missing from Debian's packages,
# then configure and build limber into $LIMBER_BUILD (default: build).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

limber_packages=(
  g++ cmake make pkg-config
  libcli11-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev libhowardhinnant-date-dev
  nlohmann-json3-dev catch2 tzdata
  sqlite3 mandoc bash-completion zsh fish
  python3 python3-jsonschema
  dpkg-dev file
  espeak-ng sox speech-dispatcher speech-dispatcher-espeak-ng  # start --voice: a real synthesizer, sox to measure it, the daemon
  chromium poppler-utils fonts-dejavu-core  # report: a real browser prints the HTML, pdfinfo and pdftotext read the PDF
)
# The fuzz targets (.ci/run): clang with its libFuzzer and sanitizer runtimes, llvm's symbolizer.
if [ "${LIMBER_FUZZ_TOOLS:-0}" = 1 ]; then
  limber_packages+=(clang libclang-rt-14-dev llvm-14)
fi

install_missing_packages() {
  local missing=() pkg
  for pkg in "${limber_packages[@]}"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != "installed" ]; then
      missing+=("$pkg")
    fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build DIR TARGET [cmake options...]   (TARGET "all" builds everything)
build() {
  local dir=$1 target=$2
  shift 2
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" --target "$target" -j "$(nproc)"
}

install_missing_packages
