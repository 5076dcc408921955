import { spawn, spawnSync } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/corpus.js';
import { tempTree } from '../helpers/temp-tree.js';

// bin/cassette.js writes stdout and stderr that are not terminals with fs.writeSync (plainWriter)
// instead of node's stream objects, and hands over to node's stream at the first failed write.
const BIN = join(ROOT, 'bin/cassette.js');
const SAMPLE = join(ROOT, 'samples/go-vcr-v2/openai-chat-stream-text.yaml');
const { plainWriter } = createRequire(import.meta.url)(BIN) as {
  plainWriter(fd: number, realStream: () => NodeJS.WritableStream, writeSync: (fd: number, b: Uint8Array, off: number, len: number) => number): NodeJS.WritableStream & EventEmitter;
};

/** A stand-in for node's stream: keeps what it is given. */
function fakeStream(): NodeJS.WritableStream & { got: string[] } {
  const stream = Object.assign(new EventEmitter(), {
    got: [] as string[],
    write(chunk: Uint8Array | string) {
      stream.got.push(Buffer.from(chunk).toString('utf8'));
      return true;
    },
  });
  return stream as unknown as NodeJS.WritableStream & { got: string[] };
}

/** A file of `copies` + 1 interactions: `show --json` of it is far larger than a pipe's 64 KiB. */
function largeCassette(copies: number): string {
  const text = readFileSync(SAMPLE, 'utf8');
  const interaction = text.slice(text.indexOf('    - id: 0'));
  const dir = tempTree('cassette-plain-stdio-', {
    'big.yaml': text + Array.from({ length: copies }, (_, i) => interaction.replace('- id: 0', `- id: ${i + 1}`)).join(''),
  });
  return join(dir, 'big.yaml');
}

describe('plainWriter (bin/cassette.js)', () => {
  it('writes every byte, in order, with partial writes, and calls a callback', async () => {
    const written: string[] = [];
    // At most 3 bytes a call, as a pipe may take part of a write.
    const writeSync = (_fd: number, b: Uint8Array, off: number, len: number) => {
      const n = Math.min(3, len);
      written.push(Buffer.from(b.subarray(off, off + n)).toString('latin1'));
      return n;
    };
    const real = fakeStream();
    const writer = plainWriter(1, () => real, writeSync);
    let called = false;
    expect(writer.write('héllo ', () => (called = true))).toBe(true);
    writer.write(Buffer.from('wörld'));
    writer.write('a2I=', 'base64');
    writer.end('\n');
    await new Promise((r) => setImmediate(r));
    expect(called).toBe(true);
    expect(Buffer.from(written.join(''), 'latin1').toString('utf8')).toBe('héllo wörldkb\n');
    expect(real.got).toEqual([]);
  });

  it('hands over to node\'s stream at the first failed write, from the first byte not written', () => {
    let calls = 0;
    const writeSync = (_fd: number, _b: Uint8Array, _off: number, len: number) => {
      if (++calls === 2) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });
      return Math.min(4, len);
    };
    const real = fakeStream();
    const writer = plainWriter(1, () => real, writeSync);
    writer.write('abcdefghij');
    writer.write('klm');
    expect(real.got).toEqual(['efghij', 'klm']);
    expect(calls).toBe(2);
    // The stream's errors (EPIPE once a reader has gone) are the writer's, for the CLI's own listener.
    const seen: Error[] = [];
    writer.on('error', (e: Error) => seen.push(e));
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    (real as unknown as EventEmitter).emit('error', epipe);
    expect(seen).toEqual([epipe]);
  });
});

describe.skipIf(process.platform === 'win32')('the CLI with stdout not a terminal', () => {
  it('writes the same to a file as to a pipe', () => {
    const dir = tempTree('cassette-plain-stdio-', {});
    const piped = cli(['cost', '--json', SAMPLE]);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" cost --json "${SAMPLE}" > out.json`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(piped.stdout);
    expect(piped.stdout).toContain('"cost"');
  });

  it('ends quietly (exit 0, nothing on stderr) when the reader closes the pipe early (`| head`)', async () => {
    const big = largeCassette(300);
    const child = spawn(process.execPath, [BIN, 'show', '--json', big], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const [code] = await once(child, 'close');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  const python = spawnSync('python3', ['-c', 'import fcntl'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!python)('writes all of a large output through a pipe left non-blocking (EAGAIN hands over to node\'s stream)', () => {
    // python3 sets O_NONBLOCK on the pipe to a reader that waits a second, then runs the CLI, whose
    // writes then fail with EAGAIN once the pipe is full.
    const big = largeCassette(300);
    const expected = cli(['show', '--json', big]).stdout;
    expect(expected.length).toBeGreaterThan(256 * 1024);
    const nonBlocking = 'import fcntl,os,sys; fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK); os.execv(sys.argv[1], sys.argv[1:])';
    const r = spawnSync('sh', ['-c', `python3 -c '${nonBlocking}' "${process.execPath}" "${BIN}" show --json "${big}" | (sleep 1; cat)`], {
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
  });
});
