import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { salvageInteractions } from '../../src/source/salvage.js';
import { cli } from '../helpers/cli.js';
import { tempTree } from '../helpers/temp-tree.js';

// Keys built at run time, so the repository holds no key-shaped literal; one per interaction.
const key = (i: number) => `sk-proj-${'Ab3dEf6hIj9kLm2n'.repeat(2)}${String(i).repeat(16)}`;
const ITEMS = 6;

function goVcrItem(i: number): string {
  return [
    `- id: ${i}`,
    '  request:',
    `    url: https://api.example.com/v1/items/${i}`,
    '    method: POST',
    '    headers:',
    '      Authorization:',
    `      - Bearer ${key(i)}`,
    `    body: '{"n":${i}}'`,
    '  response:',
    '    code: 200',
    '    headers:',
    '      Content-Type:',
    '      - application/json',
    `    body: '{"ok":${i}}'`,
    '',
  ].join('\n');
}

const goVcr = (items: string[]) => `version: 2\ninteractions:\n${items.join('')}`;
const all = Array.from({ length: ITEMS }, (_, i) => goVcrItem(i));
/** Cut in the middle of the 5th interaction's response body. */
const YAML_CUT = goVcr(all.slice(0, 4)) + all[4]!.slice(0, all[4]!.indexOf(`'{"ok"`) + 4);
/** The 5th interaction malformed (an unclosed flow mapping), the 6th after it whole. */
const YAML_BAD = goVcr([...all.slice(0, 4), all[4]!.replace('    method: POST', '    method: {POST'), all[5]!]);

function harEntry(i: number): object {
  return {
    startedDateTime: '2024-01-01T00:00:00Z',
    time: 1,
    request: { method: 'POST', url: `https://api.example.com/v1/items/${i}`, httpVersion: 'HTTP/1.1', headers: [{ name: 'Authorization', value: `Bearer ${key(i)}` }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 2, mimeType: 'application/json', text: '{}' }, redirectURL: '', headersSize: -1, bodySize: 2 },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}
const HAR = JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: Array.from({ length: ITEMS }, (_, i) => harEntry(i)) } }, null, 2);
const fifth = (text: string) => text.indexOf(`/v1/items/4`);
/** Cut inside the 5th entry, after its key. */
const HAR_CUT = HAR.slice(0, HAR.indexOf('"response"', fifth(HAR)));
const NOCK = JSON.stringify(
  Array.from({ length: ITEMS }, (_, i) => ({ scope: 'https://api.example.com:443', method: 'POST', path: `/v1/items/${i}`, reqheaders: { authorization: `Bearer ${key(i)}` }, status: 200, response: { ok: i } })),
  null,
  2,
);
/** Garbage in the 5th definition. */
const NOCK_BAD = NOCK.replace('"path": "/v1/items/4"', '"path": "/v1/items/4",, oops');

const lines = (stdout: string, rule: string) => stdout.split('\n').filter((l) => l.includes(rule));

