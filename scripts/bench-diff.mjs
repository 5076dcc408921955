// npm run bench:diff: `cassette diff --git` on a generated repository whose HEAD re-records 500
// cassettes (new ids and timestamps everywhere, a model bump in 100, a new message in 50), timed
// next to `git diff --stat` and `git diff` of the same commit. Reports medians and the ratios.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCassette as cassette } from './bench-diff-cassette.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = Number(process.env.BENCH_DIFF_FILES ?? 500);
const RUNS = Number(process.env.BENCH_DIFF_RUNS ?? 5);
const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@b', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });

function makeRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-bench-diff-'));
  git(dir, 'init', '-q');
  mkdirSync(join(dir, 'tests/cassettes'), { recursive: true });
  const path = (n) => join(dir, 'tests/cassettes', `test_weather_${n}[gpt-4o].yaml`);
  for (let n = 0; n < FILES; n++) writeFileSync(path(n), cassette(n, 1, 'gpt-4o', false));
  writeFileSync(join(dir, 'package.json'), '{"name": "bench"}\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'record');
  for (let n = 0; n < FILES; n++) writeFileSync(path(n), cassette(n, 2, n % 5 === 0 ? 'gpt-4.1' : 'gpt-4o', n % 10 === 1));
  writeFileSync(join(dir, 'package.json'), '{"name": "bench", "version": "2"}\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 're-record');
  return dir;
}

// The floor for any tool that reads what it compares: PyYAML's C loader (libyaml, what VCR.py uses)
// loading the old and the new side of every changed cassette, the blobs read through one
// `git cat-file --batch`, with no comparison at all. It prints the CPU ms of the loads alone (not
// Python's start-up or import, which cost more than the loads on this machine) and the bytes read.
const PYYAML_BLOBS = [
  'import subprocess, time, yaml',
  "names = [n for n in subprocess.run(['git', 'diff', '--name-only', 'HEAD^', 'HEAD'], capture_output=True, text=True).stdout.split('\\n') if n.endswith(('.yaml', '.yml'))]",
  "out = subprocess.run(['git', 'cat-file', '--batch'], input=''.join(f'{r}:{n}\\n' for n in names for r in ('HEAD^', 'HEAD')).encode(), capture_output=True).stdout",
  'pos = 0; cpu = time.process_time()',
  'while pos < len(out):',
  "    nl = out.index(b'\\n', pos); size = int(out[pos:nl].split()[2])",
  '    yaml.load(out[nl + 1:nl + 1 + size], Loader=yaml.CSafeLoader); pos = nl + 2 + size',
  "print(round((time.process_time() - cpu) * 1000), len(out))",
].join('\n');
const hasPyYaml = spawnSync('python3', ['-c', 'import yaml; yaml.CSafeLoader'], { stdio: 'ignore' }).status === 0;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * CPU seconds (user + system) of one warm run of a command, from bash's `times`: steadier than wall
 * time on a busy machine. The command runs twice in one shell and the second run is counted, so a
 * page cache emptied by other work (as on a shared machine) costs neither side.
 */
function cpuSeconds(cwd, command, args) {
  const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const r = spawnSync('bash', ['-c', `${quoted} >/dev/null 2>&1; times; ${quoted} >/dev/null 2>&1; times`], { cwd, env, encoding: 'utf8' });
  // `times` prints the shell's own time, then its children's: the children's lines are the 2nd and 4th.
  const children = r.stdout.trim().split('\n').filter((_, k) => k % 2 === 1).map((line) => [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0));
  return children.length === 2 ? children[1] - children[0] : NaN;
}

/** Median CPU ms of PyYAML's loads over RUNS runs, and the bytes they loaded. */
function pyyamlFloor(cwd) {
  const runs = Array.from({ length: RUNS }, () => execFileSync('python3', ['-c', PYYAML_BLOBS], { cwd, env, encoding: 'utf8' }).trim().split(' ').map(Number));
  return { cpu: median(runs.map((r) => r[0])), bytes: runs[0][1] };
}

function time(cwd, command, args) {
  const samples = [];
  const cpu = [];
  let last;
  for (let r = 0; r < RUNS + 1; r++) {
    const start = process.hrtime.bigint();
    last = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r > 0) samples.push(ms); // the first run warms the page cache
    if (r > 0) cpu.push(cpuSeconds(cwd, command, args) * 1000);
  }
  if (last.status !== 0 && last.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${last.status}: ${last.stderr}`);
  return { ms: median(samples), cpu: median(cpu), out: last.stdout };
}

const dir = makeRepo();
try {
  const stat = time(dir, 'git', ['diff', '--stat', 'HEAD^', 'HEAD']);
  const patch = time(dir, 'git', ['diff', 'HEAD^', 'HEAD']);
  const bin = join(root, 'bin/cassette.js');
  const ours = time(dir, process.execPath, [bin, 'diff', '--git', 'HEAD', '--stat']);
  const full = time(dir, process.execPath, [bin, 'diff', '--git', 'HEAD', '--no-patch']);
  const md = time(dir, process.execPath, [bin, 'diff', '--git', 'HEAD', '--markdown']);
  const floor = hasPyYaml ? pyyamlFloor(dir) : undefined;
  const row = (name, t) => `${name.padEnd(40)} ${t.ms.toFixed(0).padStart(6)} ms ${(t.ms / stat.ms).toFixed(1).padStart(6)}x   ${t.cpu.toFixed(0).padStart(6)} ms ${(t.cpu / Math.max(stat.cpu, 1)).toFixed(1).padStart(6)}x`;
  console.log(`diff bench: ${FILES}-file re-record commit, median of ${RUNS} runs; wall and CPU time, each with its ratio to git diff --stat`);
  console.log(row('git diff --stat HEAD^ HEAD', stat));
  console.log(row('git diff HEAD^ HEAD', patch));
  console.log(row('cassette diff --git HEAD --stat', ours));
  console.log(row('cassette diff --git HEAD --no-patch', full));
  console.log(row('cassette diff --git HEAD --markdown', md));
  const goal = ours.cpu / Math.max(stat.cpu, 1);
  // CPU is the figure the goal is judged on (steadier on a shared machine); wall is what a reviewer waits.
  const wall = ours.ms / Math.max(stat.ms, 1);
  console.log(`goal: cassette diff --git --stat within 3x git diff --stat in CPU time: ${goal.toFixed(1)}x, ${goal <= 3 ? 'reached' : 'not reached'}; in wall time: ${wall.toFixed(1)}x (load average ${loadavg().map((l) => l.toFixed(2)).join(', ')})`);
  if (floor) console.log(`floor: PyYAML's C loader loading both sides of the ${FILES} cassettes (${(floor.bytes / 1e6).toFixed(1)} MB), the loads alone: ${floor.cpu} ms CPU = ${(floor.cpu / Math.max(stat.cpu, 1)).toFixed(1)}x git diff --stat`);
  else console.log('floor: skipped (python3-yaml with CSafeLoader is absent: apt install python3-yaml)');
  console.log(`--markdown: ${md.out.length} characters; first lines of --stat:`);
  console.log(ours.out.split('\n').slice(0, 6).map((l) => `  ${l}`).join('\n'));
} finally {
  if (process.env.BENCH_DIFF_KEEP) console.log(`repository kept: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
