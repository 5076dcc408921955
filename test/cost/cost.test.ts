import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costRows } from '../../src/cost/collect.js';
import { customPriceTable, parsePriceFile } from '../../src/cost/custom-prices.js';
import { genaiPrices, modelNames } from '../../src/cost/genai-prices.js';
import { chainTables } from '../../src/cost/price-table.js';
import { renderCostCsv } from '../../src/cost/render/csv.js';
import { renderCostMarkdown } from '../../src/cost/render/markdown.js';
import { bar, renderCostTable } from '../../src/cost/render/table.js';
import { buildCostReport } from '../../src/cost/rollup.js';
import { loadCassette } from '../../src/load.js';
import { PLAIN } from '../../src/render/palette.js';
import { SAMPLES, SEED, hasSeed } from '../helpers/corpus.js';

const rowsOf = (path: string, prices = genaiPrices) => costRows(loadCassette(readFileSync(path), path), { prices });
const sample = (name: string) => join(SAMPLES, name);

describe('cost rows', () => {
  it.skipIf(!hasSeed)('prefers the cost OpenRouter recorded, and keeps the list price beside it', () => {
    const rows = rowsOf(SEED);
    expect(rows.map((r) => [r.inputTokens, r.outputTokens, r.cost, r.costSource])).toEqual([
      [94, 32, 0.00008436, 'recorded'],
      [147, 20, 0.00008626, 'recorded'],
    ]);
    expect(rows[0]!.estimate).toBeGreaterThan(0);
    const report = buildCostReport(rows);
    expect(report.total).toMatchObject({ interactions: 2, inputTokens: 241, outputTokens: 52, recorded: 2, unknown: 0 });
    expect(report.total.cost).toBeCloseTo(0.00017062, 12);
  });

  it.each([
    // [sample, index, provider, cost USD, priced as]
    ['vcrpy/openai-chat-parsed-body.yaml', 0, 'openai-chat', 12 * 0.15e-6 + 2 * 0.6e-6, 'openai/gpt-4o-mini'],
    // 412 uncached + 2,048 cache-read input tokens: cache reads at $0.30/M, not counted twice at $3/M.
    ['vcrpy/anthropic-stream-tools.yaml', 0, 'anthropic', 412 * 3e-6 + 2048 * 0.3e-6 + 58 * 15e-6, 'anthropic/claude-sonnet-4-5'],
    // Gemini: 52 uncached + 2,048 cached input; 123 output tokens include 120 thinking tokens.
    ['vcrpy/gemini-json-gzip.yaml', 0, 'gemini', 52 * 1.25e-6 + 2048 * 0.125e-6 + 123 * 10e-6, 'google/gemini-2.5-pro'],
  ] as const)('estimates %s #%i (%s) from list prices', (name, index, provider, usd, pricedAs) => {
    const row = rowsOf(sample(name))[index]!;
    expect(row).toMatchObject({ provider, costSource: 'estimated', pricedAs });
    expect(row.cost).toBeCloseTo(usd, 10);
  });

  it('says why a cost is unknown instead of writing zero', () => {
    const rows = rowsOf(sample('vcrpy/anthropic-stream-tools.yaml'));
    expect(rows[1]).toMatchObject({ costSource: 'unknown', cost: null, reason: 'no usage (HTTP 529)' });
    const unknownModel = chainTables([() => ({ reason: 'unknown model "x"' })]);
    expect(rowsOf(sample('vcrpy/openai-chat-parsed-body.yaml'), unknownModel)[0]).toMatchObject({ costSource: 'unknown', cost: null, reason: 'unknown model "x"' });
    const report = buildCostReport(rows);
    expect(report.total.unknown).toBe(1);
    expect(renderCostTable(report, PLAIN)).toMatch(/unknown: no usage \(HTTP 529\)/);
  });

  it('prices models served locally at zero, labelled', () => {
    const row = rowsOf(sample('httprr/ollama-chat-stream.httprr.gz'))[0]!;
    expect(row).toMatchObject({ costSource: 'estimated', cost: 0, pricedAs: 'local (no API charge)' });
  });

  it('tries the names a price table knows for Bedrock and routed models', () => {
    expect(modelNames('us.anthropic.claude-sonnet-4-5-20250929-v1:0')).toContain('claude-sonnet-4-5-20250929');
    expect(modelNames('moonshotai/Kimi-K2-Instruct-0905:groq')).toContain('kimi-k2-instruct-0905');
  });
});

