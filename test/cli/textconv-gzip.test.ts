import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

// Key built at run time, so the repository holds no key-shaped literal.
const OPENAI = `sk-proj-${'Ab3dEf6hIj9kLm2n'.repeat(3)}`;

/** textconv of a file that is not a cassette: the gunzipped text, never compressed or binary bytes as text. */
describe('textconv on a .gz or binary file that is not a cassette', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-textconv-gz-'));
  const text = `notes: a plain YAML file\ntoken: Bearer ${OPENAI}\n`;
  const whole = gzipSync(Buffer.from(text));

  it('prints the gunzipped text, secrets masked, exit 0', () => {
    const path = join(dir, 'notes.yaml.gz');
    writeFileSync(path, whole);
    const r = cli(['textconv', path]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('notes: a plain YAML file\ntoken: Bearer sk-p…(56 chars)\n');
  });

  it('a gzip stream cut short is one line that changes with the bytes, not compressed bytes as text', () => {
    const a = join(dir, 'a.yaml.gz');
    const b = join(dir, 'b.yaml.gz');
    writeFileSync(a, whole.subarray(0, 20));
    writeFileSync(b, whole.subarray(0, 24));
    const ra = cli(['textconv', a]);
    const rb = cli(['textconv', b]);
    expect(ra.status).toBe(0);
    expect(ra.stdout).toMatch(/^\(gzip-compressed file that does not decompress: 20 bytes, sha256 [0-9a-f]{16}…\)\n$/);
    expect(rb.stdout).toMatch(/^\(gzip-compressed file that does not decompress: 24 bytes, sha256 [0-9a-f]{16}…\)\n$/);
    expect(ra.stdout).not.toBe(rb.stdout.replace('24 bytes', '20 bytes'));
  });

  it('a binary file (a NUL byte, as git tests) is one line with its size and digest, gzipped or not', () => {
    const binary = Buffer.from([0x4a, 0x7c, 0x00, 0xff, 0x1b, 0x9b, 0x0a, 0x41]);
    const plainPath = join(dir, 'bin.yaml');
    const gzPath = join(dir, 'bin.yaml.gz');
    writeFileSync(plainPath, binary);
    writeFileSync(gzPath, gzipSync(binary));
    const r = cli(['textconv', plainPath]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\(binary file that is not a cassette: 8 bytes, sha256 [0-9a-f]{16}…\)\n$/);
    expect(cli(['textconv', gzPath]).stdout).toMatch(/^\(binary file that is not a cassette: \d+ bytes, sha256 [0-9a-f]{16}…\)\n$/);
  });
});
