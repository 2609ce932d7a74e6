#!/bin/sh
# Import fixtures: run.sh BIN. Each folder here is a small site whose
# data folder holds an export as it is downloaded (LG Inform, the Oflog
# data explorer, the Scottish LGBF, Nomis, a council's KPI spreadsheet, a
# monthly cumulative KPI with gaps: our own figures in their shapes) and
# its mapping, and no code. Each must build; its diagnostics (`check`,
# then "[exit N]") must be its file expected, and its statuses (`status`,
# table and CSV) status.txt and status.csv. GT_BLESS=1 rewrites them on
# purpose: read every line of the diff before committing it.
set -u
bin=$(realpath "${1:-build/goldthread}")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d /tmp/gt-import-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0

# check FIXTURE NAME FILE: FILE is what was made; FIXTURE/NAME is wanted.
check() {
	want=$here/$1/$2
	if [ -n "${GT_BLESS:-}" ]; then
		cp "$3" "$want"
	elif ! cmp -s "$want" "$3"; then
		echo "import: $1/$2 differs from what was made:"
		diff -u "$want" "$3" | head -40
		fail=1
	fi
}

for dir in "$here"/*/; do
	name=$(basename "$dir")
	n=$((n + 1))
	"$bin" check "$dir" 2> "$tmp/err"
	echo "[exit $?]" >> "$tmp/err"
	check "$name" expected "$tmp/err"
	"$bin" status "$dir" > "$tmp/status.txt" 2>/dev/null
	check "$name" status.txt "$tmp/status.txt"
	"$bin" status "$dir" --format=csv > "$tmp/status.csv" 2>/dev/null
	check "$name" status.csv "$tmp/status.csv"
	"$bin" build "$dir" -o "$tmp/$name" >/dev/null 2>&1 ||
		{ echo "import: $name does not build"; fail=1; }
done
[ "$fail" -eq 0 ] && echo "import: $n fixtures as expected${GT_BLESS:+ (blessed)}"
exit $fail
