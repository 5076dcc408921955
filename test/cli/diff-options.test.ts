import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/corpus.js';

const CHAT = join(SAMPLES, 'go-vcr-v2/openai-chat-stream-text.yaml');
const TOOLS = join(SAMPLES, 'go-vcr-v2/openai-chat-parallel-tools.yaml');
const ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_NOSYSTEM: '1' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: ENV });

/** Two commits: a cassette added, then changed. */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-diffopt-'));
  git(dir, 'init', '-q');
  mkdirSync(join(dir, 'cassettes'));
  copyFileSync(CHAT, join(dir, 'cassettes/chat.yaml'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'one');
  copyFileSync(TOOLS, join(dir, 'cassettes/chat.yaml'));
  git(dir, 'commit', '-qam', 'two');
  return dir;
}

describe('cassette diff --git with a revision that is not there', () => {
  it('exits 2 with one line naming it, as git does; a path or a real revision still works', () => {
    const dir = repo();
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    for (const arg of ['deadbeef...HEAD', 'HEAD~5', 'nosuchrev']) {
      const r = cli(['diff', '--git', arg, '--stat'], { cwd: dir });
      expect({ arg, status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ arg, status: 2, stdout: '', stderr: `cassette: unknown revision '${arg}'\n` });
    }
    for (const args of [[head.slice(0, 10)], ['HEAD~1...HEAD', 'cassettes'], ['HEAD', 'cassettes/chat.yaml']]) {
      const r = cli(['diff', '--git', ...args, '--stat'], { cwd: dir });
      expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 1, stderr: '' });
      expect(r.stdout).toContain('cassettes/chat.yaml');
    }
    // An existing path as the first argument: the work tree against HEAD (nothing changed).
    expect(cli(['diff', '--git', 'cassettes', '--stat'], { cwd: dir }).status).toBe(0);
  });

  it('a path that is neither on disk nor in git is a typo: exit 2, one line naming it', () => {
    const dir = repo();
    for (const [args, where] of [
      [['HEAD', 'cassetes/chat.yaml'], 'HEAD^, HEAD'],
      [['HEAD~1..HEAD', 'cassettes', 'cassettes/chta.yaml'], 'HEAD~1, HEAD'],
      [['cassettes', 'nosuch'], 'HEAD, the index'],
    ] as const) {
      const r = cli(['diff', '--git', ...args, '--stat'], { cwd: dir });
      expect({ args, status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ args, status: 2, stdout: '', stderr: `cassette: no such path on disk or in git (${where}): '${args[args.length - 1]}'\n` });
    }
    // Deleted on disk but in git, a pattern that matches nothing (as git allows), a directory: no error.
    git(dir, 'rm', '-q', 'cassettes/chat.yaml');
    const deleted = cli(['diff', '--git', 'cassettes/chat.yaml', '--stat'], { cwd: dir });
    expect({ status: deleted.status, stderr: deleted.stderr, first: deleted.stdout.split('\n')[0] }).toEqual({ status: 1, stderr: '', first: '1 cassette: 0 changed, 0 added, 1 removed, 0 re-recorded with no change in meaning' });
    expect(cli(['diff', '--git', 'HEAD', 'nothing/*.yaml', '--stat'], { cwd: dir }).status).toBe(0);
    expect(cli(['diff', '--git', 'HEAD', 'cassettes', '--stat'], { cwd: dir }).status).toBe(1);
  });
});

describe('cassette diff refuses options that contradict each other', () => {
  const file = join(SAMPLES, 'go-vcr-v2/mixed-usage.yaml');
  it.each([
    [['--json', '--markdown', file], 'cassette: choose one of --json, --markdown, --stat'],
    [['--markdown', '--stat', file, file], 'cassette: choose one of --json, --markdown, --stat'],
    [['--from', '0', '--to', '1', file, file], 'cassette: --from and --to pick two interactions within one cassette: diff FILE --from N --to M'],
    [['--git', '--from', '0'], 'cassette: --from and --to pick two interactions within one cassette: diff FILE --from N --to M'],
    // An interaction is never compared with itself, named or by default (--from the last, --to the first).
    [['--from', '5', file], `cassette: ${file}: --from and --to both name interaction 5 (--from defaults to the first, --to to the last); name two different ones (it has 6: #0-#5)`],
    [['--to', '0', '--json', file], `cassette: ${file}: --from and --to both name interaction 0 (--from defaults to the first, --to to the last); name two different ones (it has 6: #0-#5)`],
    [['--from', '2', '--to', '2', '--stat', file], `cassette: ${file}: --from and --to both name interaction 2 (--from defaults to the first, --to to the last); name two different ones (it has 6: #0-#5)`],
    [['--from', '9', file], `cassette: ${file}: no interaction 9 (it has 6: #0-#5)`],
    [['--ignore', 'model', '--ignore', 'bogus[[', file], "cassette: --ignore: 'bogus[[' is not a JSON path pattern (keys joined by '.', [N] or [*] for an index, * for any key: messages[*].cache_control)"],
  ])('diff %j: exit 2, one line', (args, line) => {
    const r = cli(['diff', ...args]);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 2, stdout: '', stderr: `${line}\n` });
  });

  it('still takes one format, --from/--to on one file, and valid patterns', () => {
    expect(cli(['diff', '--json', file, '--from', '0', '--to', '1', '--ignore', 'messages[*].content']).status).toBe(1);
  });
});
