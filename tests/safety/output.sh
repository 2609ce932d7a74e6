#!/bin/sh
# output.sh GOLDTHREAD WORKDIR [TEST...]: goldthread build writes only where
# it may. It never takes over a folder it did not make (exit 2, the files
# kept), nor the site folder or its inputs; adopts an empty folder, and
# with --force moves the old contents aside; follows a link to the output
# folder; never follows, writes through or removes what someone put
# beside the output; an in-place edit of a published page does not
# survive a rebuild; two builds of one output wait for each other; a
# pack's PDF replaces only a PDF. Each test has a site and outputs of its
# own; name some to run only those.
set -u
gt=$(realpath "$1") work=$2
shift 2
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
site=$work/site o=$work/o
fails=0
bad() { echo "safety: FAIL: $*"; fails=$((fails + 1)); }
# ok MESSAGE: said if the test found nothing wrong.
ok() { [ "$fails" -eq "$before_fails" ] && echo "safety: $*"; }
# build ARGS...: exit status in rc, stderr in $work/err.
build() { "$gt" build "$site" "$@" >/dev/null 2>"$work/err"; rc=$?; }
sums() { (cd "$1" && find . -type f -exec sha256sum {} + | sort); }
# A copy of the example of the test's own, and an empty folder of outputs.
fresh() {
	rm -rf "$site" "$o" "$work/outside"
	mkdir -p "$site" "$o"
	cp -r content layouts site.conf "$site/"
	cp site.conf "$work/site.conf.orig"
	before_fails=$fails
}
# The output of the site as it is, built without the cache, in $o/ref.
ref() { "$gt" build "$site" -o "$o/ref" --no-cache >/dev/null 2>&1; }

# A folder of the user's, not goldthread's: refused twice, nothing lost.
unmarked() {
	mkdir "$o/mydocs" && echo "my thesis" > "$o/mydocs/thesis.txt"
	build -o "$o/mydocs"; r1=$rc
	build -o "$o/mydocs"; r2=$rc
	[ "$r1$r2" = 22 ] || bad "-o mydocs (not goldthread's): exit $r1 then $r2, not 2"
	[ "$(cat "$o/mydocs/thesis.txt" 2>/dev/null)" = "my thesis" ] ||
		bad "thesis.txt in -o mydocs did not survive two builds"
	[ ! -e "$o/.mydocs.prev" ] || bad "-o mydocs was moved aside as .mydocs.prev"
	grep -q "mydocs' was not made by goldthread" "$work/err" &&
	    grep -q -- "--force" "$work/err" ||
		bad "the refusal does not say why and what to do: $(cat "$work/err")"
	# The default output, public/ in the site, put there by a web team.
	mkdir "$site/public" && echo "Deny from all" > "$site/public/.htaccess"
	build; r1=$rc
	[ "$r1" = 2 ] || bad "an unmarked public/ with .htaccess: exit $r1, not 2"
	[ -f "$site/public/.htaccess" ] && [ ! -e "$site/public/index.html" ] ||
		bad "public/.htaccess was replaced"
	rm -rf "$site/public"
	ok "a folder goldthread did not make is refused (exit 2), its files kept"
}

# The site folder, its parent and its inputs are never the output.
inputs() {
	before=$(sums "$site")
	for to in "$site" "$site/.." "$site/content" "$site/content/sub" \
	    "$site/layouts" "$site/content/data"; do
		build -o "$to"
		[ "$rc" = 2 ] || bad "-o $to: exit $rc, not 2"
	done
	(cd "$site" && "$gt" build . -o . >/dev/null 2>&1); rc=$?
	[ "$rc" = 2 ] || bad "-o . in the site folder: exit $rc, not 2"
	sed 's|^output = .*|output = content|' "$work/site.conf.orig" > "$site/site.conf"
	grep -q '^output = content' "$site/site.conf" || bad "the example has no output line"
	build; r1=$rc
	cp "$work/site.conf.orig" "$site/site.conf"
	[ "$r1" = 2 ] || bad "[paths] output = content: exit $r1, not 2"
	[ "$(sums "$site")" = "$before" ] || bad "the site folder changed"
	ok "the site folder, its parent and its inputs are refused (exit 2)"
}

