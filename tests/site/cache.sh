#!/bin/sh
# cache.sh GOLDTHREAD WORKDIR: the cache never serves a stale file. A copy
# of the example is built, then changed the ways a council changes it (a
# figure in a CSV, a Markdown body, a layout, a setting) and rebuilt with
# the cache after each change; every rebuild must equal a build without it.
set -eu
gt=$1 work=$2
rm -rf "$work"
mkdir -p "$work"
cp -r content layouts site.conf "$work/"
# The layouts folder is the site's own (site.conf [paths] layouts).
"$gt" build "$work" -o "$work/out" >/dev/null
same() {
	rm -rf "$work/fresh"
	"$gt" build "$work" -o "$work/out" >/dev/null
	"$gt" build "$work" -o "$work/fresh" --no-cache >/dev/null
	if ! diff -r "$work/out" "$work/fresh" >/dev/null; then
		echo "cache: stale output after $1:" >&2
		diff -r "$work/out" "$work/fresh" | head -20 >&2
		exit 1
	fi
}
csv=$work/content/data/2025-26-q2.csv
awk -F, -v OFS=, 'NR == 2 { $3 = $3 "1" } { print }' "$csv" > "$csv.new"
mv "$csv.new" "$csv"
same "a changed figure"
md=$(ls "$work"/content/measures/*.md | head -1)
printf '\nA new sentence of commentary.\n' >> "$md"
same "a changed Markdown body"
sed 's|<h2>Figures</h2>|<h2>All the figures</h2>|' "$work/layouts/measure.html" \
    > "$work/m.html" && mv "$work/m.html" "$work/layouts/measure.html"
same "a changed layout"
sed 's|^title = .*Performance$|title = Harrowby in figures|' "$work/site.conf" \
    > "$work/s.conf" && mv "$work/s.conf" "$work/site.conf"
same "a changed setting"
grep -q 'All the figures' "$work/out/measure/CM01.html"
grep -q 'Harrowby in figures' "$work/out/index.html"
# The sweep keeps what both processes used, and only that: every page of
# a cold build has its copy in the cache, and rebuilds leave as many
# entries as a cold build of the same site.
"$gt" build "$work" -o "$work/cold" >/dev/null
digests() { find "$@" -type f -exec sha256sum {} + | cut -d' ' -f1 | sort -u; }
digests "$work/cold" -name '*.html' > "$work/pages.sum"
digests "$work"/.cold.cache/*/ ! -name .goldthread > "$work/cache.sum"
if [ -n "$(comm -23 "$work/pages.sum" "$work/cache.sum")" ]; then
	echo "cache: $(comm -23 "$work/pages.sum" "$work/cache.sum" | wc -l)" \
	    "pages were swept from the cache" >&2
	exit 1
fi
kept=$(ls "$work"/.out.cache/*/ | wc -l)
cold=$(ls "$work"/.cold.cache/*/ | wc -l)
if [ "$kept" -ne "$cold" ]; then
	echo "cache: $kept entries kept after rebuilds, $cold from cold" >&2
	exit 1
fi
echo "cache: 4 kinds of change, every rebuild equal to a build without the" \
    "cache; $kept entries kept, as from cold"
