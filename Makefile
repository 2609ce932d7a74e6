# goldthread: a batch compiler for public performance reporting.
#
#   make run      build the example council into public/ (site and PDFs)
#   make test     unit tests, golden diagnostic cases, the example check
#   make asan     the test suite under AddressSanitizer and UBSan
#   make deps     install the Debian packages the build needs (as root)

# --- Input limits ---------------------------------------------------------
# Every reader of outside input enforces these; each has a test. Change them
# here only (they reach the code as -D definitions).
#   file      any one input file, in bytes
#   field     one CSV field or YAML value, in bytes
#   rows      rows in one CSV file
#   depth     YAML nesting, Markdown nesting, objective nesting and
#             content folder nesting
#   body      the Markdown after one file's front matter, in bytes: cmark
#             0.30 takes time that grows with the square of some bodies
#             ("![[]()" repeated), about 0.5 s at this size
#   id        an id or pack name, in bytes (they name output files); also
#             a portfolio's file name
#   shown     diagnostics printed per run (--max-diagnostics overrides)
#   kept      diagnostics kept per message and file; the rest are counted
LIMIT_FILE  = (64L * 1024 * 1024)
LIMIT_FIELD = (64L * 1024)
LIMIT_ROWS  = (4L * 1024 * 1024)
LIMIT_DEPTH = 64
LIMIT_BODY  = (128L * 1024)
LIMIT_ID    = 100
LIMIT_SHOWN = 200
LIMIT_KEPT  = 20
#   map_codes    lines of an import mapping's [measures], [scale], [status]
#                and [flags] (each table)
#   map_areas    areas an import mapping names, in [areas] and groups
#   map_groups   groups of one import mapping
#   map_columns  lines of an import mapping's [columns]
LIMIT_MAP_CODES   = 10000
LIMIT_MAP_AREAS   = 10000
LIMIT_MAP_GROUPS  = 100
LIMIT_MAP_COLUMNS = 1000
GT_LIMITS = -DGT_MAX_FILE_BYTES='$(LIMIT_FILE)' \
	-DGT_MAX_FIELD_BYTES='$(LIMIT_FIELD)' -DGT_MAX_ROWS='$(LIMIT_ROWS)' \
	-DGT_MAX_DEPTH=$(LIMIT_DEPTH) -DGT_MAX_BODY_BYTES='$(LIMIT_BODY)' \
	-DGT_MAX_ID_BYTES=$(LIMIT_ID) -DGT_MAX_DIAGS_SHOWN=$(LIMIT_SHOWN) \
	-DGT_MAX_DIAGS_KEPT=$(LIMIT_KEPT) -DGT_MAX_MAP_CODES=$(LIMIT_MAP_CODES) \
	-DGT_MAX_MAP_AREAS=$(LIMIT_MAP_AREAS) \
	-DGT_MAX_MAP_GROUPS=$(LIMIT_MAP_GROUPS) \
	-DGT_MAX_MAP_COLUMNS=$(LIMIT_MAP_COLUMNS)

# Debian packages for the build, the tests and the example's outputs.
DEB_PKGS = gcc clang make pkg-config libcmark-dev libcsv-dev libcairo2-dev \
	libpango1.0-dev libxml2-dev libcriterion-dev libyaml-dev libinih-dev \
	libjansson-dev libpng-dev libxxhash-dev fonts-dejavu-core \
	fonts-dejavu-extra poppler-utils time python3-jsonschema libmicrohttpd-dev \
	curl g++ libqpdf-dev qpdf zlib1g-dev

PKGS	= libcmark glib-2.0 yaml-0.1 inih jansson libxml-2.0 pangocairo pangoft2 fontconfig cairo cairo-png cairo-svg cairo-pdf libpng libxxhash libmicrohttpd libqpdf zlib
CC	?= cc
BUILD	?= build
OPT	?= -O2 -g
# CI builds with WERROR=-Werror, with gcc and with clang.
WERROR	?=
# The layouts a site without its own is built with (install: PREFIX/share).
LAYOUTS_DIR ?= $(CURDIR)/layouts

