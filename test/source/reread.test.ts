import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openCassette } from '../../src/load.js';
import { mayStream, parseSource, type Reread } from '../../src/source/document.js';

// A large file's lazy list can drop the file's bytes once split and read each item again by range
// (ParseOptions.reread, what the CLI does for files of 2 MiB or more): everything read from the
// document must be what it is with the bytes held.

/** A reread over a copy of `bytes` that counts its reads and whether it was released. */
function rereadOf(bytes: Buffer): Reread & { reads: number; released: boolean } {
  const copy = Buffer.from(bytes);
  const r = {
    reads: 0,
    released: false,
    read: (start: number, end: number) => {
      r.reads++;
      return Buffer.from(copy.subarray(start, end));
    },
    release: () => void (r.released = true),
  };
  return r;
}

/** Every item's value and source, the head and the whole text of a lazily parsed document. */
function everything(bytes: Buffer, reread?: Reread) {
  const doc = parseSource(bytes, { lazy: true, reread });
  const list = doc.list!;
  const items = Array.from({ length: list.length }, (_, i) => ({ value: list.item(i), source: list.source(i) }));
  // Sources asked for out of order too (the offsets' cursor starts again).
  const again = [list.length - 1, 0, Math.floor(list.length / 2)].map((i) => list.source(i));
  const positions = Array.from({ length: list.length }, (_, i) => doc.locate([...list.path, i, 'request']));
  return { kind: doc.kind, length: list.length, head: list.head, items, again, positions, text: doc.text };
}

const sample = (path: string, copies: number, separator: RegExp, edit: (item: string, i: number) => string) => {
  const text = readFileSync(path, 'utf8');
  const at = text.search(separator);
  const end = text.slice(at).search(/\n(?=\S)/);
  const item = end === -1 ? text.slice(at) : text.slice(at, at + end + 1);
  const rest = end === -1 ? '' : text.slice(at + end + 1);
  return Buffer.from(`${text.slice(0, at)}${Array.from({ length: copies }, (_, i) => edit(item, i)).join('')}${rest}`, 'utf8');
};

describe('parseSource with reread', () => {
  const cases: [string, Buffer][] = [
    ['go-vcr YAML, ASCII', sample('samples/go-vcr-v2/openai-chat-stream-text.yaml', 30, /^ {4}- id: 0$/m, (item, i) => item.replace('- id: 0', `- id: ${i}`))],
    ['go-vcr YAML with non-ASCII text', sample('samples/go-vcr-v2/openai-chat-stream-text.yaml', 30, /^ {4}- id: 0$/m, (item, i) => item.replace('- id: 0', `- id: ${i}`).replace(/Hello|hello|user/, `héllo ${'é'.repeat(i)} 😀`))],
  ];
  const nock = readFileSync('samples/nock/openai-chat-stream-gzip-chunks.json', 'utf8');
  const nockItems = JSON.parse(nock) as unknown[];
  // nock: a top-level array, items on many lines each (positions count line breaks between items).
  cases.push(['nock JSON with non-ASCII text', Buffer.from(JSON.stringify(Array.from({ length: 30 }, (_, i) => ({ ...(nockItems[0] as object), scope: `https://api.é${i}.example` })), null, 2))]);

  for (const [name, bytes] of cases) {
    it(`gives what the held bytes give: ${name}`, () => {
      const reread = rereadOf(bytes);
      const held = everything(bytes);
      const read = everything(bytes, reread);
      expect(held.length).toBe(30);
      expect(read).toEqual(held);
      // A JSON list keeps its bytes: read again by range it cost more CPU than the memory was worth.
      const yaml = held.kind === 'yaml';
      expect(reread.released).toBe(yaml);
      if (yaml) expect(reread.reads).toBeGreaterThan(30);
      else expect(reread.reads).toBe(0);
    });
  }

  it('is not used for gzip or a byte order mark: those bytes are not the file as it is on disk', () => {
    const bytes = cases[0]![1];
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    const reread = rereadOf(withBom);
    expect(everything(withBom, reread)).toEqual(everything(withBom));
    expect(reread.released).toBe(false);
    expect(reread.reads).toBe(0);
  });

  it('reads a cassette the same through openCassette', () => {
    const bytes = cases[1]![1];
    const reread = rereadOf(bytes);
    const a = openCassette(bytes, 'x.yaml');
    const b = openCassette(bytes, 'x.yaml', { reread });
    expect([...b.interactions()]).toEqual([...a.interactions()]);
    expect(b.cassette.text).toBe(a.cassette.text);
    expect(reread.released).toBe(true);
  });
});

