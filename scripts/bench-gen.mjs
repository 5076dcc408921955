// Bench inputs: one streamed chat interaction (the shape of a real OpenRouter recording) written
// once per recorder format, then repeated with a fixed-width counter until the file reaches the
// size asked for. Files are cached under bench/out/ by format, size and generator version.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const GEN_VERSION = 1;
const MARK = '@@@@@@';
const MiB = 1024 * 1024;
// One API key in every request, as when a recording filter was forgotten: lint must find each.
const KEY = 'sk-proj-4fT9qLx2Vb8nR1sKd7WmZp3YcHe6JuQa0Gi5';

function chunk(id, delta, finish = null) {
  return `data: ${JSON.stringify({ id, provider: 'Chutes', model: 'moonshotai/kimi-k2-0905', object: 'chat.completion.chunk', created: 1758698431, choices: [{ index: 0, delta, finish_reason: finish, native_finish_reason: finish, logprobs: null }] })}\n\n`;
}

/** The interaction, with MARK where each copy puts its number. */
function unit() {
  const id = `gen-1758698431-bench${MARK}`;
  const words = 'the weather in Florence is hot and sunny with a light breeze from the hills today'.split(' ');
  const messages = [{ role: 'system', content: 'You are a helpful assistant' }, { role: 'user', content: `Question ${MARK}: what's the weather in Florence?` }];
  const request = JSON.stringify({ model: 'moonshotai/kimi-k2-0905', messages, stream: true, max_tokens: 4000, tools: [{ type: 'function', function: { name: 'weather', description: 'Get weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }] });
  let body = chunk(id, { role: 'assistant', content: '' });
  for (let w = 0; w < 24; w++) body += chunk(id, { role: 'assistant', content: ` ${words[w % words.length]}` });
  body += chunk(id, { tool_calls: [{ index: 0, id: `functions.weather:${MARK}`, type: 'function', function: { name: 'weather', arguments: '' } }] });
  body += chunk(id, { tool_calls: [{ index: 0, function: { arguments: '{"location": "Florence,Italy"}' } }] });
  body += chunk(id, {}, 'tool_calls');
  body += `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 94, completion_tokens: 32, total_tokens: 126, cost: 0.00008436 } })}\n\n`;
  body += 'data: [DONE]\n\n';
  return { url: 'https://openrouter.ai/api/v1/chat/completions', request, body };
}

const indent = (text, n) => text.split('\n').map((l) => (l ? ' '.repeat(n) + l : '')).join('\n');

/** Each format: the text before the items, one item (with MARK), the separator, the text after. */
const FORMATS = {
  'go-vcr': { ext: 'yaml', anchor: 'pyyaml', make() {
    const { url, request, body } = unit();
    const item = `    - id: #ID#
      request:
        proto: HTTP/1.1
        proto_major: 1
        proto_minor: 1
        content_length: ${Buffer.byteLength(request)}
        host: ""
        body: '${request.replace(/'/g, "''")}'
        headers:
            Authorization:
                - Bearer ${KEY}
            Content-Type:
                - application/json
        url: ${url}
        method: POST
      response:
        proto: HTTP/2.0
        proto_major: 2
        proto_minor: 0
        content_length: -1
        body: |+
${indent(body, 12)}
        headers:
            Content-Type:
                - text/event-stream
        status: 200 OK
        code: 200
        duration: 1.230852709s
`;
    return { before: '---\nversion: 2\ninteractions:\n', item, sep: '', after: '' };
  } },
  // VCR.py's own layout, written by PyYAML as VCR.py does (multi-line quoted scalars and all).
  vcrpy: { ext: 'yaml', anchor: 'pyyaml', make() {
    const { url, request, body } = unit();
    const cassette = { interactions: [{ request: { body: request, headers: { Authorization: [`Bearer ${KEY}`], 'Content-Type': ['application/json'] }, method: 'POST', uri: url }, response: { body: { string: body }, headers: { 'Content-Type': ['text/event-stream'] }, status: { code: 200, message: 'OK' } } }], version: 1 };
    const py = spawnSync('python3', ['-c', 'import json,sys,yaml; sys.stdout.write(yaml.dump(json.load(sys.stdin), Dumper=getattr(yaml, "CDumper", yaml.Dumper)))'], { input: JSON.stringify(cassette), encoding: 'utf8' });
    if (py.status !== 0) return undefined;
    const m = /^interactions:\n([\s\S]*)\nversion: 1\n$/.exec(py.stdout);
    return m ? { before: 'interactions:\n', item: `${m[1]}\n`, sep: '', after: 'version: 1\n' } : undefined;
  } },
  har: { ext: 'har', anchor: 'json', make() {
    const { url, request, body } = unit();
    const entry = {
      _id: `bench${MARK}`, _order: 0, startedDateTime: '2025-09-24T07:20:31.000Z', time: 1230,
      request: { method: 'POST', url, httpVersion: 'HTTP/1.1', headers: [{ name: 'authorization', value: `Bearer ${KEY}` }, { name: 'content-type', value: 'application/json' }], queryString: [], cookies: [], headersSize: -1, bodySize: request.length, postData: { mimeType: 'application/json', params: [], text: request } },
      response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/2.0', headers: [{ name: 'content-type', value: 'text/event-stream' }], cookies: [], content: { mimeType: 'text/event-stream', size: body.length, text: body }, redirectURL: '', headersSize: -1, bodySize: -1 },
      cache: {}, timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 1230, receive: 0, ssl: -1 },
    };
    return { before: '{\n  "log": {\n    "_recordingName": "bench",\n    "creator": {\n      "comment": "persister:fs",\n      "name": "Polly.JS",\n      "version": "6.0.6"\n    },\n    "entries": [\n', item: indent(JSON.stringify(entry, null, 2), 6), sep: ',\n', after: '\n    ],\n    "pages": [],\n    "version": "1.2"\n  }\n}\n' };
  } },
  nock: { ext: 'json', anchor: 'json', make() {
    const { url, request, body } = unit();
    const def = { scope: 'https://openrouter.ai:443', method: 'POST', path: new URL(url).pathname, body: JSON.parse(request), status: 200, response: body, rawHeaders: ['Content-Type', 'text/event-stream'], reqheaders: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, responseIsBinary: false };
    return { before: '[\n', item: indent(JSON.stringify(def, null, 2), 2), sep: ',\n', after: '\n]\n' };
  } },
};

export const BENCH_FORMATS = Object.keys(FORMATS);
export const anchorOf = (format) => FORMATS[format].anchor;

/**
 * The path of a `mib`-MiB file of `format` under `dir`, generated on first use (written in pieces and
 * flushed, so the disk's write-back does not run during the measures). Undefined when the format
 * cannot be written here (VCR.py needs python3-yaml).
 */
export function benchFile(dir, format, mib) {
  const spec = FORMATS[format];
  const path = join(dir, `${format}-${mib}MiB.v${GEN_VERSION}.${spec.ext}`);
  if (existsSync(path)) return path;
  const parts = spec.make();
  if (!parts) return undefined;
  mkdirSync(dir, { recursive: true });
  const count = Math.max(1, Math.round((mib * MiB - parts.before.length - parts.after.length) / (Buffer.byteLength(parts.item) + parts.sep.length)));
  // `#ID#` takes the plain number (an id), MARK the fixed-width one (PyYAML's line folding stays put).
  const pieces = parts.item.split(MARK).map((p) => p.split('#ID#'));
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  let buffer = parts.before;
  for (let n = 0; n < count; n++) {
    buffer += (n > 0 ? parts.sep : '') + pieces.map((p) => p.join(String(n))).join(String(n).padStart(MARK.length, '0'));
    if (buffer.length > 4 * MiB) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer + parts.after);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, path);
  return path;
}
