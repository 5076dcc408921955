import { describe, expect, it } from 'vitest';
import { lintCassette } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import { loadCassette } from '../../src/load.js';
import { cookieKind, INFRASTRUCTURE_COOKIES } from '../../src/secrets/cookies.js';
import { maskSecret } from '../../src/secrets/mask.js';
import { goVcr, lint } from './helpers.js';

// Made-up cookie values, long and random-looking like the real ones.
const CF_BM = 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ-1757610843-1.0.1.1-isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBX';
const UVID = 'siVpzz63FfkCzJr4i0B3JrTAwR4y9ojfljoQoaF1-1739535409286-0.0.1.1-604800000';
const OPAQUE = 'Qm9vdGgtMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A';
const OPAQUE2 = 'Zx81Kq0vLm3Nw7Pr5Ty2Ab3dE5fG7hJ9';

const responseCookies = (...cookies: string[]) => goVcr([{ responseExtra: '', contentType: 'application/json' }]).replace('    status: 200 OK', `      Set-Cookie:\n${cookies.map((c) => `      - ${c}\n`).join('')}    status: 200 OK`);
const requestCookie = (cookie: string) => goVcr([{ headers: `      Cookie:\n      - ${cookie}\n` }]);
const severities = (text: string) => lint(text, 'secret-header').map((f) => [f.severity, f.message]);

