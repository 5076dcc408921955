import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/temp-tree.js';

// A clone whose build has not run has bin/ but no dist/bundle: the user gets one line saying what to do.
describe('bin/cassette.js without a build', () => {
  it('says to run the build, exit 2, no stack trace', () => {
    const dir = tempTree('cassette-unbuilt-', {
      'bin/cassette.js': readFileSync('bin/cassette.js', 'utf8'),
      'bin/package.json': readFileSync('bin/package.json', 'utf8'),
      'package.json': '{"type":"module","version":"0.0.0"}',
    });
    const r = spawnSync(process.execPath, [join(dir, 'bin/cassette.js'), 'show', 'x.yaml'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cassette: .*run\.cjs is missing: run `npm run build`/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
