import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/document.js';
import { splitYamlFile, splitYamlList } from '../../src/source/yaml-list.js';
import { loadYamlDocument } from '../../src/source/yaml-schema.js';

const split = (text: string) => splitYamlList(Buffer.from(text));
const items = (text: string) => split(text)?.items.map(({ start, end }) => Buffer.from(text).toString('utf8', start, end));
const whole = (text: string) => loadYamlDocument(text);

const GO_VCR_V2 = `---
version: 2
interactions:
    - id: 0
      request:
        body: |
            line one

            line three
        url: https://example.com/a
    - id: 1
      request:
        url: https://example.com/b
`;

const GO_VCR_V1 = `---
version: 1
interactions:
- request:
    url: https://example.com/a
  response:
    body: '{"ok":true}'
- request:
    url: https://example.com/b
  response: {}
`;

const RUBY_VCR = `---
http_interactions:
- request:
    method: get
    uri: https://example.com/a
  recorded_at: Tue, 01 Oct 2024 10:00:00 GMT
recorded_with: VCR 6.3.1
`;

describe('splitYamlList', () => {
  it('finds each item of a go-vcr v2 list (items indented under the key)', () => {
    expect(items(GO_VCR_V2)).toEqual([
      '    - id: 0\n      request:\n        body: |\n            line one\n\n            line three\n        url: https://example.com/a\n',
      '    - id: 1\n      request:\n        url: https://example.com/b\n',
    ]);
    expect(split(GO_VCR_V2)?.head).toBe('---\nversion: 2\ninteractions: []\n');
  });

  it('reads lists written at the key\'s own indentation, and keys after the list', () => {
    expect(items(GO_VCR_V1)).toHaveLength(2);
    const ruby = split(RUBY_VCR);
    expect(ruby?.key).toBe('http_interactions');
    expect(ruby?.items).toHaveLength(1);
    expect(ruby?.head).toBe('---\nhttp_interactions: []\nrecorded_with: VCR 6.3.1\n');
  });

  it('gives the line each item starts on, as counting the line breaks before it does', () => {
    for (const text of [GO_VCR_V2, GO_VCR_V1, RUBY_VCR, `# a comment\n\n${GO_VCR_V1}`]) {
      const bytes = Buffer.from(text);
      const found = split(text)?.items ?? [];
      expect(found.length).toBeGreaterThan(0);
      for (const { start, line } of found) expect(line).toBe(bytes.subarray(0, start).toString().split('\n').length);
    }
  });

  it.each([
    ['CR line ends', GO_VCR_V1.replaceAll('\n', '\r\n')],
    ['a directive', `%YAML 1.2\n${GO_VCR_V1}`],
    ['a flow list', 'version: 1\ninteractions: [{request: {url: x}}]\n'],
    ['an empty list', 'version: 2\ninteractions: []\n'],
    ['the key twice', `${GO_VCR_V1}interactions:\n- request: {}\n`],
    ['a comment at the items\' indentation', 'interactions:\n    - id: 0\n    # note\n    - id: 1\n'],
    ['an indented line after the list', 'interactions:\n    - id: 0\n  odd: 1\n'],
  ])('leaves %s to the full parser', (_, text) => {
    expect(split(text)).toBeUndefined();
  });
});

