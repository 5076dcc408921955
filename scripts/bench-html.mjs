// `show --html` figures for npm run bench: the time to write the page for a large cassette, the page's
// size, and Chromium's first contentful paint and load event when the page is opened from file://.
// The browser part is skipped (with a note) where no Chromium is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNS = 3;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Median figures of RUNS runs for `cassette show --html FILE`; `root` is the repository. `anchorMs`
 * (`show --json` on the same file, same run) turns wall times into ratios that a busy machine skews less.
 */
export async function benchShowHtml(file, root, outDir, anchorMs) {
  const page = join(outDir, 'page.html');
  const renderTimes = [];
  const cpuTimes = [];
  // The CLI started as a user's shell starts it, with scripts/bench-usage.cjs preloaded to report its
  // own CPU time, which a busy machine inflates less than wall time. (bin/cassette.js is CommonJS and
  // runs only as the main module: an `import()` of it from `node -e` ran nothing and wrote no page.)
  const args = ['-r', join(root, 'scripts/bench-usage.cjs'), join(root, 'bin/cassette.js'), 'show', '--html', file, '-o', page];
  rmSync(page, { force: true });
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    renderTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`show --html exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    const usage = /@@usage (\d+)/.exec(r.stderr);
    if (!usage || !existsSync(page)) throw new Error(`show --html wrote no page: ${r.stderr.slice(0, 500)}`);
    cpuTimes.push(Number(usage[1]) / 1000);
  }
  const result = {
    cassetteMB: mb(statSync(file).size),
    writeMs: Math.round(median(renderTimes)),
    writeCpuMs: Math.round(median(cpuTimes)),
    pageMB: mb(statSync(page).size),
    loadAverage: Number(loadavg()[0].toFixed(1)),
  };
  if (!existsSync(CHROMIUM)) return { ...result, browser: `skipped: no Chromium at ${CHROMIUM}` };
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'cassette-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
  try {
    const paints = [];
    const loads = [];
    // One warm-up visit, then RUNS measured ones, each in a fresh tab.
    for (let i = 0; i <= RUNS; i++) {
      const tab = await context.newPage();
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load', timeout: 120_000 });
      const timing = await tab.evaluate(
        "({ fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null, load: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? null })",
      );
      await tab.close();
      if (i === 0) continue;
      paints.push(timing.fcp);
      loads.push(timing.load);
    }
    const fcp = median(paints);
    const load = median(loads);
    return {
      ...result,
      firstContentfulPaintMs: Math.round(fcp),
      loadEventMs: Math.round(load),
      // Ratios to `show --json` on the same file in the same run.
      firstPaintToShowJson: Number((fcp / anchorMs).toFixed(2)),
      loadEventToShowJson: Number((load / anchorMs).toFixed(2)),
      chromium: context.browser()?.version(),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function mb(bytes) {
  return Number((bytes / 1024 / 1024).toFixed(1));
}
