#!/bin/sh
# Golden output: golden.sh BIN. What people read, compared byte for byte
# with the files committed under tests/render/expected/: pages of every
# kind, the open data, the feeds, the status table and CSV, the changes
# since 2025/26 Q1 (status --since) as a table and CSV, the packs' list
# (goldthread packs), and each pack's
# text (pdftotext -layout) and the build's diagnostics, for the
# example council and for the small site tests/render/focus (every status,
# direction and pack scope, and a warning or two).
# GT_BLESS=1 rewrites the expected files on purpose: read every line of
# the diff before committing it.
set -u
bin=$(realpath "${1:-build/goldthread}")
here=$(cd "$(dirname "$0")" && pwd)
src=$(pwd)
tmp=$(mktemp -d /tmp/gt-golden-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0

# check NAME FILE: FILE is what was made; the expected one is NAME.
check() {
	want=$here/expected/$1
	n=$((n + 1))
	if [ -n "${GT_BLESS:-}" ]; then
		mkdir -p "$(dirname "$want")" && cp "$2" "$want"
	elif [ ! -f "$want" ]; then
		echo "golden: $1: no expected file (GT_BLESS=1 makes it)"
		fail=1
	elif ! cmp -s "$want" "$2"; then
		echo "golden: $1 differs from what was made:"
		diff -u "$want" "$2" | head -40
		fail=1
	fi
}

# site NAME DIR PAGES...: build DIR and check PAGES of it, its status
# table and CSV, and the text of each of its packs.
site() {
	name=$1 dir=$2
	shift 2
	out=$tmp/$name
	"$bin" build "$dir" -o "$out" --no-cache 2> "$tmp/$name.err" || {
		echo "golden: $name does not build:"; cat "$tmp/$name.err"
		fail=1; return; }
	# Its diagnostics, each once (two processes made a warning twice).
	check "$name/build.err" "$tmp/$name.err"
	for p in "$@"; do
		check "$name/$p" "$out/$p"
	done
	"$bin" status "$dir" > "$tmp/$name.status.txt" 2>/dev/null
	check "$name/status.txt" "$tmp/$name.status.txt"
	"$bin" status "$dir" --format=csv > "$tmp/$name.status.csv" 2>/dev/null
	check "$name/status.csv" "$tmp/$name.status.csv"
	"$bin" status "$dir" --since "2025/26 Q1" > "$tmp/$name.since.txt" \
	    2>/dev/null
	check "$name/since.txt" "$tmp/$name.since.txt"
	"$bin" status "$dir" --since "2025/26 Q1" --format=csv \
	    > "$tmp/$name.since.csv" 2>/dev/null
	check "$name/since.csv" "$tmp/$name.since.csv"
	"$bin" packs "$dir" > "$tmp/$name.packs.csv" 2>/dev/null
	check "$name/packs.csv" "$tmp/$name.packs.csv"
	for pdf in "$out"/reports/*.pdf; do
		pdftotext -layout "$pdf" "$tmp/pack.txt"
		check "$name/reports/$(basename "$pdf" .pdf).txt" "$tmp/pack.txt"
	done
}

site example "$src" index.html priority/homes.html \
	objective/homes-homelessness.html measure/HS05.html measure/CR02.html \
	measure/EC01.html action/A-H01.html risks.html \
	portfolio/housing-and-planning.html reports.html \
	reports/cabinet-q2.html reports/climate.html how-we-measure.html \
	data/index.html 404.html sitemap.xml feed.xml data/performance.csv \
	data/performance.json finance.html data/finance.csv \
	reports/scrutiny-place.html
pages=$(cd "$here/focus" && "$bin" build . -o "$tmp/focus-list" --no-cache \
	>/dev/null 2>&1 && cd "$tmp/focus-list" && find . -type f \
	! -path './charts/*' ! -path './assets/*' ! -name '*.pdf' ! -name '.*' |
	sed 's|^\./||' | sort)
site focus "$here/focus" $pages

[ "$fail" -eq 0 ] && echo "golden: $n files as expected${GT_BLESS:+ (blessed)}"
exit $fail
