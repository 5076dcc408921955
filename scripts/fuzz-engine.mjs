// The fuzzer's engine, shared by `npm run fuzz` (scripts/fuzz.mjs, on dist/) and the smoke test
// (test/hostile/fuzz.test.ts, on src/): inputs from fast-check, runs, and the verdict on each run.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';

/** Every command and output format, as argv after `cassette`; FILE is the input, OTHER a second copy. */
export const COMMANDS = [
  ['show', 'FILE'], ['show', '--json', 'FILE'], ['show', '--raw', '--headers', '--full', 'FILE'], ['show', '--html', 'FILE'],
  ['cost', 'FILE'], ['cost', '--json', 'FILE'], ['cost', '--csv', 'FILE'], ['cost', '--markdown', 'FILE'],
  ['diff', 'FILE'], ['diff', '--json', 'FILE'], ['diff', '--markdown', 'OTHER', 'FILE'], ['diff', '--stat', 'OTHER', 'FILE'],
  ['textconv', 'FILE'],
  ['lint', 'FILE'], ['lint', '-f', 'json', 'FILE'], ['lint', '-f', 'sarif', 'FILE'], ['lint', '-f', 'github', 'FILE'], ['lint', '-f', 'compact', 'FILE'],
  ['lint', '--fix-dry-run', 'FILE'], ['lint', '--fix', 'FILE'],
];
const JSON_OUT = (argv) => argv.includes('--json') || (argv[0] === 'lint' && (argv.includes('json') || argv.includes('sarif')) && !argv.includes('--fix-dry-run'));
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** Sample cassettes: samples/ and, where present, ../shared/corpus and ../shared/cases (files up to `max` bytes). */
export function seedFiles(root, max = 64 * 1024) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json|har|httprr)(\.gz)?$/i.test(e.name) && statSync(p).size <= max) out.push(p);
    }
  };
  for (const dir of ['samples', '../shared/corpus', '../shared/cases']) walk(join(root, dir));
  return out.sort().map((p) => ({ path: p, bytes: readFileSync(p) }));
}

const CONTROL = ['\x1b[41m', '\x07', '\u009b', '\u202e', '\r', '\x00', '%zz', '%', '&a [1]', '*a', '[[[[[[[[', '{"a":', '"', "'", '\n- ', ': ', 'sk-proj-Q7vX2mN9pL4kR8tW1yZ5bC3dF6gH0jK2aS4dF6gH', 'data: {"type":\n', 'undefined'];

/** Byte-level mutations of a seed: flips, control bytes, cuts, repeats, YAML/JSON fragments. */
function mutated(seeds) {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('flip'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: fc.constantFrom(...CONTROL) }),
    fc.record({ kind: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('repeat'), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 2, max: 50 }) }),
    fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  );
  return fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(op, { minLength: 1, maxLength: 6 }), fc.boolean()).map(([i, ops, gz]) => {
    let b = Buffer.from(seeds[i].bytes);
    for (const o of ops) {
      const at = b.length === 0 ? 0 : o.at % b.length;
      if (o.kind === 'flip' && b.length > 0) b[at] = o.byte;
      else if (o.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(o.text), b.subarray(at)]);
      else if (o.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + o.length)]);
      else if (o.kind === 'repeat') b = Buffer.concat([b.subarray(0, at), ...Array(o.times).fill(b.subarray(at, at + o.length)), b.subarray(at)]);
      else if (o.kind === 'truncate') b = b.subarray(0, at);
    }
    const name = seeds[i].path.replace(/\.gz$/, '');
    const ext = /\.(ya?ml|json|har|httprr)$/i.exec(name)?.[0] ?? '.yaml';
    return { bytes: gz ? gzipSync(b) : b, ext: gz ? `${ext}.gz` : ext, from: seeds[i].path };
  });
}

const evil = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...CONTROL));

