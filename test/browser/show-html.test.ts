import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, hasChromium, type Browser } from '../helpers/chromium.js';
import { cli } from '../helpers/cli.js';
import { hasSeed, ROOT, SEED } from '../helpers/corpus.js';
import { HOSTILE_CASSETTE } from '../helpers/hostile-cassette.js';

// Pages and screenshots stay here for a person (or CI artifact) to look at.
const OUT = join(ROOT, 'test-output/show-html');
// Relative to ROOT (the CLI's working directory), so the page and its screenshot show a short path.
const TOOL_LOOP = 'samples/go-vcr-v2/openrouter-chat-stream-tool-loop.yaml';

function writePage(name: string, args: string[]): string {
  const file = join(OUT, `${name}.html`);
  const r = cli(['show', '--html', ...args, '-o', file]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return file;
}

interface Visit {
  page: Page;
  problems: string[];
  requests: string[];
}

describe.skipIf(!hasChromium)('show --html in Chromium', () => {
  let browser: Browser;
  const visits: Visit[] = [];
  const pages = new Set<string>();
  const blocked: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    // Anything but the page files themselves would be network (or disk) access: refuse and record it.
    await browser.context.route('**/*', (route) => {
      const url = route.request().url();
      if (pages.has(url)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<Visit> {
    const page = await browser.context.newPage();
    const visit: Visit = { page, problems: [], requests: [] };
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') visit.problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => visit.problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      visit.problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    const url = pathToFileURL(file).href;
    pages.add(url);
    page.on('request', (r) => {
      if (r.url() !== url && !r.url().startsWith('data:')) visit.requests.push(r.url());
    });
    await page.goto(url);
    visits.push(visit);
    return visit;
  }

  it('shows the conversation, the tool call and the cost of the sample, and saves a screenshot', async () => {
    const { page } = await open(writePage('sample', [TOOL_LOOP]));
    await expect(page.locator('.msg.role-user pre').first().innerText()).resolves.toBe('Do I need an umbrella in Lisbon tomorrow?');
    const call = page.locator('#c0-i0 .response .call');
    await expect(call.locator('.name').innerText()).resolves.toBe('get_forecast');
    await expect(call.locator('pre').innerText()).resolves.toBe('{\n  "city": "Lisbon",\n  "day": "tomorrow"\n}');
    await expect(page.locator('.summary').innerText()).resolves.toContain('cost $0.0002595 (2 recorded)');
    await expect(page.locator('#c0-i1 .response .meta').innerText()).resolves.toContain('cost $0.0001348 (recorded by the API');
    expect(await page.locator('#c0-i1 .msg.new').count()).toBe(2);
    await page.screenshot({ path: join(OUT, 'sample.png'), fullPage: true });
  });

  it.skipIf(!hasSeed)("shows the seed's conversation, tool call and cost", async () => {
    const { page } = await open(writePage('seed', [SEED]));
    await expect(page.locator('#c0-i0 .msg.role-user pre').innerText()).resolves.toBe("What's the weather in Florence,Italy?");
    await expect(page.locator('#c0-i0 .response .call').innerText()).resolves.toContain('"location": "Florence,Italy"');
    await expect(page.locator('.summary').innerText()).resolves.toContain('cost $0.0001706');
    await page.screenshot({ path: join(OUT, 'seed.png'), fullPage: true });
  });

  it('is readable without JavaScript', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    const url = pathToFileURL(writePage('sample', [TOOL_LOOP])).href;
    pages.add(url);
    await page.goto(url);
    await expect(page.locator('#c0-i1 .response .msg pre').innerText()).resolves.toBe('Yes: rain is expected in Lisbon tomorrow (80%), so take an umbrella.');
    await expect(page.locator('#c0-i0 .response .call .name').innerText()).resolves.toBe('get_forecast');
    // The filter needs the script: hidden, and never filled in.
    expect(await page.locator('#toolbar').isVisible()).toBe(false);
    await expect(page.locator('#filter-count').textContent()).resolves.toBe('');
    await page.close();
  });

  it('renders raw bodies only when their section is opened', async () => {
    const { page } = await open(writePage('sample', [TOOL_LOOP]));
    const raw = page.locator('#c0-i0 details.raw');
    expect(await raw.locator('pre').count()).toBe(0);
    await raw.locator('summary').click();
    await expect(raw.locator('pre').last().innerText()).resolves.toContain('data: [DONE]');
    await expect(raw.locator('tr').first().innerText()).resolves.toContain('POST https://openrouter.ai/api/v1/chat/completions');
  });

  it('shows a request image from its data', async () => {
    const { page } = await open(writePage('image', ['samples/go-vcr-v2/openai-chat-image-input.yaml']));
    const width = await page.locator('.media img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(width).toBe(16);
  });

  it('executes nothing from a hostile cassette', async () => {
    const input = join(OUT, 'hostile.yaml');
    writeFileSync(input, HOSTILE_CASSETTE);
    const { page } = await open(writePage('hostile', [input]));
    await page.locator('#c0-i0 details.raw summary').click();
    await page.locator('.response pre').first().click();
    for (const details of await page.locator('details').all()) await details.evaluate((d) => ((d as unknown as { open: boolean }).open = true));
    await page.waitForTimeout(200);
    // (Expressions as strings: the test program is type-checked without the DOM library.)
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('script:not([type])').count()).toBe(1);
    expect(await page.locator('img, iframe, object, embed, a[href^="javascript"]').count()).toBe(0);
    await expect(page.locator('.response pre').first().innerText()).resolves.toContain('<img src=x onerror=');
    await expect(page.locator('#c0-i0 .raw-slot').innerText()).resolves.toContain('</script><script>window.__pwned=\\"close\\"</script>');
    expect(page.url()).toMatch(/hostile\.html$/);
  });

  it('filters by text, model, tool name and status', async () => {
    const files = ['go-vcr-v2/openrouter-chat-stream-tool-loop.yaml', 'go-vcr-v2/gemini-error.yaml', 'go-vcr-v2/openai-chat-image-input.yaml'].map((f) => join('samples', f));
    const { page } = await open(writePage('several', files));
    const filter = async (query: string) => {
      await page.fill('#filter', query);
      await page.press('#filter', 'Enter');
      return page.locator('article.ix:visible').evaluateAll((items) => items.map((i) => i.id));
    };
    await expect(filter('')).resolves.toEqual(['c0-i0', 'c0-i1', 'c1-i0', 'c2-i0']);
    await expect(filter('tool:get_forecast')).resolves.toEqual(['c0-i0', 'c0-i1']);
    await expect(filter('status:4xx')).resolves.toEqual(['c1-i0']);
    await expect(filter('status:2')).resolves.toEqual([]);
    await expect(filter('status:none')).resolves.toEqual([]);
    await expect(filter('model:gpt-4o')).resolves.toEqual(['c2-i0']);
    await expect(filter('square')).resolves.toEqual(['c2-i0']);
    await expect(filter('status:200 umbrella')).resolves.toEqual(['c0-i0', 'c0-i1']);
    await expect(page.locator('#filter-count').innerText()).resolves.toBe('2 of 4 interactions');
  });

  it('moves between visible interactions with j/k and the arrow keys', async () => {
    const files = ['go-vcr-v2/openrouter-chat-stream-tool-loop.yaml', 'go-vcr-v2/gemini-error.yaml'].map((f) => join('samples', f));
    const { page } = await open(writePage('several-keys', files));
    const current = () => page.evaluate("[document.querySelector('article.current')?.id, document.activeElement?.id]");
    await page.keyboard.press('j');
    await expect(current()).resolves.toEqual(['c0-i0', 'c0-i0']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('j');
    await expect(current()).resolves.toEqual(['c1-i0', 'c1-i0']);
    await page.keyboard.press('k');
    await expect(current()).resolves.toEqual(['c0-i1', 'c0-i1']);
    await page.keyboard.press('ArrowUp');
    await expect(current()).resolves.toEqual(['c0-i0', 'c0-i0']);
    // Hidden interactions are skipped.
    await page.keyboard.press('/');
    await page.keyboard.type('status:4xx');
    await page.keyboard.press('Enter');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    await expect(current()).resolves.toEqual(['c1-i0', 'c1-i0']);
  });

  it('made no network request and logged no error or warning on any page', () => {
    expect(visits.length).toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    expect(visits.flatMap((v) => v.requests)).toEqual([]);
    expect(visits.flatMap((v) => v.problems)).toEqual([]);
  });
});
