import { describe, expect, it } from 'vitest';
import { diffCassettes } from '../../src/diff/compare.js';
import { loadCassette } from '../../src/load.js';

const KEY_A = 'sk-proj-AAAAbbbbCCCCddddEEEEffffGGGGhhhhIIIIjjjj1234';
const KEY_B = 'sk-proj-AAAAzzzzCCCCddddEEEEffffGGGGhhhhIIIIjjjj9999'; // same first characters and length
const cassette = (content: string, path: string) =>
  loadCassette(
    `version: 2\ninteractions:\n- id: 0\n  request:\n    url: https://api.openai.com/v1/chat/completions\n    method: POST\n    body: '${JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }] })}'\n  response: {code: 200, duration: 1ms, body: ''}\n`,
    path,
  );
const summary = (before: string, after: string) => {
  const d = diffCassettes(cassette(before, 'a.yaml'), cassette(after, 'b.yaml'));
  expect(d.different).toBe(true);
  return d.interactions.flatMap((i) => i.request?.summary.map((l) => l.text) ?? []);
};

describe('a change that masking hides', () => {
  it('says a masked secret changed instead of printing "X → X" (short and long text)', () => {
    expect(summary(`use key ${KEY_A}`, `use key ${KEY_B}`)).toEqual(['messages[0].content: "use key sk-p…(52 chars)" (a masked secret in it changed)']);
    const story = ' and then tell me a long story about the sea and the boats.'.repeat(4);
    const [line] = summary(`use key ${KEY_A}${story}`, `use key ${KEY_B}${story}`);
    expect(line).toMatch(/^messages\[0\]\.content: "use key sk-p…\(52 chars\) and then .*\(a masked secret in it changed\)$/);
    for (const text of [line, ...summary(`use key ${KEY_A}`, `use key ${KEY_B}`)]) expect(text).not.toMatch(/AAAAbbbb|AAAAzzzz/);
  });
  it('keeps the usual "before → after" when the masked sides differ', () => {
    expect(summary(`use key ${KEY_A}`, `use key ${KEY_A} now`)).toEqual([`messages[0].content: "use key sk-p…(52 chars)" → "use key sk-p…(52 chars) now"`]);
  });
});
