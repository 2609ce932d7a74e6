# lib.sh: shared by the serve tests (sourced). Every server listens on a
# port the system chooses (--port 0), read from the line it says it is
# serving on: tests of other worktrees run at the same time.

# serve_start GOLDTHREAD DIR LOG [ARGS...]: starts goldthread serve; sets
# SERVE_PID and URL once it serves (or returns 1, the log shown).
serve_start() {
	_bin=$1 _dir=$2 _log=$3
	shift 3
	: > "$_log"
	"$_bin" serve "$_dir" --port 0 "$@" >"$_log" 2>&1 &
	SERVE_PID=$!
	_i=0
	while ! grep -q '^goldthread: serving ' "$_log"; do
		_i=$((_i + 1))
		if [ $_i -gt 1200 ] || ! kill -0 "$SERVE_PID" 2>/dev/null; then
			echo "serve did not start:"
			cat "$_log"
			return 1
		fi
		sleep 0.1
	done
	URL=$(sed -n 's/^goldthread: serving \(http[^ ]*\) .*/\1/p' "$_log" |
	    head -1)
}

# builds LOG: how many builds after a change the log reports.
builds() {
	grep -cE '^([0-9]{2}:){2}[0-9]{2} .*: (built|failed) in ' "$1"
}

# wait_builds LOG N: until the log reports N builds after changes (0 if
# it does within 120 s).
wait_builds() {
	_i=0
	while [ "$(builds "$1")" -lt "$2" ]; do
		_i=$((_i + 1))
		[ $_i -gt 2400 ] && return 1
		sleep 0.05
	done
	return 0
}

# set_value CSV MEASURE PERIOD VALUE: the figure in that row, written as
# editors write (a new file renamed over the old one).
set_value() {
	awk -F, -v OFS=, -v m="$2" -v p="$3" -v v="$4" '
	    { k = $1; sub(/^\357\273\277/, "", k) }
	    k == m && $2 == p { $3 = v } { print }' "$1" > "$1.tmp~" &&
	    mv "$1.tmp~" "$1"
}

# rss PID: the resident memory of a process, in KiB.
rss() {
	awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}
