#!/bin/sh
# latency.sh GOLDTHREAD GENPLAN WORKDIR [EDITS]: how long an edit takes to
# show in an open page under goldthread serve: in Debian's Chromium, the
# measure page of a CSV row stays open while the row's figure is changed
# EDITS times (default 20), and each time the seconds from the file being
# written (renamed into place) to the page having loaded again are
# taken. On a copy of the example (limit 0.5 s, the median) and on a
# generated plan of 1,000 measures (limit 1 s). Exit 1 if either median
# is over its limit.
set -u
gt=$(realpath "$1") genplan=$2 work=$3 edits=${4:-20}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work/example"
work=$(cd "$work" && pwd)
cp -r content layouts site.conf "$work/example/"
"$genplan" 1000 "$work/plan1000" >/dev/null
echo "serve-latency: load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
rc=0
node "$here/reload.mjs" latency "$gt" "$work/example" \
    "$work/example/content/data/2025-26-q2.csv" 2 "$edits" 500 || rc=1
node "$here/reload.mjs" latency "$gt" "$work/plan1000" \
    "$work/plan1000/content/data/values.csv" 2 "$edits" 1000 || rc=1
exit $rc
