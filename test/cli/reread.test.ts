import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REREAD_FROM } from '../../src/cli/file-work.js';
import { cli } from '../helpers/cli.js';
import { tempTree } from '../helpers/temp-tree.js';

/** `command` on `file` (of REREAD_FROM bytes or more, holding `text`) gives what it gives on `text` from standard input. */
function expectAsStdin(command: string, file: string, text: string): void {
  const args = command.split(' ');
  expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(REREAD_FROM);
  const fromFile = cli([...args, file]);
  const fromStdin = cli([...args, '-'], { input: text });
  expect(fromFile.status).toBe(fromStdin.status);
  expect(fromFile.stderr).toBe(fromStdin.stderr);
  expect(fromFile.stdout.split(file).join('-')).toBe(fromStdin.stdout.split('<stdin>').join('-'));
  expect(fromFile.stdout.length).toBeGreaterThan(1000);
}

// show, cost, lint and diff FILE let go of a file of REREAD_FROM bytes or more once its list is split and read
// each interaction from the file again (src/cli/file-work.ts): the output must be what the same
// bytes give from standard input, which is always held.
describe('a large file read again by range', () => {
  const sample = readFileSync('samples/go-vcr-v2/openai-chat-stream-text.yaml', 'utf8');
  const at = sample.search(/^ {4}- id: 0$/m);
  const item = sample.slice(at);
  // Non-ASCII text, so character offsets differ from byte offsets in lint's positions, and a key in
  // each request for lint to place.
  const copies = Math.ceil(REREAD_FROM / item.length) + 1;
  const text = `${sample.slice(0, at)}${Array.from({ length: copies }, (_, i) => item.replace('- id: 0', `- id: ${i}`).replace('user', `usér ${i} sk-proj-4fT9qLx2Vb8nR1sKd7WmZp3YcHe6JuQa0G${i % 10}`)).join('')}`;
  const dir = tempTree('cassette-reread-', { 'big.yaml': text });
  const file = join(dir, 'big.yaml');

  it.each(['show --json', 'show', 'cost --json', 'lint --format json', 'lint', 'diff'])('%s gives what standard input gives', (command) => {
    expectAsStdin(command, file, text);
  });
});

// A plain JSON file of REREAD_FROM bytes or more is never read whole: its list is split while it is
// read in pieces and each interaction read again from the file (src/source/json-stream.ts). The
// output, lint's positions included, must be what the same bytes give from standard input.
describe('a large JSON file read in pieces', () => {
  const nock = JSON.parse(readFileSync('samples/nock/openai-chat.json', 'utf8')) as Record<string, unknown>[];
  const har = JSON.parse(readFileSync('samples/har/gemini-and-ollama.har', 'utf8')) as { log: { entries: unknown[] } };
  const key = (i: number) => `sk-proj-4fT9qLx2Vb8nR1sKd7WmZp3YcHe6JuQa0G${i % 10}`;
  const grow = (one: (i: number) => unknown, itemSize: number) => Array.from({ length: Math.ceil(REREAD_FROM / itemSize) + 2 }, (_, i) => one(i));
  const nockItem = (i: number) => ({ ...nock[0], reqheaders: { authorization: `Bearer ${key(i)}` }, path: `/v1/chat/completions?é=${i}` });
  const harItem = (i: number) => JSON.parse(JSON.stringify(har.log.entries[i % har.log.entries.length]).replace('"url":"', `"comment":"usér ${i} ${key(i)}","url":"`));
  const texts: [string, string][] = [
    ['big.json', JSON.stringify(grow(nockItem, JSON.stringify(nockItem(0), null, 2).length), null, 2)],
    ['big.har', JSON.stringify({ ...har, log: { ...har.log, entries: grow(harItem, JSON.stringify(harItem(0), null, 2).length) } }, null, 2)],
  ];
  const dir = tempTree('cassette-pieces-', Object.fromEntries(texts));

  for (const [name, text] of texts) {
    it.each(['show --json', 'show', 'cost --json', 'lint --format json', 'lint', 'diff', 'diff --json'])(`%s gives what standard input gives: ${name}`, (command) => {
      expectAsStdin(command, join(dir, name), text);
    });
  }
});
