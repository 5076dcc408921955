import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { genaiPrices } from '../../src/cost/genai-prices.js';
import { rememberPrices } from '../../src/cost/remembered-prices.js';
import { type FileDiff, summarizeCommit } from '../../src/diff/commit.js';
import { diffCassettes } from '../../src/diff/compare.js';
import { renderCommitMarkdown } from '../../src/diff/render/commit-markdown.js';
import { renderCommitStat } from '../../src/diff/render/commit-stat.js';
import { renderCommitText } from '../../src/diff/render/commit-text.js';
import { diffJsonValue } from '../../src/diff/render/json.js';
import { PLAIN } from '../../src/render/palette.js';
import { benchCassette } from '../../scripts/bench-diff-cassette.mjs';
import { costOptions, diffRewrittenBytes } from '../../src/diff/rewritten.js';
import type { CassetteDiff } from '../../src/diff/types.js';
import { equalRun, onlyVolatileChanged } from '../../src/diff/volatile-text.js';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { loadCassette } from '../../src/load.js';

// The re-record shortcut of diff --git must give what the full comparison gives, whenever it
// answers at all: checked on every sample, every handed diff case, and re-records made from them.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CASES = resolve(ROOT, '../shared/cases/diff');
const hasCases = existsSync(CASES);
if (!hasCases) console.warn(`[cassette tests] ../shared/cases/diff not found at ${CASES}: handed cases are left out of the shortcut check`);

const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const withoutNoise = (d: CassetteDiff) => ({ ...d, interactions: d.interactions.map(({ noise: _, ...rest }) => rest) });

/** 'fast' when the shortcut answered (and agreed with the full comparison), 'full' when it declined. */
function agree(before: Uint8Array | string, after: Uint8Array | string, path: string): 'fast' | 'full' | 'unreadable' {
  const [a, b] = [Buffer.from(before), Buffer.from(after)];
  let old;
  let next;
  try {
    [old, next] = [loadCassette(a, path), loadCassette(b, path)];
  } catch {
    return 'unreadable';
  }
  const fast = diffRewrittenBytes(old, a, b, { ...costOptions(rememberPrices(genaiPrices)) });
  if (!fast) return 'full';
  expect(fast, path).toEqual(withoutNoise(diffCassettes(old, next, costOptions(genaiPrices))));
  return 'fast';
}

