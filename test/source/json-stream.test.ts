import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCassette } from '../../src/load.js';
import { parseSource, type Reread } from '../../src/source/document.js';
import { splitJsonList } from '../../src/source/json-list.js';
import { streamJsonList, type FilePieces } from '../../src/source/json-stream.js';
import { createOffsets } from '../../src/source/offsets.js';

// A large plain JSON file's list is split while the file is read in pieces (src/source/json-stream.ts,
// what the CLI does for files of 2 MiB or more): each element, its position and the head must be
// what the split of the whole bytes gives, wherever the pieces end.

/** The file `bytes` read by position, counting the bytes read. */
function piecesOf(bytes: Buffer): FilePieces & { bytesRead: number } {
  const copy = Buffer.from(bytes);
  const file = {
    size: copy.length,
    bytesRead: 0,
    readInto: (target: Buffer, at: number, length: number, position: number) => {
      const n = copy.copy(target, at, position, Math.min(copy.length, position + length));
      file.bytesRead += n;
      return n;
    },
  };
  return file;
}

/** What the split of the whole bytes gives: each element's text and start, the head and its prefix. */
function whole(bytes: Buffer) {
  const split = splitJsonList(bytes)!;
  const offsets = createOffsets(bytes);
  return {
    path: split.path,
    head: split.head,
    prefix: bytes.toString('utf8', 0, split.prefix).length,
    items: split.items.map((r) => ({ text: bytes.toString('utf8', r.start, r.end), ...offsets(r.start) })),
  };
}

function streamed(bytes: Buffer, piece: number) {
  const split = streamJsonList(piecesOf(bytes), piece);
  if (!split) return undefined;
  const items = Array.from({ length: split.length }, (_, i) => ({ text: split.textAt(i), ...split.pointAt(i) }));
  return { path: split.path, head: split.head, prefix: split.prefix, items };
}

const DOCS: [string, string][] = [
  ['nock, pretty-printed', JSON.stringify([{ scope: 'https://a', body: { x: 'a " ] } [ { quote' } }, { scope: 'b', n: [1, [2, { y: '\\' }]] }, { s: '\\"]' }], null, 2)],
  ['nock on one line', JSON.stringify([{ a: '}]"' }, { b: ['[', '{'] }, { c: 'é🙂 \u2028' }])],
  [
    'HAR with keys before and after the list',
    `{"log": {"version": "1.2", "creator": {"name": "x [ {"}, "entries": [\n  {"a": "\\"}"},\n\t{"b": "é🙂", "c": [[]]} ,  {"d": 1}\n], "pages": [{"p": "]"}]}, "z": 1}`,
  ],
  ['VCR.py JSON, CRLF and non-ASCII before the list', '{\r\n  "versión": "ü",\r\n  "interactions": [\r\n    {"request": {"body": "😀"}},\r\n    {"request": {"body": null}}\r\n  ]\r\n}\r\n'],
  ['scalar elements (a number may end at a piece end)', '[12345, "x", true, null, 678, {"a": [1]}, 90]'],
];

describe('streamJsonList', () => {
  for (const [name, text] of DOCS) {
    it(`gives what the whole split gives, pieces ending at every byte: ${name}`, () => {
      const bytes = Buffer.from(text, 'utf8');
      const expected = whole(bytes);
      expect(expected.items.length).toBeGreaterThan(1);
      for (let piece = 1; piece <= bytes.length + 1; piece++) expect(streamed(bytes, piece), `pieces of ${piece} bytes`).toEqual(expected);
    });
  }

  it('reads each byte about once while splitting, and elements again from where they start', () => {
    const text = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ i, body: 'x'.repeat(300) })), null, 2);
    const file = piecesOf(Buffer.from(text));
    const split = streamJsonList(file, 4096)!;
    expect(file.bytesRead).toBe(text.length);
    for (let i = 0; i < split.length; i++) expect(JSON.parse(split.textAt(i))).toEqual({ i, body: 'x'.repeat(300) });
    // Read again in pieces, not one read per element nor the whole file at once.
    expect(file.bytesRead).toBeLessThan(2.2 * text.length);
    // Out of order too (a position asked for later).
    expect(JSON.parse(split.textAt(3))).toEqual({ i: 3, body: 'x'.repeat(300) });
  });

  it('reads an element larger than a piece', () => {
    const items = [{ a: 'x'.repeat(5000) }, { b: 'y'.repeat(20000) }, { c: 1 }];
    const bytes = Buffer.from(JSON.stringify({ log: { entries: items } }));
    const split = streamJsonList(piecesOf(bytes), 64)!;
    expect(Array.from({ length: split.length }, (_, i) => JSON.parse(split.textAt(i)))).toEqual(items);
  });

  it.each([
    ['an empty list', '[ ]'],
    ['a comma before the end', '[{"a": 1},]'],
    ['the list key twice', '{"interactions": [{"a": 1}], "interactions": [{"b": 2}]}'],
    ['log and interactions both', '{"interactions": [{"a": 1}], "log": {"entries": [{"b": 2}]}}'],
    ['an unterminated string', '[{"a": "b}]'],
    ['an unterminated list', '[{"a": 1},'],
    ['no list', '{"a": {"b": [1]}}'],
    ['a scalar document', '"text"'],
    ['a stray character between elements', '[{"a": 1} x {"b": 2}]'],
  ])('declines %s, as the whole split does', (_, text) => {
    const bytes = Buffer.from(text);
    for (const piece of [1, 3, 1 << 20]) expect(streamJsonList(piecesOf(bytes), piece)).toBeUndefined();
  });
});

