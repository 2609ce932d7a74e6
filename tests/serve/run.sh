#!/bin/sh
# run.sh GOLDTHREAD WORKDIR: goldthread serve over HTTP (curl, loopback),
# on a copy of the example: pages served with the reload script, built
# files without it; an edited CSV value served after the rebuild; a
# failed edit keeps the last good site, with the diagnostics in a banner
# (escaped) on every page and printed once; the packs' PDFs and their
# preview pages; paths that leave the output, escaped or not, links out of
# it and other methods than GET and HEAD refused; content types and
# no-store; 127.0.0.1 only; the output held (a build of it waits);
# nothing written in the site but its output; Ctrl-C leaves the output
# whole, as a fresh build of the last input makes it.
set -u
gt=$(realpath "$1") work=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
site=$work/site log=$work/serve.log out=$work/site/public
csv=$site/content/data/2025-26-q2.csv
fails=0
bad() { echo "serve: FAIL: $*"; fails=$((fails + 1)); }
say() { [ "$fails" -eq "$before" ] && echo "serve: $*"; before=$fails; }
# get PATH [CURL ARGS...]: the body into $work/body, headers into
# $work/head, the status in $code.
get() {
	_p=$1
	shift
	code=$(curl -s --path-as-is -o "$work/body" -D "$work/head" \
	    -w '%{http_code}' "$@" "${URL%/}$_p")
}
# The body without the reload script serve adds.
unscripted() {
	sed 's#<script src="/_goldthread/reload.js" data-generation="[0-9]*"></script>##' \
	    "$work/body"
}
header() { grep -i "^$1:" "$work/head" | sed 's/^[^:]*: *//' | tr -d '\r'; }
sums() {
	(cd "$1" && find . \( -path ./public -o -name '.public.*' \) -prune \
	    -o -type f ! -name 2025-26-q2.csv -exec sha256sum {} + | sort)
}
trap 'kill "$SERVE_PID" 2>/dev/null' EXIT

mkdir -p "$site"
cp -r content layouts site.conf "$site/"
find "$site" | sort > "$work/names.before"
sums "$site" > "$work/sums.before"
serve_start "$gt" "$site" "$log" || exit 1
before=0

# Served pages carry the reload script; the built ones do not.
get /measure/HS01.html
[ "$code" = 200 ] || bad "GET /measure/HS01.html: $code"
grep -q '<script src="/_goldthread/reload.js" data-generation="[0-9]*"></script></body>' \
    "$work/body" || bad "the served page has no reload script before </body>"
unscripted | cmp -s - "$out/measure/HS01.html" ||
	bad "the served page is not the built one and the script"
grep -q '_goldthread' "$out/measure/HS01.html" &&
	bad "the built page holds what serve adds"
[ "$(header Content-Type)" = "text/html; charset=utf-8" ] ||
	bad "a page's type: $(header Content-Type)"
[ "$(header Cache-Control)" = no-store ] || bad "a page is cached"
[ "$(header X-Content-Type-Options)" = nosniff ] || bad "a page may be sniffed"
get /
grep -q 'reload.js' "$work/body" && grep -q '<h1' "$work/body" ||
	bad "/ is not the index page"
for f in assets/style.css charts/risks.svg data/performance.csv \
    data/performance.json reports/annual.pdf sitemap.xml; do
	get "/$f"
	[ "$code" = 200 ] && cmp -s "$work/body" "$out/$f" ||
		bad "/$f: $code, or not the built file byte for byte"
	[ "$(header Cache-Control)" = no-store ] || bad "/$f is cached"
	echo "$f $(header Content-Type)"
done > "$work/types"
cat > "$work/types.expected" <<'EOT'
assets/style.css text/css; charset=utf-8
charts/risks.svg image/svg+xml
data/performance.csv text/csv; charset=utf-8
data/performance.json application/json
reports/annual.pdf application/pdf
sitemap.xml application/xml
EOT
diff "$work/types.expected" "$work/types" || bad "content types"
get /_goldthread/reload.js
[ "$code" = 200 ] && grep -q EventSource "$work/body" &&
	[ "$(header Content-Type)" = "text/javascript; charset=utf-8" ] ||
	bad "the reload script: $code $(header Content-Type)"
get /no-such-page.html
[ "$code" = 404 ] && grep -q 'reload.js' "$work/body" &&
	unscripted | cmp -s - "$out/404.html" ||
	bad "a missing page: $code, not the site's 404 page"
say "pages served with the reload script (the built ones without), files byte for byte, types, no-store"

