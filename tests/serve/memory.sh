#!/bin/sh
# memory.sh GOLDTHREAD WORKDIR SITE EDITS [MAX_KIB]: goldthread serve on a
# copy of SITE through EDITS edits, one build each (figures changed, a
# figure that is not a number and its fix, a Markdown body, a pack's
# title in site.conf), then Ctrl-C. Its resident memory is read after the
# tenth edit and after the last: with MAX_KIB, growing more than that
# fails. GT_WRAP runs it under a tool (valgrind ...), whose exit status
# (an error or a leak) fails too.
set -u
gt=$(realpath "$1") work=$2 src=$3 edits=$4 max=${5:-}
[ "$edits" -ge 10 ] || { echo "memory.sh: EDITS must be 10 or more"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
site=$work/site log=$work/serve.log
cp -r "$src" "$site"
rm -rf "$site/public" "$site"/.public.*
for csv in "$site"/content/data/*.csv; do
	head -1 "$csv" | grep -q 'measure,period,value' && break
done
row=$(awk -F, 'NR > 1 && $3 ~ /^[0-9.]+$/ { print $1 "," $2; exit }' "$csv")
measure=${row%%,*} period=${row#*,}
md=$(ls "$site"/content/measures/*.md | head -1)
conf=$site/site.conf
# shellcheck disable=SC2086 # GT_WRAP is a command and its words
set -- ${GT_WRAP:-}
[ $# -gt 0 ] && wrap="$*" || wrap=
trap 'kill "$SERVE_PID" 2>/dev/null' EXIT
fail=0
if [ -n "$wrap" ]; then
	# The tool runs the program; its words come first.
	cat > "$work/gt" <<EOF
#!/bin/sh
exec $wrap "$gt" "\$@"
EOF
	chmod +x "$work/gt"
	serve_start "$work/gt" "$site" "$log" || exit 1
else
	serve_start "$gt" "$site" "$log" || exit 1
fi

edit() {	# edit K: the K-th edit, of its own kind
	case $(($1 % 5)) in
	0) set_value "$csv" "$measure" "$period" "$((40 + $1 % 7))";;
	1) set_value "$csv" "$measure" "$period" "not-a-number-$1";;
	2) set_value "$csv" "$measure" "$period" "$((50 + $1 % 3)).5";;
	3) printf '\nEdit %s of the definition.\n' "$1" >> "$md";;
	4) sed "s/^\(title = .*\)/\1 $1/" "$conf" > "$conf.tmp~" &&
	    mv "$conf.tmp~" "$conf";;
	esac
}

k=1
while [ $k -le "$edits" ]; do
	edit $k
	if ! wait_builds "$log" $k; then
		echo "serve-memory: FAIL: edit $k was not built"
		tail -5 "$log"
		fail=1
		break
	fi
	[ $k = 10 ] && at10=$(rss "$SERVE_PID")
	[ $((k % 10)) = 0 ] && series="${series:-}$((k)):$(rss "$SERVE_PID") "
	k=$((k + 1))
done
last=$(rss "$SERVE_PID")
failed=$(grep -cE '^([0-9]{2}:){2}[0-9]{2} .*: failed in ' "$log")
bad=$(( (edits + 4) / 5 ))
[ "$failed" = "$bad" ] || { echo "serve-memory: FAIL: $failed builds failed, not the $bad bad edits"; fail=1; }
kill -INT "$SERVE_PID"
wait "$SERVE_PID"
rc=$?
trap - EXIT
[ $rc = 0 ] || { echo "serve-memory: FAIL: exit $rc"; tail -30 "$log"; fail=1; }
grep -q "^goldthread: stopped; " "$log" || { echo "serve-memory: FAIL: did not stop cleanly"; fail=1; }
echo "serve-memory: $(basename "$src"): $edits edits ($failed failed on purpose):" \
    "resident $((${at10:-0} / 1024)) MiB after 10, $((last / 1024)) MiB after" \
    "$edits ($((last - ${at10:-0})) KiB more)${max:+; limit $max KiB more}"
echo "serve-memory: resident KiB after each ten edits: ${series:-}"
if [ -n "$max" ] && [ $((last - ${at10:-0})) -gt "$max" ]; then
	echo "serve-memory: FAIL: grew by more than $max KiB"
	fail=1
fi
exit $fail