describe('--price-file', () => {
  const file = JSON.stringify({ models: [{ model: 'gpt-4o-mini*', input_mtok: 1, output_mtok: 2, cache_read_mtok: 0.5 }] });

  it('adds or overrides model prices, globs included', () => {
    const prices = chainTables([customPriceTable(parsePriceFile(file, 'prices.json')), genaiPrices]);
    const row = rowsOf(sample('vcrpy/openai-chat-parsed-body.yaml'), prices)[0]!;
    expect(row).toMatchObject({ costSource: 'estimated', pricedAs: 'price-file/gpt-4o-mini*' });
    expect(row.cost).toBeCloseTo((12 * 1 + 2 * 2) / 1e6, 12);
  });

  it("an entry naming the request's model (README's `gpt-4o-mini`) wins over the bundled price of the response's dated name", () => {
    const exact = JSON.stringify({ models: [{ model: 'gpt-4o-mini', input_mtok: 1, output_mtok: 2 }] });
    const prices = chainTables([customPriceTable(parsePriceFile(exact, 'prices.json')), genaiPrices]);
    const rows = rowsOf(sample('go-vcr-v2/openai-chat-parallel-tools.yaml'), prices);
    expect(rows.map((r) => [r.model, r.pricedAs])).toEqual([
      ['gpt-4o-mini-2024-07-18', 'price-file/gpt-4o-mini'],
      ['gpt-4o-mini-2024-07-18', 'price-file/gpt-4o-mini'],
    ]);
    expect(rows[0]!.cost).toBeCloseTo((81 * 1 + 52 * 2) / 1e6, 12);
  });

  it.each([
    ['not json', /not JSON/],
    ['{}', /needs a "models" list/],
    ['{"models":[{"input_mtok":1,"output_mtok":1}]}', /needs a "model" name/],
    ['{"models":[{"model":"m","input_mtok":"1","output_mtok":1}]}', /input_mtok must be a number/],
  ])('rejects %s', (text, message) => {
    expect(() => parsePriceFile(text, 'p.json')).toThrow(message);
  });
});