/** Structure-aware: go-vcr v2 and nock cassettes with hostile strings in every field and JSON or SSE bodies. */
function structured() {
  const json = fc.jsonValue({ maxDepth: 4 });
  const body = fc.oneof(
    json.map((v) => JSON.stringify(v)),
    fc.record({ model: evil, messages: fc.array(fc.record({ role: fc.constantFrom('user', 'system', 'assistant', 'tool'), content: evil }), { maxLength: 3 }), stream: fc.boolean() }).map((v) => JSON.stringify(v)),
    fc.array(fc.oneof(json.map((v) => `data: ${JSON.stringify(v)}`), evil.map((s) => `data: ${s}`), fc.constant('data: [DONE]')), { maxLength: 6 }).map((l) => `${l.join('\n\n')}\n\n`),
    evil,
  );
  const headers = fc.dictionary(fc.oneof(fc.constantFrom('Content-Type', 'Authorization', 'Content-Encoding', 'Set-Cookie'), evil), evil, { maxKeys: 4 });
  const path = fc.constantFrom('/v1/chat/completions', '/v1/messages', '/v1/responses', '/api/chat', '/v1beta/models/gemini:generateContent', '/model/x/converse-stream', '/v1/embeddings');
  const interaction = fc.record({ host: fc.constantFrom('api.openai.com', 'api.anthropic.com', 'openrouter.ai', 'localhost:11434', 'generativelanguage.googleapis.com', 'bedrock-runtime.us-east-1.amazonaws.com'), path, tail: evil, req: body, res: body, reqH: headers, resH: headers, status: fc.oneof(fc.constantFrom(200, 400, 500), fc.integer()) });
  return fc.tuple(fc.constantFrom('go-vcr', 'nock'), fc.array(interaction, { minLength: 1, maxLength: 3 })).map(([kind, items]) => {
    if (kind === 'nock') {
      const doc = items.map((i) => ({ scope: `https://${i.host}:443`, method: 'POST', path: i.path + i.tail, body: i.req, status: i.status, response: i.res, headers: i.resH, reqheaders: i.reqH }));
      return { bytes: Buffer.from(JSON.stringify(doc)), ext: '.json', from: 'structured nock' };
    }
    const y = (s) => JSON.stringify(String(s));
    const h = (o) => `{${Object.entries(o).map(([k, v]) => `${y(k)}: [${y(v)}]`).join(', ')}}`;
    const text = `version: 2\ninteractions:\n${items.map((i, n) => `- id: ${n}\n  request:\n    url: ${y(`https://${i.host}${i.path}${i.tail}`)}\n    method: POST\n    headers: ${h(i.reqH)}\n    body: ${y(i.req)}\n  response:\n    code: ${i.status}\n    status: ${y(`${i.status} OK`)}\n    duration: 1ms\n    headers: ${h(i.resH)}\n    body: ${y(i.res)}`).join('\n')}\n`;
    return { bytes: Buffer.from(text), ext: '.yaml', from: 'structured go-vcr' };
  });
}

/** An arbitrary input: mostly mutated samples, some structure-aware documents. */
export function inputs(seeds) {
  return seeds.length > 0 ? fc.oneof({ arbitrary: mutated(seeds), weight: 3 }, { arbitrary: structured(), weight: 2 }) : structured();
}

/**
 * The verdict on one run: ok, clear error, crash, hang, raw control, invalid JSON, changed input.
 * `input` is the file's bytes (a message may quote them: `undefined` is a crash only when the input lacks it).
 */
export function classify(argv, r, { ms, budgetMs, input, before, after }) {
  const text = r.stdout + r.stderr;
  const quoted = (word) => input.includes(word);
  if (STACK.test(r.stderr) || /internal error/.test(r.stderr) || ![0, 1, 2].includes(r.status)) return 'crash';
  if ((/\bundefined\b/.test(r.stderr) && !quoted('undefined')) || (/\[object Object\]/.test(text) && !quoted('[object Object]'))) return 'crash';
  if (ms > budgetMs) return 'hang';
  if (RAW.test(text)) return 'raw control';
  if (JSON_OUT(argv) && r.stdout.trim() !== '') {
    try {
      JSON.parse(r.stdout);
    } catch {
      return 'invalid JSON';
    }
  }
  if (argv[0] !== 'lint' || !argv.includes('--fix')) if (before !== undefined && after !== undefined && !before.equals(after)) return 'changed input';
  return r.status === 2 ? 'clear error' : 'ok';
}

export const BAD = ['crash', 'hang', 'raw control', 'invalid JSON', 'changed input'];

/** The input as a message could quote it: gunzipped when it is a .gz file. */
function plainText(bytes) {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes, { maxOutputLength: 64 * 1024 * 1024 }).toString('latin1');
    } catch {
      // corrupt gzip: the bytes as they are
    }
  }
  return bytes.toString('latin1');
}

/** Run one input through one command (in-process `run`, or a spawned CLI), with its verdict. */
export async function runOne(run, dir, input, argv, budgetMs) {
  const file = join(dir, `input${input.ext}`);
  const other = join(dir, `other${input.ext}`);
  writeFileSync(file, input.bytes);
  writeFileSync(other, input.bytes);
  const args = argv.map((a) => (a === 'FILE' ? file : a === 'OTHER' ? other : a));
  const started = performance.now();
  const r = await run(args);
  const ms = performance.now() - started;
  const after = readFileSync(file);
  return { verdict: classify(argv, r, { ms, budgetMs, input: plainText(input.bytes), before: input.bytes, after }), ms, r };
}

/** Smallest input (by removing chunks, ddmin-style) that still gets the same bad verdict. */
export async function minimize(run, dir, input, argv, verdict, budgetMs) {
  let bytes = input.bytes;
  for (let chunk = Math.max(1, bytes.length >> 1); chunk >= 1; chunk >>= 1) {
    for (let at = 0; at < bytes.length; ) {
      const candidate = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + chunk)]);
      if ((await runOne(run, dir, { ...input, bytes: candidate }, argv, budgetMs)).verdict === verdict) bytes = candidate;
      else at += chunk;
    }
  }
  return { ...input, bytes };
}

/** Save a minimized failing input under test/fuzz-regressions/, replayed by the test suite. */
export function saveRegression(root, input, argv, verdict) {
  const dir = join(root, 'test/fuzz-regressions');
  mkdirSync(dir, { recursive: true });
  const id = createHash('sha256').update(input.bytes).update(argv.join(' ')).digest('hex').slice(0, 12);
  const name = `${verdict.replace(/ /g, '-')}-${id}${input.ext}`;
  writeFileSync(join(dir, name), input.bytes);
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ argv, verdict, from: input.from }, null, 2)}\n`);
  return name;
}