/** A re-record of `text`: ids renamed one to one (or not), timestamps and volatile headers rewritten. */
function rerecord(text: string, consistent = true): string {
  let n = 0;
  return text
    .replace(/"(id|tool_call_id|tool_use_id|call_id)"(\s*:\s*)"([A-Za-z0-9_-]+)"/g, (_, k: string, sep: string, v: string) => `"${k}"${sep}"${v}${consistent ? 'R' : `R${n++}`}"`)
    .replace(/"created"(\s*:\s*)(\d+)/g, (_, sep: string, v: string) => `"created"${sep}${Number(v) + 86_400}`)
    .replace(/"system_fingerprint"(\s*:\s*)"([\w-]+)"/g, '"system_fingerprint"$1"fp_new"')
    .replace(/^(\s*(?:Date|date|x-request-id|X-Request-Id|User-Agent|user-agent):\s*\n\s*- ).*$/gm, '$1Tue, 02 Jan 2026 11:00:00 GMT');
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** A VCR.py cassette as VCR.py writes it (block YAML, bodies single-quoted). */
function vcrYaml(calls: { model: string; toolId?: string; created?: number; date?: string; response?: string; url?: string }[]): string {
  let out = 'interactions:\n';
  for (const [k, c] of calls.entries()) {
    const messages: unknown[] = [{ role: 'user', content: `question ${k}` }];
    if (c.toolId) messages.push({ role: 'assistant', content: null, tool_calls: [{ id: c.toolId, type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }] }, { role: 'tool', tool_call_id: c.toolId, content: '20 C' });
    const response = c.response ?? JSON.stringify({ id: `chatcmpl-${k}abc`, object: 'chat.completion', created: c.created ?? 1_700_000_000, model: c.model, choices: [{ index: 0, message: { role: 'assistant', content: 'sunny' }, finish_reason: 'stop' }], usage: { prompt_tokens: 100 + k, completion_tokens: 7, total_tokens: 107 + k } });
    out += `- request:\n    body: ${quote(JSON.stringify({ model: c.model, messages }))}\n    headers:\n      Content-Type:\n      - application/json\n      User-Agent:\n      - OpenAI/Python 1.0.0\n    method: POST\n    uri: ${c.url ?? 'https://api.openai.com/v1/chat/completions'}\n  response:\n    body:\n      string: ${quote(response)}\n    headers:\n      Content-Type:\n      - application/json\n      Date:\n      - ${c.date ?? 'Mon, 01 Jan 2026 10:00:00 GMT'}\n    status:\n      code: 200\n      message: OK\n`;
  }
  return `${out}version: 1\n`;
}

describe('re-record shortcut (diff --git)', () => {
  it('agrees with the full comparison on every sample, itself and re-recorded', () => {
    const seen = { fast: 0, full: 0, unreadable: 0 };
    for (const path of files(join(ROOT, 'samples'))) {
      const text = readFileSync(path, 'utf8');
      for (const other of [text, rerecord(text), rerecord(text, false)]) seen[agree(text, other, path)]++;
    }
    // Not vacuous: the shortcut answers for the unchanged samples and the re-recorded YAML ones.
    expect(seen.fast).toBeGreaterThan(60);
  });

  it.skipIf(!hasCases)('agrees with the full comparison on every handed diff case', () => {
    const seen = { fast: 0, full: 0, unreadable: 0 };
    for (const name of readdirSync(CASES).filter((n) => /-old\.ya?ml$/.test(n))) {
      const [a, b] = [readFileSync(join(CASES, name)), readFileSync(join(CASES, name.replace('-old.', '-new.')))];
      for (const [x, y] of [[a, b], [a, Buffer.from(rerecord(a.toString()))], [b, Buffer.from(rerecord(b.toString()))]] as const) seen[agree(x, y, name)]++;
    }
    expect(seen.fast).toBeGreaterThan(0);
  });

  it('answers for a re-record that only minted ids, timestamps and dates, like the bench', () => {
    const old = vcrYaml([{ model: 'gpt-4o' }, { model: 'gpt-4o', toolId: 'call_abc123' }]);
    const now = vcrYaml([{ model: 'gpt-4o', created: 1_700_086_400, date: 'Tue, 02 Jan 2026 11:00:00 GMT' }, { model: 'gpt-4o', toolId: 'call_xyz789', created: 1_700_086_400 }]);
    expect(onlyVolatileChanged(Buffer.from(old), Buffer.from(now))?.map((c) => `${c.key}: ${c.before} → ${c.after}`)).toEqual([
      'created: 1700000000 → 1700086400',
      'Date: Mon, 01 Jan 2026 10:00:00 GMT → Tue, 02 Jan 2026 11:00:00 GMT',
      'id: call_abc123 → call_xyz789',
      'tool_call_id: call_abc123 → call_xyz789',
      'created: 1700000000 → 1700086400',
    ]);
    expect(agree(old, now, 'a.yaml')).toBe('fast');
  });

  it('declines what it cannot vouch for, and then the full comparison says what changed', () => {
    const base = [{ model: 'gpt-4o', toolId: 'call_abc123' }];
    const cases: [string, string][] = [
      // One old id became two new ones: not a consistent rename.
      [vcrYaml([...base, { model: 'gpt-4o', toolId: 'call_abc123' }]), vcrYaml([...base.map((c) => ({ ...c, toolId: 'call_new111' })), { model: 'gpt-4o', toolId: 'call_new222' }])],
      // The model changed.
      [vcrYaml(base), vcrYaml([{ model: 'gpt-4.1', toolId: 'call_abc123' }])],
      // An id inside an event stream, which only the text says.
      [vcrYaml([{ model: 'x', response: 'data: {"id": "chatcmpl-abc1"}\n\n' }]), vcrYaml([{ model: 'x', response: 'data: {"id": "chatcmpl-abc2"}\n\n' }])],
      // DeepSeek's price depends on the hour, and the re-record was made at another time.
      [vcrYaml([{ model: 'deepseek-chat', url: 'https://api.deepseek.com/chat/completions' }]), vcrYaml([{ model: 'deepseek-chat', url: 'https://api.deepseek.com/chat/completions', created: 1_700_050_000 }])],
      // A header value that would change the YAML's shape.
      [vcrYaml(base), vcrYaml(base).replace('- Mon, 01 Jan 2026 10:00:00 GMT', '- "quoted: yes"')],
    ];
    for (const [a, b] of cases) expect(agree(a, b, 'a.yaml')).toBe('full');
  });

  it('reading a call twice gives the same analysis (a declined shortcut leaves the old side read once already)', () => {
    for (const path of files(join(ROOT, 'samples'))) {
      let cassette;
      try {
        cassette = loadCassette(readFileSync(path), path);
      } catch {
        continue;
      }
      for (const i of cassette.interactions) expect(JSON.stringify(analyzeInteraction(i, {})), `${path} #${i.index}`).toBe(JSON.stringify(analyzeInteraction(i, {})));
    }
  });

  it('answers for identical bytes whatever they hold', () => {
    const stream = vcrYaml([{ model: 'x', response: 'data: {"id": "chatcmpl-abc1"}\n\n' }]);
    expect(agree(stream, stream, 'a.yaml')).toBe('fast');
  });
});

describe('equalRun (the byte compare under the shortcut)', () => {
  it('finds the first difference wherever it is, as a byte-by-byte loop does', () => {
    const naive = (a: Buffer, i: number, b: Buffer, j: number) => {
      let n = 0;
      while (i + n < a.length && j + n < b.length && a[i + n] === b[j + n]) n++;
      return n;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (length, at, i, extra) => {
        const a = Buffer.alloc(length + i, 7);
        const b = Buffer.alloc(length + extra, 7);
        if (at < b.length) b[at] = 8;
        const j = Math.min(i, b.length);
        expect(equalRun(a, Math.min(i, a.length), b, j)).toBe(naive(a, Math.min(i, a.length), b, j));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('diff --git on a commit like the bench\'s (scripts/bench-diff.mjs): shortcuts on and off', () => {
  it('gives the same totals, shared changes, per-file JSON and the same --stat, --markdown and text', () => {
    // 20 files re-recorded: new ids and times in all, a model bump in every 5th, a new message in every 10th (from the 2nd).
    let answered = 0;
    const commit = (shortcut: boolean) => {
      const options = { ...costOptions(rememberPrices(genaiPrices)), texts: false };
      const files: FileDiff[] = [];
      for (let n = 0; n < 20; n++) {
        const path = `tests/cassettes/test_weather_${n}[gpt-4o].yaml`;
        const [a, b] = [Buffer.from(benchCassette(n, 1, 'gpt-4o', false)), Buffer.from(benchCassette(n, 2, n % 5 === 0 ? 'gpt-4.1' : 'gpt-4o', n % 10 === 1))];
        const old = loadCassette(a, path);
        const fast = shortcut ? diffRewrittenBytes(old, a, b, options) : undefined;
        if (fast) answered++;
        const diff = fast ?? diffCassettes(old, loadCassette(b, path), options);
        files.push({ path, status: 'modified', diff: withoutNoise(diff) });
      }
      return summarizeCommit(files, ['package.json']);
    };
    const [fast, full] = [commit(true), commit(false)];
    const json = (c: ReturnType<typeof commit>) => JSON.stringify({ commit: { totals: c.totals, shared: c.shared, skipped: c.skipped }, diffs: c.files.map((f) => ({ path: f.path, status: f.status, ...(diffJsonValue(f.diff) as object) })) }, null, 2);
    expect(json(fast)).toBe(json(full));
    expect(renderCommitStat(fast)).toBe(renderCommitStat(full));
    expect(renderCommitMarkdown(fast)).toBe(renderCommitMarkdown(full));
    expect(renderCommitText(fast, { palette: PLAIN, patch: false })).toBe(renderCommitText(full, { palette: PLAIN, patch: false }));
    // Not vacuous: the shortcut answered for the 14 files only re-recorded, 6 changed in meaning, and a cost on both sides.
    expect(answered).toBe(14);
    expect(fast.totals.files).toMatchObject({ changed: 6, added: 0, removed: 0, sameMeaning: 14 });
    expect(fast.shared.map((s) => `${s.text} (${s.files.length})`)).toContain('model changed: gpt-4o → gpt-4.1 (4)');
    expect(fast.totals.before.cost).toBeGreaterThan(0);
  });
});
