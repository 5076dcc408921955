import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStackTrace } from '../helpers/cli.js';
import { hasSeed, SAMPLES, SEED } from '../helpers/corpus.js';

const tmp = mkdtempSync(join(tmpdir(), 'cassette-show-'));
function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

const goVcr = (body: string, extra = '') => `---
version: 2
interactions:
    - id: 0
      request:
        body: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"stream":true}'
        headers:
            Authorization:
                - Bearer sk-proj-abcdefghijklmnopqrstuvwxyz0123456789
        url: https://api.openai.com/v1/chat/completions
        method: POST
      response:
        body: ${body}
        headers:
            Content-Type:
                - text/event-stream
        status: 200 OK
        code: 200
        duration: 10ms
${extra}`;

describe.skipIf(!hasSeed)('show on the seed', () => {
  it('prints both interactions readably', () => {
    const r = cli(['show', SEED]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('#0 POST openrouter.ai/api/v1/chat/completions  200 OK  1.23s');
    expect(r.stdout).toContain("assistant I'll check the weather in Florence, Italy for you.");
    expect(r.stdout).toContain('tool call weather({ "location": "Florence,Italy" })');
    expect(r.stdout).toContain('finish tool_calls · usage 94 in / 32 out · cost $0.00008436 (recorded)');
    expect(r.stdout).toContain('+ tool      40 C');
    expect(r.stdout).toContain('The weather in Florence, Italy is currently 40°C (104°F) - quite hot!');
    expect(r.stdout).toContain('finish stop · usage 147 in / 20 out · cost $0.00008626 (recorded)');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('--json follows the documented contract', () => {
    const r = cli(['show', '--json', SEED]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toEqual([]);
    const [c] = out.cassettes;
    expect(c.path).toBe(SEED);
    expect(c.format).toBe('go-vcr-v2');
    expect(c.interactions).toHaveLength(2);
    const [a, b] = c.interactions;
    expect(a.index).toBe(0);
    expect(a.request).toMatchObject({ method: 'POST', url: 'https://openrouter.ai/api/v1/chat/completions' });
    expect(a.response).toMatchObject({ status: 200, durationMs: 1230.852709 });
    expect(a.llm).toMatchObject({
      provider: 'openai-chat',
      model: 'moonshotai/kimi-k2-0905',
      text: "I'll check the weather in Florence, Italy for you.",
      reasoning: '',
      toolCalls: [{ id: 'functions.weather:0', name: 'weather', arguments: { location: 'Florence,Italy' } }],
      finishReason: 'tool_calls',
      usage: { inputTokens: 94, outputTokens: 32, cacheReadTokens: 0, reasoningTokens: 0, cost: 0.00008436 },
    });
    expect(b.llm.usage).toMatchObject({ inputTokens: 147, outputTokens: 20, cost: 0.00008626 });
    expect(b.llm.request.messages.map((m: { role: string; new: boolean }) => [m.role, m.new])).toEqual([
      ['system', false], ['user', false], ['assistant', true], ['tool', true],
    ]);
  });

  it('--interaction picks interactions; ranges work', () => {
    expect(cli(['show', SEED, '-i', '1']).stdout).not.toContain('#0 POST');
    expect(cli(['show', SEED, '--interaction', '0-1']).stdout).toContain('#1 POST');
    const bad = cli(['show', SEED, '-i', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--interaction takes');
  });

  it('--raw lists the SSE events instead of reassembling', () => {
    const r = cli(['show', '--raw', SEED, '-i', '0']);
    expect(r.stdout).toContain('[0] {"id":"gen-1758698431');
    expect(r.stdout).toContain('[DONE]');
  });
});

describe('show on samples', () => {
  it('walks a directory recursively', () => {
    const r = cli(['show', '--json', join(SAMPLES, 'go-vcr-v1'), join(SAMPLES, 'go-vcr-v2')]);
    expect(r.status).toBe(0);
    const formats = JSON.parse(r.stdout).cassettes.map((c: { format: string }) => c.format);
    expect(formats).toContain('go-vcr-v1');
    expect(formats).toContain('go-vcr-v2');
  });

  it('shows a non-LLM JSON call as pretty JSON', () => {
    const r = cli(['show', join(SAMPLES, 'go-vcr-v1/http-json-api.yaml')]);
    expect(r.stdout).toContain('GET api.github.com/repos/dnaeon/go-vcr/releases/latest  200 OK');
    expect(r.stdout).toContain('"tag_name": "v4.0.4"');
  });

  it('shows an HTTP error body as an error', () => {
    const r = cli(['show', join(SAMPLES, 'go-vcr-v1/openai-chat-json.yaml')]);
    expect(r.stdout).toContain('401 Unauthorized');
    expect(r.stdout).toContain('error     invalid_request_error: Invalid API Key');
  });
});

describe('secrets and untrusted text', () => {
  const path = file('secret.yaml', goVcr(`"data: {\\"choices\\":[{\\"index\\":0,\\"delta\\":{\\"content\\":\\"evil \\\\u001b[31mred\\\\u001b]0;title\\\\u0007\\"},\\"finish_reason\\":\\"stop\\"}]}\\n\\ndata: [DONE]\\n\\n"`));

  it('masks Authorization unless --no-mask', () => {
    const masked = cli(['show', '--headers', path]);
    expect(masked.stdout).toContain('Authorization: Bearer sk-p…(44 chars)');
    expect(masked.stdout).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
    const json = cli(['show', '--json', '--headers', path]);
    expect(json.stdout).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(cli(['show', '--headers', '--no-mask', path]).stdout).toContain('sk-proj-abcdefghijklmnopqrstuvwxyz0123456789');
  });

  it('never prints escape sequences raw', () => {
    const r = cli(['show', path]);
    expect(r.stdout).toContain('evil \\x1b[31mred\\x1b]0;title\\x07');
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).not.toContain('\x07');
  });

  it('--color forces colour, otherwise none when not a TTY', () => {
    expect(cli(['show', '--color', path]).stdout).toMatch(/\x1b\[\d+m/);
    expect(cli(['show', path], { env: { NO_COLOR: '' } }).stdout).not.toMatch(/\x1b\[\d+m/);
  });
});

describe('bad input', () => {
  const cases: { name: string; text: string; message: RegExp }[] = [
    { name: 'not-yaml.yaml', text: 'version: 2\ninteractions: [\n  {a: 1\n', message: /not-yaml\.yaml:\d+:\d+: invalid YAML/ },
    { name: 'not-json.json', text: '{"interactions": [1, 2,,]}', message: /not-json\.json:1:\d+: invalid JSON/ },
    { name: 'not-cassette.yaml', text: 'name: my-app\nversion: 1.0.0\n', message: /not-cassette\.yaml: not a recognised cassette \(tried go-vcr/ },
    { name: 'unknown-version.yaml', text: '---\nversion: 7\ninteractions: []\n', message: /unknown-version\.yaml:2:\d+: unsupported go-vcr version 7/ },
  ];

  it.each(cases)('$name gives a one-line error and exit 2', ({ name, text, message }) => {
    const path = file(name, text);
    const before = readFileSync(path, 'utf8');
    const mtime = statSync(path).mtimeMs;
    const r = cli(['show', path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('one bad file does not stop the rest', () => {
    const good = join(SAMPLES, 'go-vcr-v2/openai-chat-stream-text.yaml');
    const bad = file('bad.yaml', 'just: text\n');
    const r = cli(['show', '--json', bad, good]);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.cassettes).toHaveLength(1);
    expect(out.errors).toEqual([{ path: bad, message: expect.stringContaining('not a recognised cassette') }]);
  });

  it('a truncated stream and a chunk that is not JSON are visible warnings with file, interaction and line', () => {
    const path = file('truncated.yaml', goVcr(`"data: {\\"choices\\":[{\\"index\\":0,\\"delta\\":{\\"content\\":\\"half\\"}}]}\\n\\ndata: {not json\\n\\n"`));
    const r = cli(['show', path]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('assistant half');
    // Once, inline under the cassette's header; not repeated on stderr.
    expect(r.stdout).toMatch(/ {2}warning: .*truncated\.yaml:13: interaction 0: chunk at body line 3 is not JSON/);
    expect(r.stdout).toMatch(/ {2}warning: .*truncated\.yaml:13: interaction 0: stream ended without \[DONE\]/);
    expect(r.stderr).toBe('');
  });

  it('a missing file is exit 2', () => {
    const r = cli(['show', join(tmp, 'nope.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope.yaml: no such file or directory');
  });

  it('an unknown option is a usage error, exit 2', () => {
    const r = cli(['show', '--bogus', SAMPLES]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });
});