# The pipeline, a folder a stage under generator/, in order: base (util,
# diagnostics, periods, numbers), model, read, link, judge, view (the
# words and rows every output shows), render (a folder a back-end), build
# (the driver and the output folder), serve (the preview server: builds
# again after each change); charts/ draws.
STAGES	= base model read link judge view render render/html render/pdf \
	render/data render/text build serve
SRCDIRS	= generator $(addprefix generator/,$(STAGES)) charts
vpath %.c $(SRCDIRS)
vpath %.cc $(SRCDIRS)

WARN	= -Wall -Wextra -Wformat=2 -Wcast-qual -Wwrite-strings -Wvla \
	-Wnull-dereference -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS	+= -DGT_LAYOUTS_DIR='"$(LAYOUTS_DIR)"'
CFLAGS	+= $(OPT) -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	$(WARN) $(WERROR) $(addprefix -I,$(SRCDIRS)) $(GT_LIMITS)
# pkg-config's own complaints are shown: a missing package is named.
PKG_CFLAGS = $$(pkg-config --cflags $(PKGS))
PKG_LIBS   = $$(pkg-config --libs $(PKGS)) -lcsv -lm -lstdc++
comma	= ,
# One C++ file, render/pdf/pdf_qpdf.cc (it says why), built by the C++
# compiler of CC's family with CFLAGS' warnings less the C-only ones.
# UBSan's C++ checks (vptr; clang's function) are off: they need a C++
# runtime that linking with CC leaves out.
CXX	= $(if $(findstring clang,$(CC)),clang++,g++)
CXXFLAGS = $(OPT) -std=c++17 \
	-fno-sanitize=vptr$(if $(findstring clang,$(CC)),$(comma)function) \
	$(filter-out -Wstrict-prototypes -Wmissing-prototypes,$(WARN)) \
	$(WERROR) $(addprefix -I,$(SRCDIRS))

objs	= $(addprefix $(BUILD)/,$(addsuffix .o,$(1)))
BASE_OBJS	= $(call objs,util diag period number format timing)
MODEL_OBJS	= $(call objs,model scope)
READ_OBJS	= $(call objs,ini_read conf_read fm_read md_read md_lint target_read \
		    csv_read import_map import_rows read)
LINK_OBJS	= $(call objs,link link_rows link_report)
JUDGE_OBJS	= $(call objs,words judge finance exceptions since)
VIEW_OBJS	= $(call objs,rows chartdata md_walk glance)
HTML_OBJS	= $(call objs,html_write md_html svg_inline tmpl_compile \
		    tmpl_fill site site_pages site_home site_measure site_report)
RENDER_OBJS	= $(HTML_OBJS) $(call objs,md_pango pdf_render pdf_pack \
		    pdf_sections json_out csv_write opendata schema_json feeds \
		    status_text pdf_ua pdf_qpdf)
BUILD_OBJS	= $(call objs,own out cache build)
SERVE_OBJS	= $(call objs,page changes watch http serve)
CHART_OBJS	= $(call objs,chart_style chart_font chart_axis chart_trend \
		    chart_spark chart_statusbar chart_heatmap chart_progress \
		    chart_describe chart_render chart_svg chart_key \
		    chart_compare chart_legend chart_place)
LIB_OBJS	= $(BASE_OBJS) $(MODEL_OBJS) $(READ_OBJS) $(LINK_OBJS) \
		    $(JUDGE_OBJS) $(VIEW_OBJS) $(RENDER_OBJS) $(BUILD_OBJS) \
		    $(SERVE_OBJS) $(CHART_OBJS)
MAIN_OBJ	= $(BUILD)/main.o

TEST_OBJS = $(addprefix $(BUILD)/tests/,$(addsuffix .o,test_period \
	test_number test_format test_json_out test_read test_link test_out \
	test_limits test_status test_cases test_tmpl test_md_walk test_cache \
	test_timing test_hostile test_pathological test_chart test_serve test_import \
	test_pdf_ua test_packs))

.PHONY: all deps run check test unit asan valgrind fuzz bench install bench-deps clean charts-ref atomic safety hostile golden import charts-check ci FORCE \
	site-check pdf-check a11y a11y-deps screenshots serve serve-deps

all: deps $(BUILD)/goldthread

