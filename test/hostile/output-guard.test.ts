import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { runCaptured } from '../../src/cli/capture.js';
import { sanitizeOutput } from '../../src/text/sanitize.js';

/** Every character a terminal may act on: ESC (with a colour and an OSC title), BEL, C1 CSI, bidi overrides, line and paragraph separators. */
const EVIL = '\x1b[41m\x07\x1b]0;pwned\x07\u009b2J\u202e\u2066\u2028\u2029';
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;
const y = (s: string) => JSON.stringify(s); // a YAML double-quoted scalar is JSON-compatible

/** A cassette where every field a renderer shows holds EVIL: URL, method, headers, model, messages, tools, reply, status. */
function hostileCassette(model: string): string {
  const request = JSON.stringify({ model, stream: false, messages: [{ role: 'user', content: `hi ${EVIL}` }], tools: [{ type: 'function', function: { name: `f${EVIL}`, description: EVIL, parameters: { type: 'object', properties: { [`p${EVIL}`]: {} } } } }] });
  const response = JSON.stringify({ id: `id${EVIL}`, model, choices: [{ index: 0, message: { role: 'assistant', content: `hello ${EVIL}`, tool_calls: [{ id: `c${EVIL}`, type: 'function', function: { name: `f${EVIL}`, arguments: `{"a":${y(EVIL)}}` } }] }, finish_reason: `stop${EVIL}` }], usage: { prompt_tokens: 3, completion_tokens: 2 } });
  const one = (id: number, body: string) => `- id: ${id}
  request:
    proto: HTTP/1.1
    url: ${y(`https://api.openai.com/v1/chat/completions${EVIL}?q=${EVIL}`)}
    method: POST
    headers:
      Content-Type: [application/json]
      ${y(`X-Evil${EVIL}`)}: [${y(EVIL)}]
      Authorization: [${y(`Bearer sk-proj-Q7vX2mN9pL4kR8tW1yZ5bC3dF6gH0jK2aS4dF6gH${EVIL}`)}]
    body: ${y(body)}
  response:
    status: ${y(`200 OK${EVIL}`)}
    code: 200
    duration: 1ms
    headers:
      Content-Type: [${y(`application/json${EVIL}`)}]
    body: ${y(response)}`;
  return `version: 2\ninteractions:\n${one(0, request)}\n${one(1, request.replace('"hi ', '"bye '))}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'cassette-guard-'));
const file = join(dir, `name${EVIL}.yaml`);
writeFileSync(file, hostileCassette(`gpt-4o${EVIL}`));
const other = join(dir, `other${EVIL}.yaml`);
writeFileSync(other, hostileCassette(`gpt-4o-mini${EVIL}`));
const priceFile = join(dir, 'prices.json');
writeFileSync(priceFile, JSON.stringify({ models: [{ model: `gpt-4o${EVIL}`, input_mtok: 1, output_mtok: 1 }] }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUNS: [string, string[], 'json' | 'text'][] = [
  ['show', ['show', file], 'text'],
  ['show dir', ['show', dir], 'text'],
  ['show --headers --raw --full --no-mask', ['show', '--headers', '--raw', '--full', '--no-mask', file], 'text'],
  ['show --json --headers', ['show', '--json', '--headers', file], 'json'],
  ['show --html', ['show', '--html', file], 'text'],
  ['textconv', ['textconv', file], 'text'],
  ['cost', ['cost', '--by', 'model', file], 'text'],
  ['cost --price-file', ['cost', '--price-file', priceFile, file], 'text'],
  ['cost --json', ['cost', '--json', file], 'json'],
  ['cost --csv', ['cost', '--csv', file], 'text'],
  ['cost --markdown', ['cost', '--markdown', file], 'text'],
  ['diff within', ['diff', file], 'text'],
  ['diff two', ['diff', file, other], 'text'],
  ['diff --stat', ['diff', '--stat', file, other], 'text'],
  ['diff --markdown', ['diff', '--markdown', file, other], 'text'],
  ['diff --json', ['diff', '--json', file, other], 'json'],
  ['lint stylish', ['lint', dir], 'text'],
  ['lint json', ['lint', '-f', 'json', dir], 'json'],
  ['lint sarif', ['lint', '-f', 'sarif', dir], 'json'],
  ['lint github', ['lint', '-f', 'github', dir], 'text'],
  ['lint compact', ['lint', '-f', 'compact', dir], 'text'],
  ['lint --fix-dry-run', ['lint', '--fix-dry-run', file], 'text'],
  ['a missing file named with controls', ['show', join(dir, `missing${EVIL}.yaml`)], 'text'],
];

describe('one sanitizing step at the output boundary', () => {
  it.each([
    ['\x1b[31mred\x1b[0m', '\\u001b[31mred\\u001b[0m'],
    ['bell\x07 osc \x1b]0;t\x07', 'bell\\u0007 osc \\u001b]0;t\\u0007'],
    ['c1 \u009b2J bidi \u202e \u2066', 'c1 \\u009b2J bidi \\u202e \\u2066'],
    ['lone \r return, kept\r\n', 'lone \\u000d return, kept\r\n'],
    ['line \u2028 and paragraph \u2029 separators', 'line \\u2028 and paragraph \\u2029 separators'],
    ['{"a":"\u009b"}', '{"a":"\\u009b"}'],
  ])('%j', (input, out) => {
    expect(sanitizeOutput(input)).toBe(out);
    expect(sanitizeOutput(input, true)).toBe(out.replace(/\\u001b\[(\d*)m/g, '\x1b[$1m'));
  });

  it('keeps JSON valid and equal in value', () => {
    const text = JSON.stringify({ a: `x${EVIL}` });
    expect(JSON.parse(sanitizeOutput(text))).toEqual({ a: `x${EVIL}` });
  });

  it.each(RUNS)('%s writes no raw control character', async (_name, argv, kind) => {
    const r = await runCaptured(argv);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(/internal error|undefined|\[object Object\]/);
    expect([0, 1, 2]).toContain(r.status);
    if (kind === 'json') expect(() => JSON.parse(r.stdout)).not.toThrow();
    if (!argv.includes('--no-mask')) expect(r.stdout + r.stderr).not.toContain('Q7vX2mN9pL4kR8tW1yZ5bC3dF6gH0jK2aS4dF6gH'.slice(8));
  });

  it('shows the escapes visibly (the file name in show DIR and lint -f github)', async () => {
    const shown = await runCaptured(['show', dir]);
    expect(shown.stdout).toMatch(/name(\\x1b|\\u001b)\[41m/);
    const gh = await runCaptured(['lint', '-f', 'github', dir]);
    expect(gh.stdout).toMatch(/file=.*name\\u001b\[41m\\u0007/);
  });
});
