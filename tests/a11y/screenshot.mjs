#!/usr/bin/env node
// screenshot.mjs DIR OUTDIR PAGE...: full-page PNG screenshots of the given
// pages (paths relative to DIR, e.g. index.html measures/m1.html) in
// headless Debian Chromium: OUTDIR/NAME-320.png, NAME-375.png and
// NAME-1280.png (screen, 320, 375 and 1280 px wide) and NAME-print.png (print media, 794 px wide: A4 at
// 96 dpi). NAME is the page path without .html, '/' replaced by '-'.
// Exit status 0 done, 1 a page failed to load, 2 bad usage or no browser.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, newContext, pageUrl } from './common.mjs';

const SHOTS = [
  { suffix: '320', width: 320, media: 'screen' },
  { suffix: '375', width: 375, media: 'screen' },
  { suffix: '1280', width: 1280, media: 'screen' },
  { suffix: 'print', width: 794, media: 'print' },
];

const args = process.argv.slice(2);
if (args.length < 3) {
  process.stderr.write('usage: node screenshot.mjs DIR OUTDIR PAGE.html...\n');
  process.exit(2);
}
const [dir, outdir, ...rels] = args;
try {
  if (!statSync(dir).isDirectory()) throw new Error();
} catch {
  process.stderr.write(`screenshot: ${dir}: not a folder\n`);
  process.exit(2);
}
mkdirSync(outdir, { recursive: true });

const server = await serve(dir);
let browser;
try {
  browser = await launch();
} catch (e) {
  process.stderr.write(`screenshot: cannot start Chromium: ${e.message.split('\n')[0]}\n`);
  await server.close();
  process.exit(2);
}
const context = await newContext(browser, server.origin, { viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
let failed = 0;
for (const rel0 of rels) {
  const rel = rel0.replace(/^\/+/, '');
  const name = rel.replace(/\.html?$/i, '').replace(/\//g, '-') || 'index';
  for (const shot of SHOTS) {
    await page.setViewportSize({ width: shot.width, height: 800 });
    await page.emulateMedia({ media: shot.media });
    const resp = await page.goto(pageUrl(server.origin, rel), { waitUntil: 'load' });
    if (!resp || resp.status() >= 400) {
      process.stderr.write(`${dir}/${rel}: error: cannot load (HTTP ${resp ? resp.status() : '?'})\n`);
      failed++;
      break;
    }
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const file = path.join(outdir, `${name}-${shot.suffix}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    process.stdout.write(`${file}\n`);
  }
}
await browser.close();
await server.close();
process.exit(failed ? 1 : 0);
