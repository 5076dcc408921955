import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCaptured } from '../../src/cli/capture.js';
import { expandInputs } from '../../src/cli/inputs.js';
import { SAMPLES } from '../helpers/corpus.js';
import { tempTree } from '../helpers/temp-tree.js';

// A folder the user may not read: root reads every folder, so the refusal is made here, by name.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((path: string, ...rest: unknown[]) => {
    if (String(path).endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
    return (fs.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync };
});

describe('a folder that cannot be read', () => {
  const dir = tempTree('cassette-unreadable-', {});
  mkdirSync(join(dir, 'tests/locked'), { recursive: true });
  copyFileSync(join(SAMPLES, 'go-vcr-v2/openai-chat-parallel-tools.yaml'), join(dir, 'tests/good.yaml'));
  copyFileSync(join(SAMPLES, 'go-vcr-v2/openai-chat-parallel-tools.yaml'), join(dir, 'tests/locked/hidden.yaml'));

  it('is a problem of the walk naming it, not a silent gap', () => {
    const found = expandInputs([join(dir, 'tests')]);
    expect(found.files.map((f) => f.path)).toEqual([join(dir, 'tests/good.yaml')]);
    expect(found.problems).toEqual([{ path: join(dir, 'tests/locked'), message: 'permission denied', arg: 0 }]);
  });

  // What shows the good file was still read: lint's count, cost's row, show's header.
  it.each([['lint', '1 file unreadable'], ['cost', 'good.yaml'], ['show', 'good.yaml  go-vcr-v2']])('%s reads the rest and exits 2 with one line naming it', async (command, read) => {
    const r = await runCaptured([command, '--no-color', join(dir, 'tests')]);
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toContain(`${join(dir, 'tests/locked')}`);
    expect(r.stdout + r.stderr).toContain('permission denied');
    expect(r.stdout + r.stderr).toContain(read);
  });

  it('named itself: permission denied, not "no cassettes in this directory"', async () => {
    const r = await runCaptured(['lint', '--no-color', join(dir, 'tests/locked')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('permission denied');
    expect(r.stdout + r.stderr).not.toContain('no cassettes');
  });
});
