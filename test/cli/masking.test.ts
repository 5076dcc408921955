import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clipText } from '../../src/secrets/clip.js';
import { maskSecret, maskValue } from '../../src/secrets/mask.js';
import { cli } from '../helpers/cli.js';
import { tempTree } from '../helpers/temp-tree.js';

// Built at run time, so the repository holds no key-shaped literal.
const KEY = `sk-proj-${'Q7wE9rT1yU3iO5pA'.repeat(3)}`;
const OTHER = `sk-proj-${'Z2xC4vB6nM8kL0jH'.repeat(3)}`;
const GOOGLE = `AIza${'Sy9876543210zyxwvutsrqponmlkjihgf'}`;
/** The one way every command writes them: first four characters and the length. */
const MASKED = `sk-p…(${KEY.length} chars)`;
const MASKED_GOOGLE = `AIza…(${GOOGLE.length} chars)`;

const cassette = (key: string) => `version: 2
interactions:
- id: 0
  request:
    url: https://generativelanguage.googleapis.com/v1/models/gemini-2.0-flash:generateContent?key=${GOOGLE}
    method: POST
    headers:
      Authorization:
      - Bearer ${key}
      Content-Type:
      - application/json
    body: '{"contents":[{"role":"user","parts":[{"text":"my key is ${key}"}]}]}'
  response:
    code: 200
    headers:
      Content-Type:
      - application/json
    body: '{"candidates":[{"content":{"role":"model","parts":[{"text":"ok"}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":1}}'
`;

