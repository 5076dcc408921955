import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStackTrace } from '../helpers/cli.js';
import { CORPUS, SAMPLES, SEED, hasCorpus, hasSeed } from '../helpers/corpus.js';

interface CostJson {
  total: { inputTokens: number; outputTokens: number; cacheReadTokens: number; reasoningTokens: number; cost: number; recorded: number; unknown: number };
  interactions: { path: string; index: number; provider: string; model: string; inputTokens: number; outputTokens: number; cost: number | null; costSource: string; reason: string | null }[];
  errors: { path: string; message: string }[];
}

describe('cassette cost', () => {
  it.skipIf(!hasSeed)('gives the seed figures: 241 in, 52 out, $0.00017062 recorded', () => {
    const r = cli(['cost', '--json', SEED]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as CostJson;
    expect(out.total).toMatchObject({ inputTokens: 241, outputTokens: 52, cacheReadTokens: 0, reasoningTokens: 0, cost: 0.00017062, recorded: 2 });
    expect(out.interactions.map((i) => [i.index, i.provider, i.model, i.cost, i.costSource])).toEqual([
      [0, 'openai-chat', 'moonshotai/kimi-k2-0905', 0.00008436, 'recorded'],
      [1, 'openai-chat', 'moonshotai/kimi-k2-0905', 0.00008626, 'recorded'],
    ]);
  });

  it.skipIf(!hasSeed)('prints a table with the total and each row’s share', () => {
    const r = cli(['cost', SEED]);
    expect(r.stdout).toMatch(/^#\s+provider\s+model\s+input\s+cached\s+output\s+reasoning\s+cost/);
    // The path in full on a line of its own (not a TTY), its rows under it.
    expect(r.stdout.split('\n')[1]).toBe(SEED);
    expect(r.stdout).toMatch(/total\s+241\s+0\s+52\s+0\s+\$0\.00017062/);
    expect(r.stdout).toMatch(/█████\s+49%\s+recorded/);
    expect(r.stdout).toContain('2 LLM calls: 2 recorded, 0 estimated, 0 unknown · total $0.00017062');
  });

  it.skipIf(!hasSeed)('exits 1 over budget and 0 within it', () => {
    expect(cli(['cost', '--max-cost', '0.0001', SEED])).toMatchObject({ status: 1 });
    expect(cli(['cost', '--max-cost', '0.01', SEED]).status).toBe(0);
    const tokens = cli(['cost', '--max-tokens', '200', SEED]);
    expect(tokens.status).toBe(1);
    expect(tokens.stdout).toContain('over budget: --max-tokens 200, total 293');
  });

  it('rolls up, and writes CSV and Markdown', () => {
    const by = cli(['cost', '--by', 'provider', join(SAMPLES, 'vcrpy')]);
    expect(by.stdout).toMatch(/^by provider\s+calls/m);
    expect(cli(['cost', '--csv', join(SAMPLES, 'nock/openai-chat.json')]).stdout.split('\r\n')).toHaveLength(4);
    expect(cli(['cost', '--markdown', join(SAMPLES, 'nock/openai-chat.json')]).stdout).toMatch(/^### LLM cost: \$0\.0000155\n/);
  });

  it('reports a bad file and a bad option with exit 2, and still prices the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-cost-'));
    writeFileSync(join(dir, 'bad.yaml'), 'version: 2\ninteractions: [\n');
    const r = cli(['cost', '--json', join(dir, 'bad.yaml'), join(SAMPLES, 'nock/openai-chat.json')]);
    expect(r.status).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(/^error: .*bad\.yaml:\d+:\d+: invalid YAML/m);
    expect((JSON.parse(r.stdout) as CostJson).interactions).toHaveLength(2);
    expect(cli(['cost', '--by', 'colour', SAMPLES]).status).toBe(2);
    writeFileSync(join(dir, 'prices.json'), '{"models": 3}');
    const prices = cli(['cost', '--price-file', join(dir, 'prices.json'), SAMPLES]);
    expect(prices.status).toBe(2);
    expect(prices.stderr).toContain('price file needs a "models" list');
  });
});

