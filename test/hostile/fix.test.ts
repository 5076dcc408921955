import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../src/cli/capture.js';
import { applyFixesToBytes } from '../../src/lint/fix-bytes.js';
import { ROOT } from '../helpers/corpus.js';

const KEY = 'sk-proj-Q7vX2mN9pL4kR8tW1yZ5bC3dF6gH0jK2aS4dF6gH';
const KEY2 = 'sk-proj-Z9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aZ';
const dir = mkdtempSync(join(tmpdir(), 'cassette-fix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const scratch = () => {
  const d = join(dir, String(n++));
  mkdirSync(d);
  return d;
};

/** A go-vcr cassette as bytes: `extra` bytes end the response body (invalid UTF-8, say), CRLF line ends if asked. */
function cassetteBytes(options: { bom?: boolean; crlf?: boolean; tail?: number[]; auth?: string[] } = {}): Buffer {
  const auth = (options.auth ?? [`Bearer ${KEY}`]).map((a) => `      Authorization: [${a}]`).join('\n');
  const text = `version: 2\ninteractions:\n- id: 0\n  request:\n    url: https://api.openai.com/v1/models\n    method: GET\n    body: ""\n    headers:\n${auth}\n  response: {code: 200, status: 200 OK, duration: 1ms, headers: {Content-Type: [text/plain]}, body: "caf`;
  const head = Buffer.from(options.crlf ? text.replace(/\n/g, '\r\n') : text, 'utf8');
  const end = Buffer.from('"}\n', 'utf8');
  return Buffer.concat([Buffer.from(options.bom ? [0xef, 0xbb, 0xbf] : []), head, Buffer.from(options.tail ?? [0xc3, 0xa9]), end]);
}

const expectOnlyKeyChanged = (before: Buffer, after: Buffer, keys = [KEY]) => {
  let want = before;
  for (const key of keys) want = Buffer.from(want.toString('latin1').split(key).join('REDACTED'), 'latin1');
  expect(after.equals(want)).toBe(true);
};

describe('applyFixesToBytes', () => {
  // The oracle: a byte offset b stands for text offset s when the bytes up to b decode to s units and
  // the two halves decode to the whole text (no character split).
  function oracle(bytes: Buffer, bom: number, s: number, text: string): number | undefined {
    for (let b = bom; b <= bytes.length; b++) {
      const left = bytes.toString('utf8', bom, b);
      if (left.length === s && left + bytes.toString('utf8', b) === text) return b;
    }
    return undefined;
  }
  it('changes exactly the bytes of each edit, whatever the encoding errors around it', () => {
    const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xef, 0xbb, 0xbf));
    fc.assert(fc.property(fc.boolean(), fc.array(byte, { maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 3 })), { maxLength: 3 }), (bom, body, picks) => {
      const bytes = Buffer.from([...(bom ? [0xef, 0xbb, 0xbf] : []), ...body]);
      const skip = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      const text = bytes.toString('utf8', skip);
      const edits = picks.map(([a, b, replacement]) => {
        const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
        return { start, end, replacement };
      });
      // Overlapping edits: the first (by position) wins, as in applyFixes.
      const kept: typeof edits = [];
      for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) if (e.start >= (kept.at(-1)?.end ?? 0)) kept.push(e);
      const mapped = kept.map((e) => [oracle(bytes, skip, e.start, text), oracle(bytes, skip, e.end, text)] as const);
      if (mapped.some(([s, e]) => s === undefined || e === undefined)) {
        expect(() => applyFixesToBytes(bytes, text, edits)).toThrow(/cannot fix exactly/);
        return;
      }
      const out = Buffer.from(applyFixesToBytes(bytes, text, edits));
      // Byte for byte, everything outside the edits is kept. (Decoded, it can differ from the text
      // edit: removing bytes may join invalid neighbours into a valid character, which is right.)
      let at = 0;
      const want: Buffer[] = [];
      kept.forEach((e, i) => {
        want.push(bytes.subarray(at, mapped[i]![0]), Buffer.from(e.replacement));
        at = mapped[i]![1]!;
      });
      want.push(bytes.subarray(at));
      expect(out.equals(Buffer.concat(want))).toBe(true);
    }), { numRuns: 2000, seed: 15 });
  });
});

