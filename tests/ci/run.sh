#!/bin/sh
# The CI recipes (tests/ci/github/goldthread.yml, tests/ci/gitlab/
# .gitlab-ci.yml) run as their CI would run them, but for installing
# goldthread: run.sh BIN CISTEPS. Their commands (read by CISTEPS with
# libyaml) run with errexit in a council's repository (the example's
# site.conf and content/) with BIN as `goldthread` on the PATH:
# - clean, every step succeeds: the site and each pack are built, and
#   the packs are kept as NAME-PERIOD.pdf, one for each pack; GitLab's
#   Code Quality report is an empty JSON array;
# - with a broken golden thread, the check step fails: GitHub's workflow
#   commands name the file, line and column; GitLab's report lists the
#   problem at its line, and the log has it as text.
set -u
bin=$(realpath "$1") cisteps=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
src=$(pwd)
tmp=$(mktemp -d /tmp/gt-ci-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "ci: $*"; fail=1; }

mkdir -p "$tmp/bin"
ln -s "$bin" "$tmp/bin/goldthread"
PATH=$tmp/bin:$PATH
export PATH

# repo NAME: a council's repository, as a checkout holds it.
repo() {
	rm -rf "$tmp/$1"
	mkdir -p "$tmp/$1"
	cp -r "$src/site.conf" "$src/content" "$tmp/$1/"
}

# steps KIND FILE DIR: the recipe's commands into DIR/1.sh, ...
steps() {
	mkdir -p "$3"
	"$cisteps" "$1" "$2" "$3" || { bad "$2: commands not read"; return 1; }
}

packs_kept() {
	want=$(goldthread packs "$1" | tail -n +2 |
	    awk -F, '{ p = $2; gsub(/[\/ ]/, "-", p); print $1 "-" p ".pdf" }' |
	    sort)
	got=$(cd "$1/packs" 2>/dev/null && ls | sort)
	[ -n "$want" ] && [ "$want" = "$got" ] ||
		bad "$2: packs kept as '$(echo $got)', not '$(echo $want)'"
	for f in $got; do
		head -c 5 "$1/packs/$f" | grep -q '%PDF-' || bad "$2: $f is no PDF"
	done
	[ -f "$1/public/index.html" ] || bad "$2: no site built"
}

# GitHub Actions: each step in a shell of its own, as the runner does.
steps github "$here/github/goldthread.yml" "$tmp/gh" && {
	repo gh-repo
	for s in $(ls "$tmp/gh" | sort -n); do
		(cd "$tmp/gh-repo" && sh -e "$tmp/gh/$s") > "$tmp/gh-$s.out" 2>&1 ||
			{ bad "github step $s failed:"; cat "$tmp/gh-$s.out"; }
	done
	packs_kept "$tmp/gh-repo" github
	[ -s "$tmp/gh-1.out" ] && { bad "github: a clean check said:";
		cat "$tmp/gh-1.out"; }
	# A typo in an objective id: the check step fails and says where.
	repo gh-broken
	sed -i 's/^objective: homes-homelessness$/objective: homes-homelesness/' \
	    "$tmp/gh-broken/content/measures/hs05.md"
	if (cd "$tmp/gh-broken" && sh -e "$tmp/gh/1.sh") > "$tmp/gh-bad.out" 2>&1
	then
		bad "github: the check passed a broken golden thread"
	fi
	grep -q -x '::error file=content/measures/hs05.md,line=4,col=12,title=unknown-objective::no objective has this id: '"'"'homes-homelesness'"'" \
	    "$tmp/gh-bad.out" ||
		{ bad "github: no workflow command for the error:"; cat "$tmp/gh-bad.out"; }
}

# GitLab CI: a job's script lines in one shell with errexit.
steps gitlab "$here/gitlab/.gitlab-ci.yml" "$tmp/gl" && {
	repo gl-repo
	(cd "$tmp/gl-repo" && sh -e "$tmp/gl/1.sh") > "$tmp/gl.out" 2>&1 ||
		{ bad "gitlab job failed:"; cat "$tmp/gl.out"; }
	packs_kept "$tmp/gl-repo" gitlab
	[ "$(tr -d ' \n' < "$tmp/gl-repo/gl-code-quality-report.json")" = "[]" ] ||
		bad "gitlab: a clean check's report is not []"
	repo gl-broken
	sed -i 's/^objective: homes-homelessness$/objective: homes-homelesness/' \
	    "$tmp/gl-broken/content/measures/hs05.md"
	if (cd "$tmp/gl-broken" && sh -e "$tmp/gl/1.sh") > "$tmp/gl-bad.out" 2>&1
	then
		bad "gitlab: the job passed a broken golden thread"
	fi
	r=$tmp/gl-broken/gl-code-quality-report.json
	grep -q '"check_name": "unknown-objective"' "$r" &&
	    grep -q '"path": "content/measures/hs05.md"' "$r" &&
	    grep -q '"begin": 4' "$r" ||
		{ bad "gitlab: the report does not place the error:"; cat "$r"; }
	grep -q "^content/measures/hs05.md:4:12: error: no objective" \
	    "$tmp/gl-bad.out" || bad "gitlab: the log does not say the error"
	[ -d "$tmp/gl-broken/packs" ] && bad "gitlab: packs kept after a failed check"
}

[ "$fail" -eq 0 ] && echo "ci: the GitHub and GitLab recipes check, build and keep the packs"
exit $fail
