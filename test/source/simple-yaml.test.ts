import { describe, expect, it } from 'vitest';
import { parseSimpleYaml } from '../../src/source/simple-yaml.js';
import { loadYamlDocument as parseWithJsYaml } from '../../src/source/yaml-schema.js';

/** Constructs recorders write: the fast reader must handle them and agree with js-yaml. */
const HANDLED: [string, string][] = [
  ['plain scalars of every implicit type', '- a: 1\n  b: -1\n  c: 1.5\n  d: true\n  e: Null\n  f: ~\n  g: 2024-01-02T03:04:05Z\n  h: 0x1F\n  i: hello world\n  j: .inf\n  k:\n'],
  ['single and double quotes', `- a: 'it''s {"x": 1}'\n  b: "tab\\tnew\\nline \\u00e9 \\"q\\""\n  c: ''\n  d: ""\n`],
  ['literal block scalars and their chomping', '- clip: |\n    one\n\n    two\n  strip: |-\n    one\n  keep: |+\n    one\n\n\n  next: x\n'],
  ['a literal whose lines carry extra indentation', '- body: |\n      {\n        "a": 1\n      }\n'],
  ['lines of only spaces inside a literal', '- body: |\n    a\n  \n          \n    b\n'],
  ['compact sequences at the key\'s indentation', '- headers:\n    Content-Type:\n    - application/json\n    X-Two:\n    - a\n    - b\n'],
  ['go-vcr v2 layout', '    - id: 0\n      request:\n        headers:\n            Accept:\n                - "*/*"\n        form: {}\n        trailer: []\n        url: https://example.com/v1?a=b&c=d\n'],
  ['URLs and colons without a space', '- url: http://x.test:8080/a#frag\n  t: 10:30\n'],
  ['nested sequences of mappings', '- list:\n  - a: 1\n    b: 2\n  - c: 3\n'],
  ['keys that resolve like scalars', '- true: 1\n  null: 2\n  Yes: 3\n'],
  ['multi-line single quotes as PyYAML folds them', "- body: '{\"a\": \"it''s\n    one\"}\n\n\n    data: x''\n\n    y'\n  next: 1\n"],
  ['a multi-line single quote closed alone on its line', "- a: 'one\n    two\n    '\n- 'seq\n  item'\n"],
  ['a quote pair at the end of a line', "- a: 'one''\n    two'\n"],
];

/** Constructs it leaves to js-yaml: it must say so (undefined), never guess. */
const DECLINED: [string, string][] = [
  ['an anchor and alias', '- a: &x 1\n  b: *x\n'],
  ['a tag', '- a: !!binary aGk=\n'],
  ['a folded scalar', '- a: >\n    folded\n    text\n'],
  ['a multi-line plain scalar', '- a: one\n    two\n'],
  ['a multi-line double-quoted scalar', '- a: "one\n    two"\n'],
  ['a multi-line single quote with a space before the break', "- a: 'one \n    two'\n"],
  ['a multi-line single quote with a tab', "- a: 'one\n    \ttwo'\n"],
  ['a multi-line single quote not indented past its key', "- a: 'one\n  two'\n"],
  ['a multi-line single quote with text after its end', "- a: 'one\n    two' x\n"],
  ['a multi-line single quote that never ends', "- a: 'one\n    two\n"],
  ['a flow sequence', '- a: [1, 2]\n'],
  ['a comment', '- a: 1 # note\n'],
  ['a comment line', '- a: 1\n  # note\n  b: 2\n'],
  ['a quoted key', '- "a b": 1\n'],
  ['an explicit indentation indicator', '- a: |2\n     x\n'],
  ['an escape JSON lacks', '- a: "\\x41"\n'],
  ['a tab in a plain scalar', '- a: x\ty\n'],
  ['a merge key', '- <<: {a: 1}\n'],
];

describe('parseSimpleYaml', () => {
  it.each(HANDLED)('reads %s as js-yaml does', (_, text) => {
    const fast = parseSimpleYaml(text);
    expect(fast).toBeDefined();
    expect(fast).toEqual(parseWithJsYaml(text));
  });

  it.each(DECLINED)('leaves %s to js-yaml', (_, text) => {
    expect(parseSimpleYaml(text)).toBeUndefined();
  });

  it('keeps the trailing blank lines of a |+ literal as newlines', () => {
    expect(parseSimpleYaml('- b: |+\n    data: x\n\n\n')).toEqual([{ b: 'data: x\n\n\n' }]);
  });
});
