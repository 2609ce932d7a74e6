#!/usr/bin/env node
// reload.mjs check GOLDTHREAD SITE: goldthread serve on a copy of the
// example (SITE, changed here) and open pages in Debian's Chromium. A
// page showing HS01 reloads by itself after its CSV row is edited and
// shows the new figure; a page the edit does not change stays as it is;
// a pack's preview page reloads (its PDF changed); a failed edit reloads
// the page with the banner, its fix without; no script errors, nothing
// refused by the pages' policy.
//
// reload.mjs latency GOLDTHREAD SITE CSV ROW EDITS MAX_MS: the time from
// writing a CSV file (the figure in line ROW changed, as an editor saves:
// a new file renamed over the old) to the open measure page of that row
// having loaded again (its navigation timing's loadEventEnd), EDITS
// times; prints the median, the slowest and serve's build times; exit 1
// if the median is over MAX_MS.
//
// Exit status 0 passed, 1 failed, 2 bad usage or no browser.
import { spawn } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { launch } from '../a11y/common.mjs';

const [mode, gt, site, ...rest] = process.argv.slice(2);
if (!['check', 'latency'].includes(mode) || !gt || !site ||
    (mode === 'latency' && rest.length !== 4)) {
  process.stderr.write('usage: node reload.mjs check GOLDTHREAD SITE\n' +
    '       node reload.mjs latency GOLDTHREAD SITE CSV ROW EDITS MAX_MS\n');
  process.exit(2);
}

let failed = 0;
function bad(msg) {
  failed++;
  process.stdout.write(`serve-browser: FAIL: ${msg}\n`);
}

// goldthread serve, its log, and a promise for each build it reports.
function startServe() {
  const child = spawn(gt, ['serve', site, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const s = { child, log: '', builds: [], waiters: [] };
  let partial = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    s.log += chunk;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      const m = /^\d\d:\d\d:\d\d .*: (built|failed) in ([0-9.]+) s/.exec(line);
      if (m) s.builds.push({ ok: m[1] === 'built', secs: Number(m[2]), line });
      const u = /^goldthread: serving (http:\/\/\S+)/.exec(line);
      if (u) s.url = u[1];
      for (const w of s.waiters.splice(0)) w();
    }
  });
  s.ready = new Promise((resolve, reject) => {
    const tick = () => (s.url ? resolve(s.url) : s.waiters.push(tick));
    tick();
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${s.log}`)));
  });
  // Resolves once the log reports n builds after changes.
  s.buildsReach = (n) => new Promise((resolve) => {
    const tick = () => (s.builds.length >= n ? resolve() : s.waiters.push(tick));
    tick();
  });
  s.stop = () => new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve(s.child.exitCode);
    s.child.on('exit', (code) => resolve(code));
    s.child.kill('SIGINT');
  });
  return s;
}

// The CSV file with the figure in line row (1-based) set to value, saved
// as editors save; returns the time it was written (ms since the epoch).
function setFigure(csv, row, value) {
  const lines = readFileSync(csv, 'utf8').split('\n');
  const cells = lines[row - 1].split(',');
  cells[2] = String(value);
  lines[row - 1] = cells.join(',');
  writeFileSync(csv + '.tmp~', lines.join('\n'));
  const t = Date.now();
  renameSync(csv + '.tmp~', csv);
  return t;
}

function figureOf(csv, row) {
  const cells = readFileSync(csv, 'utf8').split('\n')[row - 1].split(',');
  return { measure: cells[0].replace(/^\uFEFF/, ''), value: Number(cells[2]) };
}

// A context whose pages may load only from origin, and the browser's own
// PDF viewer (chrome: and chrome-extension: pages, for a PDF in a frame):
// nothing else is fetched.
async function newContext(browser, origin) {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || /^chrome(-extension)?:\/\//.test(url))
      return route.continue();
    bad(`a page asked for ${url}`);
    return route.abort('blockedbyclient');
  });
  return context;
}

// Marks the document open in page: a reload makes a new one without it.
const mark = (page) => page.evaluate(() => { window.__gtMark = 1; });
const marked = (page) => page.evaluate(() => window.__gtMark === 1);
// When the document now in page finished loading (ms since the epoch).
const loadedAt = (page) => page.evaluate(() => {
  const n = performance.getEntriesByType('navigation')[0];
  return performance.timeOrigin + n.loadEventEnd;
});

function watchErrors(page, name) {
  page.on('pageerror', (e) => bad(`${name}: script error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Refused to|Content Security Policy/.test(m.text()))
      bad(`${name}: console: ${m.text()}`);
  });
}

