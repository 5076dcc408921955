// npm run bench [-- --quick] [--sizes=1,10,100] [--formats=go-vcr,vcrpy,har,nock] (--formats= : none) [--commands=lint,diff]
//   [--repeat=N] [--timeout=SECONDS] [--no-corpus] [--corpus-runs=N] [--no-startup] [--startup-runs=N] [--no-html]
//
// Every figure is a ratio to an anchor measured in the same run, in CPU time (user + system, every
// thread) of the whole process, so other work on the machine changes little. Anchors: PyYAML's C
// loader (what VCR.py uses) for YAML files, a bare JSON.parse in node for JSON files, `node -e 0`
// for start-up. Each run is repeated and the smallest CPU time kept.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorOf, benchFile, BENCH_FORMATS } from './bench-gen.mjs';
import { benchShowHtml } from './bench-html.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench/out');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const quick = flag('quick');
const SIZES = option('sizes', quick ? '1,10' : '1,10,100').split(',').map(Number);
const FORMATS = option('formats', BENCH_FORMATS.join(',')).split(',').filter(Boolean); // --formats= : only the corpus and start-up rows
const COMMANDS = [
  ['show --json', ['show', '--json']],
  ['show', ['show']],
  ['cost --json', ['cost', '--json']],
  ['cost', ['cost']],
  ['diff', ['diff']],
  // OLD NEW: the file against itself, as a re-record with nothing changed; its CPU is set against two
  // anchors and its RSS against both files.
  ['diff OLD NEW', ['diff'], 2],
  ['lint', ['lint']],
].filter(([name]) => option('commands', '') === '' || option('commands', '').split(',').includes(name));
const FILES = Object.fromEntries(COMMANDS.map(([name, , files]) => [name, files ?? 1]));
const REPEAT = Number(option('repeat', quick ? 1 : 3));
const TIMEOUT = Number(option('timeout', quick ? 60 : 150)) * 1000;
const MiB = 1024 * 1024;
const GOAL = { pyyaml: 1.0, json: 1.5, lintToShow: 1.5, rss: 2, growth: 1.2, corpus: 1.6, startup: 1.5 };
const log = (line) => process.stderr.write(`${line}\n`);
// A code cache of its own, emptied first: the CLI keeps the code its first run of a command compiled
// (bin/cassette.js), so a cache that a test or another input wrote first would hold other functions
// and leave this run's to be compiled each time. Each row's first (uncounted) run writes it.
process.env.XDG_CACHE_HOME = join(out, 'code-cache');
rmSync(process.env.XDG_CACHE_HOME, { recursive: true, force: true });
/** The 1-minute load average, for the headings: figures are only comparable at a like load. */
const load = () => loadavg()[0].toFixed(1);

/** One process: CPU seconds, peak RSS bytes and wall seconds, or why it has none. */
function measure(command, args, env = process.env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: TIMEOUT, maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') return { failed: `>${TIMEOUT / 1000}s` };
  const usage = /@@usage (\d+) (\d+)/.exec(r.stderr ?? '');
  if (!usage || (r.status !== 0 && r.status !== 1)) return { failed: `exit ${r.status ?? r.signal}: ${(r.stderr ?? '').trim().split('\n')[0]?.slice(0, 120)}` };
  return { cpu: Number(usage[1]) / 1e6, rss: Number(usage[2]) * 1024, wall };
}

const cassette = (args, env) => measure(process.execPath, ['-r', join(root, 'scripts/bench-usage.cjs'), join(root, 'bin/cassette.js'), ...args], env);
const PRINT_USAGE = "process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\n@@usage '+(u.userCPUTime+u.systemCPUTime)+' '+u.maxRSS+'\\n')})";
const bareNode = (env) => measure(process.execPath, ['-e', `${PRINT_USAGE};0`], env);
const jsonAnchor = (file) => measure(process.execPath, ['-e', `${PRINT_USAGE};JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'))`, file]);
const PYYAML = "import resource,sys,yaml\nyaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)\nr=resource.getrusage(resource.RUSAGE_SELF)\nsys.stderr.write('\\n@@usage %d %d\\n' % ((r.ru_utime+r.ru_stime)*1e6, r.ru_maxrss))";
const hasPyYaml = spawnSync('python3', ['-c', 'import yaml; yaml.CSafeLoader'], { stdio: 'ignore' }).status === 0;
const pyyamlAnchor = (file) => measure('python3', ['-c', PYYAML, file]);

