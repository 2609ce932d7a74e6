#!/bin/sh
# hugoplan.sh PLAN OUT: the equivalent Hugo site of a goldthread plan (as
# genplan writes it), for comparing build times: a page per measure (its
# figures in a table and an inline SVG sparkline), objective and priority,
# a list page per section and a home page, on a minimal theme. POSIX sh and
# awk only.
set -eu
plan=$1
out=$2
rm -rf "$out"
mkdir -p "$out/content/measure" "$out/content/objective" \
	"$out/content/priority" "$out/themes/gtbench/layouts/_default" \
	"$out/themes/gtbench/layouts/measure" \
	"$out/themes/gtbench/layouts/partials"

cat > "$out/config.toml" <<'TOML'
baseURL = "https://example.org/"
title = "Benchmark council"
theme = "gtbench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
TOML

cp "$plan"/content/objectives/*.md "$out/content/objective/"
cp "$plan"/content/priorities/*.md "$out/content/priority/"

# Measures: their front matter plus a values list (figures only, in order).
awk -v dir="$out/content/measure" '
FNR == 1 { file++ }
file == 1 {			# values.csv: measure,period,value,note,flag
	if (FNR == 1) next
	split($0, c, ",")
	if (c[3] ~ /^-?[0-9.]+$/) {
		v[c[1]] = v[c[1]] (v[c[1]] == "" ? "" : ", ") c[3]
		rows[c[1]] = rows[c[1]] "| " c[2] " | " c[3] " |\n"
	}
	next
}
FNR == 1 { n = split(FILENAME, p, "/"); out = dir "/" p[n]; fence = 0 }
/^id: / { id = $2 }
/^---$/ && ++fence == 2 {
	print "values: [" v[id] "]" > out
	print "---" > out
	print "| period | value |\n| --- | --- |\n" rows[id] > out
	next
}
{ print > out }
' "$plan/content/data/values.csv" "$plan"/content/measures/*.md

t=$out/themes/gtbench/layouts
cat > "$t/_default/baseof.html" <<'HTML'
<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head><body><main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
cat > "$t/_default/single.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
HTML
cat > "$t/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ if .Params.values }}{{ partial "spark.html" . }}{{ end }}</li>
{{ end }}</ul>{{ end }}
HTML
cp "$t/_default/list.html" "$t/index.html"
cat > "$t/measure/single.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ .Params.unit }}, {{ .Params.frequency }}, {{ .Params.polarity }} is
better; objective {{ .Params.objective }}.</p>
{{ partial "spark.html" . }}{{ .Content }}{{ end }}
HTML
cat > "$t/partials/spark.html" <<'HTML'
{{ $v := .Params.values }}{{ $n := len $v }}{{ if gt $n 1 }}
{{ $lo := index $v 0 }}{{ $hi := $lo }}
{{ range $v }}{{ if lt . $lo }}{{ $lo = . }}{{ end }}{{ if gt . $hi }}{{ $hi = . }}{{ end }}{{ end }}
{{ $span := sub $hi $lo }}{{ if le $span 0 }}{{ $span = 1.0 }}{{ end }}
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32" viewBox="0 0 120 32" role="img" aria-label="Trend of {{ .Title }}"><polyline fill="none" stroke="#1d4e89" stroke-width="1.5" points="{{ range $i, $x := $v }}{{ div (mul (float $i) 118.0) (float (sub $n 1)) | printf "%.1f" }},{{ sub 31.0 (div (mul (sub $x $lo) 30.0) $span) | printf "%.1f" }} {{ end }}"/></svg>
{{ end }}
HTML
