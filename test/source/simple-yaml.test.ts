import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPLICIT_TAGS, parseSimpleYaml } from '../../src/source/simple-yaml.js';
import { cassetteYamlSchema, loadYamlDocument as parseWithJsYaml } from '../../src/source/yaml-schema.js';

/** Constructs recorders write: the fast reader must handle them and agree with js-yaml. */
const HANDLED: [string, string][] = [
  ['plain scalars of every implicit type', '- a: 1\n  b: -1\n  c: 1.5\n  d: true\n  e: Null\n  f: ~\n  g: 2024-01-02T03:04:05Z\n  h: 0x1F\n  i: hello world\n  j: .inf\n  k:\n'],
  [
    'decimal integers of every length, with and without a leading zero, sign or underscore',
    '- a: 0\n  b: 7\n  c: 200\n  d: 007\n  e: 123456789012345\n  f: 1234567890123456\n  g: 123456789012345678901234567890\n  h: 1_000\n  i: +5\n  j: 1e3\n  k: 2024\n  l: 12 34\n',
  ],
  ['single and double quotes', `- a: 'it''s {"x": 1}'\n  b: "tab\\tnew\\nline \\u00e9 \\"q\\""\n  c: ''\n  d: ""\n`],
  ['literal block scalars and their chomping', '- clip: |\n    one\n\n    two\n  strip: |-\n    one\n  keep: |+\n    one\n\n\n  next: x\n'],
  ['a literal whose lines carry extra indentation', '- body: |\n      {\n        "a": 1\n      }\n'],
  ['lines of only spaces inside a literal', '- body: |\n    a\n  \n          \n    b\n'],
  ['compact sequences at the key\'s indentation', '- headers:\n    Content-Type:\n    - application/json\n    X-Two:\n    - a\n    - b\n'],
  ['go-vcr v2 layout', '    - id: 0\n      request:\n        headers:\n            Accept:\n                - "*/*"\n        form: {}\n        trailer: []\n        url: https://example.com/v1?a=b&c=d\n'],
  ['URLs and colons without a space', '- url: http://x.test:8080/a#frag\n  t: 10:30\n'],
  ['nested sequences of mappings', '- list:\n  - a: 1\n    b: 2\n  - c: 3\n'],
  ['keys that resolve like scalars', '- true: 1\n  null: 2\n  Yes: 3\n'],
  ['the null and bool words, ~, 0 and negative decimals (resolved without js-yaml)', '- a: TRUE\n  b: False\n  c: NULL\n  d: -0\n  e: -123\n  f: 0\n  g: ~\n  h: -123456789012345\n  i: -1_0\n  j: -01\n  k: True\n  l: null\n'],
  ['multi-line single quotes as PyYAML folds them', "- body: '{\"a\": \"it''s\n    one\"}\n\n\n    data: x''\n\n    y'\n  next: 1\n"],
  ['a multi-line single quote closed alone on its line', "- a: 'one\n    two\n    '\n- 'seq\n  item'\n"],
  ['a quote pair at the end of a line', "- a: 'one''\n    two'\n"],
  ['a multi-line single quote closed before trailing spaces', "- a: 'one\n    two'   \n  b: 1\n"],
  ['a multi-line single quote with blank lines of spaces', "- a: 'one\n   \n\n    two'\n"],
  ['a literal whose last line has no line break', '- a: |\n    one\n    two'],
  ['a kept literal ending in blank lines of spaces', '- a: |+\n    one\n  \n   \n- b\n'],
  ['a literal with a deeper blank line between lines', '- a: |-\n    one\n       \n\n    two\n  b: x\n'],
  // Literal blocks with no line of spaces only are read by native passes (literalUniform); the rest by the line loops.
  ['literals of even indentation, each chomping, blank lines inside and after', '- a: |\n    one\n\n      deeper\n    two\n\n\n  b: |-\n    x\n\n  c: |+\n    y\n\n\n  d: 1\n'],
  ['a kept literal at the end of the text, with and without a line break', '- a: |+\n    one\n\n'],
  ['a clipped literal at the end of the text without a line break', '- a: |\n    one\n\n    two'],
  ['an SSE body folded by PyYAML, quote pairs and blank lines', "- body:\n    string: 'data: {\"a\": \"it''s\"}\n\n\n      data: {\"b\":\n      2}\n\n\n      data: [DONE]\n\n\n      '\n  next: 1\n"],
  ['a folded quote whose continuation lines are indented unevenly', "- a: 'one\n    two\n      three\n\n     four'\n"],
  ['a folded quote with runs of one indentation, a deeper line and blank lines of more spaces', "- a: 'one\n    two\n    three\n        four\n    five\n        \n    six\n      seven'\n"],
  ['a lone dash at the end of the text', '- a: 1\n-'],
  // Empty lines are taken before the indentation test, and fold from a table up to 4 blank lines.
  ['a folded quote with 0 to 6 blank lines between its lines, and none after its opening quote', "- a: '\n\n    one\n    two\n\n    three\n\n\n\n\n    four\n\n\n\n\n\n\n    five\n\n    '\n  b: '\n    x'\n"],
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
  ['a multi-line single quote followed by a no-break space', "- a: 'one\n    two'\u00a0\n"],
  ['a multi-line single quote with a tab after its end', "- a: 'one\n    two'\t\n"],
  ['a literal with a leading blank line', '- a: |\n\n    one\n'],
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

// Pieces of the YAML recorders write and of what they must not be mistaken for: quotes and their
// escapes, folded and literal scalars, anchors, tags (!!binary), comments, tabs, CR line ends,
// trailing spaces, shallow continuation lines. Whatever the fast reader accepts must be what js-yaml reads.
const CLEAN = ['a', "it''s", 'x y', '{"k": 1}', 'data: {"a":1}', "''", 'é', 'true', '1', '2024-01-01', 'aGk='];
const ODD = [' ', '\t', '#', ' #c', '\\n', '"', "'", ':', ': ', '- ', '|', '>', '&a', '*a', '!!binary ', '~', ''];
const word = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CLEAN) }, { weight: 1, arbitrary: fc.constantFrom(...ODD) });
const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(''));
const often = <T>(usual: T, ...odd: T[]) => fc.oneof({ weight: 4, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
const pad = (indent: number) => often(2, 0, 1, 4).map((n) => ' '.repeat(indent + n));
const breaks = often('\n', '\n\n', '\n\n\n', '\n  \n', ' \n', '\n\t', '\r\n');
const quoted = (indent: number) =>
  fc
    .tuple(text, fc.array(fc.tuple(breaks, pad(indent), text), { minLength: 1, maxLength: 4 }), often("'", "' ", "' x", '', "''"))
    .map(([first, lines, end]) => `'${first}${lines.map(([b, p, t]) => b + p + t).join('')}${end}`);
const literal = (indent: number) =>
  fc
    .tuple(often('|', '|-', '|+', '|2', '>', '| '), fc.array(fc.tuple(often('\n', '\n\n', '\n   \n'), pad(indent), text), { minLength: 1, maxLength: 4 }), often('\n', '', '\n\n', '\n   '))
    .map(([header, lines, end]) => `${header}${lines.map(([b, p, t]) => b + p + t).join('')}${end}`);
const scalar = (indent: number) => fc.oneof(quoted(indent), literal(indent), text, text.map((t) => `"${t.replaceAll('"', '')}"`));
const key = often('body', 'a', 'string', 'b c', 'k-1', 'true', '"q"', '&k x', '? x');
const mapping = (indent: number) =>
  fc.array(fc.tuple(key, scalar(indent)), { minLength: 1, maxLength: 3 }).map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join(`\n${' '.repeat(indent)}`));
const item = fc
  .tuple(mapping(2), fc.option(fc.tuple(key, mapping(4))), often('\n', '', '\n# c\n', '\n  \n', '\n- x\n'))
  .map(([m, nested, tail]) => `- ${m}${nested ? `\n  ${nested[0]}:\n    ${nested[1]}` : ''}${tail}`);

describe('parseSimpleYaml on generated tricky YAML', () => {
  it('reads exactly what js-yaml reads, or declines', () => {
    let read = 0;
    fc.assert(
      fc.property(item, (yaml) => {
        const fast = parseSimpleYaml(yaml);
        if (fast === undefined) return;
        read++;
        expect(fast).toEqual(parseWithJsYaml(yaml));
      }),
      { numRuns: 3000, seed: 18 },
    );
    // Not only declines: enough documents are read for the comparison to mean something.
    expect(read).toBeGreaterThan(300);
  });
});

// Digit-led plain scalars with a character no int, float or timestamp holds are taken as strings
// without js-yaml's resolvers (hasNonNumeric): generated from the characters those resolvers read and a few others.
describe('parseSimpleYaml on digit-led plain scalars', () => {
  it('resolves each as js-yaml does', () => {
    const chars = fc.constantFrom(...'0123456789019abcdefxobABCDEFXOB_+-.eEtTZ:zms OKé'.split(''));
    const value = fc.tuple(fc.constantFrom(...'0123456789'.split('')), fc.array(chars, { maxLength: 24 })).map(([first, rest]) => `${first}${rest.join('')}`.trimEnd());
    const samples = ['200 OK', '812.402113ms', '1.5s', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 Z', '2002-12-14', '0x1F', '0o17', '0b101', '1_000', '1e3', '10:30', '1.5e-3', '0.', '9z'];
    const check = (v: string) => {
      const yaml = `- a: ${v}\n`;
      const fast = parseSimpleYaml(yaml);
      if (fast !== undefined) expect(fast, v).toEqual(parseWithJsYaml(yaml));
    };
    samples.forEach(check);
    fc.assert(fc.property(value, (v) => check(v)), { numRuns: 5000, seed: 7 });
  });
});

describe('the implicit types resolve() takes shortcuts for', () => {
  it("are the cassette schema's, in its order (js-yaml is loaded only when a scalar needs them)", () => {
    const compiled = (cassetteYamlSchema() as unknown as { compiledImplicit: { tag: string }[] }).compiledImplicit;
    expect(compiled.map((t) => t.tag)).toEqual(IMPLICIT_TAGS);
  });
});