/** The run with the least CPU of `runs` (each a measure() result). */
function best(runs) {
  const ok = runs.filter((r) => r.cpu !== undefined);
  return ok.length === 0 ? runs[0] : ok.reduce((a, b) => (b.cpu < a.cpu ? b : a));
}

/** The median of numbers (the upper one of an even count's middle two). */
const median = (xs) => {
  const sorted = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const fmt = (n, digits = 2) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
const mark = (value, goal, below = true) => (value === undefined || !Number.isFinite(value) ? '' : (below ? value <= goal : value >= goal) ? ' ✓' : ' ✗');

log(`cassette bench: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}${quick ? ', --quick' : ''}`);
if (!hasPyYaml) log('note: python3-yaml with CSafeLoader is absent (apt install python3-yaml): YAML rows have no anchor, VCR.py files are not generated');
const nodeBase = best([bareNode(), bareNode(), bareNode()]);

// --- files: each format and size, each command beside its anchor -------------------------------
const results = [];
for (const format of FORMATS) {
  for (const mib of SIZES) {
    const file = benchFile(out, format, mib);
    if (!file) {
      log(`skip ${format} ${mib} MiB: cannot be generated here (VCR.py needs python3-yaml)`);
      continue;
    }
    const size = statSync(file).size;
    const anchorKind = anchorOf(format);
    const runs = { anchor: [], ...Object.fromEntries(COMMANDS.map(([name]) => [name, []])) };
    const repeat = mib >= 100 ? 1 : REPEAT;
    cassette(['show', '--json', file]); // warm the page cache
    for (let i = 0; i < repeat; i++) {
      if (anchorKind === 'json') runs.anchor.push(jsonAnchor(file));
      else if (hasPyYaml) runs.anchor.push(pyyamlAnchor(file));
      for (const [name, args] of COMMANDS) {
        // A command that timed out once is not run again.
        if (runs[name].some((r) => r.failed?.startsWith('>'))) continue;
        runs[name].push(cassette([...args, ...Array(FILES[name]).fill(file)]));
      }
    }
    const anchor = runs.anchor.length > 0 ? best(runs.anchor) : undefined;
    for (const [name] of COMMANDS) {
      const run = best(runs[name]);
      results.push({ format, mib, size, command: name, anchorKind, anchorCpu: anchor?.cpu, ...run, ratio: anchor?.cpu && run.cpu ? run.cpu / (anchor.cpu * FILES[name]) : undefined, rssAboveNodePerFile: run.rss ? (run.rss - nodeBase.rss) / (size * FILES[name]) : undefined, mibPerCpuSecond: run.cpu ? size / MiB / run.cpu : undefined });
      log(`${format} ${mib} MiB ${name}: ${run.failed ?? `${fmt(run.cpu)} CPU-s (anchor ${fmt(anchor?.cpu)}), RSS ${fmt(run.rss / MiB, 0)} MiB`}`);
    }
  }
}

const find = (format, mib, command) => results.find((r) => r.format === format && r.mib === mib && r.command === command);
const lines = [];
lines.push(`## Files (CPU time ratio to the anchor; RSS above node's own ${fmt(nodeBase.rss / MiB, 0)} MiB ÷ file size)`, '');
lines.push('| format | MiB | command | CPU s | × anchor | goal | MiB/s (CPU) | RSS ÷ file | goal ≤ 2 | 10→100 CPU/MiB | 10→100 RSS/MiB |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const goal = r.anchorKind === 'json' ? GOAL.json : GOAL.pyyaml;
  const anchorName = r.anchorKind === 'json' ? 'JSON.parse' : 'PyYAML C';
  const show = find(r.format, r.mib, 'show --json');
  let goalText = `≤ ${goal} ${anchorName}`;
  if (r.command === 'lint' && show?.cpu && r.cpu) goalText += `; ${fmt(r.cpu / show.cpu)}× show --json${mark(r.cpu / show.cpu, GOAL.lintToShow)} (≤ 1.5)`;
  const small = find(r.format, 10, r.command);
  const growth = r.mib === 100 && small?.cpu && r.cpu ? { cpu: r.cpu / r.mib / (small.cpu / 10), rss: r.rssAboveNodePerFile / small.rssAboveNodePerFile } : undefined;
  lines.push(`| ${r.format} | ${r.mib} | ${r.command} | ${r.failed ?? fmt(r.cpu)} | ${fmt(r.ratio)}${r.mib >= 10 ? mark(r.ratio, goal) : ''} | ${goalText} | ${fmt(r.mibPerCpuSecond, 1)} | ${fmt(r.rssAboveNodePerFile)}${r.mib >= 10 ? mark(r.rssAboveNodePerFile, GOAL.rss) : ''} | ≤ 2 | ${growth ? fmt(growth.cpu) + mark(growth.cpu, GOAL.growth) : ''} | ${growth ? fmt(growth.rss) + mark(growth.rss, GOAL.growth) : ''} |`);
}
// The issue's layout: one row per format at 10 MiB.
if (SIZES.includes(10)) {
  lines.push('', '## 10 MiB files, CPU time ÷ anchor', '');
  lines.push(`| 10 MiB file | ${COMMANDS.map(([n]) => n).join(' | ')} | lint ÷ show --json | anchor |`);
  lines.push(`|---|${COMMANDS.map(() => '---|').join('')}---|---|`);
  for (const format of FORMATS) {
    const cells = COMMANDS.map(([name]) => {
      const r = find(format, 10, name);
      return r ? (r.failed ?? `${fmt(r.ratio)}x`) : '';
    });
    const lint = find(format, 10, 'lint');
    const show = find(format, 10, 'show --json');
    const anchor = anchorOf(format) === 'json' ? 'JSON.parse' : hasPyYaml ? 'PyYAML C load' : 'none (no python3-yaml)';
    lines.push(`| ${format} | ${cells.join(' | ')} | ${lint?.cpu && show?.cpu ? fmt(lint.cpu / show.cpu) + 'x' : ''} | ${anchor} (${fmt(find(format, 10, COMMANDS[0][0])?.anchorCpu)} s) |`);
  }
}

// --- a directory of many files: do both cores work? -------------------------------------------
// Each command runs as it does by default and, back to back, in one thread (CASSETTE_WORKERS=1), the
// two alternating, several times; the median of each figure is kept, so one run slowed by other work
// on the machine does not decide. "wall ÷ 1 thread" below 1 means the default run finished sooner.
const corpus = join(root, '../shared/corpus');
if (!flag('no-corpus')) {
  const runsEach = Number(option('corpus-runs', quick ? 3 : 5));
  // The heading, with the load average before and after these runs, is written once they are done.
  lines.push('', '', '');
  const heading = lines.length - 2;
  const loadBefore = load();
  if (!existsSync(corpus)) lines.push('skipped: ../shared/corpus is absent');
  else {
    lines.push('| command | wall s | CPU s | CPU ÷ wall | one thread: wall s | CPU s | CPU ÷ wall | wall ÷ 1 thread |', '|---|---|---|---|---|---|---|---|');
    const oneThread = { ...process.env, CASSETTE_WORKERS: '1' };
    const byDefault = { ...process.env };
    delete byDefault.CASSETTE_WORKERS;
    for (const args of [['show', '--json'], ['cost', '--json'], ['lint']]) {
      cassette([...args, corpus], byDefault); // warm the page cache and the code cache
      const pooled = [];
      const alone = [];
      for (let i = 0; i < runsEach; i++) {
        pooled.push(cassette([...args, corpus], byDefault));
        alone.push(cassette([...args, corpus], oneThread));
      }
      const summary = (runs) => {
        const ok = runs.filter((r) => r.cpu !== undefined);
        if (ok.length === 0) return { failed: runs[0].failed };
        return { wall: median(ok.map((r) => r.wall)), cpu: median(ok.map((r) => r.cpu)), ratio: median(ok.map((r) => r.cpu / r.wall)) };
      };
      const p = summary(pooled);
      const a = summary(alone);
      results.push({ corpus: true, command: args.join(' '), runs: runsEach, ...p, oneThread: a });
      lines.push(`| ${args.join(' ')} | ${p.failed ?? fmt(p.wall)} | ${fmt(p.cpu)} | ${fmt(p.ratio)}${mark(p.ratio, GOAL.corpus, false)} | ${a.failed ?? fmt(a.wall)} | ${fmt(a.cpu)} | ${fmt(a.ratio)} | ${fmt(p.wall / a.wall)} |`);
    }
  }
  lines[heading] = `## Corpus directory: CPU time ÷ wall time (goal ≥ 1.6 on 2 cores; median of ${runsEach} runs each; load ${loadBefore} → ${load()})`;
}

// --- start-up on a one-interaction cassette ---------------------------------------------------
if (!flag('no-startup')) {
  const one = join(root, 'samples/go-vcr-v2/openai-chat-stream-text.yaml');
  const starts = [['--version'], ...COMMANDS.filter(([name]) => FILES[name] === 1).map(([, args]) => [...args, one])];
  const rounds = Number(option('startup-runs', quick ? 5 : 11));
  const loadBefore = load();
  // A first round that is not counted writes any missing code cache; then each round runs `node -e 0`
  // and every command once, and each command's ratio is taken to that round's `node -e 0`, so a
  // slow moment on the machine weighs on both sides of a ratio. The median of the rounds' ratios
  // is the figure; the middle half of them (25th to 75th percentile) says how much they spread.
  const quantile = (xs, q) => {
    const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  };
  // NODE_EXTRA_CA_CERTS makes node parse that bundle at every start (the whole system bundle, here:
  // ~40 ms, a third of `node -e 0`), which dilutes every ratio: where it is set, the rounds run a
  // second time without it, as on a usual machine, and both tables are printed.
  const envs = [[process.env, process.env.NODE_EXTRA_CA_CERTS ? 'NODE_EXTRA_CA_CERTS set, as in this environment' : '']];
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const { NODE_EXTRA_CA_CERTS: _, ...usual } = process.env;
    envs.push([usual, 'NODE_EXTRA_CA_CERTS unset, as on a usual machine']);
  }
  for (const [env, label] of envs) {
    for (const s of starts) cassette(s, env);
    const times = new Map(starts.map((s) => [s, []]));
    const bare = [];
    for (let i = 0; i < rounds; i++) {
      bare.push(bareNode(env));
      for (const s of starts) times.get(s).push(cassette(s, env));
    }
    const ratios = (s, key) => times.get(s).map((r, i) => r[key] / bare[i][key]);
    const bareCpu = median(bare.map((r) => r.cpu));
    const bareWall = median(bare.map((r) => r.wall));
    lines.push('', `## Start-up on a one-interaction cassette${label ? `, ${label}` : ''} (median of ${rounds} rounds; \`node -e 0\`: ${fmt(bareCpu * 1000, 0)} ms CPU, ${fmt(bareWall * 1000, 0)} ms wall; load ${loadBefore} → ${load()})`, '');
    lines.push('| command | CPU ÷ node -e 0 | middle half | wall ÷ node -e 0 | goal |', '|---|---|---|---|---|');
    for (const s of starts) {
      const name = s[0] === '--version' ? '--version' : s.slice(0, -1).join(' ');
      const cpu = ratios(s, 'cpu');
      const wall = ratios(s, 'wall');
      results.push({ startup: true, env: label || undefined, command: name, cpuRatio: quantile(cpu, 0.5), cpuRatioP25: quantile(cpu, 0.25), cpuRatioP75: quantile(cpu, 0.75), wallRatio: quantile(wall, 0.5) });
      lines.push(`| ${name} | ${fmt(quantile(cpu, 0.5))}${mark(quantile(cpu, 0.5), GOAL.startup)} | ${fmt(quantile(cpu, 0.25))}–${fmt(quantile(cpu, 0.75))} | ${fmt(quantile(wall, 0.5))} | ≤ 1.5 |`);
    }
  }
}

// --- show --html on the 10 MiB go-vcr file: page size, write time, Chromium's first paint -------
if (!flag('no-html')) {
  // Its wall times are also given as ratios to `show --json` on the same file, in this run.
  const showJsonMs = (find('go-vcr', 10, 'show --json')?.wall ?? cassette(['show', '--json', benchFile(out, 'go-vcr', 10)]).wall) * 1000;
  const html = await benchShowHtml(benchFile(out, 'go-vcr', 10), root, out, showJsonMs);
  results.push({ showHtml: html });
  lines.push('', '## show --html on the 10 MiB go-vcr file', '', '```json', JSON.stringify(html, null, 2), '```');
}

console.log(lines.join('\n'));
mkdirSync(out, { recursive: true });
const saved = join(out, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(saved, JSON.stringify({ cores: cpus().length, load: loadavg(), node: process.version, nodeBaseRss: nodeBase.rss, hasPyYaml, results }, null, 2));
log(`results saved in ${saved}`);
