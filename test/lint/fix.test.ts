import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/lint/fix.js';
import { cli } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/corpus.js';
import { goVcr, lint } from './helpers.js';

const OPENAI = 'sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5cD7e';
const ANTHROPIC = 'sk-ant-api03-Zy9xW8vU7tS6rQ5pO4nM3lK2jI1hG0fE';
const GOOGLE = 'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q';
const COHERE = 'Zx81Kq0vLm3Nw7Pr5Ty2Hb6Jc9Df4Gs1';
const AWS = 'AKIAZ4X7QW3ERT5YU8IO';

/** [sample, placeholder in it, the secret put in its place]: one per format that can be written. */
const CASES: [string, string, string][] = [
  ['go-vcr-v2/openai-chat-stream-text.yaml', 'sk-REDACTED', OPENAI],
  ['go-vcr-v1/openai-chat-json.yaml', 'sk-REDACTED', OPENAI],
  ['vcrpy/anthropic-stream-tools.yaml', 'sk-ant-REDACTED', ANTHROPIC],
  ['vcrpy/openai-responses-json.json', 'sk-proj-REDACTED', OPENAI],
  ['vcrpy/bedrock-converse-split.yaml.gz', 'AKIAIOSFODNN7EXAMPLE', AWS],
  ['ruby-vcr/gemini-stream.yml', '<GEMINI_API_KEY>', GOOGLE],
  ['ruby-vcr/cohere-stream.json', '<COHERE_API_KEY>', COHERE],
  ['r-vcr/openai-chat-v1.yml', 'sk-REDACTED', OPENAI],
  ['betamax/openai-embeddings.json', 'sk-REDACTED', OPENAI],
  ['polly/openai-responses-stream.har', 'sk-proj-REDACTED', OPENAI],
  ['polly/cohere-stream.har.yaml', '<COHERE_API_KEY>', COHERE],
  ['har/gemini-and-ollama.har', '<GEMINI_API_KEY>', GOOGLE],
  ['nock/openai-chat.json', 'Capital of Peru?', OPENAI],
];

const secretRules = (out: string) => (JSON.parse(out) as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId)).filter((id) => id.startsWith('secret-'));

describe('lint --fix round trips on every format it can write', () => {
  it.each(CASES)('%s', (name, placeholder, secret) => {
    const gz = name.endsWith('.gz');
    const original = (gz ? gunzipSync(readFileSync(join(SAMPLES, name))) : readFileSync(join(SAMPLES, name))).toString('utf8');
    const leaked = original.replaceAll(placeholder, secret);
    expect(leaked).not.toBe(original);
    const file = join(mkdtempSync(join(tmpdir(), 'cassette-fix-')), name.replace(/\//g, '-'));
    writeFileSync(file, gz ? gzipSync(leaked) : leaked);

    expect(secretRules(cli(['lint', '-f', 'json', file]).stdout).length).toBeGreaterThan(0);
    cli(['lint', '--fix', file]);
    const fixed = (gz ? gunzipSync(readFileSync(file)) : readFileSync(file)).toString('utf8');
    // Only the secret changed: everything else is byte-identical.
    expect(fixed).toBe(leaked.replaceAll(secret, 'REDACTED'));
    expect(secretRules(cli(['lint', '-f', 'json', file]).stdout)).toEqual([]);
    // A second run changes nothing.
    cli(['lint', '--fix', file]);
    expect((gz ? gunzipSync(readFileSync(file)) : readFileSync(file)).toString('utf8')).toBe(fixed);
  });

  it('keeps byte lengths in httprr traces, which count them', () => {
    const req = `POST https://api.openai.com/v1/chat/completions HTTP/1.1\r\nHost: api.openai.com\r\nAuthorization: Bearer ${OPENAI}\r\nContent-Type: application/json\r\n\r\n{"model":"gpt-4o-mini","messages":[]}`;
    const res = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"choices":[]}';
    const trace = `httprr trace v1\n${Buffer.byteLength(req)} ${Buffer.byteLength(res)}\n${req}${res}`;
    const file = join(mkdtempSync(join(tmpdir(), 'cassette-fix-')), 'trace.httprr');
    writeFileSync(file, trace);
    cli(['lint', '--fix', file]);
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toBe(trace.replace(OPENAI, `REDACTED${'x'.repeat(OPENAI.length - 8)}`));
    expect(cli(['show', '--json', file]).status).toBe(0);
  });

  it('corrects content_length, and --fix-dry-run prints the diff without writing', () => {
    const text = goVcr([{ requestExtra: '    content_length: 99\n' }]);
    const file = join(mkdtempSync(join(tmpdir(), 'cassette-fix-')), 'c.yaml');
    writeFileSync(file, text);
    const dry = cli(['lint', '--fix-dry-run', file]);
    expect(dry.stdout).toContain('-    content_length: 99\n+    content_length: 67\n');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(cli(['lint', '--fix', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('content_length: 99', 'content_length: 67'));
    expect(lint(readFileSync(file, 'utf8'), 'content-length')).toEqual([]);
  });

  it('settles in one run: the content_length a redaction changes is corrected by the same --fix', () => {
    const body = `{"model":"gpt-4o-mini","api_key":"${OPENAI}","n":1}`;
    const text = goVcr([{ body, headers: `      X-Api-Key:\n      - ${OPENAI}\n`, requestExtra: `    content_length: ${Buffer.byteLength(body)}\n` }]);
    const file = join(mkdtempSync(join(tmpdir(), 'cassette-fix-')), 'c.yaml');
    writeFileSync(file, text);
    const settled = text.replaceAll(OPENAI, 'REDACTED').replace(/content_length: \d+/, `content_length: ${Buffer.byteLength(body.replace(OPENAI, 'REDACTED'))}`);
    // The dry run shows every change the one --fix makes, the length after redaction included.
    const dry = cli(['lint', '--fix-dry-run', file]);
    expect(dry.stdout).toContain(`+    content_length: ${Buffer.byteLength(body.replace(OPENAI, 'REDACTED'))}\n`);
    // Two secrets, then the content_length their redaction changed: three problems, said on stderr.
    expect(dry.stderr).toBe('would fix 3 problems in 1 file\n');
    const fixed = cli(['lint', '--fix', file]);
    expect(fixed.stdout).toContain('clean');
    expect(fixed.stderr).toBe('fixed 3 problems in 1 file\n');
    expect(readFileSync(file, 'utf8')).toBe(settled);
    const again = cli(['lint', '--fix', file]);
    expect(readFileSync(file, 'utf8')).toBe(settled);
    expect(again.stdout).not.toContain('fixable');
    expect(again.stderr).toBe('nothing to fix\n');
    expect(lint(settled)).toEqual([]);
  });

  it('applies edits in order and drops overlaps', () => {
    expect(applyFixes('abcdef', [{ start: 4, end: 5, replacement: 'E' }, { start: 0, end: 2, replacement: 'AB' }, { start: 1, end: 3, replacement: 'zz' }])).toBe('ABcdEf');
  });
});
