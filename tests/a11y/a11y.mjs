#!/usr/bin/env node
// a11y.mjs DIR: runs axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA rules and axe's
// best practices) on every *.html page under DIR, in headless Debian
// Chromium, at 1280, 375 and 320 px wide; at 375 and 320 px it also checks
// that the page does not scroll sideways (WCAG 1.4.10 reflow: 320 CSS px). It also reports failed loads (404s, blocked
// requests to other sites) and script errors.
//
// Prints one line per problem, "DIR/page.html: error: [rule-id] help (target)",
// then "a11y: N pages, M violations". Exit status 0 none, 1 violations,
// 2 bad usage or no browser.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { listPages, serve, launch, newContext, pageUrl } from './common.mjs';

const WIDTHS = [1280, 375, 320];
const HEIGHT = 800;
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations'],
};

function usage() {
  process.stderr.write('usage: node a11y.mjs DIR\n');
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length !== 1) usage();
const dir = args[0].replace(/\/+$/, '') || '/';
try {
  if (!statSync(dir).isDirectory()) throw new Error();
} catch {
  process.stderr.write(`a11y: ${dir}: not a folder\n`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const t0 = Date.now();
const pages = await listPages(dir);
const server = await serve(dir);
let browser;
try {
  browser = await launch();
} catch (e) {
  process.stderr.write(`a11y: cannot start Chromium: ${e.message.split('\n')[0]}\n`);
  await server.close();
  process.exit(2);
}

// problems[rel] = Map(key -> { text, widths:Set })
const problems = new Map();
function report(rel, key, text, width) {
  if (!problems.has(rel)) problems.set(rel, new Map());
  const m = problems.get(rel);
  if (!m.has(key)) m.set(key, { text, widths: new Set() });
  m.get(key).widths.add(width);
}

const context = await newContext(browser, server.origin, { viewport: { width: WIDTHS[0], height: HEIGHT } });
const page = await context.newPage();
let current = null; // rel of the page being checked, for the event handlers
let currentWidth = 0;
page.on('pageerror', (err) => {
  if (current) report(current, `js:${err.message}`, `[script-error] ${err.message.split('\n')[0]}`, currentWidth);
});
page.on('requestfailed', (req) => {
  if (current) report(current, `load:${req.url()}`, `[load-failed] ${req.url().replace(server.origin, '')} (${req.failure()?.errorText})`, currentWidth);
});
page.on('response', (resp) => {
  if (current && resp.status() >= 400)
    report(current, `load:${resp.url()}`, `[load-failed] ${resp.url().replace(server.origin, '')} (HTTP ${resp.status()})`, currentWidth);
});

for (const width of WIDTHS) {
  await page.setViewportSize({ width, height: HEIGHT });
  currentWidth = width;
  for (const rel of pages) {
    current = rel;
    await page.goto(pageUrl(server.origin, rel), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate((opts) => window.axe.run(document, opts), AXE_OPTIONS);
    for (const v of results.violations) {
      for (const node of v.nodes) {
        const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(', ');
        report(rel, `${v.id}|${target}`, `[${v.id}] ${v.help} (${target})`, width);
      }
    }
    if (width < 1000) {
      // Reflow: the page itself must not scroll sideways at this width.
      const over = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const sw = document.documentElement.scrollWidth;
        if (sw <= vw) return null;
        const culprits = [];
        const all = document.body ? document.body.querySelectorAll('*') : [];
        for (const el of all) {
          const r = el.getBoundingClientRect();
          const pr = el.parentElement.getBoundingClientRect();
          if (r.right > vw + 1 && pr.right <= vw + 1 && r.width > 0) {
            let s = el.tagName.toLowerCase();
            if (el.id) s += '#' + el.id;
            else if (el.classList.length) s += '.' + [...el.classList].join('.');
            culprits.push(s);
            if (culprits.length >= 3) break;
          }
        }
        return { vw, sw, culprits };
      });
      if (over)
        report(rel, 'reflow', `[reflow] page scrolls sideways: content ${over.sw}px wide in a ${over.vw}px viewport (${over.culprits.join(', ') || 'html'})`, width);
    }
  }
}
current = null;
await browser.close();
await server.close();

let count = 0;
for (const rel of [...problems.keys()].sort()) {
  for (const { text, widths } of problems.get(rel).values()) {
    const only = widths.size < WIDTHS.length ? ` [${[...widths].join(', ')}px wide only]` : '';
    process.stdout.write(`${dir}/${rel}: error: ${text}${only}\n`);
    count++;
  }
}
if (pages.length === 0) process.stdout.write(`${dir}: error: no .html pages in the folder\n`);
const secs = ((Date.now() - t0) / 1000).toFixed(1);
process.stderr.write(`a11y: checked at ${WIDTHS.join(' and ')} px wide in ${secs} s\n`);
process.stdout.write(`a11y: ${pages.length} pages, ${count} violations\n`);
process.exit(count || pages.length === 0 ? 1 : 0);