# Only this machine: 127.0.0.1 unless --bind says otherwise.
case $URL in http://127.0.0.1:*) ;; *) bad "serving on $URL";; esac
port=${URL##*:}
port=${port%/}
hexport=$(printf '%04X' "$port")
grep -q "^ *[0-9]*: 0100007F:$hexport 00000000:0000 0A" /proc/net/tcp ||
	bad "not listening on 127.0.0.1:$port alone: $(grep ":$hexport " /proc/net/tcp)"
"$gt" serve "$site" --bind localhost --port 0 >/dev/null 2>"$work/err"
rc=$?
[ $rc = 2 ] && grep -q 'numeric address' "$work/err" ||
	bad "--bind localhost: exit $rc: $(cat "$work/err")"
"$gt" serve "$site" --port "$port" -o "$work/other" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 2 ] && grep -q 'Address already in use' "$work/err" ||
	bad "a port in use: exit $rc: $(cat "$work/err")"
[ ! -e "$work/other" ] || bad "a serve that could not listen claimed its output"
for args in "--port 65536" "--port -1" "--port 80x" "--pack annual"; do
	# shellcheck disable=SC2086 # the words of args
	"$gt" serve "$site" $args >/dev/null 2>"$work/err"
	rc=$?
	[ $rc = 2 ] && grep -q 'goldthread: ' "$work/err" ||
		bad "serve $args: exit $rc: $(cat "$work/err")"
done
# A page of another site whose name leads here (DNS rebinding) reads nothing.
for h in attacker.example attacker.example:$port 127.0.0.2 localhost.attacker.example; do
	get /index.html -H "Host: $h"
	[ "$code" = 403 ] || bad "Host: $h: $code, not 403"
done
for h in "localhost:$port" "LOCALHOST" "127.0.0.1:$port"; do
	get /index.html -H "Host: $h"
	[ "$code" = 200 ] || bad "Host: $h: $code, not 200"
done
say "listens on 127.0.0.1 only and answers to its names only; a name for --bind, a port in use, a bad port and --pack refused (exit 2)"

# Nothing outside the output: paths that leave it, escaped or not.
for p in '/../site.conf' '/%2e%2e/site.conf' '/%2E%2E/site.conf' \
    '/.%2e/site.conf' '/measure/..%2f..%2fsite.conf' '/measure%2f..%2f..%2fsite.conf' \
    '/measure/%2e%2e/%2e%2e/site.conf' '/..%5csite.conf' '/%5c..%5csite.conf' \
    '/measure\..\..\site.conf' '/index.html%00.png' '/%00' '/a%0a' \
    '//etc/passwd' '/./index.html' '/measure//HS01.html' '/%' '/%2' '/%zz' \
    '/measure/../index.html'; do
	get "$p"
	[ "$code" = 400 ] || bad "$p: $code, not 400"
	grep -q '\[site\]\|root:' "$work/body" && bad "$p: the file was sent"
done
# A link in the output (put there by someone) is never followed.
ln -s /etc/passwd "$out/passwd.txt"
ln -s "$site" "$out/site"
ln -s ../site.conf "$out/conf.html"
for p in /passwd.txt /site/site.conf /conf.html; do
	get "$p"
	[ "$code" = 403 ] || bad "$p, a link out of the output: $code, not 403"
	grep -q '\[site\]\|root:' "$work/body" && bad "$p: the file was sent"
done
rm "$out/passwd.txt" "$out/site" "$out/conf.html"
get /.goldthread
[ "$code" = 404 ] || bad "the marker: $code, not 404"
for m in POST PUT DELETE OPTIONS PATCH; do
	get /index.html -X "$m"
	[ "$code" = 405 ] && [ "$(header Allow)" = "GET, HEAD" ] ||
		bad "$m: $code, allow '$(header Allow)'"
done
get /reports/annual.pdf -I
[ "$code" = 200 ] && [ "$(header Content-Length)" = \
    "$(wc -c < "$out/reports/annual.pdf")" ] && ! grep -q PDF "$work/body" ||
	bad "HEAD: $code, length $(header Content-Length)"
say "traversal (.., %2e%2e, %2f, backslashes, NUL, //), links out, hidden files and other methods refused"

# The output is serve's while it runs: a build of it waits, or says so.
"$gt" build "$site" --no-wait >/dev/null 2>"$work/err"
rc=$?
[ $rc = 75 ] && grep -q 'another build of' "$work/err" ||
	bad "build --no-wait beside serve: exit $rc: $(cat "$work/err")"
