import { serve, launch, newContext, pageUrl } from './common.mjs';
const [dir, rel, out, w, y, h] = process.argv.slice(2);
const srv = await serve(dir);
const browser = await launch();
const ctx = await newContext(browser, srv.origin, { viewport: { width: +w, height: 800 } });
const page = await ctx.newPage();
await page.goto(pageUrl(srv.origin, rel));
await page.screenshot({ path: out, clip: { x: 0, y: +y, width: +w, height: +h }, fullPage: true });
await browser.close(); await srv.close();