// The CLI gives a large plain YAML file's first bytes only, with the file to read in pieces
// (Reread.file): the list is split as the file is read (splitYamlFile), and nothing read from the
// document may differ from what the whole bytes give.
describe('parseSource given a YAML file to read in pieces', () => {
  /** A reread of `bytes` whose `file` reads into a buffer, counting the bytes each way reads. */
  function partialOf(bytes: Buffer): Reread & { readBytes: number; piecesBytes: number } {
    const r = {
      readBytes: 0,
      piecesBytes: 0,
      read: (start: number, end: number) => {
        r.readBytes += end - start;
        return Buffer.from(bytes.subarray(start, end));
      },
      release: () => {},
      file: {
        size: bytes.length,
        readInto: (target: Buffer, at: number, length: number, position: number) => {
          const n = bytes.copy(target, at, position, Math.min(bytes.length, position + length));
          r.piecesBytes += n;
          return n;
        },
      },
    };
    return r;
  }
  const go = sample('samples/go-vcr-v2/openai-chat-stream-text.yaml', 300, /^ {4}- id: 0$/m, (item, i) => item.replace('- id: 0', `- id: ${i}`).replace(/Hello|hello|user/, `héllo ${'é'.repeat(i % 7)}`));
  const vcrpy = sample('samples/vcrpy/anthropic-stream-tools.yaml', 300, /^ {2}- request:$/m, (item) => item);

  it.each([
    ['go-vcr', go],
    ['VCR.py', vcrpy],
  ])('gives what the whole bytes give, reading the file once in pieces: %s', (_, bytes) => {
    const reread = partialOf(bytes);
    const held = everything(bytes);
    const read = everything(bytes.subarray(0, 4096), reread);
    expect(held.length).toBeGreaterThanOrEqual(300);
    expect(read).toEqual(held);
    expect(reread.piecesBytes).toBe(bytes.length);
  });

  it('reads the whole file when it holds no list to split', () => {
    const noList = Buffer.from(`log:\n  entries:\n${'  - a: 1\n'.repeat(2000)}`);
    const reread = partialOf(noList);
    const doc = parseSource(noList.subarray(0, 4096), { lazy: true, reread });
    expect(doc.list).toBeUndefined();
    expect(doc.data).toEqual(parseSource(noList).data);
    expect(reread.readBytes).toBe(noList.length);
  });
});

describe('mayStream', () => {
  // What the CLI asks before it gives parseSource only a large file's first bytes (src/cli/file-work.ts).
  it('says yes for plain JSON and YAML only: not gzip, a byte-order mark, a text trace or blanks, as parseSource decides', () => {
    const yaml = Buffer.from('---\nversion: 2\ninteractions:\n', 'utf8');
    expect(mayStream(yaml)).toBe(true);
    expect(mayStream(Buffer.from('  \n[{"scope": "https://x"}]', 'utf8'))).toBe(true);
    expect(mayStream(Buffer.from('{"log": {"entries": []}}', 'utf8'))).toBe(true);
    expect(mayStream(gzipSync(yaml))).toBe(false);
    expect(mayStream(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), yaml]))).toBe(false);
    expect(mayStream(Buffer.from('httprr trace v1\n', 'utf8'))).toBe(false);
    expect(mayStream(Buffer.from(' \n\n ', 'utf8'))).toBe(false);
  });
});