say "a build of the output serve holds stops at once with --no-wait (exit 75)"

# An edited figure is served after the rebuild; open pages are told.
curl -sN "${URL}_goldthread/events" > "$work/events" &
events=$!
sleep 0.3
pdf_before=$(sha256sum < "$out/reports/cabinet-q2.pdf")
n=$(builds "$log")
set_value "$csv" HS01 "2025/26 Q2" 917
wait_builds "$log" $((n + 1)) || bad "no build after the edit"
get /measure/HS01.html
grep -q '>917<' "$work/body" || bad "the new figure is not served"
grep -q '>917<' "$out/measure/HS01.html" || bad "the new figure is not built"
tail -1 "$log" | grep -qE '^[0-9:]{8} content/data/2025-26-q2.csv: built in [0-9.]+ s, its packs in [0-9.]+ s more: [0-9]+ of [0-9]+ pages changed, [0-9]+ other files$' ||
	bad "the summary line: $(tail -1 "$log")"
sleep 0.3
kill "$events"
grep -q '^data: /measure/HS01.html$' "$work/events" &&
	grep -q '^event: reload$' "$work/events" ||
	bad "open pages were not told: $(cat "$work/events")"
# Pages first: told before the pack that shows the figure is typeset.
awk '/^event: reload$/ { n++ } /^data: \/measure\/HS01.html$/ && !p { p = n }
    /^data: \/reports\/cabinet-q2.pdf$/ && !d { d = n }
    END { exit !(p && d && p < d) }' "$work/events" ||
	bad "the pages were not told before the packs: $(cat "$work/events")"
grep -q '^data: /how-we-measure.html$\|^data: \*$' "$work/events" &&
	bad "pages the edit did not change were told to reload"
[ "$(sha256sum < "$out/reports/cabinet-q2.pdf")" != "$pdf_before" ] ||
	bad "the cabinet pack (which shows HS01) was not made again"
get /reports/cabinet-q2.pdf
cmp -s "$work/body" "$out/reports/cabinet-q2.pdf" || bad "the new pack is not served"
say "an edited figure is served after the rebuild; pages showing it are told to reload, then (typeset after) its pack"

# The packs: each pack's preview page shows its PDF.
get /_goldthread/
[ "$code" = 200 ] || bad "the list of packs: $code"
for p in annual cabinet-q2 climate scrutiny-place; do
	grep -q "href=\"/_goldthread/pack/$p\"" "$work/body" ||
		bad "the list does not name $p"
done
get /_goldthread/pack/cabinet-q2
[ "$code" = 200 ] && grep -q '<iframe src="/reports/cabinet-q2.pdf"' \
    "$work/body" && grep -q 'reload.js' "$work/body" ||
	bad "the preview of cabinet-q2: $code"
for p in /_goldthread/pack/nope /_goldthread/pack/../site.conf \
    '/_goldthread/pack/%2e%2e' /_goldthread/pack/ /_goldthread/nothing; do
	get "$p"
	[ "$code" = 404 ] || bad "$p: $code, not 404"
done
say "each pack's PDF and its preview page (the PDF in the browser's viewer); no other names"

# A failed edit: the last good site, with a banner on every page.
good=$(sha256sum < "$out/measure/HS01.html")
n=$(builds "$log")
set_value "$csv" HS01 "2025/26 Q2" '<b>seventy</b>'
wait_builds "$log" $((n + 1)) || bad "no build after the bad edit"
tail -2 "$log" | head -1 | grep -q 'failed in .* (1 error); serving the last good build' ||
	bad "the failure's summary: $(tail -2 "$log")"
msg="content/data/2025-26-q2.csv:2:17: error: not a number: value '<b>seventy</b>'"
[ "$(grep -cxF "$msg" "$log")" = 1 ] || bad "the diagnostic is not on the terminal once"
[ "$(sha256sum < "$out/measure/HS01.html")" = "$good" ] ||
	bad "the failed build changed the output"
for p in /measure/HS01.html /index.html /risks.html /no-such-page.html \
    /_goldthread/pack/annual; do
	get "$p"
	grep -q '<div id="goldthread-serve" role="alert"' "$work/body" &&
	    grep -qF "value '&lt;b&gt;seventy&lt;/b&gt;'" "$work/body" ||
		bad "$p has no banner with the diagnostic, escaped"
	grep -q '<b>seventy' "$work/body" && bad "$p: the value is not escaped"
	grep -o '<div id="goldthread-serve".*</ul></div>' "$work/body" |
	    grep -q '<a \|href=' && bad "$p: the banner links"
