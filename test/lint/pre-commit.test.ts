import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT } from '../helpers/corpus.js';
import { goVcr } from './helpers.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
}

const hooks = YAML.parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const hasNpm = npm.status === 0;
if (!hasNpm) console.warn('[cassette tests] npm not found: the packed pre-commit hook test is skipped');

describe('pre-commit hook', () => {
  it('is declared as cassette-lint, a node hook running `cassette lint` on cassette paths, in one process', () => {
    const hook = hooks.find((h) => h.id === 'cassette-lint')!;
    expect(hook).toMatchObject({ entry: 'cassette lint', language: 'node', require_serial: true });
    const files = new RegExp(hook.files);
    for (const path of ['tests/cassettes/test_x.yaml', 'spec/fixtures/vcr_cassettes/a.yml', 'testdata/TestX.httprr', 'recordings/x/recording.har', 'fixtures/b.json.gz']) expect(files.test(path), path).toBe(true);
    for (const path of ['src/index.ts', 'package.json', 'docs/cassettes.md']) expect(files.test(path), path).toBe(false);
  });

  // What pre-commit's node language does: pack the repository and install the tarball, then run the entry.
  it.skipIf(!hasNpm)('works when installed from the packed tarball', { timeout: 300_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'cassette-pack-'));
    // dist/ is built by `npm test`; packing it as it is keeps this test from building a second time.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent'], { cwd: ROOT, stdio: 'pipe' });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    const project = join(work, 'project');
    mkdirSync(join(project, 'cassettes'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{"name":"user-project","private":true}');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', join(work, tarball)], { cwd: project, stdio: 'pipe' });
    writeFileSync(join(project, 'cassettes/clean.yaml'), goVcr([{}]));
    writeFileSync(join(project, 'cassettes/leak.yaml'), goVcr([{ headers: '      Authorization:\n      - Bearer sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5cD7e\n' }]));
    const bin = join(project, 'node_modules/.bin/cassette');
    const run = (file: string) => spawnSync(bin, ['lint', file], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run('cassettes/clean.yaml').status).toBe(0);
    const leak = run('cassettes/leak.yaml');
    expect(leak.status).toBe(1);
    expect(leak.stdout).toContain('secret-header');
  });
});
