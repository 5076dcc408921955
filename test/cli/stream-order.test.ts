import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/corpus.js';
import { tempTree } from '../helpers/temp-tree.js';

const SAMPLE = join(ROOT, 'samples/go-vcr-v2/openai-chat-stream-text.yaml');

describe('stdout and stderr on one pipe (2>&1 | a slow reader)', () => {
  it.skipIf(process.platform === 'win32')('keep the order written: the error lines come after the JSON, never inside a line of it', () => {
    // A pooled run whose JSON is far larger than a pipe's 64 KiB, and a broken file whose error is
    // reported on stderr at the end. The reader waits a second first, so the pipe is full when the
    // error is written: before stdout's writes blocked, it landed in the middle of a JSON line.
    const text = readFileSync(SAMPLE, 'utf8');
    const interaction = text.slice(text.indexOf('    - id: 0'));
    const files: Record<string, string> = { 'zz-broken.yaml': 'version: 2\ninteractions:\n- id: 0\n  request: [\n' };
    for (let f = 0; f < 4; f++) files[`c${f}.yaml`] = text + Array.from({ length: 40 }, (_, i) => interaction.replace('- id: 0', `- id: ${i + 1}`)).join('');
    const dir = tempTree('cassette-stream-order-', files);
    const bin = join(ROOT, 'bin/cassette.js');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" show --json . 2>&1 | (sleep 1; cat)`], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', CASSETTE_WORKERS: '2' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stdout.length).toBeGreaterThan(256 * 1024);
    const lines = r.stdout.trimEnd().split('\n');
    const errorAt = lines.findIndex((l) => l.includes('zz-broken.yaml') && !l.trimStart().startsWith('"'));
    expect(lines[errorAt]).toMatch(/^error: .*zz-broken\.yaml/);
    expect(errorAt).toBe(lines.length - 1);
    expect(() => JSON.parse(lines.slice(0, errorAt).join('\n'))).not.toThrow();
  });
});
