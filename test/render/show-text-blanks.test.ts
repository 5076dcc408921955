import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/render/format.js';
import { cli } from '../helpers/cli.js';

// Lines ending in blanks: invisible on a terminal, but noise in a pasted log, an issue or a textconv diff.
describe('show writes no trailing blanks for empty text', () => {
  it('wrap leaves an empty line empty instead of the indent alone', () => {
    expect(wrap('first\n\nthird', 80, '    ')).toBe('    first\n\n    third');
    // A break at a run of spaces (indented code in a body) leaves none at the end of the row.
    expect(wrap(`${'a'.repeat(30)}    ${'b'.repeat(30)}`, 40, '  ')).toBe(`  ${'a'.repeat(30)}\n  ${'b'.repeat(30)}`);
  });

  it('an assistant turn with only tool calls ends at its role', () => {
    const r = cli(['show', 'samples/go-vcr-v2/openai-chat-parallel-tools.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\n  + assistant\n      → get_weather(');
    expect(r.stdout.split('\n').filter((line) => /\s$/.test(line))).toEqual([]);
  });
});