# Installs only what is missing, so it is cheap to run on every build.
deps: $(BUILD)/.deps
$(BUILD)/.deps: Makefile
	@missing=""; for p in $(DEB_PKGS); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi
	@mkdir -p $(BUILD) && touch $@

# Rewritten only when the compiler or its flags change (make CC=clang):
# then every object is made again.
$(BUILD)/.cflags: FORCE | $(BUILD)/.deps
	$(file >$@.new,$(CC) $(CFLAGS) $(CXX) $(CXXFLAGS))
	@cmp -s $@.new $@ || mv $@.new $@; rm -f $@.new
FORCE:

$(BUILD)/%.o: %.c $(BUILD)/.cflags | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP $(PKG_CFLAGS) -c -o $@ $<

# The open data's JSON Schema, as committed, made a C array so that the
# program publishes the schema of the JSON it writes (opendata.h).
SCHEMA = generator/render/data/performance.schema.json
$(BUILD)/schema_json.c: $(SCHEMA) | $(BUILD)/.deps
	@mkdir -p $(@D)
	{ echo '/* Made by the Makefile from $(SCHEMA). */'; \
	echo '#include "opendata.h"'; \
	echo 'const unsigned char gt_schema_json[] = {'; \
	od -An -v -tx1 $(SCHEMA) | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	echo '};'; \
	echo 'const size_t gt_schema_json_len = sizeof(gt_schema_json);'; \
	} > $@.tmp && mv $@.tmp $@

