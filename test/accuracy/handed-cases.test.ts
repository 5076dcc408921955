import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costRows } from '../../src/cost/collect.js';
import { genaiPrices } from '../../src/cost/genai-prices.js';
import { lintCassette } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import { loadCassette } from '../../src/load.js';
import { interactionJson } from '../../src/render/show-json.js';
import { buildShowReport } from '../../src/show/build.js';
import { ROOT } from '../helpers/corpus.js';

/**
 * The accuracy lines of ../shared/cases/EXPECT.tsv (issue 14), checked in-process against the
 * same JSON the CLI prints (`show --json`, `cost --json`, `lint -f json`). The kinds they cover are
 * also tested on the project's own samples in kinds.test.ts.
 */
const CASES = resolve(ROOT, '../shared/cases');
const EXPECT = join(CASES, 'EXPECT.tsv');
const present = existsSync(EXPECT);
if (!present) console.warn(`[cassette tests] ${EXPECT} not found: the handed accuracy cases are skipped`);

const lines = present
  ? readFileSync(EXPECT, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('accuracy/'))
      .map((l) => l.split('\t') as [string, string, string, string, string])
  : [];

const get = (o: unknown, path: string) => path.split('.').reduce<unknown>((v, k) => (v == null ? undefined : (v as Record<string, unknown>)[k]), o);

function actual(file: string, cmd: string, index: string, field: string): unknown {
  const text = readFileSync(join(CASES, file));
  const cassette = loadCassette(text, file);
  if (cmd === 'show') {
    const shown = buildShowReport(cassette).interactions.find((s) => s.interaction.index === Number(index));
    return shown && get(JSON.parse(JSON.stringify(interactionJson(shown, { mask: true, headers: false }))), field);
  }
  if (cmd === 'cost') return get(costRows(cassette, { prices: genaiPrices }).find((r) => r.index === Number(index)), field);
  return lintCassette(cassette, RULES, new Map(), text.length).filter((f) => index === '*' || f.interaction === Number(index));
}

describe.skipIf(!present)('handed accuracy cases (../shared/cases/EXPECT.tsv)', () => {
  it('finds them', () => {
    expect(lines.length).toBeGreaterThan(30);
  });

  it.each(lines)('%s %s #%s %s = %s', (file, cmd, index, field, expected) => {
    const got = actual(file, cmd, index, field);
    if (cmd === 'lint') {
      const findings = got as { ruleId: string; severity: string }[];
      if (expected === '+error') expect(findings.some((f) => f.severity === 'error')).toBe(true);
      else if (expected.startsWith('+')) expect(findings.map((f) => f.ruleId)).toContain(expected.slice(1));
      else expect(findings.map((f) => f.ruleId)).not.toContain(expected.slice(1));
    } else if (expected.startsWith('~')) {
      const want = Number(expected.slice(1));
      expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(Math.abs(want) * 0.01 + 1e-12);
    } else if (expected.startsWith('^')) expect(String(got)).toMatch(new RegExp(`^${expected.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    else expect(got).toEqual(JSON.parse(expected));
  });
});
