import { describe, expect, it } from 'vitest';
import { type FileDiff, summarizeCommit } from '../../src/diff/commit.js';
import { renderCommitMarkdown } from '../../src/diff/render/commit-markdown.js';
import { renderDiffMarkdown } from '../../src/diff/render/markdown.js';
import type { CassetteDiff, InteractionDiff } from '../../src/diff/types.js';

/** A hand-written file diff: `changed` pairs each with these summary lines. */
function file(path: string, changed: number, lines: string[], status: FileDiff['status'] = 'modified'): FileDiff {
  const pair = (k: number): InteractionDiff => ({ before: k, after: k, label: `POST https://api.openai.com/v1/chat/completions?n=${k}`, status: 'changed', request: { summary: lines.map((text) => ({ category: 'parameters', text })), changes: [], before: '', after: '' } });
  const interactions = Array.from({ length: changed }, (_, k) => pair(k));
  const diff: CassetteDiff = { before: `a/${path}`, after: `b/${path}`, mode: 'between', interactions, different: changed > 0, totals: { before: { inputTokens: 10, outputTokens: 5, cost: 0.001 }, after: { inputTokens: 12, outputTokens: 5, cost: null } } };
  return { path, status, diff };
}

describe('a commit summarized', () => {
  it('counts files and interactions, sums tokens and known costs, groups lines shared by files', () => {
    const commit = summarizeCommit([file('a.yaml', 1, ['model changed: gpt-4o → gpt-4.1', 'temperature: 0 → 1']), file('b.yaml', 2, ['model changed: gpt-4o → gpt-4.1']), file('c.yaml', 0, [])], ['package.json']);
    expect(commit.totals.files).toEqual({ changed: 2, added: 0, removed: 0, sameMeaning: 1, renamed: 0 });
    expect(commit.totals.interactions).toEqual({ changed: 3, added: 0, removed: 0, unchanged: 0 });
    expect(commit.totals.before).toEqual({ inputTokens: 30, outputTokens: 15, cost: 0.003 });
    expect(commit.totals.after.cost).toBeNull();
    expect(commit.shared).toEqual([{ text: 'model changed: gpt-4o → gpt-4.1', files: ['a.yaml', 'b.yaml'] }]);
  });
});

describe('--markdown stays under GitHub’s 65,536-character comment limit', () => {
  const long = 'x'.repeat(300);
  it('a 2,000-file commit: sections collapsed, the rest left out with a note', () => {
    const files = Array.from({ length: 2000 }, (_, k) => file(`cassettes/test_${k}[gpt-4o].yaml`, 5, [`messages[1].content: ${long} ${k}`, `model changed: gpt-4o → gpt-${k}`]));
    const md = renderCommitMarkdown(summarizeCommit(files, []));
    expect(md.length).toBeLessThan(65_536);
    expect(md).toContain('<details>');
    expect(md).toMatch(/_… \d+ more files not shown \(GitHub's comment size limit\); run `cassette diff --git` locally for all of them\._\n$/);
    expect(md.split('<details>').length - 1 + Number(/… (\d+) more files/.exec(md)![1])).toBe(2000);
  });

  it('one cassette with thousands of changed interactions', () => {
    const md = renderDiffMarkdown(file('big.yaml', 5000, [long]).diff);
    expect(md.length).toBeLessThan(65_536);
    expect(md).toMatch(/more changed interactions not shown/);
  });

  it('a small commit is whole, with no note', () => {
    const md = renderCommitMarkdown(summarizeCommit([file('a.yaml', 1, ['temperature: 0 → 1'])], []));
    expect(md).not.toContain('not shown');
    expect(md).toContain('- `temperature: 0 → 1`');
  });
});
