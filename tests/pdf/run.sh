#!/bin/sh
# The example's report packs: tagged, titled, sane page counts, text in
# reading order, long tables repeat their header, a bookmark for every
# priority, byte-identical on a second build, and typeset as layout.sh
# checks (no page left mostly empty, text sizes, charts kept with their
# descriptions).
#
#   tests/pdf/run.sh BIN SITE_DIR OUT_DIR
set -u
bin=$1 site=$2 out=$3
fail=0
bad() { echo "pdf-check: $*"; fail=1; }

rm -rf "$out" "$out.2"
"$bin" build "$site" -o "$out" || { echo "pdf-check: build failed"; exit 1; }
"$bin" build "$site" -o "$out.2" || { echo "pdf-check: build failed"; exit 1; }

packs=$(sed -n 's/^\[pack \(.*\)\]$/\1/p' "$site/site.conf")
[ -n "$packs" ] || bad "no packs in $site/site.conf"
for p in $packs; do
	pdf=$out/reports/$p.pdf
	[ -f "$pdf" ] || { bad "$pdf: missing"; continue; }
	cmp -s "$pdf" "$out.2/reports/$p.pdf" || bad "$pdf: two builds differ"
	info=$(pdfinfo "$pdf")
	echo "$info" | grep -q '^Tagged: *yes' || bad "$pdf: not tagged"
	title=$(sed -n "/^\[pack $p\]/,/^\[/s/^title *= *//p" "$site/site.conf")
	echo "$info" | grep -q "^Title: *$title\$" || bad "$pdf: title is not '$title'"
	echo "$info" | grep -q '^Author: *[^ ]' || bad "$pdf: no author"
	echo "$info" | grep -q '^Subject: *[^ ]' || bad "$pdf: no subject"
	echo "$info" | grep -q '^Keywords: *[^ ]' || bad "$pdf: no keywords"
	pages=$(echo "$info" | sed -n 's/^Pages: *//p')
	[ "${pages:-0}" -ge 4 ] && [ "$pages" -le 200 ] || bad "$pdf: $pages pages"
	text=$(pdftotext "$pdf" -)
	# Reading order: the parts follow in the order the contents lists
	# them, which is the order of the pack's sections.
	first=$(pdftotext -layout -f 2 -l 2 "$pdf" - |
	    sed -n 's/^[^ ].*[^ ]  \+\([0-9]\+\) *$/\1/p' | head -1)
	tops=$(pdftotext -layout -f 2 -l $((first - 1)) "$pdf" - |
	    sed -n 's/^\([^ ].*[^ ]\)  \+[0-9]\+ *$/\1/p')
	order=$(pdftotext -f "$first" "$pdf" - | awk -v tops="$tops" '
	    BEGIN { n = split(tops, t, "\n"); k = 1 }
	    k <= n && $0 == t[k] { print; k++ }')
	[ "$order" = "$tops" ] || bad "$pdf: parts out of order: $(echo $order)"
	echo "$text" | grep -q 'Page 2 of' || bad "$pdf: no page footer"
	# Regression: a pack scoped by tags counted every measure of its
	# priorities on its summary; each priority's count is of the pack's.
	after=$(echo "$tops" | sed -n '/^Summary$/{n;p;}')
	counts=$(pdftotext -f "$first" "$pdf" - | awk -v after="$after" '
	    $0 == "Summary" { on = 1; next }
	    on && $0 == after { exit }
	    on' | sed -n 's/^\([0-9][0-9]*\) measures\{0,1\}[:.].*/\1/p')
	total=$(echo "$counts" | head -1)
	sum=$(echo "$counts" | tail -n +2 | awk '{ s += $1 } END { print s + 0 }')
	if echo "$tops" | grep -q -x Summary; then
		[ "${total:-x}" = "${sum:-y}" ] ||
			bad "$pdf: the summary counts $total measures, its priorities $sum"
	fi
	tests/pdf/layout.sh "$pdf" || fail=1
	# Every contents entry names the page its heading is on.
	pdftotext -layout -f 2 -l 2 "$pdf" - |
	    sed -n 's/^ *\([^ ].*[^ ]\)  \+\([0-9]\+\) *$/\2 \1/p' |
	    while read -r n title; do
		pdftotext -f "$n" -l "$n" "$pdf" - | tr '\n' ' ' |
		    grep -q -F "$(echo "$title" | cut -c1-25)" ||
		    echo "pdf-check: $pdf: '$title' is not on page $n"
	done | grep . && fail=1
	# Each priority in the pack is a bookmark and a heading.
	for t in $(grep -l . "$site"/content/priorities/*.md); do
		name=$(sed -n 's/^title: *//p' "$t" | head -1 | tr -d '"')
		if echo "$text" | grep -q -x "$name"; then
			grep -a -q "/Title ($name)" "$pdf" ||
				bad "$pdf: no bookmark for '$name'"
		fi
	done
done

# A table long enough to break repeats its header at the top of the next
# page: some page of some pack starts, after its running header, with it.
n=0
for pdf in "$out"/reports/*.pdf; do
	n=$((n + $(pdftotext -layout "$pdf" - | awk '
		/\f/ { top = 2 }
		top == 2 && /[A-Za-z]/ { top = 1; next }
		top == 1 && /^ *(Id +)?Measure +Latest +Target +Status +Since/ { c++ }
		top == 1 && /[A-Za-z]/ { top = 0 }
		END { print c + 0 }')))
done
[ "$n" -ge 1 ] || bad "no pack repeats a table's header on a new page"

# The annual report holds every measure's title and latest figure.
annual=$out/reports/annual.pdf
if [ -f "$annual" ]; then
	t=$(pdftotext "$annual" - | tr '\n' ' ')
	for m in "Households in temporary accommodation" "Claimant count rate" \
	    "Fly-tipping incidents reported"; do
		echo "$t" | grep -q "$m" || bad "$annual: no '$m'"
	done
	# Links in the Markdown bodies are live.
	grep -a -q '/URI (https://' "$annual" || bad "$annual: no live links"
fi
[ $fail -eq 0 ] && echo "pdf-check: $(echo $packs | wc -w) packs pass"
exit $fail