$(BUILD)/schema_json.o: $(BUILD)/schema_json.c $(BUILD)/.cflags | $(BUILD)/.deps
	$(CC) $(CFLAGS) -MMD -MP $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.cc $(BUILD)/.cflags | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -MMD -MP $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/unit/%.c $(BUILD)/.cflags | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP -Itests/include $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/goldthread: $(LIB_OBJS) $(MAIN_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(PKG_LIBS)

$(BUILD)/unit_tests: $(LIB_OBJS) $(TEST_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(PKG_LIBS) -lcriterion

# The example council must pass the strictest check silently.
check: all
	$(BUILD)/goldthread check --strict .

# The example council's site and reports, into public/ (swapped in whole).
run: all
	$(BUILD)/goldthread check --strict .
	$(BUILD)/goldthread build .
	@echo "Built public/: open public/index.html in a browser, or serve the folder."

unit: deps $(BUILD)/goldthread $(BUILD)/unit_tests
	GT_BIN=$(BUILD)/goldthread $(BUILD)/unit_tests $(TEST_ARGS)

# The built example: every link and asset resolves, every page has a title,
# lang, one h1 and alt text on every image, the open data agree with the
# pages (tests/site/sitecheck.c).
$(BUILD)/sitecheck: tests/site/sitecheck.c | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $$(pkg-config --cflags libxml-2.0 jansson) -o $@ $< $(LDFLAGS) $$(pkg-config --libs libxml-2.0 jansson)

# The open data JSON is checked against its JSON Schema by Debian's
# python3-jsonschema (its own python, not another on the PATH).
SCHEMA_PY ?= /usr/bin/python3 tests/site/schema_check.py

site-check: all $(BUILD)/sitecheck
	tests/site/run_tests.sh $(BUILD)/sitecheck
	rm -rf $(BUILD)/site $(BUILD)/site2 $(BUILD)/.site.* $(BUILD)/.site2.*
	$(BUILD)/goldthread build . -o $(BUILD)/site
	$(BUILD)/sitecheck --lang en-GB $(BUILD)/site
	@# The schema published is the one committed; the JSON of the example
	@# and of the focus site validate; a broken document does not.
	cmp $(SCHEMA) $(BUILD)/site/data/performance.schema.json
	rm -rf $(BUILD)/focus $(BUILD)/.focus.*
	$(BUILD)/goldthread build tests/render/focus -o $(CURDIR)/$(BUILD)/focus --no-cache 2>/dev/null
	$(SCHEMA_PY) $(SCHEMA) $(BUILD)/site/data/performance.json $(BUILD)/focus/data/performance.json
	$(SCHEMA_PY) $(SCHEMA) tests/site/schema-broken.json | grep -c ": error: " | grep -qx 4
	@n=$$(grep -c '<loc>' $(BUILD)/site/sitemap.xml); \
	p=$$(find $(BUILD)/site -name '*.html' ! -name 404.html | wc -l); \
	[ "$$n" -eq "$$p" ] || { echo "site-check: the sitemap lists $$n of $$p pages"; exit 1; }
	$(BUILD)/goldthread build . -o $(BUILD)/site
	$(BUILD)/goldthread build . -o $(BUILD)/site2 --no-cache
	diff -r $(BUILD)/site $(BUILD)/site2 && echo "site-check: a cached and an uncached build are byte-identical"
	tests/site/cache.sh $(BUILD)/goldthread $(BUILD)/cachecheck
	@# A council's repository: site.conf (here without base_url) and content/.
	rm -rf $(BUILD)/bare && mkdir -p $(BUILD)/bare && cp -r content $(BUILD)/bare/
	sed '/^base_url/d' site.conf > $(BUILD)/bare/site.conf
	$(BUILD)/goldthread build $(BUILD)/bare
	$(BUILD)/sitecheck --lang en-GB $(BUILD)/bare/public
	@# The chart command: each format twice, byte-identical; the description.
	for f in png svg pdf; do \
		$(BUILD)/goldthread chart EC01 . -o $(BUILD)/chart1.$$f --scale 2 && \
		$(BUILD)/goldthread chart EC01 . -o $(BUILD)/chart2.$$f --scale 2 && \
		cmp $(BUILD)/chart1.$$f $(BUILD)/chart2.$$f || exit 1; done
	$(BUILD)/goldthread chart EC01 --alt | grep -q '^Employment rate.*Latest figure'
	! $(BUILD)/goldthread chart NOPE --alt 2>/dev/null

# The Matterhorn Protocol's machine checks of PDF/UA-1 (tests/pdf/uacheck.c).
UACHECK_OBJS = $(BUILD)/pdf_qpdf.o $(BUILD)/util.o
$(BUILD)/uacheck: tests/pdf/uacheck.c $(UACHECK_OBJS) | $(BUILD)/.deps
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(UACHECK_OBJS) $(LDFLAGS) \
		$(PKG_LIBS)

# The report packs: tagged, titled, in reading order, reproducible, and
# PDF/UA-1 by uacheck.
pdf-check: all $(BUILD)/uacheck $(BUILD)/genplan
	tests/pdf/run.sh $(BUILD)/goldthread . $(BUILD)/pdf
	tests/pdf/ua.sh $(BUILD)/goldthread $(BUILD)/uacheck $(BUILD)/genplan \
		. $(BUILD)/pdf/reports $(BUILD)/pdfua

test: unit check site-check pdf-check atomic safety hostile golden import charts-check ci serve

# Exports as downloaded, read through their mappings with no code: each
# builds, with its diagnostics and statuses as expected (tests/import/).
import: all
	tests/import/run.sh $(BUILD)/goldthread

# Honest charts on real outputs: the example and a generated plan of 1,000
# measures, every trend chart without a tick below zero unless a figure is,
# and with its source in the footer; the chart command's footer
# (tests/charts/run.sh).
charts-check: all $(BUILD)/genplan
	tests/charts/run.sh $(BUILD)/goldthread $(BUILD)/genplan $(BUILD)/charts-check

# The CI recipes in tests/ci/ (a GitHub Actions workflow and a GitLab
# job), their commands read with libyaml and run on the example.
$(BUILD)/cisteps: tests/ci/cisteps.c | $(BUILD)/.deps
	$(CC) $(CFLAGS) $$(pkg-config --cflags yaml-0.1) -o $@ $< $(LDFLAGS) $$(pkg-config --libs yaml-0.1)

ci: all $(BUILD)/cisteps
	tests/ci/run.sh $(BUILD)/goldthread $(BUILD)/cisteps

# Hostile and careless input as every output shows it: long text, the link
# policy, nothing after the as-at period, CSV formulas, PDF headings, a long
# unbroken run (tests/render/hostile.sh).
hostile: all
	tests/render/hostile.sh $(BUILD)/goldthread

# What people read, byte for byte (tests/render/golden.sh): pages of every
# kind, open data, feeds, the status table and CSV, each pack's text.
# GT_BLESS=1 make golden rewrites the expected files on purpose. Then the
# counts a pack gives against `status` at its two periods (counts.sh).
golden: all
	tests/render/golden.sh $(BUILD)/goldthread
	tests/render/counts.sh $(BUILD)/goldthread

# Publishing is atomic: a failed or killed build leaves the last good site.
atomic: all
	tests/atomic/run.sh $(BUILD)/goldthread

# A build writes only where it may: folders it made, apart from the site's
# inputs, never through a link put beside them; one build at a time.
safety: all
	tests/safety/output.sh $(BUILD)/goldthread $(BUILD)/safety

# goldthread serve (tests/serve/): over HTTP on loopback with curl, an
# edited figure served, a failed edit with its banner, traversal refused,
# the output held and whole after Ctrl-C; in Debian's Chromium an open page
# reloads by itself; 50 edits without growth in resident memory (after
# the first ten, more than 2 MiB fails). Every server is on a port the
# system chooses.
SERVE_EDITS ?= 50
SERVE_MAX_KIB ?= 2048
serve: all serve-deps
	tests/serve/run.sh $(BUILD)/goldthread $(BUILD)/serve
	rm -rf $(BUILD)/serve-browser && mkdir -p $(BUILD)/serve-browser/site
	cp -r content layouts site.conf $(BUILD)/serve-browser/site/
	node tests/serve/reload.mjs check $(BUILD)/goldthread \
		$(BUILD)/serve-browser/site
	tests/serve/memory.sh $(BUILD)/goldthread $(BUILD)/serve-memory \
		tests/cases/_base $(SERVE_EDITS) $(SERVE_MAX_KIB)

# The browser test's Chromium and playwright-core, installed when missing.
serve-deps:
	@[ -x /usr/bin/chromium ] && [ -d tests/a11y/node_modules/playwright-core ] || \
		$(MAKE) a11y-deps

# fontconfig keeps the fonts it was given for the process's life.
asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" \
		TEST_ARGS="--jobs 1" SERVE_MAX_KIB= test

# WCAG 2.2 AA: axe-core in Debian's Chromium over every page of the example,
# at 1280 and 375 px wide. node and npm come from Debian when missing.
A11Y_DEB_PKGS = chromium
a11y-deps:
	@missing=""; for p in $(A11Y_DEB_PKGS); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v node >/dev/null || missing="$$missing nodejs"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi
	cd tests/a11y && npm ci --no-audit --no-fund

a11y: all a11y-deps
	tests/a11y/run_tests.sh
	rm -rf $(BUILD)/site
	$(BUILD)/goldthread build . -o $(BUILD)/site
	cd tests/a11y && node a11y.mjs ../../$(BUILD)/site

# Screenshots at 375 and 1280 px and in print, for looking at: SHOTS=pages.
SHOTS ?= index.html risks.html
screenshots: all a11y-deps
	rm -rf $(BUILD)/site
	$(BUILD)/goldthread build . -o $(BUILD)/site
	cd tests/a11y && node screenshot.mjs ../../$(BUILD)/site ../../$(BUILD)/screenshots $(SHOTS)

# Rewrite tests/charts/ref/*.png after a deliberate change to the charts;
# look at each before committing.
charts-ref: deps $(BUILD)/unit_tests
	GT_BLESS=1 $(BUILD)/unit_tests --filter 'chart/reference_images'

# The unit suite (less the limits/* tests, which allocate gigabytes, and the
# pathological/* ones, timed for a native run: both run under ASan instead)
# and check, status, build and rebuild of the example, under memcheck. Only
# fontconfig/pango/glib's own caches are suppressed.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect \
	--suppressions=$(CURDIR)/tests/valgrind.supp
valgrind: deps $(BUILD)/goldthread $(BUILD)/unit_tests
	GT_BIN="$(VALGRIND) $(BUILD)/goldthread" $(VALGRIND) \
		--trace-children=no $(BUILD)/unit_tests --jobs 2 \
		--filter '!(limits|pathological)/*'
	$(VALGRIND) $(BUILD)/goldthread check --strict .
	$(VALGRIND) $(BUILD)/goldthread status . >/dev/null
	rm -rf $(BUILD)/vg-site $(BUILD)/.vg-site.*
	$(VALGRIND) $(BUILD)/goldthread build . -o $(BUILD)/vg-site
	@# Again: every page and chart from the cache this time.
	$(VALGRIND) $(BUILD)/goldthread build . -o $(BUILD)/vg-site
	@# serve through 50 edits, each built in the one process, then Ctrl-C.
	GT_WRAP="$(VALGRIND)" tests/serve/memory.sh $(BUILD)/goldthread \
		$(BUILD)/vg-serve tests/cases/_base $(SERVE_EDITS)

# libFuzzer harnesses (clang), one per reader of outside input; each runs
# FUZZ_SECONDS. Findings go to build/fuzz/findings/.
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES = csv md fm conf map period number svg url
# Every stage is built with clang and the sanitizers for them.
FUZZ_OBJS = $(LIB_OBJS)
FUZZ_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz: deps
	@command -v clang >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang >/dev/null; }
	$(MAKE) BUILD=build/fuzz CC=clang OPT="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" \
		$(FUZZ_OBJS:$(BUILD)/%=build/fuzz/%)
	for h in $(FUZZ_HARNESSES); do \
		clang $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -Itests/include $(PKG_CFLAGS) \
			-o build/fuzz/fuzz_$$h tests/fuzz/fuzz_$$h.c \
			$(FUZZ_OBJS:$(BUILD)/%=build/fuzz/%) $(PKG_LIBS) || exit 1; \
	done
	tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

# Generated councils of 100, 1,000 and 10,000 measures with five years of
# figures (tests/bench/genplan.c); check, status, a full build (site,
# charts, open data) and rebuilds after one changed figure (the first, and
# the median of five more) are each timed (wall, CPU, peak memory, pages
# per second), and, where Debian's hugo installs, so is an equivalent Hugo site
# (tests/bench/hugoplan.sh) with the ratio. Then trend charts per second
# against bare Cairo (chartbench); then how long an edit takes to show
# in a page open under goldthread serve (tests/serve/latency.sh).
BENCH_SIZES ?= 100 1000 10000
BENCH_DEB_PKGS = time bc
$(BUILD)/genplan: tests/bench/genplan.c | $(BUILD)/.deps
	$(CC) $(CFLAGS) -o $@ $<

# Trend charts per second (PNG, SVG) against bare Cairo loops on the same
# surfaces; `build/chartbench --png-matrix` compares PNG settings.
CHARTBENCH_N ?= 200
CHARTBENCH_OBJS = $(CHART_OBJS) $(BUILD)/format.o $(BUILD)/util.o
$(BUILD)/chartbench: tests/bench/chartbench.c $(CHARTBENCH_OBJS) | $(BUILD)/.deps
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(CHARTBENCH_OBJS) $(LDFLAGS) $(PKG_LIBS)

bench-deps:
	@missing=""; for p in $(BENCH_DEB_PKGS); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v hugo >/dev/null || missing="$$missing hugo"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq; for p in $$missing; do \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $$p >/dev/null || \
			echo "bench: could not install $$p"; done; \
	fi

bench: all bench-deps serve-deps $(BUILD)/genplan $(BUILD)/chartbench
	tests/bench/run.sh $(BUILD)/goldthread $(BUILD)/genplan $(BUILD)/bench \
		$(BENCH_SIZES)
	@echo
	$(BUILD)/chartbench $(CHARTBENCH_N)
	@echo
	tests/serve/latency.sh $(BUILD)/goldthread $(BUILD)/genplan \
		$(BUILD)/bench-serve

# The program and the layouts a site without its own is built with.
PREFIX ?= /usr/local
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/goldthread
	install -m 755 $(BUILD)/goldthread $(DESTDIR)$(PREFIX)/bin/goldthread
	cp -r layouts $(DESTDIR)$(PREFIX)/share/goldthread/

clean:
	rm -rf build public .public.*

# Every object's header dependencies, written as it is compiled; last, so
# that a rule of theirs never becomes the default goal.
DEPFILES = $(wildcard $(BUILD)/*.d $(BUILD)/tests/*.d)
-include $(DEPFILES)
