#!/usr/bin/env bash
# Hostile and careless input, as every output shows it: run.sh BIN.
# (a) titles of 10 KB and long pack titles are checked and built whole;
# (b) one link policy in pages and PDFs: no javascript:, vbscript:,
#     data:, file:, smb: or protocol-relative address is live, an empty
#     link is skipped and each address covers its own words;
# (c) nothing from a period after the as-at period is published anywhere;
# (d) CSV cells a spreadsheet would run as formulas are neutralised;
# (e) Markdown in PDF headings prints as text, not as markup;
# (f) an unbroken run as long as a body may hold is set whole, quickly;
# (g) no id names another kind's chart.
set -uo pipefail
bin=$(realpath "${1:-build/goldthread}")
src=$(pwd)
tmp=$(mktemp -d /tmp/gt-hostile-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "hostile: FAIL: $*"; fail=1; }
site=$tmp/site
mkdir -p "$site"
cp -R "$src/site.conf" "$src/content" "$site/"

# (a) Long text: a 10 KB bilingual measure title, five long priority
# titles in one pack, a long pack title, a long unit.
long=$(printf 'Cyfradd cyflogaeth / Employment rate %.0s' $(seq 1 280))
sed -i "s|^title:.*|title: \"$long\"|; s|^unit:.*|unit: \"per 1,000 people aged sixteen to sixty-four in the borough\"|" \
    "$site/content/measures/cm01.md"
for f in "$site"/content/priorities/*.md; do
	t=$(sed -n 's/^title: *//p' "$f" | tr -d '"')
	pad=$(printf ' and its partners across the borough%.0s' $(seq 1 15))
	sed -i "s|^title:.*|title: \"$t$pad\"|" "$f"
done
ptitle="Annual Performance Report $(printf 'for residents and partners %.0s' $(seq 1 6))"
sed -i "/^\[pack annual\]/,/^\[/s|^title = .*|title = $ptitle|" "$site/site.conf"

# (b) Links: unsafe schemes, protocol-relative, an empty link, then a
# good one whose annotation must cover its own words.
cat >> "$site/content/plan.md" <<'MD'

