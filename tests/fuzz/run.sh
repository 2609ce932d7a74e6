#!/usr/bin/env bash
# Run each libFuzzer harness for SECONDS, seeded from the golden cases and
# the example council: run.sh [SECONDS [HARNESS...]]. Findings land in
# build/fuzz/findings/; copy each into tests/cases (as a golden case) or
# tests/fuzz/regress/HARNESS-NAME once fixed. Regression inputs are always
# run first, so a finding that comes back fails at once.
set -euo pipefail
seconds=${1:-60}
shift || true
harnesses=${*:-csv md fm conf map period number svg url}
bin=build/fuzz
work=$bin/corpus
mkdir -p "$work" "$bin/findings"

seed() {	# seed NAME FILES... : copy files into the harness's corpus
	local name=$1; shift
	mkdir -p "$work/$name"
	for f in "$@"; do	# a case's links lead out of the site on purpose
		[ -f "$f" ] && [ ! -L "$f" ] &&
		    cp "$f" "$work/$name/$(echo "$f" | tr / _)"
	done
	return 0
}
seed_lines() {	# seed_lines NAME < lines : one input per line
	local name=$1 i=0 line
	mkdir -p "$work/$name"
	while IFS= read -r line; do
		printf '%s' "$line" > "$work/$name/line-$i"
		i=$((i + 1))
	done
	return 0
}
dict_lines() {	# the entries of libFuzzer dictionaries, unquoted
	sed -n 's/^"\(.*\)"$/\1/p' "$@" | while IFS= read -r e; do
		printf '%b\n' "$e"
	done
}
shopt -s nullglob globstar
seed csv tests/cases/**/*.csv content/data/*.csv
seed conf tests/cases/**/site.conf site.conf
# Mappings: each with the export it reads, after a line "====".
mkdir -p "$work/map"
for f in tests/cases/**/*.map tests/import/**/*.map content/data/*.map; do
	[ -L "$f" ] && continue
	csv=${f%.map}.csv
	{ cat "$f"; printf '\n====\n'; [ -f "$csv" ] && head -c 20000 "$csv"; } \
	    > "$work/map/$(echo "$f" | tr / _)"
done
seed fm tests/cases/**/*.md content/**/*.md
# The md harness's first byte chooses the kind of file (3 is a measure).
mkdir -p "$work/md"
for f in tests/cases/**/*.md content/**/*.md; do
	[ -L "$f" ] && continue
	{ printf '\003'; cat "$f"; } > "$work/md/$(echo "$f" | tr / _)"
done
# Periods and figures: the dictionaries' entries and every CSV's cells.
cells() { cat tests/cases/**/*.csv content/data/*.csv | tr -d '"\r' |
	tr ',' '\n' | sort -u | sed -n 1,2000p; }
{ dict_lines tests/fuzz/period.dict; cells; } | seed_lines period
{ dict_lines tests/fuzz/number.dict; cells; } | seed_lines number
# Inline SVG: the unit tests' images and charts as the site draws them.
mkdir -p "$work/svg"
printf '<svg viewBox="0 0 2 1"><path d="M0 0"/></svg>' > "$work/svg/path"
if [ -x build/goldthread ]; then
	for id in $(sed -n 's/^id: *//p' content/measures/*.md | head -8); do
		build/goldthread chart "$id" -o "$work/svg/$id.svg" \
		    --width 300 --height 200 >/dev/null 2>&1 || true
	done
fi
# Request paths: the serve test's, and every page of the example.
{ grep -o "'/[^']*'" tests/serve/run.sh | tr -d "'"
    find content -name '*.md' | sed 's/^content//'; } |
    seed_lines url
regress=()
for f in tests/fuzz/regress/*; do
	name=$(basename "$f"); name=${name%%-*}
	mkdir -p "$work/$name" && cp "$f" "$work/$name/"
done

status=0
for h in $harnesses; do
	dict=()
	[ -f "tests/fuzz/$h.dict" ] && dict=(-dict="tests/fuzz/$h.dict")
	# The regression inputs alone first, each once.
	regress=(tests/fuzz/regress/"$h"-*)
	if [ ${#regress[@]} -gt 0 ] && ! "$bin/fuzz_$h" -rss_limit_mb=2048 \
	    -timeout=10 "${regress[@]}" >"$bin/fuzz_$h.regress.log" 2>&1; then
		echo "fuzz_$h: a regression input fails"
		tail -40 "$bin/fuzz_$h.regress.log"
		status=1
		continue
	fi
	echo "fuzz_$h: ${seconds}s"
	"$bin/fuzz_$h" -max_total_time="$seconds" -rss_limit_mb=2048 \
	    -timeout=10 "${dict[@]}" \
	    -artifact_prefix="$bin/findings/$h-" \
	    -print_final_stats=1 "$work/$h" 2>"$bin/fuzz_$h.log" || {
		status=1
		tail -40 "$bin/fuzz_$h.log"
	}
	grep -E '^#[0-9]+ *DONE|stat::number_of_executed_units' \
	    "$bin/fuzz_$h.log" | tail -1 || true
done
exit $status
