// Shared by a11y.mjs and screenshot.mjs: list a site's pages, serve the site
// folder on 127.0.0.1 (random port), and launch Debian's Chromium headless.
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.otf': 'font/otf', '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml', '.webmanifest': 'application/manifest+json',
};

// Every *.html file under dir, as '/'-separated paths relative to dir, sorted
// by code unit (the same order as sitecheck's strcmp for ASCII names).
export async function listPages(dir) {
  const out = [];
  async function walk(rel) {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if ((e.isFile() || e.isSymbolicLink()) && /\.html$/i.test(e.name)) out.push(r);
    }
  }
  await walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// Serves dir read-only on 127.0.0.1 at a random port; resolves to
// { origin, close() }. Paths are decoded, kept inside dir, and a folder
// serves its index.html.
export function serve(dir) {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://127.0.0.1');
      let p = path.normalize(path.join(root, decodeURIComponent(u.pathname)));
      if (p !== root && !p.startsWith(root + path.sep)) throw new Error('outside');
      let st = await fs.stat(p);
      if (st.isDirectory()) { p = path.join(p, 'index.html'); st = await fs.stat(p); }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(p).toLowerCase()] || 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(p).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export async function launch() {
  try {
    await fs.access(CHROMIUM);
  } catch {
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM=path)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

// A context whose pages may load only from origin: anything else is aborted
// (the site must not need the network, and the tests must not reach it).
export async function newContext(browser, origin, options = {}) {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    return route.abort('blockedbyclient');
  });
  return context;
}

export function pageUrl(origin, rel) {
  return origin + '/' + rel.split('/').map(encodeURIComponent).join('/');
}
