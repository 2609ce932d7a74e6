#!/bin/sh
# Typesetting of one pack: layout.sh PDF. Prints each problem and exits 1
# if there is one:
# - no page is less than half full, but the cover, the contents, the last
#   page and a page before one that starts a top-level section;
# - no page ends with a heading (its last line set at 12 pt or more);
# - body text is set at 11 pt or more, table text at 10 pt or more;
# - a chart keeps its description: on a page holding a chart's
#   description ("Title. Lower is better, ..."), the chart's own title is
#   drawn too.
# The words checked for size are labels of body paragraphs and words of
# tables; each must be somewhere in the example's packs.
# Sizes are read from pdftotext -bbox: DejaVu Sans at n pt makes words
# 1.163 n high.
set -u
pdf=$1
tmp=$(mktemp -d /tmp/gt-layout-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "layout: $pdf: $*"; fail=1; }

pdftotext -bbox "$pdf" "$tmp/bbox.html" || { bad "pdftotext failed"; exit 1; }
pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
# Top-level entries of the contents (not indented) and their pages.
first=$(pdftotext -layout -f 2 -l 2 "$pdf" - |
    sed -n 's/^[^ ].*[^ ]  \+\([0-9]\+\) *$/\1/p' | head -1)
[ -n "$first" ] || { bad "no contents on page 2"; exit 1; }
pdftotext -layout -f 2 -l $((first - 1)) "$pdf" - |
    sed -n 's/^[^ ].*[^ ]  \+\([0-9]\+\) *$/\1/p' > "$tmp/tops"

# The bottom of each page's text above the footer (A4: 841.89 high; the
# text block runs from 70 to 779.89 points).
awk '
	/<page / { p++ }
	/<word / {
		match($0, /yMin="[0-9.]+"/); y0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /yMax="[0-9.]+"/); y1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		if (y0 > 60 && y1 < 781 && y1 > low[p]) low[p] = y1
	}
	END { for (i = 1; i <= p; i++) printf "%d %.1f\n", i, low[i] + 0 }
' "$tmp/bbox.html" > "$tmp/low"
while read -r n low; do
	if [ "$n" -eq 1 ] || [ "$n" -lt "$first" ] || [ "$n" -eq "$pages" ] ||
	    grep -q -x "$((n + 1))" "$tmp/tops"; then
		continue
	fi
	awk -v l="$low" 'BEGIN { exit !((l - 70) / 709.89 < 0.5) }' &&
		bad "page $n is less than half full (text ends at $low pt)"
done < "$tmp/low"

# The last line of each page above the footer, and its largest word.
awk '
	/<page / { p++ }
	/<word / {
		match($0, /yMin="[0-9.]+"/); y0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /yMax="[0-9.]+"/); y1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		if (y0 <= 60 || y1 >= 781)
			next
		if (y1 > last[p] + 2) { last[p] = y1; size[p] = 0 }
		if (y1 >= last[p] - 2 && (y1 - y0) / 1.163 > size[p])
			size[p] = (y1 - y0) / 1.163
	}
	END { for (i = 2; i <= p; i++) if (size[i] >= 11.9) print i }
' "$tmp/bbox.html" > "$tmp/headed"
while read -r n; do
	bad "page $n ends with a heading"
done < "$tmp/headed"

# Word heights: body paragraphs and table cells.
awk '
	/<word / {
		match($0, /yMin="[0-9.]+"/); y0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /yMax="[0-9.]+"/); y1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		w = $0; sub(/.*">/, "", w); sub(/<.*/, "", w)
		printf "%s %.2f\n", w, (y1 - y0) / 1.163
	}
' "$tmp/bbox.html" > "$tmp/sizes"
# Each size is checked on words the pack has: at least one of each kind.
sizes() {
	min=$1
	shift
	for w in "$@"; do
		awk -v w="$w" -v min="$min" '$1 == w { n++; if ($2 < min - 0.05)
		    small++ } END { if (small) print "small"; else if (n)
		    print "ok" }' "$tmp/sizes"
	done
}
r=$(sizes 11 Commentary: Owner: Controls: Mitigation: Welcome)
echo "$r" | grep -q small && bad "body text is set below 11 pt"
echo "$r" | grep -q ok || bad "no body text to measure"
r=$(sizes 10 Improving Worsening Overdue)
echo "$r" | grep -q small && bad "table text is set below 10 pt"
echo "$r" | grep -q ok || bad "no table text to measure"

# A chart's description on a page without the chart's title: the
# description's first line starts with the title.
n=1
while [ "$n" -le "$pages" ]; do
	pdftotext -f "$n" -l "$n" "$pdf" "$tmp/page"
	sed -n -E 's/^([A-Z].{3,}[^.])\. (Higher is better|Lower is better|The target is a range).*/\1/p' \
	    "$tmp/page" | while read -r title; do
		# Once as the chart's title (on one line or more), once here.
		c=$(tr '\n' ' ' < "$tmp/page" | grep -o -F "$title" | wc -l)
		[ "$c" -ge 2 ] ||
			echo "page $n: the description of '$title' is apart from its chart"
	done > "$tmp/apart"
	if [ -s "$tmp/apart" ]; then
		sed "s|^|layout: $pdf: |" "$tmp/apart"
		fail=1
	fi
	n=$((n + 1))
done
exit $fail
