#!/bin/sh
# PDF/UA-1: every pack of the example (already built into PACKS), a chart
# of it (goldthread chart -o FILE.pdf) and every pack of a generated
# 1,000-measure plan pass uacheck (tests/pdf/uacheck.c), and
# uacheck fails a pack broken on purpose in one way, with that failure
# condition alone: one Figure's /Alt removed first, then one of each other
# kind it checks. A pack is broken through qpdf's QDF form, where every
# object and content stream is plain text, and fix-qdf (both from Debian's
# qpdf) mends the lengths and offsets after the edit.
#
#   tests/pdf/ua.sh BIN UACHECK GENPLAN SITE PACKS WORK
set -u
export LC_ALL=C
bin=$1 uacheck=$2 genplan=$3 site=$4 packs=$5 work=$6
fail=0
bad() { echo "pdf/ua: $*"; fail=1; }

rm -rf "$work" && mkdir -p "$work" || exit 1
"$uacheck" "$packs"/*.pdf || bad "the example's packs fail (above)"
"$bin" chart EC01 "$site" -o "$work/chart.pdf" && "$uacheck" "$work/chart.pdf" ||
	bad "goldthread chart -o FILE.pdf fails (above)"

"$genplan" 1000 "$work/plan" >/dev/null || { bad "genplan failed"; exit 1; }
"$bin" build "$work/plan" -o "$work/site" 2>"$work/build.err" ||
	{ cat "$work/build.err"; bad "the 1,000-measure plan does not build"; }
n=$(ls "$work"/site/reports/*.pdf 2>/dev/null | wc -l)
[ "$n" -ge 1 ] || bad "the 1,000-measure plan has no packs"
"$uacheck" "$work"/site/reports/*.pdf ||
	bad "the 1,000-measure plan's packs fail (above)"

# broken NAME CHECKPOINT AWK: the annual pack with AWK run over its QDF
# form must fail with CHECKPOINT and nothing else.
qpdf --qdf --object-streams=disable "$packs/annual.pdf" "$work/annual.qdf" ||
	{ bad "qpdf cannot read the annual pack"; exit 1; }
broken() {
	awk "$3" "$work/annual.qdf" > "$work/$1.qdf" &&
	    fix-qdf "$work/$1.qdf" > "$work/$1.pdf" || { bad "$1: cannot edit"; return; }
	cmp -s "$work/annual.qdf" "$work/$1.qdf" && { bad "$1: the edit changed nothing"; return; }
	"$uacheck" "$work/$1.pdf" > "$work/$1.out"
	rc=$?
	other=$(grep -v -F "[$2]" "$work/$1.out")
	if [ $rc -ne 1 ] || ! grep -q -F "[$2]" "$work/$1.out" || [ -n "$other" ]; then
		cat "$work/$1.out"
		bad "$1: uacheck exits $rc, not 1 with [$2] alone"
	fi
}
# Objects are kept whole, so that an edit can see which object it is in.
obj='/^[0-9]+ 0 obj$/ { printf "%s", o; o = "" } { o = o $0 "\n" } /^endobj$/ { printf "%s", fix(o); o = "" } END { printf "%s", o }'
# The first object holding `has` loses its first line matching `line`.
drop() { printf 'function fix(s) { if (!done && s ~ /%s/ && match(s, /\\n%s[^\\n]*/)) { done = 1; return substr(s, 1, RSTART) substr(s, RSTART + RLENGTH + 1) } return s } %s' "$1" "$2" "$obj"; }
# The first `from` in the file becomes `to`.
swap() { printf '!done && index($0, "%s") { i = index($0, "%s"); $0 = substr($0, 1, i - 1) "%s" substr($0, i + length("%s")); done = 1 } { print }' "$1" "$1" "$2" "$1"; }

broken alt 13-004 "$(drop '\/S \/Figure' ' *\/Alt ')"
broken lang 11-001 "$(drop '\/Type \/Catalog' ' *\/Lang ')"
broken scope 15-003 "$(swap '/Scope /' '/Scopx /')"
broken doctitle 07-002 "$(swap '/DisplayDocTitle true' '/DisplayDocTitle false')"
broken pdfuaid 06-002 "$(swap '<pdfuaid:part>1<' '<pdfuaid:part>2<')"
broken artifact 01-005 "$(swap '/Artifact << /Type /Pagination /Subtype /Footer >> BDC' '/Span << /Type /Pagination /Subtype /Footer >> BDC')"
broken tabs 28-008 "$(drop '\/Tabs \/S' ' *\/Tabs ')"
broken contents 28-012 "$(drop '\/Subtype \/Link' ' *\/Contents [(<]')"
broken linktext 'link text' "$(drop '\/S \/Link' ' *\/Alt ')"
broken heading 14-003 "$(swap '/S /H2' '/S /H3')"
broken rolemap 02-001 '!done && $0 == "  /S /P" { $0 = "  /S /Para"; done = 1 } { print }'
[ $fail -eq 0 ] && echo "pdf/ua: the example's packs and a chart, and the packs of a 1,000-measure plan pass; 11 broken packs fail"
exit $fail
