#!/bin/sh
# The counts a committee reads agree with `goldthread status` at the two
# periods: counts.sh BIN. The example's Cabinet pack covers the whole
# plan at 2025/26 Q2 and compares with 2025/26 Q1; its summary must give
# the status table's counts at Q2, and its "changes since" the measures
# whose status (or lateness) differs between the status CSVs at Q1 and
# Q2, as `status --since` lists them.
set -u
bin=$(realpath "${1:-build/goldthread}")
src=$(pwd)
now="2025/26 Q2" then="2025/26 Q1" pack=cabinet-q2
# Packs name periods in words.
then_words="April to June 2025 (quarter 1)"
tmp=$(mktemp -d /tmp/gt-counts-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "counts: $*"; fail=1; }

"$bin" build "$src" --pack "$pack" -o "$tmp/pack.pdf" 2>/dev/null ||
	{ echo "counts: the pack does not build"; exit 1; }
pdftotext "$tmp/pack.pdf" - | tr '\n' ' ' | tr -s ' ' > "$tmp/pack.txt"
"$bin" status "$src" --as-at "$now" > "$tmp/now.txt"
"$bin" status "$src" --as-at "$now" --format=csv > "$tmp/now.csv"
"$bin" status "$src" --as-at "$then" --format=csv > "$tmp/then.csv"
"$bin" status "$src" --as-at "$now" --since "$then" --format=csv \
    > "$tmp/since.csv"

# The summary: "56 measures: 17 off target, 22 within tolerance, 17 on
# target. ...; 2 with figures late." against the table's last lines.
total=$(sed -n 's/.*: \([0-9]*\) measures as at.*/\1/p' "$tmp/now.txt")
want="$total measures"
for s in "Off target" "Within tolerance" "On target" "No target" \
    "Suppressed" "No data"; do
	n=$(tail -1 "$tmp/now.txt" | sed -n "s/.*$s: \([0-9]*\).*/\1/p")
	[ -n "$n" ] && want="$want$(echo "$want" | grep -q : && echo , ||
	    echo :) $n $(echo "$s" | tr 'A-Z' 'a-z')"
done
late=$(tail -1 "$tmp/now.txt" | sed -n 's/.*Late: \([0-9]*\).*/\1/p')
grep -q -F "$want." "$tmp/pack.txt" ||
	bad "the summary does not say '$want.'"
grep -q -F "; $late with figures late." "$tmp/pack.txt" ||
	bad "the summary does not say '$late with figures late'"

# Changes: measures whose status or lateness differ between the periods
# (the status is the fifth column, lateness the eighth; figures and
# targets are plain, so commas come only in the explanation after them).
cols() { tail -n +2 "$1" | cut -d, -f"1,$2" | sort; }
cols "$tmp/then.csv" 5 > "$tmp/a"; cols "$tmp/now.csv" 5 > "$tmp/b"
join -t, -j1 "$tmp/a" "$tmp/b" | awk -F, '$2 != $3' > "$tmp/status"
nstatus=$(wc -l < "$tmp/status")
[ "$nstatus" -gt 0 ] || bad "no measure changed status: nothing is tested"
cols "$tmp/then.csv" 8 > "$tmp/a"; cols "$tmp/now.csv" 8 > "$tmp/b"
join -t, -j1 "$tmp/a" "$tmp/b" | awk -F, '$2 == "no" && $3 == "yes"' \
    > "$tmp/late"
nlate=$(wc -l < "$tmp/late")
[ "$(grep -c '^status,' "$tmp/since.csv")" -eq "$nstatus" ] ||
	bad "status --since lists $(grep -c '^status,' "$tmp/since.csv") status changes, the status CSVs $nstatus"
[ "$(grep '^status,' "$tmp/since.csv" | cut -d, -f2 | sort)" = \
    "$(cut -d, -f1 "$tmp/status")" ] ||
	bad "status --since and the status CSVs name different measures"
[ "$(grep -c '^late,' "$tmp/since.csv")" -eq "$nlate" ] ||
	bad "status --since lists $(grep -c '^late,' "$tmp/since.csv") newly late, the status CSVs $nlate"
if [ "$nstatus" -eq 1 ]; then s="1 measure changed status"
else s="$nstatus measures changed status"; fi
grep -q -F "Since $then_words: $s" "$tmp/pack.txt" ||
	bad "the pack does not say 'Since $then_words: $s'"
if [ "$nlate" -gt 0 ]; then
	if [ "$nlate" -eq 1 ]; then s="1 measure's figures newly late"
	else s="$nlate measures' figures newly late"; fi
	grep -q -F "$s" "$tmp/pack.txt" || bad "the pack does not say '$s'"
fi
[ "$fail" -eq 0 ] &&
	echo "counts: $pack agrees with status at $then and $now ($nstatus status changes, $nlate newly late)"
exit $fail