describe('lint --fix edits bytes', () => {
  it.each([
    ['a BOM', { bom: true }],
    ['invalid UTF-8 outside the key', { tail: [0xff, 0xfe, 0xc3] }],
    ['CRLF line ends', { crlf: true }],
    ['a 4-byte character next to a bad byte', { tail: [0xf0, 0x9f, 0x98, 0x80, 0x80] }],
  ])('keeps %s and every other byte; a second run changes nothing', async (_name, options) => {
    const d = scratch();
    const file = join(d, 'c.yaml');
    const before = cassetteBytes(options);
    writeFileSync(file, before);
    const first = await runCaptured(['lint', '--fix', file]);
    expect(first.status).toBe(0);
    const after = readFileSync(file);
    expectOnlyKeyChanged(before, after);
    await runCaptured(['lint', '--fix', file]);
    expect(readFileSync(file).equals(after)).toBe(true);
    expect(readdirSync(d)).toEqual(['c.yaml']);
  });

  it('checks and redacts every value of a duplicated header', async () => {
    const d = scratch();
    const file = join(d, 'c.yaml');
    const before = cassetteBytes({ auth: [`Bearer ${KEY}`, `Bearer ${KEY2}`] });
    writeFileSync(file, before);
    const lint = await runCaptured(['lint', '-f', 'json', file]);
    expect(lint.status).toBe(1);
    expect(JSON.parse(lint.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId).sort()).toEqual(['secret-header', 'secret-text']);
    await runCaptured(['lint', '--fix', file]);
    expectOnlyKeyChanged(before, readFileSync(file), [KEY, KEY2]);
  });

  it('fixes a gzipped cassette and keeps it gzipped', async () => {
    const d = scratch();
    const file = join(d, 'c.yaml.gz');
    const before = cassetteBytes({ bom: true, tail: [0xff] });
    writeFileSync(file, gzipSync(before));
    expect((await runCaptured(['lint', '--fix', file])).status).toBe(0);
    expectOnlyKeyChanged(before, gunzipSync(readFileSync(file)));
  });

  it.skipIf(process.platform === 'win32')('writes through a symlink to the real file, keeps the link and the mode', async () => {
    const d = scratch();
    mkdirSync(join(d, 'real'));
    const real = join(d, 'real', 'c.yaml');
    const before = cassetteBytes();
    writeFileSync(real, before);
    chmodSync(real, 0o640);
    symlinkSync('real/c.yaml', join(d, 'link.yaml'));
    expect((await runCaptured(['lint', '--fix', join(d, 'link.yaml')])).status).toBe(0);
    expect(lstatSync(join(d, 'link.yaml')).isSymbolicLink()).toBe(true);
    expectOnlyKeyChanged(before, readFileSync(real));
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(d, 'real'))).toEqual(['c.yaml']);
  });
});

describe('temp files of an interrupted --fix', () => {
  /** A pid that is certainly not running: one of a process that has just ended. */
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => child.on('exit', r));
    return child.pid!;
  }
  it('a temp file left by kill -9 is removed by the next --fix and never read as a cassette', async () => {
    const d = scratch();
    const file = join(d, 'c.yaml');
    writeFileSync(file, cassetteBytes());
    const stale = join(d, `.c.yaml.${await deadPid()}.cassette-fix.tmp`);
    writeFileSync(stale, cassetteBytes());
    const shown = await runCaptured(['show', stale]);
    expect(shown.status).toBe(2);
    expect(shown.stderr).toContain('a temporary file of an interrupted `lint --fix`, not a cassette');
    expect((await runCaptured(['lint', d])).stdout).not.toContain('cassette-fix.tmp'); // a walk never picks it up
    const fixed = await runCaptured(['lint', '--fix', file]);
    expect(fixed.stderr).toContain(`removed ${stale}, left by an interrupted lint --fix`);
    expect(existsSync(stale)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('SIGINT and SIGTERM during a --fix run leave no temp file', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const d = scratch();
      // Big enough files that the run is still writing when the signal comes.
      const big = Buffer.concat([cassetteBytes().subarray(0, -3), Buffer.from('x'.repeat(2_000_000)), Buffer.from('"}\n')]);
      for (let i = 0; i < 40; i++) writeFileSync(join(d, `c${i}.yaml`), big);
      const child = spawn(process.execPath, [join(ROOT, 'bin/cassette.js'), 'lint', '--fix', d], { stdio: 'ignore' });
      // Signal once the first file is fixed, so it lands in the middle of the run.
      const first = join(d, 'c0.yaml');
      const started = Date.now();
      while (readFileSync(first).includes(KEY) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      expect([0, signal === 'SIGINT' ? 130 : 143]).toContain(code);
      expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  }, 120_000);
});

describe('secrets never printed by --fix-dry-run, --fix messages or any formatter', () => {
  const CASES = resolve(ROOT, '../shared/cases/hostile');
  it.each([['stylish'], ['json'], ['sarif'], ['github'], ['compact']])('-f %s', async (formatter) => {
    const d = scratch();
    writeFileSync(join(d, 'c.yaml'), cassetteBytes({ auth: [`Bearer ${KEY}`, `Bearer ${KEY2}`] }));
    // A key quoted by another rule's message (an invalid URL) is masked too.
    writeFileSync(join(d, 'url.yaml'), `version: 2\ninteractions:\n- id: 0\n  request: {url: "ht tp://x/?key=${KEY}", method: GET, body: ""}\n  response: {code: 200, duration: 1ms, body: ""}\n`);
    writeFileSync(join(d, 'broken.json'), `{"key": "${KEY}" `);
    const r = await runCaptured(['lint', '-f', formatter, d]);
    expect(r.stdout + r.stderr).not.toMatch(/Q7vX2mN9|Z9yX8wV7/);
    expect(r.stdout).toContain('sk-p…(48 chars)');
  });
  it('--fix-dry-run shows each key as its first characters and length', async () => {
    const d = scratch();
    const file = join(d, 'c.yaml');
    writeFileSync(file, cassetteBytes({ auth: [`Bearer ${KEY}`, `Bearer ${KEY2}`] }));
    const r = await runCaptured(['lint', '--fix-dry-run', file]);
    expect(r.stdout).not.toMatch(/Q7vX2mN9|Z9yX8wV7/);
    expect(r.stdout).toContain('-      Authorization: [Bearer sk-p…(48 chars)]');
    expect(r.stdout).toContain('+      Authorization: [Bearer REDACTED]');
  });
  it.skipIf(!existsSync(join(CASES, 'broken.json')))('--fix-dry-run on a broken file says what lint says, exit 2 (../shared broken.json)', async () => {
    const r = await runCaptured(['lint', '--fix-dry-run', join(CASES, 'broken.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.json:1:2: invalid JSON/);
  });
});