describe('secret-header: the cookie policy', () => {
  it.each([
    ['__cf_bm', 'infrastructure'],
    ['_cfuvid', 'infrastructure'],
    ['cf_clearance', 'infrastructure'],
    ['__cflb', 'infrastructure'],
    ['AWSALB', 'infrastructure'],
    ['AWSALBCORS', 'infrastructure'],
    ['AWSALBTG', 'infrastructure'],
    ['HWWAFSESID', 'infrastructure'],
    ['HWWAFSESTIME', 'infrastructure'],
    ['WMF-Uniq', 'infrastructure'],
    ['WMF-Last-Access', 'infrastructure'],
    ['ak_bmsc', 'infrastructure'],
    ['_ga_ABC123', 'infrastructure'],
    ['session', 'session'],
    ['connect.sid', 'session'],
    ['PHPSESSID', 'session'],
    ['__Secure-next-auth.session-token', 'session'],
    ['sb-access-token', 'session'],
    ['remember_user_token', 'session'],
    ['theme', 'unknown'],
    ['ab_bucket', 'unknown'],
  ])('%s is %s', (name, kind) => {
    expect(cookieKind(name, OPAQUE)).toBe(kind);
  });

  it('treats a JWT as a credential whatever the cookie is called', () => {
    expect(cookieKind('prefs', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghij')).toBe('session');
  });

  it('keeps the list in one file, each entry a name or a prefix ending in *', () => {
    for (const entry of INFRASTRUCTURE_COOKIES) expect(entry).toMatch(/^[A-Za-z0-9_.-]+\*?$/);
  });

  it('does not report infrastructure cookies in a response, with their attributes', () => {
    expect(lint(responseCookies(`__cf_bm=${CF_BM}; path=/; expires=Tue, 12-Aug-25 10:30:00 GMT; domain=.api.openai.com; HttpOnly; Secure`, `_cfuvid=${UVID}; path=/; HttpOnly`, `AWSALB=${OPAQUE}; Path=/`, `HWWAFSESID=${OPAQUE}`), 'secret-header')).toEqual([]);
  });

  it('does not report infrastructure cookies sent back in a request Cookie header', () => {
    expect(lint(requestCookie(`__cf_bm=${CF_BM}; _cfuvid=${UVID}`), 'secret-header')).toEqual([]);
  });

  it('reports a response session cookie as an error and an unknown response cookie as a warning', () => {
    expect(severities(responseCookies(`sessionid=${OPAQUE}; Path=/; HttpOnly`, `ab_bucket=${OPAQUE2}; Path=/`))).toEqual([
      ['error', `response header Set-Cookie holds a credential: session cookie sessionid ${maskSecret(OPAQUE)}`],
      ['warn', `response header Set-Cookie sets a cookie that is neither a known infrastructure cookie nor named like a session: check it is no credential: cookie ab_bucket ${maskSecret(OPAQUE2)}`],
    ]);
  });

  it('splits Set-Cookie lines a recorder joined with ", " without splitting Expires dates', () => {
    const joined = `__cf_bm=${CF_BM}; expires=Tue, 12-Aug-25 10:30:00 GMT; HttpOnly, sessionid=${OPAQUE}; Path=/`;
    expect(severities(responseCookies(joined)).map(([s]) => s)).toEqual(['error']);
  });

  it('keeps every request cookie that is not infrastructure an error, beside infrastructure ones', () => {
    expect(severities(requestCookie(`__cf_bm=${CF_BM}; prefs=${OPAQUE}`))).toEqual([['error', `request header Cookie holds a credential: cookie prefs ${maskSecret(OPAQUE)}`]]);
  });

  it('lowers nothing else: Authorization stays an error, and --rule secret-header=warn lowers all', () => {
    const text = goVcr([{ headers: '      Authorization:\n      - Bearer sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ\n' }]);
    expect(lint(text, 'secret-header').map((f) => f.severity)).toEqual(['error']);
    const rule = RULES.filter((r) => r.id === 'secret-header');
    const capped = lintCassette(loadCassette(text, 'c.yaml'), rule, new Map([['secret-header', { severity: 'warn', options: {} }]]), text.length);
    expect(capped.map((f) => f.severity)).toEqual(['warn']);
  });
});

describe('content-length: what a replay would break', () => {
  const withLengths = (request: number | undefined, response: number | undefined, extra: { method?: string; code?: string; status?: string } = {}) =>
    goVcr([{ ...extra, requestExtra: request === undefined ? '' : `    content_length: ${request}\n`, responseExtra: response === undefined ? '' : `    content_length: ${response}\n` }]);
  const findings = (text: string) => lint(text, 'content-length').map((f) => [f.severity, f.message.replace(/:.*/, '')]);

  it.each([
    ['request 0 with a body (Go: unknown length)', withLengths(0, undefined)],
    ['request -1', withLengths(-1, undefined)],
    ['the right lengths', withLengths(67, 107)],
    ['response 0 (a stream)', withLengths(undefined, 0)],
    ['a HEAD response, which declares the GET length', withLengths(undefined, 5000, { method: 'HEAD' })],
    ['a 304 response', withLengths(undefined, 5000, { code: '304', status: '304 Not Modified' })],
  ])('accepts %s', (_, text) => {
    expect(lint(text, 'content-length')).toEqual([]);
  });

  it('reports a response length that disagrees with the body as an error', () => {
    expect(findings(withLengths(undefined, 7))).toEqual([['error', 'response content_length 7 but the body has 107 bytes']]);
  });

  it("warns for a request length that disagrees: only go-vcr's default matcher reads it", () => {
    expect(findings(withLengths(99, undefined))).toEqual([['warn', 'request content_length 99 but the body has 67 bytes']]);
  });
});

describe('json-body and unsupported-version on what recorders really write', () => {
  it('accepts newline-delimited JSON under application/stream+json (Cohere) and rejects a broken line', () => {
    const lines = '{"text":" Pluto","is_finished":false}\n{"is_finished":true,"finish_reason":"COMPLETE"}\n';
    expect(lint(goVcr([{ contentType: 'application/stream+json', responseBody: lines }]), 'json-body')).toEqual([]);
    expect(lint(goVcr([{ contentType: 'application/stream+json', responseBody: `${lines}{"text":` }]), 'json-body')).toHaveLength(1);
    expect(lint(goVcr([{ contentType: 'application/json', responseBody: lines }]), 'json-body')).toHaveLength(1);
  });

  it('warns, not errors, for a VCR.py cassette without `version` (VCR.py never reads it)', () => {
    const vcrpy = 'interactions:\n- request:\n    body: null\n    headers:\n      accept:\n      - application/json\n    method: GET\n    uri: https://x.test/\n  response:\n    body:\n      string: ok\n    headers:\n      content-type:\n      - text/plain\n    status:\n      code: 200\n      message: OK\n';
    expect(lint(vcrpy, 'unsupported-version').map((f) => f.severity)).toEqual(['warn']);
    expect(lint(`${vcrpy}version: 1\n`, 'unsupported-version')).toEqual([]);
  });
});
