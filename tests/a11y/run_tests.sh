#!/bin/sh
# Self-test of a11y.mjs and screenshot.mjs on the fixtures: good passes, bad
# fails with the expected rules. Needs /usr/bin/chromium and node_modules
# (npm ci --no-audit --no-fund in this folder).
set -u
cd "$(dirname "$0")" || exit 1
passed=0 failed=0
check() { # NAME CONDITION-RESULT DETAILS
	if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "ok   $1"
	else failed=$((failed + 1)); echo "FAIL $1"; printf '%s\n' "$3" | sed 's/^/    | /'; fi
}

out=$(node a11y.mjs fixtures/good 2>&1); rc=$?
[ $rc = 0 ] && printf '%s\n' "$out" | grep -qx 'a11y: 2 pages, 0 violations'; check good $? "exit $rc: $out"

out=$(node a11y.mjs fixtures/bad 2>&1); rc=$?
ok=0; [ $rc = 1 ] || ok=1
for pat in \
	'fixtures/bad/index.html: error: [color-contrast] ' \
	'fixtures/bad/index.html: error: [image-alt] Images must have alternative text (img)' \
	'fixtures/bad/index.html: error: [heading-order] ' \
	'fixtures/bad/wide.html: error: [reflow] page scrolls sideways' \
	'fixtures/bad/broken.html: error: [load-failed] /missing.css (HTTP 404)' \
	'fixtures/bad/broken.html: error: [load-failed] https://example.com/remote.png' \
	'a11y: 3 pages, 6 violations'; do
	printf '%s\n' "$out" | grep -qF -- "$pat" || ok=1
done
check bad $ok "exit $rc: $out"

node a11y.mjs >/dev/null 2>&1; rc=$?; [ $rc = 2 ]; check usage $? "exit $rc"

shots=$(mktemp -d)
out=$(node screenshot.mjs fixtures/good "$shots" index.html 2>&1); rc=$?
ok=0; [ $rc = 0 ] || ok=1
for f in index-375.png index-1280.png index-print.png; do
	head -c 8 "$shots/$f" 2>/dev/null | od -An -c | grep -q 'P   N   G' || ok=1
done
check screenshot $ok "exit $rc: $out $(ls "$shots")"
rm -rf "$shots"

echo "$passed passed, $failed failed"
[ $failed = 0 ]
