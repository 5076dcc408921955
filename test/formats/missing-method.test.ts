import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCassettes } from '../../src/diff/compare.js';
import { lintCassette } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import { loadCassette } from '../../src/load.js';
import { CassetteInputError } from '../../src/model/errors.js';
import { cli } from '../helpers/cli.js';

const URL = 'https://api.example.com/v1/items';

/** One interaction with no request method, in each recorder format that has a method field. */
const NO_METHOD: Record<string, string> = {
  'go-vcr-v2': `version: 2\ninteractions:\n- id: 0\n  request:\n    url: ${URL}\n    body: ''\n  response:\n    code: 200\n    body: '{}'\n`,
  vcrpy: `interactions:\n- request:\n    uri: ${URL}\n    body: null\n    headers: {}\n  response:\n    status: {code: 200, message: OK}\n    headers: {}\n    body: {string: '{}'}\nversion: 1\n`,
  'ruby-vcr': `---\nhttp_interactions:\n- request:\n    uri: ${URL}\n    body: {encoding: UTF-8, string: ''}\n    headers: {}\n  response:\n    status: {code: 200, message: OK}\n    headers: {}\n    body: {encoding: UTF-8, string: '{}'}\n  recorded_at: Mon, 01 Jan 2024 00:00:00 GMT\nrecorded_with: VCR 6.2.0\n`,
  betamax: JSON.stringify({ http_interactions: [{ request: { uri: URL, body: { string: '', encoding: 'utf-8' }, headers: {} }, response: { status: { code: 200, message: 'OK' }, headers: {}, body: { string: '{}', encoding: 'utf-8' }, url: URL }, recorded_at: '2024-01-01T00:00:00' }], recorded_with: 'betamax/0.8.1' }),
  har: JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: [{ startedDateTime: '2024-01-01T00:00:00Z', time: 1, request: { url: URL, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 }, response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 2, mimeType: 'application/json', text: '{}' }, redirectURL: '', headersSize: -1, bodySize: 2 }, cache: {}, timings: { send: 0, wait: 1, receive: 0 } }] } }),
  nock: JSON.stringify([{ scope: 'https://api.example.com:443', path: '/v1/items', status: 200, response: {} }]),
};

// nock's own detection wants a `method` key (nock refuses a definition without one): named instead.
const FORCED: Record<string, string> = { nock: 'nock' };
const EXTENSION: Record<string, string> = { 'go-vcr-v2': 'yaml', vcrpy: 'yaml', 'ruby-vcr': 'yml', betamax: 'json', har: 'har', nock: 'json' };

function withMethod(format: string, method: string): string {
  const text = NO_METHOD[format]!;
  if (text.startsWith('{') || text.startsWith('[')) {
    return text.replace(/"(url|uri|path)":"/, `"method":"${method}","$1":"`);
  }
  return text.replace(/^( +)(url|uri): /m, `$1method: ${method}\n$1$2: `);
}

describe('a request recorded without a method', () => {
  for (const [format, text] of Object.entries(NO_METHOD)) {
    it(`${format}: stays missing in the model, is not made a GET`, () => {
      const c = loadCassette(text, `t.${EXTENSION[format]}`, { format: FORCED[format] });
      expect(c.format).toBe(format);
      expect(c.interactions[0]!.request.method).toBeUndefined();
      expect(loadCassette(withMethod(format, 'POST'), 't', { format: FORCED[format] }).interactions[0]!.request.method).toBe('POST');
    });

    it(`${format}: lint says required-fields, not invalid-request`, () => {
      const findings = lintCassette(loadCassette(text, 't', { format: FORCED[format] }), RULES, new Map(), text.length);
      expect(findings.filter((f) => f.ruleId === 'required-fields').map((f) => f.message)).toContainEqual(expect.stringContaining('method'));
      expect(findings.map((f) => f.ruleId)).not.toContain('invalid-request');
    });
  }

  it('httprr: a request line without a method is an input error, not a GET', () => {
    const trace = 'httprr trace v1\n17 19\n/v1/items HTTP/1.1\r\n\r\nHTTP/1.1 200 OK\r\n\r\n';
    expect(() => loadCassette(trace, 't.httprr')).toThrow(CassetteInputError);
  });

  it('diff pairs a missing method only with a missing method', () => {
    const none = loadCassette(NO_METHOD['go-vcr-v2']!, 'a.yaml');
    const get = loadCassette(withMethod('go-vcr-v2', 'GET'), 'b.yaml');
    const same = diffCassettes(none, loadCassette(NO_METHOD['go-vcr-v2']!, 'c.yaml'));
    expect(same.interactions.map((d) => d.status)).toEqual(['same']);
    expect(same.interactions[0]!.label).toBe(`(no method) ${URL}`);
    const changed = diffCassettes(none, get);
    expect(changed.interactions.map((d) => d.status).sort()).toEqual(['added', 'removed']);
    expect(changed.interactions.map((d) => d.label).sort()).toEqual([`(no method) ${URL}`, `GET ${URL}`]);
  });

  it('show, show --json, show --html and cost say so honestly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-no-method-'));
    const file = join(dir, 'no-method.yaml');
    writeFileSync(file, NO_METHOD['go-vcr-v2']!);
    const text = cli(['show', file]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('#0 (no method) api.example.com/v1/items');
    expect(text.stdout).not.toContain('GET');
    const json = cli(['show', '--json', file]);
    expect(JSON.parse(json.stdout).cassettes[0].interactions[0].request.method).toBeNull();
    const html = cli(['show', '--html', file]);
    expect(html.stdout).toContain('(no method)');
    expect(html.stdout).not.toMatch(/>GET</);
    expect(cli(['cost', file]).status).toBe(0);
  });
});