describe('views', () => {
  const rows = [...rowsOf(sample('vcrpy/anthropic-stream-tools.yaml')), ...rowsOf(sample('vcrpy/openai-chat-parsed-body.yaml'))];

  it('rolls up by model, provider and cassette, most expensive first', () => {
    const byProvider = buildCostReport(rows, { by: 'provider' }).groups!.groups;
    expect(byProvider.map((g) => [g.key, g.interactions])).toEqual([
      ['anthropic', 2],
      ['openai-chat', 1],
      ['embeddings', 1],
    ]);
    expect(buildCostReport(rows).cassettes.map((c) => c.interactions)).toEqual([2, 2]);
  });

  it('checks budgets', () => {
    expect(buildCostReport(rows, { budget: { maxCost: 0.001 } }).budget).toEqual([{ limit: 'max-cost', value: expect.any(Number), max: 0.001, exceeded: true, unknown: expect.any(Number), checked: true }]);
    expect(buildCostReport(rows, { budget: { maxTokens: 1e6 } }).budget[0]!.exceeded).toBe(false);
  });

  it('draws the share of each row as a bar in eighths', () => {
    expect(bar(1)).toBe('██████████');
    expect(bar(0.5)).toBe('█████');
    expect(bar(0.05)).toBe('▌');
    expect(bar(0)).toBe('');
  });

  it('writes CSV that a spreadsheet cannot turn into a formula', () => {
    const csv = renderCostCsv(buildCostReport([{ ...rows[0]!, model: '=HYPERLINK("x")' }]));
    expect(csv.split('\r\n')[0]).toBe('cassette,index,provider,model,input,cached,cache_write,output,reasoning,cost_usd,source,list_price_usd,reason');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes tiny costs in CSV as plain decimals, rounded as --json rounds them', () => {
    const csv = renderCostCsv(buildCostReport([{ ...rows[0]!, cost: 7.5e-7, estimate: 0.1 + 0.2 }]));
    const cells = csv.split('\r\n')[1]!.split(',');
    expect(cells[9]).toBe('0.00000075');
    expect(cells[11]).toBe('0.3');
  });

  it('writes Markdown with the total first and cassette text escaped', () => {
    const md = renderCostMarkdown(buildCostReport([{ ...rows[0]!, model: 'a|b' }]));
    expect(md.split('\n')[0]).toMatch(/^### LLM cost: \$0\.00272/);
    expect(md).toContain('a\\|b');
  });
});

describe('sums without a known cost', () => {
  const unknownOnly = rowsOf(sample('vcrpy/anthropic-stream-tools.yaml')).filter((r) => r.costSource === 'unknown');

  it('show ? rather than $0 when nothing in them has a known cost', () => {
    const report = buildCostReport(unknownOnly);
    expect(renderCostTable(report, PLAIN)).toMatch(/total\s+0\s+0\s+0\s+0\s+\?\n/);
    expect(renderCostTable(report, PLAIN)).toContain('1 unknown · total ?\n');
    expect(renderCostMarkdown(report).split('\n')[0]).toBe('### LLM cost: unknown');
  });

  it('say a --max-cost budget could not be checked, not "within budget", when costs are unknown', () => {
    const report = buildCostReport(unknownOnly, { budget: { maxCost: 0 } });
    expect(report.budget).toEqual([{ limit: 'max-cost', value: 0, max: 0, exceeded: false, unknown: 1, checked: false }]);
    const table = renderCostTable(report, PLAIN);
    expect(table).not.toContain('within budget');
    expect(table).toContain('budget could not be checked: --max-cost $0, every cost is unknown (1 call)\n');
    expect(renderCostMarkdown(report)).toContain(':warning: budget `--max-cost 0` could not be checked: every cost is unknown');
    // Known costs within the limit, and nothing unknown: within budget.
    const known = buildCostReport(rowsOf(sample('vcrpy/openai-chat-parsed-body.yaml')), { budget: { maxCost: 1 } });
    expect(renderCostTable(known, PLAIN)).toContain('within budget: --max-cost $1.0000');
  });
});

describe('local models', () => {
  const report = buildCostReport(rowsOf(sample('go-vcr-v2/ollama-json-tools.yaml')));

  it('are labelled local (no API charge) in the table, CSV and Markdown, as in JSON', () => {
    expect(report.rows[0]).toMatchObject({ cost: 0, costSource: 'estimated', pricedAs: 'local (no API charge)' });
    expect(renderCostTable(report, PLAIN)).toMatch(/\$0\s+local \(no API charge\)\n/);
    expect(renderCostCsv(report).split('\r\n')[1]).toMatch(/,estimated,0,local \(no API charge\)$/);
    expect(renderCostMarkdown(report)).toContain('| $0 | local (no API charge) |');
  });
});

describe('table width', () => {
  const rows = [...rowsOf(sample('vcrpy/bedrock-converse-split.yaml.gz')), ...rowsOf(sample('go-vcr-v2/bedrock-converse-tools-and-throttled.yaml'))];
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

  it('wraps the reason, leaves out optional columns, and shortens model names last, to fit a terminal', () => {
    const report = buildCostReport(rows, { by: 'model' });
    const full = renderCostTable(report, PLAIN);
    expect(full).toContain('us.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(full).toContain('unknown: no usage (HTTP 429)');
    for (const width of [100, 80]) {
      const narrow = renderCostTable(report, PLAIN, { width });
      expect(widest(narrow), String(width)).toBeLessThanOrEqual(width);
    }
    const at100 = renderCostTable(report, PLAIN, { width: 100 });
    // The reason wraps; the model name keeps its full width at 100 columns.
    expect(at100).toContain('us.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(at100).not.toContain('unknown: no usage (HTTP 429)');
    expect(renderCostTable(report, PLAIN, { width: 60 })).toMatch(/ us\.anthrop\S*… /);
    expect(renderCostTable(report, PLAIN, { width: widest(full) })).toBe(full);
  });

  it('fits terminals narrower than 66 columns down to 55: the share percentage goes, names shorten', () => {
    const many = buildCostReport([...rows, ...rowsOf(sample('go-vcr-v2/mixed-prices.yaml')), ...rowsOf(sample('go-vcr-v2/mixed-usage.yaml'))]);
    for (const width of [55, 60, 65]) expect(widest(renderCostTable(many, PLAIN, { width })), String(width)).toBeLessThanOrEqual(width);
    const at55 = renderCostTable(many, PLAIN, { width: 55 });
    expect(at55.split('\n')[0]).toMatch(/^#\s+model\s+input\s+output\s+cost\s+source$/);
    expect(at55).toContain('estimated');
  });

  it('lays out 20,000 rows (the layout is linear in rows; cli-table3 was quadratic)', () => {
    const many = Array.from({ length: 20000 }, (_, index) => ({ ...rows[0]!, index }));
    const text = renderCostTable(buildCostReport(many, {}), PLAIN, { width: 120 });
    expect(text.split('\n').length).toBeGreaterThan(20000);
  });
});
