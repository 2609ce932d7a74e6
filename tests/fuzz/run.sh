#!/usr/bin/env bash
# Run each libFuzzer harness for SECONDS, seeded from the golden cases and
# the example council. Findings land in build/fuzz/findings/; copy each into
# tests/cases (as a golden case) or tests/fuzz/regress/ once fixed.
set -euo pipefail
seconds=${1:-60}
bin=build/fuzz
work=$bin/corpus
mkdir -p "$work" "$bin/findings"

seed() {	# seed NAME FILES... : copy files into the harness's corpus
	local name=$1; shift
	mkdir -p "$work/$name"
	for f in "$@"; do
		[ -f "$f" ] && cp "$f" "$work/$name/$(echo "$f" | tr / _)"
	done
	return 0
}
shopt -s nullglob globstar
seed csv tests/cases/**/*.csv content/data/*.csv
seed conf tests/cases/**/site.conf site.conf
seed fm tests/cases/**/*.md content/**/*.md
seed period tests/fuzz/period.dict
# The md harness's first byte chooses the kind of file (3 is a measure).
mkdir -p "$work/md"
for f in tests/cases/**/*.md content/**/*.md; do
	{ printf '\003'; cat "$f"; } > "$work/md/$(echo "$f" | tr / _)"
done
for f in tests/fuzz/regress/*; do
	name=$(basename "$f"); name=${name%%-*}
	mkdir -p "$work/$name" && cp "$f" "$work/$name/"
done

status=0
for h in csv md fm conf period; do
	echo "fuzz_$h: ${seconds}s"
	"$bin/fuzz_$h" -max_total_time="$seconds" -rss_limit_mb=2048 \
	    -timeout=10 -artifact_prefix="$bin/findings/$h-" \
	    -print_final_stats=0 "$work/$h" 2>"$bin/fuzz_$h.log" || {
		status=1
		tail -40 "$bin/fuzz_$h.log"
	}
	grep -E '^#[0-9]+ *DONE|stat::number_of_executed_units' \
	    "$bin/fuzz_$h.log" | tail -1 || true
done
exit $status
