import { structuredPatch } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchHunks, unifiedDiff } from '../../src/diff/render/patch.js';
import { PLAIN } from '../../src/render/palette.js';

// Few distinct lines, so that the texts repeat lines and Myers' diff has ties to break.
const line = fc.constantFrom('a', 'b', 'c', '', '  "x": 1,', 'a\r');
const text = fc.tuple(fc.array(line, { maxLength: 14 }), fc.boolean()).map(([lines, newline]) => lines.join('\n') + (newline && lines.length > 0 ? '\n' : ''));
// A second text made from the first by a few edits, as the two sides of a diff FILE step are.
const edited = fc.tuple(text, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.array(line, { maxLength: 3 })), { maxLength: 3 })).map(([before, edits]) => {
  const lines = before.split('\n');
  for (const [at, remove, insert] of edits) lines.splice(at % (lines.length + 1), remove, ...insert);
  return [before, lines.join('\n')] as const;
});

describe('patchHunks (the hunks worked out from the first line that differs on)', () => {
  it("equals structuredPatch's hunks of the whole texts", () => {
    fc.assert(
      fc.property(fc.oneof(edited, fc.tuple(text, text)), fc.nat(4), ([before, after], context) => {
        expect(patchHunks(before, after, context)).toEqual(structuredPatch('before', 'after', before, after, '', '', { context }).hunks);
      }),
      { seed: 18, numRuns: 1500 },
    );
  });

  it('equals them where one line is replaced in a long text (the excerpt then ends early too)', () => {
    const some = fc.array(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', ''), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(some, fc.nat(), fc.constantFrom('a', 'b', 'x', ''), fc.nat(4), (lines, at, line, context) => {
        const before = `${lines.join('\n')}\n`;
        const changed = [...lines];
        changed[at % lines.length] = line;
        const after = `${changed.join('\n')}\n`;
        expect(patchHunks(before, after, context)).toEqual(structuredPatch('before', 'after', before, after, '', '', { context }).hunks);
      }),
      { seed: 18, numRuns: 1500 },
    );
  });

  it('numbers the hunks of a long body from the start of the whole text', () => {
    const body = (n: number) => `${JSON.stringify({ model: 'm', messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: `question ${n}` }], tools: Array.from({ length: 8 }, (_, k) => ({ name: `t${k}` })) }, null, 2)}\n`;
    const lines = unifiedDiff(body(1), body(2), PLAIN);
    expect(patchHunks(body(1), body(2), 3)).toEqual(structuredPatch('before', 'after', body(1), body(2), '', '', { context: 3 }).hunks);
    expect(lines[0]).toBe('@@ -7,7 +7,7 @@');
    expect(lines).toContain('-      "content": "question 1"');
    expect(lines).toContain('+      "content": "question 2"');
  });
});