/** A reread whose bytes given are only the file's first ones (what the CLI gives a large plain JSON file). */
function partial(bytes: Buffer): { input: Buffer; reread: Reread & { wholeReads: number } } {
  const file = piecesOf(bytes);
  const reread = {
    wholeReads: 0,
    file,
    read: (start: number, end: number) => {
      if (start === 0 && end === bytes.length) reread.wholeReads++;
      return Buffer.from(bytes.subarray(start, end));
    },
    release: () => {},
  };
  return { input: bytes.subarray(0, 4096), reread };
}

describe('parseSource with a file read in pieces', () => {
  const nock = JSON.parse(readFileSync('samples/nock/openai-chat-stream-gzip-chunks.json', 'utf8')) as object[];
  const har = JSON.parse(readFileSync('samples/har/gemini-and-ollama.har', 'utf8')) as { log: { entries: object[] } };
  const cases: [string, Buffer][] = [
    ['nock with non-ASCII text', Buffer.from(JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ ...nock[0], scope: `https://api.é${i}.example` })), null, 2))],
    ['HAR', Buffer.from(JSON.stringify({ ...har, log: { ...har.log, entries: Array.from({ length: 40 }, (_, i) => har.log.entries[i % har.log.entries.length]) } }, null, 2))],
  ];

  for (const [name, bytes] of cases) {
    it(`gives what the held bytes give, and never reads the whole file: ${name}`, () => {
      const { input, reread } = partial(bytes);
      const held = parseSource(bytes, { lazy: true });
      const read = parseSource(input, { lazy: true, reread });
      const list = read.list!;
      expect(list.length).toBe(40);
      expect(list.head).toEqual(held.list!.head);
      for (let i = 0; i < list.length; i++) {
        expect(list.item(i)).toEqual(held.list!.item(i));
        expect(list.source(i)).toEqual(held.list!.source(i));
        expect(read.locate([...list.path, i, 'request'])).toEqual(held.locate([...list.path, i, 'request']));
      }
      expect(read.data).toEqual(held.data);
      expect(reread.wholeReads).toBe(0);
      // The whole text when asked for (a lint fix, a position outside the list).
      expect(read.text).toBe(held.text);
    });
  }

  it('reads a cassette the same through openCassette', () => {
    const bytes = cases[1]![1];
    const a = openCassette(bytes, 'x.har');
    const { input, reread } = partial(bytes);
    const b = openCassette(input, 'x.har', { reread });
    expect(b.interactionCount).toBe(40);
    expect([...b.interactions()]).toEqual([...a.interactions()]);
    expect(reread.wholeReads).toBe(0);
  });

  it.each([
    ['an element that is not JSON', '[\n  {"scope": "a", "method": "GET"},\n  {"scope": tru}\n]\n'],
    ['a cut file', '[\n  {"scope": "a", "method": "GET"},\n  {"scope": "b"'],
    ['text after the document', '[{"scope": "a"}]\nxyz'],
  ])('gives a broken file the error the held bytes give: %s', (_, text) => {
    const bytes = Buffer.from(text);
    const errorOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const readAll = (doc: ReturnType<typeof parseSource>) => doc.list && Array.from({ length: doc.list.length }, (_, i) => doc.list!.item(i));
    const held = errorOf(() => readAll(parseSource(bytes, { lazy: true })));
    const { input, reread } = partial(bytes);
    const read = errorOf(() => readAll(parseSource(input, { lazy: true, reread })));
    expect(held).toBeDefined();
    expect(read).toEqual(held);
    expect((read as { details?: unknown }).details).toEqual((held as { details?: unknown }).details);
  });
});

describe('elements longer than the string a scan makes at a time (64 KiB)', () => {
  // Strings full of escapes, brackets in strings, and a string crossing each 64 KiB mark.
  const body = (n: number) => Array.from({ length: n }, (_, i) => `data: {\\"i\\": ${i}, \\"s\\": \\"] } [ {\\\\\\"\\"}\\n\\n`).join('');
  const items = [{ a: JSON.parse(`"${body(3000)}"`), n: [[{ x: ']' }]] }, { b: 'é'.repeat(70000), c: [1, { d: '\\' }] }, { e: JSON.parse(`"${body(10)}"`) }];
  const text = JSON.stringify({ log: { entries: items, pages: [] } }, null, 2);

  it('splits them as JSON.parse reads them, held or read in pieces', () => {
    const bytes = Buffer.from(text);
    expect(bytes.length).toBeGreaterThan(3 * 65536);
    const held = splitJsonList(bytes)!;
    expect(held.items.map((r) => JSON.parse(bytes.toString('utf8', r.start, r.end)))).toEqual(items);
    for (const piece of [4096, 65536, 1 << 20]) {
      const split = streamJsonList(piecesOf(bytes), piece)!;
      expect(Array.from({ length: split.length }, (_, i) => JSON.parse(split.textAt(i)))).toEqual(items);
      expect(Array.from({ length: split.length }, (_, i) => split.pointAt(i))).toEqual(whole(bytes).items.map(({ text: _, ...point }) => point));
    }
  });
});
