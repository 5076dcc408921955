import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
const page = process.argv[2];
const ctx = await chromium.launchPersistentContext(mkdtempSync('/tmp/html-prof-'), { executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'], viewport: { width: 1280, height: 900 } });
for (let i = 0; i < 2; i++) {
  const tab = await ctx.newPage();
  const t0 = Date.now();
  await tab.goto('file://' + page, { waitUntil: 'load', timeout: 120000 });
  console.log('wall', Date.now() - t0, await tab.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; return { fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime, fp: performance.getEntriesByName('first-paint')[0]?.startTime, responseEnd: n.responseEnd, domInteractive: n.domInteractive, dclStart: n.domContentLoadedEventStart, dclEnd: n.domContentLoadedEventEnd, load: n.loadEventEnd, nodes: document.getElementsByTagName('*').length }; })()"));
  await tab.close();
}
await ctx.close();
