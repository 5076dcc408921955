// npm run bench: throughput and memory of `show --json` on a large generated go-vcr v2 cassette,
// and start-up of `cassette --version` against bare node, measured in the same run as ratios.
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchShowHtml } from './bench-html.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1200);
const SHOW_RUNS = 5;

function chunk(id, n, delta, finish = null) {
  return `data: ${JSON.stringify({ id, provider: 'Chutes', model: 'moonshotai/kimi-k2-0905', object: 'chat.completion.chunk', created: 1758698431 + n, choices: [{ index: 0, delta, finish_reason: finish, native_finish_reason: finish, logprobs: null }] })}\n\n`;
}

function generate(INTERACTIONS) {
  const words = 'the weather in Florence is hot and sunny with a light breeze from the hills today'.split(' ');
  let out = '---\nversion: 2\ninteractions:\n';
  for (let n = 0; n < INTERACTIONS; n++) {
    const id = `gen-${1758698431 + n}-bench${n}`;
    const messages = [{ role: 'system', content: 'You are a helpful assistant' }, { role: 'user', content: `Question ${n}: what's the weather in Florence?` }];
    const request = JSON.stringify({ model: 'moonshotai/kimi-k2-0905', messages, stream: true, max_tokens: 4000, tools: [{ type: 'function', function: { name: 'weather', description: 'Get weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }] });
    let body = chunk(id, n, { role: 'assistant', content: '' });
    for (let w = 0; w < 24; w++) body += chunk(id, n, { role: 'assistant', content: ` ${words[(n + w) % words.length]}` });
    body += chunk(id, n, { tool_calls: [{ index: 0, id: `functions.weather:${n}`, type: 'function', function: { name: 'weather', arguments: '' } }] });
    body += chunk(id, n, { tool_calls: [{ index: 0, function: { arguments: '{"location": "Florence,Italy"}' } }] });
    body += chunk(id, n, {}, 'tool_calls');
    body += `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 94 + n, completion_tokens: 32, total_tokens: 126 + n, cost: 0.00008436 } })}\n\n`;
    body += 'data: [DONE]\n\n';
    out += `    - id: ${n}
      request:
        proto: HTTP/1.1
        proto_major: 1
        proto_minor: 1
        content_length: ${Buffer.byteLength(request)}
        host: ""
        body: '${request.replace(/'/g, "''")}'
        headers:
            Content-Type:
                - application/json
        url: https://openrouter.ai/api/v1/chat/completions
        method: POST
      response:
        proto: HTTP/2.0
        proto_major: 2
        proto_minor: 0
        content_length: -1
        body: |+
${body.split('\n').map((l) => (l ? `            ${l}` : '')).join('\n')}
        headers:
            Content-Type:
                - text/event-stream
        status: 200 OK
        code: 200
        duration: 1.230852709s
`;
  }
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeRun(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

/** Write a generated file and flush it, so the disk's write-back does not run during the measures. */
function writeFlushed(path, text) {
  writeFileSync(path, text);
  const fd = openSync(path, 'r+');
  fsyncSync(fd);
  closeSync(fd);
}

const dir = mkdtempSync(join(tmpdir(), 'cassette-bench-'));
const file = join(dir, 'large.yaml');
writeFlushed(file, generate(INTERACTIONS));
const size = statSync(file).size;
const mb = size / 1024 / 1024;
// Four times the interactions: a streaming reader's memory should grow by the file, not by its parse.
const bigFile = join(dir, 'larger.yaml');
writeFlushed(bigFile, generate(INTERACTIONS * 4));
const bigSize = statSync(bigFile).size;

/** Wall time and peak RSS of one `show --json` run in a child process. */
function showRun(path) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'scripts/bench-child.mjs'), 'show', '--json', path], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`show exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { ms, rss: Number(/@@maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) * 1024 };
}

// Throughput and peak RSS of `show --json`, median of SHOW_RUNS runs after one warm-up run.
showRun(file);
const showTimes = [];
let rss = 0;
for (let i = 0; i < SHOW_RUNS; i++) {
  const run = showRun(file);
  showTimes.push(run.ms);
  rss = Math.max(rss, run.rss);
}
const showMs = median(showTimes);
// Node's own footprint, measured the same way, so the ratio speaks of what cassette adds.
const baseRss = Number(/@@maxrss (\d+)/.exec(spawnSync(process.execPath, ['-e', "process.on('exit',()=>process.stderr.write('@@maxrss '+process.resourceUsage().maxRSS))"], { encoding: 'utf8' }).stderr)?.[1] ?? 0) * 1024;
// The same command on one small cassette: what the code itself costs, whatever the file.
const smallRss = showRun(join(root, 'samples/go-vcr-v2/openai-chat-stream-text.yaml')).rss;
const bigRss = showRun(bigFile).rss;

// Start-up: `cassette --version` and `cassette lint` of one small cassette (what a pre-commit hook
// runs) against `node -e 0`, interleaved so machine noise hits all three alike.
const small = join(root, 'samples/go-vcr-v2/openai-chat-stream-text.yaml');
const startTimes = { bare: [], version: [], lint: [] };
for (let i = 0; i < 15; i++) {
  startTimes.bare.push(timeRun(['-e', '0'], 1));
  startTimes.version.push(timeRun([join(root, 'bin/cassette.js'), '--version'], 1));
  startTimes.lint.push(timeRun([join(root, 'bin/cassette.js'), 'lint', small], 1));
}
const bare = median(startTimes.bare);
const version = median(startTimes.version);
const lintSmall = median(startTimes.lint);

const MB = 1024 * 1024;
const results = {
  file: { interactions: INTERACTIONS, megabytes: Number(mb.toFixed(1)) },
  show: {
    medianMs: Math.round(showMs),
    throughputMBps: Number((mb / (showMs / 1000)).toFixed(1)),
    peakRssMB: Math.round(rss / MB),
    nodeBaselineRssMB: Math.round(baseRss / MB),
    smallCassetteRssMB: Math.round(smallRss / MB),
    rssToFileRatio: Number((rss / size).toFixed(2)),
    rssAboveNodeToFileRatio: Number(((rss - baseRss) / size).toFixed(2)),
  },
  scaling: { interactions: INTERACTIONS * 4, megabytes: Number((bigSize / MB).toFixed(1)), peakRssMB: Math.round(bigRss / MB), rssToFileRatio: Number((bigRss / bigSize).toFixed(2)) },
  startup: { nodeMs: Math.round(bare), cassetteVersionMs: Math.round(version), ratio: Number((version / bare).toFixed(2)), lintSmallCassetteMs: Math.round(lintSmall), lintRatio: Number((lintSmall / bare).toFixed(2)) },
  targets: { throughputMBps: '>= 20', rssAboveNodeToFileRatio: '<= 5', startupRatio: '<= 1.5' },
};
// show --html on the same file: page size, and first paint in Chromium (skipped without one).
results.showHtml = await benchShowHtml(file, root, dir, showMs);
const met = {
  throughput: results.show.throughputMBps >= 20,
  memory: results.show.rssAboveNodeToFileRatio <= 5,
  startup: results.startup.ratio <= 1.5,
};
console.log(JSON.stringify(results, null, 2));
const missed = Object.entries(met).filter(([, ok]) => !ok).map(([name]) => name);
console.log(missed.length === 0 ? 'all targets met' : `TARGET MISSED: ${missed.join(', ')}`);
