#!/usr/bin/env bash
# check_browser.sh LIMBER SOURCE_DIR: a real browser reads the HTML report of twelve weeks.
# Headless Chromium (no network: every host name fails to resolve, and a proxy that answers
# nothing) prints it to PDF and takes a screenshot; the test checks that
# - the PDF has 1 or 2 pages, each A4;
# - its text (pdftotext) holds the adherence, streak and pain figures of `stats --json`;
# - the page asked for nothing over the network (Chromium's net log: no request made by the
#   page), and that this check does catch a page that does (a planted <img>);
# - the screenshot is a real PNG of the page.
# LIMBER_REPORT_SCREENSHOT=FILE keeps the screenshot (docs/report.png is one). Exits 77
# (skipped) when chromium, pdftotext, pdfinfo or python3 is missing.
set -euo pipefail
limber=$1
source_dir=$2
for tool in chromium pdftotext pdfinfo python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "skipped: $tool is not installed (Debian: chromium, poppler-utils, python3)"
    exit 77
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work LIMBER_DB=$work/limber.db TZ=UTC NO_COLOR=1
unset XDG_DATA_HOME LIMBER_SPEAK
bash "$source_dir/tests/report/history.sh" "$limber"
export LIMBER_NOW=2026-11-28T09:00:00Z
"$limber" report -o "$work/report.html" -q
python3 "$source_dir/tests/report/check_html.py" "$work/report.html"
"$limber" stats --json > "$work/stats.json"

browse() {  # browse PROFILE ARGS... : a fresh profile, no network, no background traffic
  local profile=$1
  shift
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --host-resolver-rules="MAP * ~NOTFOUND" \
    --proxy-server=http://127.0.0.1:9 --user-data-dir="$work/$profile" "$@" >"$work/$profile.log" 2>&1 ||
    { cat "$work/$profile.log"; echo "chromium failed"; exit 1; }
}

# what the page itself asked for over the network: requests of the file:// page, not Chromium's own
page_requests() {
  python3 - "$1" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
for event in log["events"]:
    params = event.get("params", {})
    if names.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
        continue
    by_page = params.get("initiator") != "not an origin" or params.get("network_isolation_key", "").startswith("file:")
    if by_page and not params["url"].startswith(("file:", "data:")):
        print(params["url"])
PY
}

browse print --no-pdf-header-footer --log-net-log="$work/net.json" --print-to-pdf="$work/report.pdf" \
  "file://$work/report.html"
browse shot --window-size=1000,1400 --hide-scrollbars --screenshot="$work/report.png" "file://$work/report.html"

fetched=$(page_requests "$work/net.json")
if [ -n "$fetched" ]; then
  echo "the report fetched: $fetched"
  exit 1
fi
# the net-log check sees a page that does fetch
sed 's|<body>|<body><img src="http://limber.invalid/planted.png" alt="">|' "$work/report.html" >"$work/planted.html"
browse planted --log-net-log="$work/planted.json" --print-to-pdf="$work/planted.pdf" "file://$work/planted.html"
if ! page_requests "$work/planted.json" | grep -q "limber.invalid/planted.png"; then
  echo "the net-log check missed a planted image"
  exit 1
fi
if python3 "$source_dir/tests/report/check_html.py" "$work/planted.html" >/dev/null; then
  echo "check_html.py passed a page with an external image"
  exit 1
fi

pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ {print $2}')
if [ "$pages" -lt 1 ] || [ "$pages" -gt 2 ]; then
  echo "the report prints on $pages pages, not 1 or 2"
  exit 1
fi
# A4 is 595 x 842 points
pdfinfo -f 1 -l "$pages" "$work/report.pdf" | awk '/^Page +[0-9]+ size:/ {
  if ($4 < 593 || $4 > 597 || $6 < 840 || $6 > 844) { print "page " $2 " is " $4 " x " $6 " pt, not A4"; bad = 1 }
  n++ } END { if (n == 0) { print "no page sizes"; bad = 1 } exit bad }'

pdftotext -layout "$work/report.pdf" "$work/report.txt"
python3 - "$work/stats.json" "$work/report.txt" <<'PY'
import json, sys
stats = json.load(open(sys.argv[1]))
text = " ".join(open(sys.argv[2], encoding="utf-8").read().split())

def figure(value):  # as limber prints a figure: one decimal, no needless ".0"
    r = round(value * 10) / 10
    return str(int(r)) if r == int(r) else f"{r:.1f}"

a, p, s = stats["adherence"], stats["pain"], stats["streak"]
wanted = [
    f"{a['done']} of {a['due']} due days done in the last {a['weeks']} weeks ({round(a['rate'] * 100)}%)",  # the routine is 12 weeks old
    f"{s['current']} days, longest {s['longest']} days",
    f"before sessions {figure(p['first_avg'])} → {figure(p['last_avg'])}",
    f"({p['sessions_rated']} sessions rated)",
    f"{p['flares']} flare",
]
for week in a["weekly"]:
    if week["due"]:
        wanted.append(f"{week['week']} {week['from']} {week['done']} of {week['due']}")
missing = [w for w in wanted if w not in text]
if missing:
    print("the printed report lacks:", *missing, sep="\n  ")
    sys.exit(1)
PY

if [ "$(head -c 8 "$work/report.png" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ] ||
   [ "$(stat -c %s "$work/report.png")" -lt 20000 ]; then
  echo "the screenshot is not a PNG of the page"
  exit 1
fi
if [ -n "${LIMBER_REPORT_SCREENSHOT:-}" ]; then cp "$work/report.png" "$LIMBER_REPORT_SCREENSHOT"; fi
echo "ok: $pages A4 pages, the figures of stats --json in their text, nothing fetched"
