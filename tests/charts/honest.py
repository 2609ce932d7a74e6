#!/usr/bin/python3
"""honest.py SITE...: every trend chart of a built site is honest.

For each measure in SITE/data/performance.json with a chart (its wide SVG,
charts/measure/ID.svg, and the chart for phones inlined in measure/ID.html):
  - no tick of its value axis is below zero unless one of its figures,
    targets or comparators is;
  - where the measure names a source, the chart's footer gives it
    ("Source: ...", compared without the spaces a line break takes).
Tick labels are the charts' right-aligned grey text (chart_trend.c draws
them so and nothing else that way). Exit 1 with a line per problem.
"""
import json
import os
import re
import sys

TEXT = re.compile(r'<text([^>]*)>([^<]*)</text>')
TICK = ('text-anchor="end"', 'fill="#595959"')


def unescape(s):
    return s.replace('&lt;', '<').replace('&gt;', '>').replace('&amp;', '&')


def texts(svg):
    """(attributes, text) of every <text> element."""
    return [(a, unescape(t)) for a, t in TEXT.findall(svg)]


def negative(m):
    vals = [f.get('value') for f in m.get('figures', [])]
    vals += [f.get(k) for f in m.get('figures', [])
             for k in ('target', 'target_high')]
    vals += [t.get(k) for t in m.get('targets', [])
             for k in ('value', 'value_high')]
    vals += [c.get('value') for c in m.get('comparators', [])]
    return any(isinstance(v, (int, float)) and v < 0 for v in vals)


def squash(s):
    return re.sub(r'\s+', '', s)


def check(site, m, name, svg, problems):
    ts = texts(svg)
    if not ts:
        problems.append('%s: %s: no text' % (site, name))
        return 0
    ticks = [t for a, t in ts if all(x in a for x in TICK)]
    if not ticks:
        problems.append('%s: %s: no ticks' % (site, name))
    if not negative(m):
        for t in ticks:
            if t.startswith('-') or t.startswith('\u2212'):
                problems.append('%s: %s: tick %s below zero with no '
                                'figure below it' % (site, name, t))
    if m.get('source'):
        footer = squash(' '.join(t for a, t in ts))
        if squash('Source: ' + m['source']) not in footer:
            problems.append('%s: %s: no source line (%s)' %
                            (site, name, m['source']))
    return 1


def main(sites):
    problems = []
    charts = 0
    for site in sites:
        with open(os.path.join(site, 'data', 'performance.json')) as f:
            data = json.load(f)
        for m in data['measures']:
            wide = os.path.join(site, 'charts', 'measure', m['id'] + '.svg')
            if not os.path.exists(wide):
                if m.get('figures'):
                    problems.append('%s: %s has figures and no chart' %
                                    (site, m['id']))
                continue
            with open(wide) as f:
                charts += check(site, m, wide, f.read(), problems)
            page = os.path.join(site, 'measure', m['id'] + '.html')
            with open(page) as f:
                html = f.read()
            # The phone chart: the inline <svg> that is not a sparkline.
            for svg in re.findall(r'<svg(?![^>]*class="spark")[^>]*>.*?'
                                  r'</svg>', html, re.S):
                if 'font-weight="bold"' in svg:
                    charts += check(site, m, page + ' (phones)', svg,
                                    problems)
    for p in problems[:50]:
        print('honest: ' + p)
    if problems:
        print('honest: %d problems' % len(problems))
        return 1
    print('honest: %d charts: no negative tick without a negative figure, '
          'every source in its footer' % charts)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