done
get /measure/HS01.html
grep -q '>917<' "$work/body" || bad "the last good figure is not served"
grep -rq 'goldthread-serve' "$out" && bad "a built file holds the banner"
# The same failure again: said in the summary, not printed again.
n=$(builds "$log")
touch "$site/content/plan.md"
wait_builds "$log" $((n + 1)) || bad "no build after touching plan.md"
[ "$(grep -cxF "$msg" "$log")" = 1 ] || bad "the same diagnostic printed again"
tail -1 "$log" | grep -q 'content/plan.md: failed in .*, as before)' ||
	bad "the repeated failure's summary: $(tail -1 "$log")"
n=$(builds "$log")
set_value "$csv" HS01 "2025/26 Q2" 918
wait_builds "$log" $((n + 1)) || bad "no build after the fix"
tail -1 "$log" | grep -q 'built in .*; the banner is gone$' ||
	bad "the fix's summary: $(tail -1 "$log")"
get /risks.html
grep -q 'goldthread-serve' "$work/body" && bad "the banner stayed after the fix"
say "a failed edit serves the last good site with the diagnostics (escaped, no links) on every page, printed once"

# Ctrl-C: stops after the build under way; the output is whole, as a
# fresh build of the same input makes it; nothing else in the site.
# Stopped while a build is under way (its staging folder is there).
caught=
for v in 919 920 921 922 923 924 925 926; do
	n=$(builds "$log")
	set_value "$csv" HS01 "2025/26 Q2" $v
	while [ "$(builds "$log")" -eq "$n" ] && [ -z "$caught" ]; do
		if [ -d "$site/.public.tmp-$SERVE_PID" ]; then
			kill -INT "$SERVE_PID"
			caught=$v
		fi
		sleep 0.01
	done
	[ -n "$caught" ] && break
done
[ -n "$caught" ] || { bad "no build was caught under way"; kill -INT "$SERVE_PID"; }
wait "$SERVE_PID"
rc=$?
[ $rc = 0 ] || bad "serve stopped with exit $rc"
tail -1 "$log" | grep -q "^goldthread: stopped; '$out' holds the last good build$" ||
	bad "the last line: $(tail -1 "$log")"
grep -q ">$caught<" "$out/measure/HS01.html" ||
	bad "the build under way at Ctrl-C was not finished"
ls -a "$site" | grep -q '^\.public\.tmp-' && bad "a staging folder is left"
"$gt" build "$site" --no-cache -o "$work/fresh" >/dev/null 2>&1
diff -r -x .goldthread "$out" "$work/fresh" >/dev/null ||
	bad "the output after Ctrl-C differs from a fresh build"
find "$site" \( -path "$out" -o -name '.public.*' \) -prune -o -print |
    sort | diff "$work/names.before" - > "$work/names.diff" ||
	bad "serve wrote into the site folder: $(cat "$work/names.diff")"
sums "$site" | diff "$work/sums.before" - >/dev/null ||
	bad "a file of the site changed"
say "Ctrl-C finishes the build under way; the output is whole and as a fresh build makes it; nothing else written"

# A site that does not build yet: a page of serve's own with the banner,
# until the fix builds it.
cp -r "$site" "$work/broken"
rm -rf "$work/broken/public" "$work/broken"/.public.*
set_value "$work/broken/content/data/2025-26-q2.csv" HS01 "2025/26 Q2" x
serve_start "$gt" "$work/broken" "$log.broken" || exit 1
head -1 "$log.broken" | grep -q '^goldthread: failed in .* (1 error); serving the last good build' ||
	bad "a first build that fails: $(head -1 "$log.broken")"
get /
[ "$code" = 404 ] && grep -q 'Not found' "$work/body" &&
	grep -qF "value 'x'" "$work/body" && grep -q 'reload.js' "$work/body" ||
	bad "before a first good build, /: $code, no banner"
set_value "$work/broken/content/data/2025-26-q2.csv" HS01 "2025/26 Q2" 82
wait_builds "$log.broken" 1 || bad "no build after the fix"
get /
[ "$code" = 200 ] && ! grep -q 'goldthread-serve' "$work/body" ||
	bad "after the fix, /: $code"
kill -TERM "$SERVE_PID"
wait "$SERVE_PID" || bad "SIGTERM: exit $?"
say "a site that does not build yet is served a page with the banner until it does; SIGTERM stops it"

trap - EXIT
[ "$fails" -eq 0 ] || { echo "serve: $fails failed"; exit 1; }
echo "serve: all passed"
