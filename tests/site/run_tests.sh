#!/bin/sh
# Self-test of sitecheck: builds tiny fixture sites under tests/site/fixtures/
# (good passes; each bad one fails with the expected message), then runs
# sitecheck on each and checks its exit status and output.
#
#   tests/site/run_tests.sh [SITECHECK_BINARY]
#
# Builds build/sitecheck itself when no binary is given (CC, CFLAGS honoured).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
bin=${1:-}
if [ -z "$bin" ]; then
	mkdir -p "$top/build"
	bin=$top/build/sitecheck
	${CC:-cc} ${CFLAGS:--O2 -g} -std=c11 -Wall -Wextra -o "$bin" "$here/sitecheck.c" \
		$(pkg-config --cflags --libs libxml-2.0 jansson) || { echo "sitecheck: build failed"; exit 1; }
fi
fx=$here/fixtures
rm -rf "$fx"
mkdir -p "$fx"

# page DIR FILE TITLE BODY [LANG]: writes a well-formed page
page() {
	mkdir -p "$(dirname "$fx/$1/$2")"
	cat > "$fx/$1/$2" <<PAGE
<!DOCTYPE html>
<html${5-" lang=\"en\""}>
<head>
<meta charset="utf-8">
<title>$3</title>
<link rel="stylesheet" href="$(echo "$2" | sed 's|[^/]*/|../|g; s|[^/]*$||')css/site.css">
</head>
<body>
$4
</body>
</html>
PAGE
}
css() {
	mkdir -p "$fx/$1/css" "$fx/$1/fonts"
	printf 'body { font-family: Body, sans-serif; }\n@font-face { font-family: Body; src: url("../fonts/body.woff2") format("woff2"); }\n' > "$fx/$1/css/site.css"
	printf 'x' > "$fx/$1/fonts/body.woff2"
}

# --- good: HTML5 elements, svg, srcset, anchors, folders, queries ---------
css good
mkdir -p "$fx/good/img"
printf 'x' > "$fx/good/img/logo.png"; printf 'x' > "$fx/good/img/logo@2x.png"
page good index.html "Home" '<header><nav><a href="#main">Skip</a> <a href="measures/">Measures</a>
<a href="measures/m1.html#trend">M1 trend</a> <a href="about.html?x=1#team">About</a>
<a href="https://example.org/">Elsewhere</a> <a href="mailto:a@b.c">Mail</a> <a href="tel:+441">Tel</a></nav></header>
<main id="main"><h1>Performance</h1>
<section><figure><img src="img/logo.png" srcset="img/logo.png 1x, img/logo@2x.png 2x" alt="Logo">
<figcaption>Logo</figcaption></figure>
<img src="img/logo.png" alt="">
<svg role="img" aria-label="chart" viewBox="0 0 10 10"><title>chart</title><defs><g id="dot"><circle r="1"/></g></defs><use href="#dot"/></svg>
<picture><source srcset="img/logo@2x.png" type="image/png"><img src="img/logo.png" alt="Logo again"></picture>
<p style="background: url(img/logo.png)">styled</p></section></main>
<footer><a href="#">Top</a> <a href="">Self</a></footer>'
page good about.html "About" '<main><h1>About</h1><h2 id="team">Team</h2><p><a href="./">Home</a> <a href="/index.html">Root home</a></p></main>'
page good measures/index.html "Measures" '<main><h1>Measures</h1><ul><li><a href="m1.html">M1</a></li><li><a href="../index.html#main">Home</a></li></ul></main>'
page good measures/m1.html "M1" '<main><h1>M1</h1><div id="trend"><img src="../img/logo.png" alt="Trend"></div><a id="x" name="old"></a><a href="#old">old anchor</a></main>'

# --- bad sites: one fault each --------------------------------------------
css broken-link
page broken-link index.html "Home" '<main><h1>Home</h1><a href="missing.html">x</a><a href="sub/">y</a></main>'
mkdir -p "$fx/broken-link/sub"

css missing-alt
mkdir -p "$fx/missing-alt/img"; printf 'x' > "$fx/missing-alt/img/a.png"
page missing-alt index.html "Home" '<main><h1>Home</h1><img src="img/a.png"></main>'

css two-h1
page two-h1 index.html "Home" '<main><h1>One</h1>
<h1>Two</h1></main>'

css missing-lang
page missing-lang index.html "Home" '<main><h1>Home</h1></main>' ""
page missing-lang empty.html "Empty lang" '<main><h1>Home</h1></main>' ' lang=" "'

css missing-anchor
page missing-anchor index.html "Home" '<main><h1>Home</h1><a href="other.html#nowhere">x</a><a href="#gone">y</a></main>'
page missing-anchor other.html "Other" '<main><h1 id="here">Other</h1></main>'

css external-stylesheet
page external-stylesheet index.html "Home" '<link rel="stylesheet" href="https://cdn.example.com/x.css"><main><h1>Home</h1><script src="//cdn.example.com/x.js"></script><img src="http://example.com/a.png" alt="a"></main>'

css escaping
page escaping index.html "Home" '<main><h1>Home</h1><a href="../outside.html">out</a><img src="img/../../x.png" alt="x"></main>'

css no-title
page no-title index.html "  " '<main><h1>Home</h1></main>'

css duplicate-id
page duplicate-id index.html "Home" '<main><h1 id="a">Home</h1><p id="a">x</p></main>'

