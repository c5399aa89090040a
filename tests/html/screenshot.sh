#!/bin/sh
# screenshot.sh QCODE PNG_CHECK SRC: renders the sample corpus's report in
# headless Chromium and checks the picture (tests/html/png_check.c):
#   - its size;
#   - that it is not blank;
#   - that the darkest colour of the heat map (#08306b), which qcode gives
#     only to the cell of the largest share, fills exactly one cell's box
#     (44 x 20 pixels);
#   - that the lightest colour (#f7fbff, a share of 0) is there.
# Exits 77 (skipped) when Chromium is not installed: `sh tools/deps.sh
# test` installs it, as `sh tools/test.sh --all` and CI do.
set -u
qcode=$1 check=$2 src=$3
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "screenshot: Chromium is not installed (sh tools/deps.sh test installs it); skipped" >&2
  exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/qcode-shot.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
"$qcode" report -c "$src/codebooks/digitalisering.yaml" --date 2026-12-04 \
  -o "$dir/report.html" "$src"/corpus/*.txt || exit 1
# as root Chromium needs --no-sandbox; its own profile keeps it off $HOME
timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
  --hide-scrollbars --user-data-dir="$dir/profile" --window-size=1200,3000 \
  --screenshot="$dir/shot.png" "file://$dir/report.html" >"$dir/log" 2>&1
[ -s "$dir/shot.png" ] || { echo "screenshot: Chromium wrote no picture:"; tail -5 "$dir/log"; exit 1; }
fail=0
out=$("$check" "$dir/shot.png" 08306b) || { echo "$out"; exit 1; }
echo "$out"
echo "$out" | grep -q '^size 1200x3000$' || { echo "FAIL: size"; fail=1; }
inked=$(echo "$out" | sed -n 's/^not white \([0-9.]*\) %$/\1/p')
awk -v p="$inked" 'BEGIN { exit !(p >= 3) }' || { echo "FAIL: nearly blank"; fail=1; }
echo "$out" | grep -q '^#08306b: 880 pixels in a box of 44x20 ' ||
  { echo "FAIL: the darkest colour is not one heat-map cell"; fail=1; }
"$check" "$dir/shot.png" f7fbff | grep -q '^#f7fbff: [0-9]* pixels' ||
  { echo "FAIL: no cell of share 0"; fail=1; }
exit $fail
