#!/usr/bin/env bash
# Atomic publishing: run.sh BIN. A build either replaces the output folder
# whole or leaves the last good one byte for byte: (a) a build that fails on
# bad input, (b) builds killed with SIGKILL part way, (c) a full file system
# (a small tmpfs; skipped when mount is not permitted).
set -uo pipefail
bin=$(realpath "${1:-build/goldthread}")
src=$(pwd)
tmp=$(mktemp -d /tmp/gt-atomic-XXXXXX)
fail=0
trap 'umount "$tmp/full" 2>/dev/null; rm -rf "$tmp"' EXIT

sums() {	# checksums of every file, and the list of folders, under $1
	(cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum &&
	    find . -type d | sort)
}
bad() { echo "atomic: FAIL: $*"; fail=1; }
stale() { find "$1" -maxdepth 1 -name '.public.tmp-*' | wc -l; }

mkdir -p "$tmp/site"
cp -R "$src/site.conf" "$src/content" "$tmp/site/"
[ -d "$src/layouts" ] && cp -R "$src/layouts" "$tmp/site/"
out=$tmp/out/public
mkdir -p "$tmp/out"
(cd "$tmp/site" && "$bin" build . -o "$out" >/dev/null 2>&1) ||
	{ echo "atomic: the example does not build"; exit 1; }
sums "$out" > "$tmp/good.sum"
echo "atomic: built the example: $(grep -c '^[0-9a-f]\{64\}' "$tmp/good.sum") files"

# (a) A bad CSV value: exit 1, the folder untouched, no staging left.
cp -R "$tmp/site" "$tmp/broken"
f=$(ls "$tmp/broken/content/data/"*.csv | head -1)
awk -F, 'NR == 2 { OFS = ","; $3 = "not-a-number" } { print }' "$f" > "$f.new" &&
	mv "$f.new" "$f"
(cd "$tmp/broken" && "$bin" build . -o "$out" >/dev/null 2>&1)
rc=$?
[ "$rc" -eq 1 ] || bad "(a) bad input: exit $rc, expected 1"
sums "$out" | cmp -s - "$tmp/good.sum" || bad "(a) bad input changed the folder"
[ "$(stale "$tmp/out")" -eq 0 ] || bad "(a) a staging folder remains"
[ "$fail" -eq 0 ] && echo "atomic: (a) failed build: exit 1, folder unchanged, no staging left"

# (b) Builds killed at several points.
kills=0 absent=0 changed=0
for t in 0.02 0.05 0.1 0.2 0.3 0.4 0.6 0.8 1.2 1.6; do
	(cd "$tmp/site" && timeout -s KILL "$t" "$bin" build . -o "$out" \
	    >/dev/null 2>&1)
	rc=$?
	[ "$rc" -eq 137 ] && kills=$((kills + 1))
	if [ ! -d "$out" ]; then
		absent=$((absent + 1))
		bad "(b) killed after ${t}s: the output folder is missing" \
		    "($(ls -A "$tmp/out" | tr '\n' ' '))"
		# Put the last good one back for the next round.
		old=$(find "$tmp/out" -maxdepth 1 -name '.public.tmp-*.old-*' | head -1)
		[ -n "$old" ] && mv "$old" "$out"
	elif ! sums "$out" | cmp -s - "$tmp/good.sum"; then
		changed=$((changed + 1))
		bad "(b) killed after ${t}s (exit $rc): the folder is not the last good one"
	fi
done
echo "atomic: (b) $kills of 10 builds killed part way; stale staging folders: $(stale "$tmp/out")"
# The next good build must still swap in, and clear stale staging folders.
(cd "$tmp/site" && "$bin" build . -o "$out" >/dev/null 2>&1) ||
	bad "(b) the build after the killed ones failed"
sums "$out" | cmp -s - "$tmp/good.sum" ||
	bad "(b) the build after the killed ones differs from the first"
n=$(stale "$tmp/out")
[ "$n" -eq 0 ] || bad "(b) $n staging folder(s) of killed builds remain after a good build: $(ls -A "$tmp/out" | tr "\n" " ")"
[ "$absent$changed" = 00 ] && echo "atomic: (b) after every kill the folder was the last good one"

# (c) A full file system: the build fails and the old folder survives.
mkdir -p "$tmp/full"
if mount -t tmpfs -o size=200k tmpfs "$tmp/full" 2>/dev/null; then
	# A folder of goldthread's: it holds the marker.
	mkdir -p "$tmp/full/x" && echo keep > "$tmp/full/x/marker" &&
	    : > "$tmp/full/x/.goldthread"
	(cd "$tmp/site" && "$bin" build . -o "$tmp/full/x" >/dev/null 2>&1)
	rc=$?
	[ "$rc" -ne 0 ] || bad "(c) full disk: the build claimed success"
	[ "$(cat "$tmp/full/x/marker" 2>/dev/null)" = keep ] ||
		bad "(c) full disk: the old folder was lost"
	[ "$(stale "$tmp/full")" -eq 0 ] || bad "(c) full disk: staging left behind"
	umount "$tmp/full"
	echo "atomic: (c) full 200k tmpfs: exit $rc, old folder kept"
else
	echo "atomic: (c) skipped: mount -t tmpfs not permitted here"
fi
[ "$fail" -eq 0 ] && echo "atomic: ok"
exit $fail