Unsafe: [run](javascript:alert(1)) [vb](vbscript:msgbox) [d](data:text/html,x)
[f](file:///etc/passwd) [s](smb://host/share) [t](//tracker.example/x)
![pixel](//tracker.example/p.gif) [](https://empty.example) and the
[Council website](https://council.example/) at the end.
MD

# (c) Figures, notes, responses, progress, comparator groups, risk scores
# and finance of a period after the as-at period (2025/26 Q2), each
# carrying a marker.
cat >> "$site/content/data/2025-26-q2.csv" <<'CSV'
HS01,2025/26 Q3,99,LATERMARK-note,,LATERMARK-response
CM01,2025-10,7.77,LATERMARK-month,,
CSV
echo 'A-R04,2025/26 Q3,at risk,LATERMARK-progress' >> "$site/content/data/action-progress.csv"
echo 'EC01,2025/26 Q3,LATERMARK-group,70.1' >> "$site/content/data/comparators.csv"
echo 'R02,2025/26 Q3,1,1,LATERMARK-risk' >> "$site/content/data/risk-history.csv"
echo 'LATERMARK-finance,2025/26 Q3,1,2' >> "$site/content/data/finance.csv"

# (d) A title and a unit a spreadsheet would run.
sed -i 's|^title:.*|title: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"|; s|^unit:.*|unit: "@SUM(1+1)"|' \
    "$site/content/measures/cm02.md"

# (g) Ids that once named another's chart: a measure "risks" (the heat
# map's name) and a priority "homes-summary" (homes' summary chart's).
sed 's/^id: .*/id: risks/' "$site/content/measures/cm03.md" > "$site/content/measures/risks.md"
printf 'risks,2023/24,61,,,\nrisks,2024/25,63,,,\n' >> "$site/content/data/2025-26-q2.csv"
sed 's/^id: .*/id: homes-summary/; s/^order: .*/order: 9/' "$site/content/priorities/homes.md" > "$site/content/priorities/homes-summary.md"
sed -i 's/^priority: homes$/priority: homes-summary/' "$site/content/objectives/homes-standards.md"
sed -i '/^\[pack annual\]/,/^\[/s/^priorities = .*/&, homes-summary/' "$site/site.conf"

# (e) Markup in a body heading.
printf '\n## *Key* & x\n\nAfter the heading.\n' >> "$site/content/priorities/homes.md"

# (f) An unbroken run of 120,000 characters (a body holds 128 KiB).
{ echo; head -c 120000 /dev/zero | tr '\0' 'y'; echo; } >> "$site/content/priorities/council.md"

"$bin" check "$site" > "$tmp/check.err" 2>&1 || bad "(a) check failed: $(head -3 "$tmp/check.err")"
start=$(date +%s)
timeout 120 "$bin" build "$site" -o "$tmp/out" > "$tmp/build.err" 2>&1 ||
	{ bad "build failed: $(head -3 "$tmp/build.err")"; exit 1; }
secs=$(( $(date +%s) - start ))
out=$tmp/out
for p in "$out"/reports/*.pdf; do pdftotext "$p" "${p%.pdf}.txt"; done
squash() { tr -d ' \n\f' < "$1"; }

# (a)
grep -q -F "$long" "$out/measure/CM01.html" || bad "(a) the 10 KB title is not on its page"
squash "$out/reports/cabinet-q2.txt" | grep -q -F "$(echo "$long" | tr -d ' ')" ||
	bad "(a) the 10 KB title is not whole in the cabinet pack"
squash "$out/reports/annual.txt" | grep -q -F "$(echo "$ptitle" | tr -d ' ')" ||
	bad "(a) the long pack title is not whole on the annual report"
"$bin" status "$site" > "$tmp/status.txt"
grep -q "per 1,000 people aged sixteen to sixty-four in the borough" "$tmp/status.txt" ||
	bad "(a) status cut the long unit short"

# (b)
for p in "$out"/reports/*.pdf; do
	n=$(grep -a -c -E '/URI \((javascript|vbscript|data|file|smb):|/URI \(//|empty\.example' "$p")
	[ "$n" -eq 0 ] || bad "(b) $(basename "$p"): $n unsafe or empty link annotations"
done
annual=$out/reports/annual.pdf
grep -a -q '/URI (https://council.example/)' "$annual" ||
	bad "(b) the good link is not live in the annual report"
# Its rectangle covers the word "Council" (pdftotext measures y from the top).
pdftotext -bbox "$annual" "$tmp/bbox.html"
# The link's /Rect, read from qpdf's QDF form (an array item a line).
rects=$(qpdf --qdf --object-streams=disable "$annual" - | awk '
	/^[0-9]+ 0 obj$/ { uri = 0; r = ""; inrect = 0 }
	/\/URI \(https:\/\/council\.example\/\)/ { uri = 1 }
	inrect && /\]/ { inrect = 0 }
	inrect { r = r " " $1 }
	/\/Rect \[$/ { inrect = 1 }
	/^endobj$/ && uri { print substr(r, 2) }')
words=$(tr -d '\n' < "$tmp/bbox.html" | grep -o 'xMin="[0-9.]*" yMin="[0-9.]*" xMax="[0-9.]*" yMax="[0-9.]*">Council</word> *<word [^>]*>website' |
	sed 's/xMin="\([0-9.]*\)" yMin="\([0-9.]*\)" xMax="\([0-9.]*\)" yMax="\([0-9.]*\)".*/\1 \2 \3 \4/')
[ -n "$rects" ] && [ -n "$words" ] || bad "(b) no annotation or no words to compare: '$rects' '$words'"
echo "$rects" | while read -r x1 y1 x2 y2; do
	echo "$words" | awk -v x1="$x1" -v y1="$y1" -v x2="$x2" -v y2="$y2" '
		{ cx = ($1 + $3) / 2; cy = 841.89 - ($2 + $4) / 2
		  if (cx >= x1 && cx <= x2 && cy >= y1 && cy <= y2) ok = 1 }
		END { exit !ok }' && echo covered
done | grep -q covered || bad "(b) the council link's area does not cover 'Council website'"
home=$out/index.html
grep -q -E 'href="(javascript|vbscript|data|file|smb):|="//tracker|empty\.example' "$home" &&
	bad "(b) an unsafe or empty link on the home page"
grep -q '<a href="https://council.example/">Council website</a>' "$home" ||
	bad "(b) the good link is not on the home page"

# (c)
found=$(grep -r -l 'LATERMARK' "$out" 2>/dev/null)
[ -z "$found" ] || bad "(c) a later period's marker in: $found"
grep -q '7\.77\|7.8 per' "$out/data/performance.csv" && bad "(c) a later month's figure in the open data"

# (d)
grep -q "\"'=HYPERLINK" "$out/data/performance.csv" ||
	bad "(d) the formula title is not neutralised in the open data"
grep -E -q '(^|,)[=@+]' "$out/data/performance.csv" && bad "(d) a cell begins with = @ or + in the open data"
"$bin" status "$site" --format=csv > "$tmp/status.csv"
grep -E -q '(^|,)[=@+]' "$tmp/status.csv" && bad "(d) a cell begins with = @ or + in status --format=csv"
grep -q "^CM02,.*" "$tmp/status.csv" || bad "(d) no CM02 in status --format=csv"

# (g)
grep -q 'Heat map\|likelihood' "$out/charts/risks.svg" ||
	bad "(g) the heat map is not charts/risks.svg"
[ -f "$out/charts/measure/risks.svg" ] || bad "(g) no chart for measure 'risks'"
[ "$(grep -c . "$out/charts/summary/homes.svg")" -gt 0 ] &&
    [ -f "$out/charts/priority/homes-summary.svg" ] ||
	bad "(g) priority homes-summary's chart and homes' summary are not apart"
grep -q 'charts/measure/risks.svg' "$out/measure/risks.html" ||
	bad "(g) measure 'risks' does not show its own chart"

# (e)
grep -q -x 'Key & x' "$out/reports/annual.txt" || bad "(e) the heading 'Key & x' is not printed as text"
grep -q '<i>\|&amp;' "$out/reports/annual.txt" && bad "(e) markup printed in a PDF"

# (f)
n=$(tr -d '\n\f' < "$out/reports/annual.txt" | tr -c -d 'y' | wc -c)
[ "$n" -ge 120000 ] || bad "(f) the long run is cut short in the PDF: $n of 120000"
# Set line by line it took 9 s; now a fraction of one (ASan included).
start=$(date +%s%N)
"$bin" build "$site" --pack annual -o "$tmp/annual.pdf" 2>/dev/null ||
	bad "(f) the annual report alone does not build"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -le 5000 ] || bad "(f) the annual report took ${ms} ms"

[ "$fail" -eq 0 ] && echo "hostile: long text, links, later periods, CSV formulas, PDF headings, a long run: ok (build ${secs}s)"
exit $fail
