import { describe, expect, it } from 'vitest';
import { applyAllowList, compileAllowList, wildcard } from '../../src/lint/allow.js';
import { BaselineFilter, buildBaseline, parseBaseline, serializeBaseline } from '../../src/lint/baseline.js';
import { fieldOf, findingKey, fingerprint, requestKey } from '../../src/lint/fingerprint.js';
import { RULES } from '../../src/lint/rules/index.js';
import { maskSecret } from '../../src/secrets/mask.js';
import { goVcr, lint } from './helpers.js';

const KEY = 'sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5cD7e';
const OTHER_KEY = 'sk-proj-Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn7';
const leak = (key: string, extra: { body?: string } = {}) => goVcr([{ ...extra, headers: `      Authorization:\n      - Bearer ${key}\n` }]);
const ruleIds = new Set(RULES.map((r) => r.id));

describe('finding fingerprints', () => {
  it('keep method, URL and query parameter names, never query values', () => {
    expect(requestKey('post', 'https://api.example.com/v1/x?key=Zx81Kq0vLm3Nw7Pr5Ty2&alt=sse')).toBe('POST https://api.example.com/v1/x?alt&key');
    expect(requestKey(undefined, undefined)).toBe('');
  });

  it('hold no credential from the URL outside its query: no userinfo, a key in a path segment masked', () => {
    const pathKey = `sk-proj-${'Ab3dE5fG7hJ9kL1m'.repeat(2)}`;
    expect(requestKey('GET', `https://bob:hunter2pass@proxy.example.com/v1/keys/${pathKey}/x?alt=sse`)).toBe(`GET https://proxy.example.com/v1/keys/${maskSecret(pathKey)}/x?alt`);
    const [f] = lint(goVcr([{ url: 'https://bob:hunter2pass@proxy.example.com/v1/chat/completions' }]), 'secret-url');
    expect(serializeBaseline(buildBaseline([{ file: 'c.yaml', findings: [f!] }]))).not.toContain('hunter2pass');
  });

  it('survive re-recording: another key, other bytes elsewhere, another line', () => {
    const [a] = lint(leak(KEY), 'secret-header');
    const [b] = lint(`# re-recorded\n${leak(OTHER_KEY, { body: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"a longer prompt"}]}' })}`, 'secret-header');
    expect(a!.line).not.toBe(b!.line);
    expect(findingKey(a!, 'c.yaml')).toEqual({ rule: 'secret-header', file: 'c.yaml', request: 'POST https://api.openai.com/v1/chat/completions', field: 'request.headers.authorization' });
    expect(fingerprint(findingKey(a!, 'c.yaml'))).toBe(fingerprint(findingKey(b!, 'c.yaml')));
    expect(fingerprint(findingKey(a!, 'c.yaml'))).not.toBe(fingerprint(findingKey(a!, 'd.yaml')));
  });

  it('fall back to the document path without list indexes for rules that name no field', () => {
    const [f] = lint(goVcr([{ responseBody: '{"oops"' }]), 'json-body');
    expect(fieldOf(f!)).toBe('interactions.response.body');
  });
});

describe('baseline', () => {
  const findings = lint(goVcr([{ headers: `      Authorization:\n      - Bearer ${KEY}\n` }, { headers: `      Authorization:\n      - Bearer ${OTHER_KEY}\n` }]), 'secret-header');

  it('counts identical fingerprints and is written sorted, without any secret', () => {
    const baseline = buildBaseline([{ file: 'b.yaml', findings }, { file: 'a.yaml', findings: findings.slice(0, 1) }]);
    expect(baseline.findings.map((e) => [e.file, e.count])).toEqual([['a.yaml', 1], ['b.yaml', 2]]);
    const text = serializeBaseline(baseline);
    expect(text).not.toContain(KEY.slice(8));
    expect(parseBaseline(text, 'base.json')).toEqual(baseline);
  });

  it('suppresses up to the baselined count, reports the rest, and counts what no longer occurs', () => {
    const filter = new BaselineFilter(buildBaseline([{ file: 'b.yaml', findings: findings.slice(0, 1) }, { file: 'gone.yaml', findings: findings.slice(0, 1) }]));
    const { kept, suppressed } = filter.filter('b.yaml', findings);
    expect(suppressed).toBe(1);
    expect(kept).toHaveLength(1);
    expect(filter.unused()).toBe(1);
  });

  it('rejects a file that is not a baseline, naming it', () => {
    expect(() => parseBaseline('{"version": 2}', 'base.json')).toThrow(/base\.json: not a cassette lint baseline/);
    expect(() => parseBaseline('nope', 'base.json')).toThrow(/base\.json: baseline is not JSON/);
    expect(() => parseBaseline('{"version":1,"findings":[{"fingerprint":"x","count":0}]}', 'base.json')).toThrow(/findings\[0\] needs a fingerprint and a positive count/);
  });
});

describe('allow list', () => {
  it('matches * anywhere, case-insensitively, without a regular expression', () => {
    expect(wildcard('*.set-cookie.my_lb*')('response.headers.set-cookie.MY_LB_id')).toBe(true);
    expect(wildcard('request.*')('response.body')).toBe(false);
    expect(wildcard('a*b*a')('aba')).toBe(true);
    expect(wildcard('ab*ba')('aba')).toBe(false);
    expect(wildcard(`*${'a'.repeat(20)}*b`)('a'.repeat(100_000))).toBe(false);
  });

  it('drops findings every given part matches: rule, files glob, request and field patterns', () => {
    const cookie = lint(goVcr([{ responseExtra: '' }]).replace('    status: 200 OK', '      Set-Cookie:\n      - my_lb=Qm9vdGgtMTIzNDU2Nzg5MGFiY2RlZmdo\n    status: 200 OK'), 'secret-header');
    expect(cookie).toHaveLength(1);
    const allow = compileAllowList([{ rule: 'secret-header', files: 'tests/legacy/**', field: 'response.headers.set-cookie.my_lb', reason: 'our load balancer' }], '.cassette.json', ruleIds);
    expect(applyAllowList(allow, 'tests/legacy/a/b.yaml', cookie)).toEqual({ kept: [], allowed: 1 });
    expect(applyAllowList(allow, 'tests/new/b.yaml', cookie).allowed).toBe(0);
    const byRequest = compileAllowList([{ request: 'POST https://api.openai.com/*' }], '.cassette.json', ruleIds);
    expect(applyAllowList(byRequest, 'x.yaml', cookie).allowed).toBe(1);
  });

  it('rejects malformed entries with the config named', () => {
    expect(() => compileAllowList({}, '.cassette.json', ruleIds)).toThrow(/\.cassette\.json: "allow" must be a list/);
    expect(() => compileAllowList([{ rule: 'no-such-rule' }], '.cassette.json', ruleIds)).toThrow(/unknown rule "no-such-rule"/);
    expect(() => compileAllowList([{ reason: 'x' }], '.cassette.json', ruleIds)).toThrow(/needs at least one of/);
    expect(() => compileAllowList([{ rule: 'secret-header', path: 'x' }], '.cassette.json', ruleIds)).toThrow(/unknown key "path"/);
  });
});