describe('lint on a cassette that breaks partway', () => {
  const dir = tempTree('cassette-partway-', {
    'cut.yaml': YAML_CUT,
    'bad.yaml': YAML_BAD,
    'cut.har': HAR_CUT,
    'bad.json': NOCK_BAD,
  });
  writeFileSync(join(dir, 'cut.yaml.gz'), gzipSync(YAML_CUT));

  for (const [name, error] of [
    ['cut.yaml', 'invalid YAML'],
    ['cut.yaml.gz', 'invalid YAML'],
    ['bad.yaml', 'invalid YAML'],
    ['cut.har', 'invalid JSON: unexpected end of input'],
    ['bad.json', 'invalid JSON: unexpected character'],
  ] as const) {
    it(`${name}: the findings of the four interactions read, the error, exit 2`, () => {
      const r = cli(['lint', join(dir, name)]);
      expect(r.status).toBe(2);
      expect(r.stdout).toContain(error);
      const header = lines(r.stdout, 'secret-header');
      expect(header.map((l) => /\[#(\d+)\]/.exec(l)?.[1])).toEqual(['0', '1', '2', '3']);
      // The keys after the break are still found in the text, once each, not as interactions.
      expect(lines(r.stdout, 'secret-text').length).toBeGreaterThanOrEqual(1);
      for (let i = 0; i < ITEMS; i++) expect(r.stdout).not.toContain(key(i));
      // File-wide rules would judge a file that was not read whole; broken files are not fixed.
      expect(r.stdout).not.toMatch(/unsupported-version|empty-cassette|fixable/);
      expect(r.stdout).toContain('1 file unreadable');
    });
  }

  it('--json and SARIF carry the same findings beside the error', () => {
    const json = cli(['lint', '--format', 'json', join(dir, 'cut.har')]);
    expect(json.status).toBe(2);
    const messages = JSON.parse(json.stdout)[0].messages as { ruleId: string | null; message: string; line: number; column: number; fatal?: boolean; interaction?: number }[];
    const fatal = messages.filter((m) => m.fatal);
    expect(fatal).toHaveLength(1);
    // At the place the error names, as ESLint puts a parse error.
    const [, line, column] = /:(\d+):(\d+): invalid JSON/.exec(fatal[0]!.message)!;
    expect([fatal[0]!.line, fatal[0]!.column]).toEqual([Number(line), Number(column)]);
    expect(fatal[0]!.line).toBeGreaterThan(1);
    const github = cli(['lint', '--format', 'github', join(dir, 'cut.har')]);
    expect(github.stdout).toContain(`::error file=${join(dir, 'cut.har').replace(/:/g, '%3A')},line=${line},col=${column},title=cassette::`);
    expect(messages.filter((m) => m.ruleId === 'secret-header').map((m) => m.interaction)).toEqual([0, 1, 2, 3]);
    const sarif = cli(['lint', '--format', 'sarif', join(dir, 'bad.yaml')]);
    expect(sarif.status).toBe(2);
    const results = JSON.parse(sarif.stdout).runs[0].results as { ruleId: string; locations: { physicalLocation: { region?: { startLine: number } } }[] }[];
    expect(results.find((x) => x.ruleId === 'unreadable-file')!.locations[0]!.physicalLocation.region!.startLine).toBeGreaterThan(1);
    expect(results.filter((x) => x.ruleId === 'secret-header')).toHaveLength(4);
  });

  it('salvageInteractions keeps whole items and the keys after a YAML list', () => {
    const cut = salvageInteractions(HAR_CUT, undefined)!;
    expect(cut.items).toBe(4);
    expect(JSON.parse(cut.text).log.entries).toHaveLength(4);
    expect(HAR_CUT.startsWith(cut.text.slice(0, cut.end))).toBe(true);
    const vcrpy = `interactions:\n- request: {uri: 'https://a.example/1', method: GET}\n  response: {status: {code: 200}}\n- request: {uri: 'https://a.example/2', method: [GET\n  response: {status: {code: 200}}\nversion: 1\n`;
    const salvaged = salvageInteractions(vcrpy, { line: 5, column: 1 })!;
    expect(salvaged.items).toBe(1);
    expect(salvaged.text).toMatch(/version: 1\n$/);
    expect(salvageInteractions('{"log": {"entries": [{"request"', undefined)).toBeUndefined();
  });
});

describe('a .gz cassette that does not decompress', () => {
  // gzip's magic bytes, then a key in plain text: not a gzip stream.
  const corrupt = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from(YAML_CUT)]);
  const dir = tempTree('cassette-badgz-', {});
  writeFileSync(join(dir, 'corrupt.yaml.gz'), corrupt);
  writeFileSync(join(dir, 'short.yaml.gz'), gzipSync(YAML_CUT).subarray(0, 40));
  writeFileSync(join(dir, 'plain.yaml.gz'), YAML_CUT);

  for (const [name, message] of [
    ['corrupt.yaml.gz', 'gzip-compressed file is corrupt'],
    ['short.yaml.gz', 'gzip-compressed file is corrupt'],
    ['plain.yaml.gz', 'named .gz but not gzip-compressed'],
  ] as const) {
    it(`${name}: one line naming the file, exit 2, nothing scanned`, () => {
      for (const format of ['stylish', 'compact', 'json']) {
        const r = cli(['lint', '--format', format, join(dir, name)]);
        expect(r.status).toBe(2);
        expect(r.stdout).toContain(message);
        expect(r.stdout).not.toMatch(/secret-|sk-p/);
      }
      for (const command of ['show', 'cost']) {
        const r = cli([command, join(dir, name)]);
        expect(r.status).toBe(2);
        expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^error: .*${name}: ${message}`))]);
      }
    });
  }
});