describe('cassette cost options', () => {
  const nock = join(SAMPLES, 'nock/openai-chat.json');

  it('--price-file - reads the price file from standard input; - twice is a usage error', () => {
    const r = cli(['cost', '--json', '--price-file', '-', nock], { input: JSON.stringify({ models: [{ model: 'gpt-4o-mini*', input_mtok: 1000, output_mtok: 1000 }] }) });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as CostJson).interactions[0]!.cost).toBeCloseTo(14 * 1000 / 1e6, 10);
    const twice = cli(['cost', '--price-file', '-', '-'], { input: '{}' });
    expect(twice.status).toBe(2);
    expect(twice.stderr).toBe('cassette: --price-file - and another - both read standard input, which can be read once\n');
  });

  it('prices with a --price-file that overrides the bundled prices', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-cost-'));
    const file = join(dir, 'prices.json');
    writeFileSync(file, JSON.stringify({ models: [{ model: 'gpt-4o-mini*', input_mtok: 1000, output_mtok: 1000 }] }));
    const r = cli(['cost', '--json', '--price-file', file, nock]);
    expect(r.status).toBe(0);
    const chat = (JSON.parse(r.stdout) as CostJson).interactions[0]!;
    expect(chat).toMatchObject({ costSource: 'estimated', model: 'gpt-4o-mini-2024-07-18' });
    expect(chat.cost).toBeCloseTo(14 * 1000 / 1e6, 10);
  });

  it('lists unreadable files in the JSON errors and on stderr', () => {
    const r = cli(['cost', '--json', join(SAMPLES, 'no-such-file.yaml'), nock]);
    expect(r.status).toBe(2);
    expect((JSON.parse(r.stdout) as CostJson).errors).toEqual([{ path: join(SAMPLES, 'no-such-file.yaml'), message: expect.stringContaining('no-such-file.yaml') }]);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('colours only when asked; refuses two output formats at once or an unknown provider', () => {
    expect(cli(['cost', '--color', nock]).stdout).toContain('\u001b[');
    expect(cli(['cost', nock]).stdout).not.toContain('\u001b[');
    const both = cli(['cost', '--json', '--csv', nock]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('choose one of --json, --csv, --markdown');
    const provider = cli(['cost', '--provider', 'nope', nock]);
    expect(provider.status).toBe(2);
    expect(provider.stderr).toMatch(/unknown provider "nope" \(known: .*openai-chat/);
  });

  it('checks --max-cost against known costs only, and says so', () => {
    const r = cli(['cost', '--max-cost', '$1', join(SAMPLES, 'vcrpy/anthropic-stream-tools.yaml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 unknown · total $0.0027204 (unknown costs not included)');
    expect(r.stdout).toContain('within budget: --max-cost $1.0000, total $0.0027204 (1 unknown cost not included)');
  });

  it('refuses a budget that is no decimal number (an unset variable gives an empty one, not a limit of 0) and tokens that are no whole number', () => {
    const file = join(SAMPLES, 'vcrpy/anthropic-stream-tools.yaml');
    for (const [flag, value] of [['--max-cost', ''], ['--max-cost', ' '], ['--max-cost', '0x10'], ['--max-tokens', ''], ['--max-tokens', '1.5'], ['--max-tokens', '0x10']]) {
      const r = cli(['cost', flag!, value!, file]);
      expect([r.status, r.stderr], `${flag} ${JSON.stringify(value)}`).toEqual([2, `cassette: ${flag} needs a ${flag === '--max-tokens' ? 'whole' : 'non-negative'} number, got "${value}"\n`]);
    }
    expect(cli(['cost', '--max-cost', '$1e3', file]).status).toBe(0);
    expect(cli(['cost', '--max-tokens', '1e9', file]).status).toBe(0);
    expect(cli(['cost', '--max-cost', '.5', file]).status).toBe(0);
  });
});

describe.skipIf(!hasCorpus)('cassette cost over ../shared/corpus', () => {
  it('prices at least 90% of the LLM calls that carry usage, and says why for the rest', () => {
    const r = cli(['cost', '--json', CORPUS]);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const out = JSON.parse(r.stdout) as CostJson;
    const withUsage = out.interactions.filter((i) => i.inputTokens + i.outputTokens > 0 || i.costSource === 'recorded');
    const priced = withUsage.filter((i) => i.costSource !== 'unknown');
    expect(priced.length / withUsage.length).toBeGreaterThanOrEqual(0.9);
    for (const i of out.interactions.filter((x) => x.costSource === 'unknown')) {
      expect(i.cost).toBeNull();
      expect(i.reason, `${i.path} #${i.index}`).toBeTruthy();
    }
  });

  it('prints no table when no file could be read, only the errors (exit 2); a batch keeps the files read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-cost-none-'));
    writeFileSync(join(dir, 'empty.yaml'), '');
    for (const args of [['cost', join(dir, 'nosuch.yaml')], ['cost', '--csv', join(dir, 'empty.yaml')], ['cost', '--markdown', join(dir, 'nosuch.yaml'), join(dir, 'empty.yaml')]]) {
      const r = cli(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: .*(nosuch|empty)\.yaml: /);
    }
    const json = cli(['cost', '--json', join(dir, 'nosuch.yaml')]);
    expect((JSON.parse(json.stdout) as CostJson).errors).toHaveLength(1);
    const batch = cli(['cost', join(dir, 'nosuch.yaml'), join(SAMPLES, 'go-vcr-v2/mixed-usage.yaml')]);
    expect(batch.status).toBe(2);
    expect(batch.stdout).toContain('total');
  });
});
