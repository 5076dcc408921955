import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCassettes } from '../../src/diff/compare.js';
import { renderDiffStat } from '../../src/diff/render/stat.js';
import { renderDiffText } from '../../src/diff/render/text.js';
import { loadCassette } from '../../src/load.js';
import { PLAIN } from '../../src/render/palette.js';
import { ROOT } from '../helpers/corpus.js';

// The handed cases: each pair's README line says what a reviewer must be told.
const CASES = resolve(ROOT, '../shared/cases/diff');
const hasCases = existsSync(join(CASES, 'README.md'));
if (!hasCases) console.warn(`[cassette tests] ../shared/cases/diff not found at ${CASES}: handed diff cases are skipped`);

function run(name: string, options: { showNoise?: boolean } = {}) {
  const ext = existsSync(join(CASES, `${name}-old.yaml`)) ? '.yaml' : '.har.yaml';
  const load = (side: string) => loadCassette(readFileSync(join(CASES, `${name}-${side}${ext}`)), `${name}-${side}${ext}`);
  const diff = diffCassettes(load('old'), load('new'), options);
  return { diff, text: renderDiffText(diff, { palette: PLAIN, patch: false, showNoise: options.showNoise }), stat: renderDiffStat(diff) };
}

describe.skipIf(!hasCases)('handed diff cases (../shared/cases/diff)', () => {
  it('01-reorder: two swapped requests pair #0→#1 and #1→#0 with no differences (order changed)', () => {
    const { diff, text } = run('01-reorder');
    expect(diff.interactions.map((d) => [d.before, d.after, d.status, d.moved])).toEqual([
      [1, 0, 'same', true],
      [0, 1, 'same', true],
    ]);
    expect(diff.different).toBe(false);
    expect(text).toContain('no differences (order changed)');
  });

  it('02-toolid: a tool-call id renamed consistently is no difference; --show-noise lists it', () => {
    const { diff, text } = run('02-toolid');
    expect(diff.different).toBe(false);
    expect(text).not.toContain('call_BBBBBBBB');
    expect(run('02-toolid', { showNoise: true }).text).toContain('id renamed consistently: call_AAAAAAAA → call_BBBBBBBB (2 places)');
  });

  it('03-insert: two messages inserted at [1], the rest unchanged', () => {
    const { diff, text } = run('03-insert');
    expect(diff.interactions[0]!.request!.summary.map((l) => l.text)).toEqual(['messages[1] inserted (assistant: weather {"city": "Rome"})', 'messages[2] inserted (tool: "error: unknown argument city")']);
    expect(text).toContain('2 messages inserted at [1]');
    expect(text).not.toMatch(/edited|appended/);
  });

  it('04-sysprompt: the one line added inside a long system prompt', () => {
    const { diff } = run('04-sysprompt');
    expect(diff.interactions[0]!.request!.summary.map((l) => l.text)).toEqual(['system prompt changed: messages[0].content: + 20b. Never use em dashes in source code.']);
  });

  it('05-urlmodel: a Gemini model in the URL is "model changed"', () => {
    const { diff, text } = run('05-urlmodel');
    expect(diff.interactions[0]!.request!.summary.map((l) => l.text)).toEqual(['model changed: gemini-1.5-flash → gemini-2.5-flash']);
    expect(text).toContain(':generateContent: model changed: gemini-1.5-flash → gemini-2.5-flash\n');
  });

  it('06-query: a query parameter added, by name and value', () => {
    expect(run('06-query').diff.interactions[0]!.request!.summary.map((l) => l.text)).toEqual(['url query api-version added (8)']);
  });

  it('07-header: a behaviour header removed is a difference', () => {
    const { diff } = run('07-header');
    expect(diff.different).toBe(true);
    expect(diff.interactions[0]!.request!.summary.map((l) => l.text)).toEqual(['request header OpenAI-Beta removed (was assistants=v2)']);
  });

  it('08-status: the status change leads the headline and --stat', () => {
    const { text, stat } = run('08-status');
    expect(text).toMatch(/completions: status 400 → 200 \(error fixed\)/);
    expect(stat).toMatch(/\(status 400 → 200 \(error fixed\)/);
  });

  it('09-pathids: paired by path with ids masked; one poll removed', () => {
    const { diff } = run('09-pathids');
    expect(diff.interactions.map((d) => d.status)).toEqual(['same', 'same', 'removed', 'same']);
    const removed = diff.interactions.find((d) => d.status === 'removed')!;
    expect(removed.label).toMatch(/^GET .*\/runs\/run_OLDbbbb$/);
  });

  it('10-required: required gains line_count and offset, named by tool', () => {
    expect(run('10-required').diff.interactions[0]!.request!.summary.map((l) => l.text)).toEqual(['tools.read_file.parameters.required + line_count, + offset']);
  });

  it('11-multipart: only the multipart boundary differs, so no differences', () => {
    expect(run('11-multipart').diff.different).toBe(false);
  });

  it('12-scope: a reordered OAuth scope is no difference', () => {
    expect(run('12-scope').diff.different).toBe(false);
  });

  it('13-pollytextjson: the request body is read from Polly textJSON', () => {
    const lines = run('13-pollytextjson').diff.interactions[0]!.request!.summary.map((l) => l.text);
    expect(lines).toContain('model changed: model-a → model-b');
    expect(lines.some((l) => l.includes('<fim_begin>sum two numbers<fim_hole>'))).toBe(true);
  });
});