css css-url
printf '.x { background: url(../img/missing.png); }\n@import "more.css";\n' >> "$fx/css-url/css/site.css"
printf '@font-face { src: url(https://fonts.example.com/f.woff2); }\n' > "$fx/css-url/css/more.css"
page css-url index.html "Home" '<main><h1>Home</h1></main>'

# a heading level skipped, a region without a name, labels naming nothing,
# and (with --lang) a page in another language
css structure
page structure index.html "Home" '<main><h1>Home</h1><h3>Too deep</h3>
<div role="region" tabindex="0"><table><caption>T</caption></table></div>
<div role="region" aria-labelledby="nothing"><img src="css/site.css" alt="x" aria-describedby="gone"></div></main>'

# open data that disagree with the pages: a measure with no page, a row short
css open-data
page open-data index.html "Home" '<main><h1>Home</h1><a href="measure/M1.html">M1</a></main>'
page open-data measure/M1.html "M1" '<main><h1>M1</h1></main>'
mkdir -p "$fx/open-data/data"
printf '{"measures": [{"id": "M1", "figures": [{"value": 1}, {"value": 2}]},\n{"id": "M2", "figures": []}]}\n' \
	> "$fx/open-data/data/performance.json"
printf 'measure,note\nM1,"two\nlines"\n' > "$fx/open-data/data/performance.csv"

# --- run -------------------------------------------------------------------
passed=0 failed=0
# expect NAME STATUS PATTERN...: runs sitecheck on fixture NAME and checks the
# exit status and that each grep pattern appears in the output.
expect() {
	name=$1 want=$2; shift 2
	out=$("$bin" ${lang:+--lang "$lang"} "$fx/$name" 2>&1); got=$?
	ok=1
	[ "$got" = "$want" ] || { ok=0; echo "  $name: exit $got, wanted $want"; }
	for pat in "$@"; do
		printf '%s\n' "$out" | grep -qF -- "$pat" || { ok=0; echo "  $name: no line with: $pat"; }
	done
	if [ $ok = 1 ]; then passed=$((passed + 1)); echo "ok   $name";
	else failed=$((failed + 1)); echo "FAIL $name"; printf '%s\n' "$out" | sed 's/^/    | /'; fi
}
r=$fx
expect good 0 "sitecheck: 4 pages, " ", 0 problems"
expect broken-link 1 "$r/broken-link/index.html:9: error: <a href> 'missing.html': no such file 'missing.html'" \
	"<a href> 'sub/' is a folder with no index.html" ", 2 problems"
expect missing-alt 1 "$r/missing-alt/index.html:9: error: <img src=\"img/a.png\"> has no alt attribute" ", 1 problems"
expect two-h1 1 "$r/two-h1/index.html:10: error: more than one <h1> in the page (first at line 9)" ", 1 problems"
expect missing-lang 1 "$r/missing-lang/index.html:2: error: <html> has no lang attribute" \
	"$r/missing-lang/empty.html:2: error: <html lang> is empty" ", 2 problems"
expect missing-anchor 1 "<a href> 'other.html#nowhere': no element with id 'nowhere' in 'other.html'" \
	"<a href> '#gone': no element with id 'gone' in 'index.html'" ", 2 problems"
expect external-stylesheet 1 "<link href> loads 'https://cdn.example.com/x.css' from another site" \
	"<script src> loads '//cdn.example.com/x.js' from another site" \
	"<img src> loads 'http://example.com/a.png' from another site" ", 3 problems"
expect escaping 1 "<a href> '../outside.html' leaves the site folder" \
	"<img src> 'img/../../x.png' leaves the site folder" ", 2 problems"
expect no-title 1 "$r/no-title/index.html:5: error: <title> is empty" ", 1 problems"
expect duplicate-id 1 "$r/duplicate-id/index.html:9: error: duplicate id 'a' (first at line 9)" ", 1 problems"
expect css-url 1 "$r/css-url/css/site.css:3:18: error: CSS url() '../img/missing.png': no such file 'img/missing.png'" \
	"$r/css-url/css/more.css:1:19: error: CSS url() loads 'https://fonts.example.com/f.woff2' from another site" ", 2 problems"
lang=en-GB expect structure 1 "$r/structure/index.html:9: error: <h3> follows <h1>: a heading level is skipped" \
	"$r/structure/index.html:10: error: a role=\"region\" has no name (aria-labelledby)" \
	"$r/structure/index.html:11: error: aria-labelledby '#nothing': no element with id 'nothing' in 'index.html'" \
	"$r/structure/index.html:11: error: aria-describedby '#gone': no element with id 'gone' in 'index.html'" \
	"$r/structure/index.html:2: error: <html lang=\"en\">, not \"en-GB\"" ", 5 problems"
lang=
expect open-data 1 "$r/open-data/data/performance.json: error: measure M2 has no page measure/M2.html" \
	"$r/open-data/data/performance.csv: error: 1 rows, but the JSON has 2 figures" ", 2 problems"

# usage errors
"$bin" >/dev/null 2>&1; s1=$?
"$bin" "$fx/does-not-exist" >/dev/null 2>&1; s2=$?
if [ $s1 = 2 ] && [ $s2 = 2 ]; then passed=$((passed + 1)); echo "ok   usage"
else failed=$((failed + 1)); echo "FAIL usage: exit $s1 and $s2, wanted 2 and 2"; fi

echo "$passed passed, $failed failed"
[ $failed = 0 ]