# An empty folder is adopted; --force moves the contents aside.
adopt() {
	mkdir "$o/empty"
	build -o "$o/empty"
	[ "$rc" = 0 ] && [ -f "$o/empty/index.html" ] && [ -f "$o/empty/.goldthread" ] ||
		bad "an empty folder was not adopted (exit $rc)"
	mkdir "$o/forced" && echo keep > "$o/forced/notes.txt"
	build -o "$o/forced" --force; r1=$rc
	build -o "$o/forced" --force; r2=$rc
	[ "$r1$r2" = 00 ] && [ -f "$o/forced/index.html" ] ||
		bad "--force did not adopt the folder (exit $r1, $r2)"
	[ "$(cat "$o/forced.orig/notes.txt" 2>/dev/null)" = keep ] ||
		bad "--force lost the folder's contents (not in forced.orig)"
	[ ! -e "$o/forced.orig.2" ] || bad "--force moved goldthread's own output aside"
	[ ! -e "$o/forced/notes.txt" ] || bad "--force kept notes.txt in the output"
	ok "an empty folder is adopted; --force keeps the old contents as NAME.orig"
}

# A link to the output folder is followed: the target is updated, the
# link stays.
link() {
	mkdir "$o/live"
	ln -s live "$o/link"
	build -o "$o/link"; r1=$rc
	sed 's|^title = .*|title = Linked build|' "$work/site.conf.orig" > "$site/site.conf"
	build -o "$o/link"; r2=$rc
	cp "$work/site.conf.orig" "$site/site.conf"
	[ "$r1$r2" = 00 ] || bad "a linked output: exit $r1, $r2"
	[ -L "$o/link" ] && [ "$(readlink "$o/link")" = live ] ||
		bad "the link to the output was replaced"
	grep -q "Linked build" "$o/live/index.html" 2>/dev/null ||
		bad "the link's target was not updated"
	[ -e "$o/.live.prev" ] && [ ! -e "$o/.link.prev" ] ||
		bad "the side entries are not beside the link's target"
	ok "a linked output: the target updated and the link kept over two builds"
}

# Folders put beside the output under goldthread's names, holding links
# to a folder outside, are never followed, written through or removed.
planted() {
	mkdir -p "$work/outside/measure"
	echo "outside" > "$work/outside/index.html"
	echo "outside" > "$work/outside/measure/x.html"
	out_sum=$(sums "$work/outside")
	for side in prev tmp-1; do
		mkdir "$o/.planted.$side"
		ln -s "$work/outside/index.html" "$o/.planted.$side/index.html"
		ln -s "$work/outside/measure" "$o/.planted.$side/measure"
	done
	build -o "$o/planted"; r1=$rc
	build -o "$o/planted"; r2=$rc
	build -o "$o/planted"; r3=$rc
	[ "$r1$r2$r3" = 000 ] || bad "planted side folders: exit $r1, $r2, $r3"
	for side in prev tmp-1; do
		[ -L "$o/.planted.$side/index.html" ] && [ -L "$o/.planted.$side/measure" ] ||
			bad "the planted .planted.$side was removed or changed"
	done
	grep -q "leaving '.planted.prev'.*alone" "$work/err" ||
		bad "the planted .planted.prev is not reported"
	# goldthread's own earlier tree, with a folder replaced by a link after
	# it was published, is taken over without following the link.
	build -o "$o/mine"
	build -o "$o/mine"
	rm -rf "$o/mine/measure"
	ln -s "$work/outside/measure" "$o/mine/measure"
	ln -sf "$work/outside/index.html" "$o/mine/index.html"
	# A changed figure: measure pages are made again, not kept.
	csv=$site/content/data/2025-26-q2.csv
	awk -F, -v OFS=, 'NR == 2 { $3 = $3 "1" } { print }' "$csv" > "$csv.new"
	mv "$csv.new" "$csv"
	build -o "$o/mine"; r1=$rc
	build -o "$o/mine"; r2=$rc
	ref
	[ "$r1$r2" = 00 ] && diff -r "$o/mine" "$o/ref" >/dev/null ||
		bad "links in goldthread's earlier tree: exit $r1, $r2, or output wrong"
	[ "$(sums "$work/outside")" = "$out_sum" ] || bad "the outside folder changed"
	ok "planted .NAME.prev and .NAME.tmp-1 and links in a taken-over tree" \
	    "are never followed, written through or removed"
}