// Waits (at most ms) until page has loaded a new document.
async function reloaded(page, ms = 30000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if (!(await marked(page)) && (await page.evaluate(() => document.readyState)) === 'complete')
        return true;
    } catch {
      // The document is going: ask again.
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

async function check(serve, browser) {
  const url = serve.url;
  const csv = `${site}/content/data/2025-26-q2.csv`;
  const ctx = await newContext(browser, url.replace(/\/$/, ''));
  const measure = await ctx.newPage();
  const other = await ctx.newPage();
  const pack = await ctx.newPage();
  watchErrors(measure, 'measure/HS01.html');
  watchErrors(other, 'how-we-measure.html');
  watchErrors(pack, 'the pack preview');
  await measure.goto(url + 'measure/HS01.html');
  await other.goto(url + 'how-we-measure.html');
  await pack.goto(url + '_goldthread/pack/cabinet-q2');
  for (const p of [measure, other, pack]) await mark(p);
  // Connected: each page's script has its event stream open.
  await new Promise((r) => setTimeout(r, 500));
  const row = 2;

  let n = serve.builds.length;
  setFigure(csv, row, 917);
  await serve.buildsReach(n + 1);
  if (!(await reloaded(measure))) bad('the measure page did not reload after the edit');
  else if (!(await measure.content()).includes('>917<')) bad('the reloaded page does not show 917');
  if (!(await reloaded(pack))) bad('the preview of cabinet-q2 (which shows HS01) did not reload');
  await new Promise((r) => setTimeout(r, 300));
  if (!(await marked(other))) bad('how-we-measure.html, which the edit does not change, reloaded');
  else process.stdout.write('serve-browser: an open page reloads by itself after an edit, with the new figure; its pack\'s preview too; a page it does not change stays\n');

  await mark(measure);
  await mark(other);
  n = serve.builds.length;
  setFigure(csv, row, 'seventy');
  await serve.buildsReach(n + 1);
  if (!(await reloaded(measure)) || !(await reloaded(other))) bad('pages did not reload after a failed edit');
  for (const [p, name] of [[measure, 'measure'], [other, 'how-we-measure']]) {
    const text = await p.locator('#goldthread-serve[role=alert]').innerText().catch(() => '');
    if (!text.includes("content/data/2025-26-q2.csv:2:17: error: not a number: value 'seventy'"))
      bad(`${name}: no banner with the diagnostic: '${text}'`);
  }
  if (!(await measure.content()).includes('>917<')) bad('the last good figure is not shown under the banner');

  await mark(measure);
  n = serve.builds.length;
  setFigure(csv, row, 918);
  await serve.buildsReach(n + 1);
  if (!(await reloaded(measure))) bad('the page did not reload after the fix');
  else if ((await measure.locator('#goldthread-serve').count()) !== 0) bad('the banner stayed after the fix');
  else if (!(await measure.content()).includes('>918<')) bad('the fixed figure is not shown');
  if (failed === 0)
    process.stdout.write('serve-browser: a failed edit reloads open pages with the banner; the fix, without it\n');
  await ctx.close();
}

async function latency(serve, browser) {
  const [csv, rowText, editsText, maxText] = rest;
  const row = Number(rowText), edits = Number(editsText), max = Number(maxText);
  const { measure, value } = figureOf(csv, row);
  const ctx = await newContext(browser, serve.url.replace(/\/$/, ''));
  const page = await ctx.newPage();
  watchErrors(page, `measure/${measure}.html`);
  await page.goto(`${serve.url}measure/${measure}.html`);
  await new Promise((r) => setTimeout(r, 500));
  const times = [], builds = [];
  for (let i = 0; i < edits; i++) {
    await mark(page);
    const n = serve.builds.length;
    const t = setFigure(csv, row, value + 1 + (i % 2));
    await serve.buildsReach(n + 1);
    if (!(await reloaded(page))) {
      bad(`edit ${i + 1}: the page did not reload`);
      break;
    }
    times.push((await loadedAt(page)) - t);
    builds.push(serve.builds[n].secs);
    // Quiet between edits, as between saves.
    await new Promise((r) => setTimeout(r, 200));
  }
  setFigure(csv, row, value);
  await serve.buildsReach(serve.builds.length + 1);
  const med = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
  if (times.length > 0) {
    const m = med(times);
    process.stdout.write(`serve-latency: ${site}: ${times.length} edits of ${csv.replace(site + '/', '')} line ${row}: ` +
      `edit to reloaded page median ${(m / 1000).toFixed(3)} s, fastest ${(Math.min(...times) / 1000).toFixed(3)} s, ` +
      `slowest ${(Math.max(...times) / 1000).toFixed(3)} s (pages built in a median ${med(builds).toFixed(2)} s); limit ${(max / 1000).toFixed(2)} s\n` +
      `serve-latency: each (ms): ${times.map((t) => Math.round(t)).join(' ')}\n`);
    if (m > max) bad(`median ${m} ms over ${max} ms`);
  }
  await ctx.close();
}

const serve = startServe();
let browser;
try {
  await serve.ready;
  browser = await launch();
} catch (e) {
  process.stderr.write(`serve-browser: ${e.message.split('\n')[0]}\n`);
  await serve.stop();
  process.exit(2);
}
try {
  if (mode === 'check') await check(serve, browser);
  else await latency(serve, browser);
} catch (e) {
  bad(e.stack || e.message);
}
await browser.close();
const code = await serve.stop();
if (code !== 0) bad(`serve exited with ${code}: ${serve.log.split('\n').slice(-5).join('\n')}`);
process.exit(failed === 0 ? 0 : 1);