describe('one masking for every command', () => {
  const dir = tempTree('cassette-mask-', { 'a.yaml': cassette(KEY), 'b.yaml': cassette(OTHER) });
  const a = join(dir, 'a.yaml');
  const b = join(dir, 'b.yaml');

  it('maskSecret keeps four characters and the length; maskValue keeps the scheme', () => {
    expect(maskSecret(KEY)).toBe(MASKED);
    expect(maskValue(`Bearer ${KEY}`)).toBe(`Bearer ${MASKED}`);
    expect(maskSecret('abcdefgh')).toBe('ab…(8 chars)');
  });

  const commands: [string, string[], string[]][] = [
    ['show --headers', ['show', '--headers', '--raw', a], [`Bearer ${MASKED}`, MASKED_GOOGLE]],
    ['show --json --headers', ['show', '--json', '--headers', a], [`Bearer ${MASKED}`, MASKED_GOOGLE]],
    ['show --html', ['show', '--html', a], [MASKED, MASKED_GOOGLE]],
    ['textconv', ['textconv', a], [MASKED, MASKED_GOOGLE]],
    ['diff', ['diff', a, b], [MASKED, `sk-p…(${OTHER.length} chars)`]],
    ['lint', ['lint', a], [MASKED, MASKED_GOOGLE]],
    ['lint --fix-dry-run', ['lint', '--fix-dry-run', a], [MASKED]],
  ];
  for (const [name, args, expected] of commands) {
    it(`${name}: the key as ${MASKED}, never whole, never another mask`, () => {
      const r = cli(args);
      const out = r.stdout + r.stderr;
      for (const text of expected) expect(out).toContain(text);
      for (const secret of [KEY, OTHER, GOOGLE]) expect(out).not.toContain(secret);
      // The old masks: eight characters and `****`.
      expect(out).not.toContain('****');
      expect(out).not.toContain(KEY.slice(0, 8));
    });
  }

  it('a key in a header or URL parameter no list names is masked in show, show --json, show --html and diff, and found by lint', () => {
    const gateway = (key: string) =>
      cassette(key)
        .replace('      Authorization:\n      - Bearer ' + key, `      X-Gateway-Token:\n      - ${key}\n      X-Custom:\n      - ${key}`)
        .replace('?key=', '?goog_api_key=');
    const dir2 = tempTree('cassette-mask-gw-', { 'a.yaml': gateway(KEY), 'b.yaml': gateway(OTHER) });
    const [ga, gb] = [join(dir2, 'a.yaml'), join(dir2, 'b.yaml')];
    for (const args of [['show', ga], ['show', '--headers', ga], ['show', '--json', '--headers', ga], ['show', '--html', ga], ['diff', ga, gb], ['lint', ga]]) {
      const r = cli(args);
      for (const secret of [KEY, OTHER, GOOGLE]) expect(r.stdout + r.stderr, args.join(' ')).not.toContain(secret);
    }
    expect(cli(['show', '--headers', ga]).stdout).toContain(`X-Custom: ${MASKED}`);
    expect(cli(['show', ga]).stdout).toContain(`goog_api_key=${MASKED_GOOGLE}`);
    const lint = cli(['lint', '-f', 'compact', ga]).stdout;
    expect(lint).toMatch(/X-Gateway-Token holds a credential.*secret-header/);
    expect(lint).toMatch(/URL parameter goog_api_key holds a credential: query parameter goog_api_key.*secret-url/);
  });

  it('a password in URL userinfo and a key in a URL path are masked in every output, found by lint and redacted by --fix', () => {
    const withUrlSecrets = (key: string) => cassette(key).replace('https://generativelanguage.googleapis.com/v1/models/', `https://bob:Pw${key.slice(-12)}@generativelanguage.googleapis.com/v1/k/${key}/models/`);
    const dir3 = tempTree('cassette-mask-url-', { 'a.yaml': withUrlSecrets(KEY), 'b.yaml': withUrlSecrets(OTHER), 'cut.yaml': withUrlSecrets(KEY).slice(0, 200) });
    const [ua, ub, cut] = [join(dir3, 'a.yaml'), join(dir3, 'b.yaml'), join(dir3, 'cut.yaml')];
    const passwords = [KEY, OTHER].map((k) => `Pw${k.slice(-12)}`);
    for (const args of [['show', ua], ['show', '--json', ua], ['show', '--html', ua], ['textconv', ua], ['textconv', cut], ['diff', ua, ub], ['diff', '--json', ua, ub], ['diff', '--markdown', ua, ub], ['lint', ua], ['lint', '-f', 'json', ua], ['lint', '--fix-dry-run', ua]]) {
      const r = cli(args);
      for (const secret of [KEY, OTHER, ...passwords]) expect(r.stdout + r.stderr, args.join(' ')).not.toContain(secret);
    }
    expect(cli(['show', '--json', ua]).stdout).toContain(`https://bob:${maskSecret(passwords[0]!)}@generativelanguage.googleapis.com/v1/k/${MASKED}/models/`);
    const lint = cli(['lint', '-f', 'compact', ua]).stdout;
    expect(lint).toContain(`URL userinfo holds a credential: password ${maskSecret(passwords[0]!)}`);
    expect(lint).toContain(`URL path holds a credential: openai-key ${MASKED}`);
    expect(cli(['lint', '--fix', ua]).status).toBe(0);
    expect(readFileSync(ua, 'utf8')).toContain('https://bob:REDACTED@generativelanguage.googleapis.com/v1/k/REDACTED/models/');
  });

  it('a key in every field show reassembles (reasoning, tool description, other choices, warnings) is masked in show, show --json, show --raw and textconv, also where a text is cut', () => {
    const request = JSON.stringify({ model: 'gpt-4o-mini', n: 2, metadata: { note: `k ${KEY}` }, messages: [{ role: 'user', content: 'hi' }], tools: [{ type: 'function', function: { name: 'f', description: `use key ${KEY}`, parameters: { type: 'object', properties: {} } } }] });
    const response = JSON.stringify({ id: 'x', object: 'chat.completion', model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: 'ok', reasoning_content: `the key is ${KEY} ok` }, finish_reason: 'stop' }, { index: 1, message: { role: 'assistant', content: `choice two ${KEY}` }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1 } });
    // A chunk that is not JSON, quoted in a warning cut at 60 characters: the cut falls inside the key.
    const stream = `data: ${'y'.repeat(40)} ${KEY} not json\n\ndata: [DONE]\n\n`;
    const interaction = (id: number, body: string, responseBody: string, type: string) => `- id: ${id}
  request:
    url: https://api.openai.com/v1/chat/completions
    method: POST
    headers:
      Content-Type:
      - application/json
    body: ${JSON.stringify(body)}
  response:
    code: 200
    headers:
      Content-Type:
      - ${type}
    body: ${JSON.stringify(responseBody)}
`;
    const text = `version: 2\ninteractions:\n${interaction(0, request, response, 'application/json')}${interaction(1, request, stream, 'text/event-stream')}`;
    const file = join(tempTree('cassette-mask-fields-', { 'r.yaml': text }), 'r.yaml');
    for (const args of [['show', file], ['show', '--full', file], ['show', '--json', file], ['show', '--raw', file], ['textconv', file]]) {
      const r = cli(args);
      expect(r.stdout + r.stderr, args.join(' ')).not.toContain(KEY.slice(0, 12));
    }
    const shown = cli(['show', file]).stdout;
    for (const line of [`f() — use key ${MASKED}`, `reasoning the key is ${MASKED} ok`, `choice 1: choice two ${MASKED}`]) expect(shown).toContain(line);
    expect(shown).toContain(`is not JSON: ${'y'.repeat(40)} \n`);
  });

  it('a high-entropy value of a key-like field, which lint reports, is masked in show, show --raw, show --json, show --html, textconv and diff', () => {
    const [secret, token, other] = ['Zx81Kq0vLm3Nw7Pr5Ty2Wq', 'Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz9Xc', 'Mn8Bv7Cx6Za5Sd4Fg3Hj2Kl1Pq0Wo9Ie'];
    const har = (access: string) =>
      JSON.stringify({
        log: {
          version: '1.2',
          creator: { name: 'test', version: '1' },
          entries: [
            {
              startedDateTime: '2025-01-01T00:00:00Z',
              time: 10,
              request: { method: 'POST', url: 'https://api.example.com/login', httpVersion: 'HTTP/1.1', headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }], queryString: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: `username=bob&client_secret=${secret}` }, headersSize: -1, bodySize: -1 },
              response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [{ name: 'Content-Type', value: 'application/json' }], content: { size: 60, mimeType: 'application/json', text: JSON.stringify({ access_token: access }) }, redirectURL: '', headersSize: -1, bodySize: -1 },
              cache: {},
              timings: { send: 0, wait: 10, receive: 0 },
            },
          ],
        },
      });
    const dir4 = tempTree('cassette-mask-entropy-', { 'a.har': har(token), 'b.har': har(other) });
    const [ha, hb] = [join(dir4, 'a.har'), join(dir4, 'b.har')];
    expect(cli(['lint', '-f', 'compact', ha]).stdout).toContain(`high-entropy client_secret ${maskSecret(secret)}`);
    for (const args of [['show', ha], ['show', '--raw', ha], ['show', '--json', ha], ['show', '--html', ha], ['textconv', ha], ['diff', ha, hb], ['diff', '--json', ha, hb]]) {
      const out = cli(args).stdout;
      for (const value of [secret, token, other]) expect(out, args.join(' ')).not.toContain(value);
    }
    expect(cli(['show', ha]).stdout).toContain(`client_secret=${maskSecret(secret)}`);
    expect(cli(['show', ha]).stdout).toContain(`"access_token": "${maskSecret(token)}"`);
  });

  it('diff masks both sides of a changed key-like field whose value alone shows no key shape (Azure client secrets hold `~`)', () => {
    const [before, after] = ['Abc8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789ab', 'Xyz8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789cd'];
    const go = (secret: string, body: string) => `version: 2
interactions:
- id: 0
  request:
    url: https://login.microsoftonline.com/t/oauth2/v2.0/token
    method: POST
    headers:
      Content-Type:
      - ${body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded'}
    body: '${body.replace('SECRET', secret)}'
  response:
    code: 200
    status: 200 OK
    headers: {}
    body: '{}'
    duration: 1ms
`;
    for (const body of ['grant_type=client_credentials&client_secret=SECRET', '{"model":"m","api_key":"SECRET"}']) {
      const dir6 = tempTree('cassette-mask-keyed-', { 'a.yaml': go(before, body), 'b.yaml': go(after, body) });
      const [a, b] = [join(dir6, 'a.yaml'), join(dir6, 'b.yaml')];
      for (const args of [['diff', a, b], ['diff', '--json', a, b], ['diff', '--markdown', a, b]]) {
        const out = cli(args).stdout;
        for (const value of [before, after]) expect(out, `${args.join(' ')}: ${body}`).not.toContain(value);
        expect(out, args.join(' ')).toContain(maskSecret(after));
      }
    }
  });

  it('an input error quoting the bytes where a file breaks masks a key there before cutting the quote', () => {
    const token = 'Zx81Kq0vLm3Nw7Pr5Ty2Wq';
    const request = `get https://api.example.com/v1/x?token=${token} HTTP/1.1\r\nHost: api.example.com\r\n\r\n`;
    const response = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
    const dir5 = tempTree('cassette-mask-errors-', {
      'near.har': `{"log":{"entries":[{"request":{"headers":[{"name":"Authorization","value":"Bearer" ${KEY}}]}}]}}`,
      'bad.httprr': `httprr trace v1\n${request.length} ${response.length}\n${request}${response}`,
    });
    const near = cli(['show', join(dir5, 'near.har')]);
    expect(near.status).toBe(2);
    expect(near.stderr).toContain('invalid JSON: unexpected character near "sk-p…(');
    const httprr = cli(['show', join(dir5, 'bad.httprr')]);
    expect(httprr.stderr).toContain(`bad request line "get https://api.example.com/v1/x?token=${maskSecret(token)}`);
    for (const out of [near.stderr, httprr.stderr]) for (const secret of [KEY.slice(0, 8), token.slice(0, 8)]) expect(out).not.toContain(secret);
  });

  it('clipText never cuts inside a key shape', () => {
    expect(clipText(`ab ${KEY} cd`, 20)).toBe('ab ');
    expect(clipText(`ab ${KEY} cd`, 3 + KEY.length)).toBe(`ab ${KEY}`);
    expect(clipText('plain text that is long', 5)).toBe('plain');
  });

  it('lint --fix-dry-run names an absolute path as git does (a/tmp/…, not a//tmp/…)', () => {
    const out = cli(['lint', '--fix-dry-run', a]).stdout;
    expect(out).toContain(`--- a${a}\n+++ b${a}\n`);
  });
});