// The same scan over a file read piece by piece into a buffer of `window` bytes: every window, down
// to one byte, must give what the whole bytes give (items, head, lines, prefix), whatever falls on
// a piece's edge: the key, \`http_\`, a line longer than the window, a CR after the list.
describe('splitYamlFile', () => {
  const fromFile = (text: string, window: number) => {
    const bytes = Buffer.from(text);
    const reads: number[] = [];
    const file = {
      size: bytes.length,
      readInto: (target: Buffer, at: number, length: number, position: number) => {
        reads.push(position);
        return bytes.copy(target, at, position, Math.min(bytes.length, position + length));
      },
    };
    return { split: splitYamlFile(file, window), reads };
  };
  const shape = (s: ReturnType<typeof split>) => s && { key: s.key, head: s.head, items: s.items, prefix: s.prefix, prefixChars: s.prefixChars };
  const texts = [
    GO_VCR_V2,
    GO_VCR_V1,
    RUBY_VCR,
    `# é comment\n\n${GO_VCR_V1}`,
    `${GO_VCR_V1.replace('https://example.com/a', `https://example.com/${'a'.repeat(300)}`)}`,
    'note: "interactions: not here"\nxinteractions:\nhttp_interactions:\n- a: 1\n',
    // Lines longer than the 64 KiB the scan reads as one string, in a body and ending the list.
    `interactions:\n- body: '${'x'.repeat(70_000)}'\n  other: 1\n\n   \n- body: |\n    ${'y'.repeat(140_000)}\n${'k'.repeat(70_000)}: 1\n`,
    // Many items and blank lines, so the scan's strings end between items and inside bodies.
    `version: 1\ninteractions:\n${Array.from({ length: 3000 }, (_, i) => `  - id: ${i}\n    body: |\n      line\n\n      more ${'z'.repeat(i % 50)}\n`).join('')}after: x\n`,
    ...[
      ['CR line ends', GO_VCR_V1.replaceAll('\n', '\r\n')],
      ['a CR after the list', `${RUBY_VCR}note: a\r\n`],
      ['a directive', `%YAML 1.2\n${GO_VCR_V1}`],
      ['the key twice', `${GO_VCR_V1}interactions:\n- request: {}\n`],
      ['no key', 'version: 1\nentries:\n- a: 1\n'],
      ['an empty file', ''],
    ].map(([, text]) => text!),
  ];

  it.each([1, 7, 64, 4096, 256 * 1024])('gives what the whole bytes give, read %i bytes at a time', (window) => {
    for (const text of texts) {
      const { split: got } = fromFile(text, window);
      expect(shape(got), JSON.stringify(text)).toEqual(shape(split(text)));
      if (got) expect(got.prefixChars).toBe(Buffer.from(text).toString('utf8', 0, got.prefix).length);
    }
  });

  it('says whether the file is ASCII', () => {
    expect(fromFile(GO_VCR_V1, 8).split?.ascii).toBe(true);
    expect(fromFile(GO_VCR_V1.replace('https://example.com/b', 'https://exämple.com/b'), 8).split?.ascii).toBe(false);
  });

  it('reads each byte of the file once when its lines fit the window', () => {
    const text = `---\nversion: 2\ninteractions:\n${Array.from({ length: 50 }, (_, i) => `    - id: ${i}\n      request:\n        url: https://example.com/${i}\n`).join('')}`;
    const { split: got, reads } = fromFile(text, 256);
    expect(got?.items).toHaveLength(50);
    // Each read starts where the bytes read so far end (none read twice).
    expect(reads.length).toBeGreaterThan(text.length / 256);
    expect(new Set(reads).size).toBe(reads.length);
  });
});

describe('parseSource with a split list', () => {
  it.each([
    ['go-vcr v2', GO_VCR_V2],
    ['go-vcr v1', GO_VCR_V1],
    ['Ruby VCR', RUBY_VCR],
    ['an alias to another item', 'interactions:\n- &first {request: {url: a}}\n- *first\n'],
    ['a second document', `${GO_VCR_V1}---\nversion: 3\n`],
    // The head after a document start line is read by simple-yaml, not js-yaml: the same data.
    ['a document start, keys after the list', `---\nversion: 2\ninteractions:\n- id: 0\nrecorded_with: "go-vcr: 4"\nwhen: 2024-11-22\n`],
    ['a document start, CRLF line ends', GO_VCR_V1.replace(/\n/g, '\r\n')],
    ['a document end marker', `${GO_VCR_V1}...\n`],
    ['a comment on the document start line', `--- # recorded\n${GO_VCR_V1.slice(4)}`],
    ['a document start and a tagged head value', `---\nversion: !!str 2\ninteractions:\n- id: 0\n`],
  ])('gives the same document as one js-yaml parse: %s', (_, text) => {
    let expected: unknown;
    try {
      expected = whole(text);
    } catch {
      expect(() => parseSource(text)).toThrow();
      return;
    }
    expect(parseSource(text).data).toEqual(expected);
  });

  it('lazily: holds the first item, parses the others on demand, decodes the text only when asked', () => {
    const doc = parseSource(Buffer.from(GO_VCR_V2), { lazy: true });
    expect(doc.list?.length).toBe(2);
    expect((doc.data as { interactions: unknown[] }).interactions).toHaveLength(1);
    expect(doc.list?.item(1)).toEqual((whole(GO_VCR_V2) as { interactions: unknown[] }).interactions[1]);
    expect(doc.text).toBe(GO_VCR_V2);
  });

  it('reports a broken item with the position of the whole file', () => {
    const broken = `${GO_VCR_V2}    - id: 2\n      request: {url: "unterminated\n`;
    expect(() => parseSource(broken)).toThrow(/invalid YAML/);
  });
});
