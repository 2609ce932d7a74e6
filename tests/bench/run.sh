#!/bin/sh
# run.sh GOLDTHREAD GENPLAN WORKDIR SIZES...: generate a plan of each size,
# time goldthread check, status and build on it (wall, CPU, peak memory,
# pages per second, and for builds the seconds per stage from GT_TIMINGS)
# and, where hugo is installed, the equivalent Hugo site
# (tests/bench/hugoplan.sh), with the ratio goldthread build / Hugo.
set -eu
gt=$1 genplan=$2 work=$3
shift 3
here=$(dirname "$0")
mkdir -p "$work"
work=$(cd "$work" && pwd)	# hugo -d is relative to its -s
tfile=$work/time.txt
ratios=""
# Earlier outputs and plans are moved aside, and removed only after the
# timings: on ext4 without a journal (this CI machine) files made within a
# minute or so of many being removed are made slowly, whatever makes them,
# which would time the file system's history rather than the build.
trash=$work/.trash-$$
mkdir -p "$trash"
aside() {
	for p in "$@"; do
		[ -e "$p" ] && mv "$p" "$trash/$(basename "$p")-$(date +%s%N)"
	done
	return 0
}

# time_it LABEL N PAGES_DIR CMD...: one row of the table.
row() {
	n=$1 label=$2 pagesdir=$3
	shift 3
	if ! /usr/bin/time -f "%e %U %S %M" -o "$tfile" "$@" \
	    >"$work/out.txt" 2>&1; then
		echo "bench: $label on $n measures failed:" >&2
		tail -20 "$work/out.txt" >&2
		exit 1
	fi
	read -r w u s m < "$tfile"
	cpu=$(echo "$u + $s" | bc)
	mib=$(echo "scale=1; $m / 1024" | bc)
	if [ -n "$pagesdir" ]; then
		pages=$(find "$pagesdir" -name '*.html' | wc -l)
		pps=$(echo "scale=0; $pages / ($w + 0.005)" | bc)
	else
		pages=- pps=-
	fi
	printf '%-8s %-10s %8s %8s %9s %7s %8s\n' "$n" "$label" "$w" "$cpu" \
	    "$mib" "$pages" "$pps"
	# GT_TIMINGS=1 lines: seconds per stage, both processes added up.
	awk '$1 ~ /^[a-z]+$/ && $2 ~ /^[0-9.]+$/ && NF == 2 {
		s = s sprintf(" %s %.2f", $1, $2) }
	    END { if (s != "") print "                    stages:" s }' \
	    "$work/out.txt"
	last_wall=$w
}

for n in "$@"; do
	aside "$work/plan$n"
	"$genplan" "$n" "$work/plan$n"
done
printf '%-8s %-10s %8s %8s %9s %7s %8s\n' measures command wall_s cpu_s \
    peak_MiB pages pages/s
for n in "$@"; do
	row "$n" check "" "$gt" check "$work/plan$n"
	row "$n" status "" "$gt" status "$work/plan$n"
	aside "$work/site$n" "$work/.site$n".*
	row "$n" build "$work/site$n" env GT_TIMINGS=1 "$gt" build \
	    "$work/plan$n" -o "$work/site$n"
	gtwall=$last_wall
	# One figure changed: only what depends on it is made again. The
	# first rebuild after the cold build, then the median of five more,
	# as a day of edits runs: each takes over the output before last.
	v=$work/plan$n/content/data/values.csv
	for k in 0 1 2 3 4 5; do
		awk -F, -v OFS=, 'NR == 2 && $3 + 0 > 1 {
		    $3 = sprintf("%.1f", $3 - 1) } { print }' "$v" > "$v.new" &&
		    mv "$v.new" "$v"
		label=rebuild
		[ "$k" -eq 0 ] && label=rebuild1
		row "$n" "$label" "$work/site$n" env GT_TIMINGS=1 "$gt" build \
		    "$work/plan$n" -o "$work/site$n" > "$work/rebuild.$k"
		[ "$k" -eq 0 ] && cat "$work/rebuild.0"
	done
	# The median of the five by wall time, with its stages line.
	for k in 1 2 3 4 5; do
		printf '%s %s\n' "$(awk 'NR == 1 { print $3 }' \
		    "$work/rebuild.$k")" "$k"
	done | sort -n | awk 'NR == 3 { print $2 }' | while read -r k; do
		cat "$work/rebuild.$k"
	done
	if command -v hugo >/dev/null 2>&1; then
		aside "$work/hugo$n"
		sh "$here/hugoplan.sh" "$work/plan$n" "$work/hugo$n"
		aside "$work/hugosite$n"
		row "$n" hugo "$work/hugosite$n" hugo --quiet \
		    -s "$work/hugo$n" -d "$work/hugosite$n"
		ratios="$ratios$(printf '%-8s goldthread build / hugo %6.2f' \
		    "$n" "$(echo "scale=4; $gtwall / ($last_wall + 0.0001)" | \
		    bc)")
"
	fi
done
# PDF pages per second: the example council's packs, typeset from cold in
# one process (GT_JOBS=1), so that its pdf stage times them all.
ex=$(cd "$here/../.." && pwd)
aside "$work/pdfsite"
GT_JOBS=1 GT_TIMINGS=1 "$gt" build "$ex" -o "$work/pdfsite" --no-cache \
    2>"$work/timings.txt"
pdfs=$(awk '$1 == "pdf" { print $2 }' "$work/timings.txt")
pages=0
for f in "$work"/pdfsite/reports/*.pdf; do
	pages=$((pages + $(pdfinfo "$f" | sed -n 's/^Pages: *//p')))
done
echo
printf 'PDF: %d pages of the example packs in %.3f s: %.0f pages/s\n' \
    "$pages" "$pdfs" "$(echo "$pages / $pdfs" | bc -l)"
if [ -n "$ratios" ]; then
	echo
	echo "wall-time ratio, same plans, this run ($(hugo version | \
	    cut -d' ' -f2)):"
	printf '%s' "$ratios"
else
	echo "(hugo not installed: no comparison; apt-get install hugo)"
fi
rm -rf "$trash" "$work"/.trash-*