# A published page edited in place, keeping its size and modification
# time (rsync --inplace, touch -r), is made anew by the next builds.
poison() {
	ref
	build -o "$o/pub"
	build -o "$o/pub"
	page=$o/pub/how-we-measure.html
	cp -p "$page" "$work/page.orig"
	python3 - "$page" <<'EOF'
import sys
with open(sys.argv[1], "r+b") as f:
    data = f.read()
    i = data.index(b"<h1")
    f.seek(i)
    f.write(b"<h9")
EOF
	touch -r "$work/page.orig" "$page"
	[ "$(stat -c %s.%Y "$page")" = "$(stat -c %s.%Y "$work/page.orig")" ] &&
		! cmp -s "$page" "$work/page.orig" || bad "the edit in place was not made"
	for k in 1 2 3; do
		build -o "$o/pub"
		cmp -s "$page" "$o/ref/how-we-measure.html" ||
			bad "the edit of a published page survived rebuild $k"
	done
	ok "an in-place edit of a published page (same size and date) is undone"
}

# Builds of one output wait for each other (said once), or with
# --no-wait stop at once (exit 75); every concurrent build succeeds.
busy() {
	ref
	build -o "$o/busy"
	# The lock held from here until $o/release appears.
	flock "$o/.busy.lock" sh -c "while [ ! -e '$o/release' ]; do
	    sleep 0.1; done" &
	holder=$!
	while flock -n "$o/.busy.lock" true; do sleep 0.1; done
	build -o "$o/busy" --no-wait; r1=$rc
	grep -q "another build of '$o/busy' is running" "$work/err" ||
		bad "--no-wait does not say why: $(cat "$work/err")"
	build -o "$o/other" --no-wait; r3=$rc
	"$gt" build "$site" -o "$o/busy" >/dev/null 2>"$work/waiter" &
	waiter=$!
	k=0
	while ! grep -qs waiting "$work/waiter" && [ $k -lt 300 ]; do
		sleep 0.1
		k=$((k + 1))
	done
	touch "$o/release"
	wait $waiter; r2=$?
	wait $holder
	grep -c "waiting for another build of '$o/busy'" "$work/waiter" |
		grep -qx 1 || bad "a waiting build does not say so once: $(cat "$work/waiter")"
	[ "$r1$r2" = 750 ] || bad "a busy output: exit $r1 (--no-wait), $r2 (waiting)"
	[ "$r3" = 0 ] || bad "a build of another output waited or failed (exit $r3)"
	n=0
	for k in 1 2 3 4 5; do
		"$gt" build "$site" -o "$o/busy" >/dev/null 2>&1 & p1=$!
		"$gt" build "$site" -o "$o/busy" >/dev/null 2>&1 & p2=$!
		wait $p1 && wait $p2 && diff -r "$o/busy" "$o/ref" >/dev/null &&
			n=$((n + 1))
	done
	[ "$n" = 5 ] || bad "only $n of 5 pairs of concurrent builds succeeded"
	ok "a busy output: --no-wait exits 75, a build waits, another output's" \
	    "does not; 5 of 5 concurrent pairs succeeded"
}

# One pack's PDF (--pack NAME -o FILE): only a PDF is replaced, never a
# file of the site's inputs, and a link to the file is followed.
pack() {
	cp "$site/site.conf" "$work/site.conf.copy"
	build --pack cabinet-q2 -o "$site/site.conf"; r1=$rc
	cmp -s "$site/site.conf" "$work/site.conf.copy" ||
		bad "--pack -o site.conf replaced site.conf"
	build --pack cabinet-q2 -o "$site/content/report.pdf"; r2=$rc
	[ ! -e "$site/content/report.pdf" ] || bad "--pack wrote into content/"
	[ "$r1$r2" = 22 ] || bad "--pack -o site.conf, content/: exit $r1, $r2"
	mkdir "$o/papers"
	printf '%%PDF-1.5 old\n' > "$o/papers/q2.pdf"
	ln -s papers/q2.pdf "$o/q2.pdf"
	build --pack cabinet-q2 -o "$o/q2.pdf"; r1=$rc
	build --pack cabinet-q2 -o "$o/q2.pdf"; r2=$rc
	[ "$r1$r2" = 00 ] && [ -L "$o/q2.pdf" ] &&
	    [ "$(wc -c < "$o/papers/q2.pdf")" -gt 1000 ] ||
		bad "--pack -o LINK: exit $r1, $r2, the link or its PDF lost"
	ok "--pack: only a PDF is replaced, not in the inputs; a link is followed"
}

for t in ${@:-unmarked inputs adopt link planted poison busy pack}; do
	fresh
	$t
done
[ "$fails" -eq 0 ] && echo "safety: ok"
exit "$fails"
