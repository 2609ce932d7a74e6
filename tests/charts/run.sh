#!/bin/sh
# run.sh GOLDTHREAD GENPLAN WORKDIR: honest charts on real outputs. Builds
# the example and a generated plan of 1,000 measures and checks every
# trend chart (tests/charts/honest.py): no tick below zero for a measure
# with no figure below it, a source line wherever the measure has a
# source. Then the chart command: the footer in SVG and PDF (pdftotext for
# the PDF), gone with --no-source (which changes the PNG too), and each
# file byte-identical when made twice.
set -eu
gt=$(realpath "$1") genplan=$(realpath "$2") work=$3
here=$(cd "$(dirname "$0")" && pwd)
src=$(pwd)
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
fail=0

"$gt" build "$src" -o "$work/example" --no-cache
"$genplan" 1000 "$work/plan" >/dev/null
"$gt" build "$work/plan" -o "$work/plan-site" --no-cache 2>/dev/null
/usr/bin/python3 "$here/honest.py" "$work/example" "$work/plan-site" ||
	fail=1

# The chart command: HS05 names its source.
for f in png svg pdf; do
	"$gt" chart HS05 "$src" -o "$work/a.$f" --scale 2
	"$gt" chart HS05 "$src" -o "$work/b.$f" --scale 2
	cmp "$work/a.$f" "$work/b.$f" || { echo "charts: $f differs"; fail=1; }
	"$gt" chart HS05 "$src" -o "$work/none.$f" --no-source
done
grep -q '>Source: Housing Solutions case management system' "$work/a.svg" ||
	{ echo "charts: no source in the SVG"; fail=1; }
! grep -q '>Source: ' "$work/none.svg" ||
	{ echo "charts: --no-source left the SVG's source"; fail=1; }
pdftotext "$work/a.pdf" - | tr -s ' \n' '  ' |
	grep -q 'Source: Housing Solutions case management system (H-CLIC snapshot); Harrowby Borough Council; figures to September 2025' ||
	{ echo "charts: no source in the PDF"; fail=1; }
! pdftotext "$work/none.pdf" - | grep -q 'Source:' ||
	{ echo "charts: --no-source left the PDF's source"; fail=1; }
# The PNG is drawn by the same code: without the footer it differs.
! cmp -s "$work/a.png" "$work/none.png" ||
	{ echo "charts: --no-source made the same PNG"; fail=1; }
[ "$fail" -eq 0 ] && echo "charts: the chart command's footer in PNG, SVG and PDF; --no-source; byte-identical"
exit $fail
