import { describe, expect, it } from 'vitest';
import { applyRuleFlags, globToRegExp, ruleSettings } from '../../src/lint/config.js';
import { compact } from '../../src/lint/format/compact.js';
import { github } from '../../src/lint/format/github.js';
import { json } from '../../src/lint/format/json.js';
import { sarif } from '../../src/lint/format/sarif.js';
import { stylish } from '../../src/lint/format/stylish.js';
import type { LintResult } from '../../src/lint/format/types.js';
import { RULES } from '../../src/lint/rules/index.js';
import { terminalLayout } from '../../src/render/fit.js';
import { PLAIN } from '../../src/render/palette.js';
import { displayWidth } from '../../src/render/table.js';

describe('config', () => {
  it('reads severities, options and ignore globs', () => {
    const settings = ruleSettings({ rules: { 'error-status': 'off', 'file-size': ['error', { maxBytes: 10 }] }, ignore: ['legacy/**'] }, RULES, '.cassette.json');
    expect(settings.get('error-status')).toEqual({ severity: 'off', options: {} });
    expect(settings.get('file-size')).toEqual({ severity: 'error', options: { maxBytes: 10 } });
    applyRuleFlags(settings, ['error-status=warn'], RULES);
    expect(settings.get('error-status')!.severity).toBe('warn');
  });

  it.each([
    [{ rules: { nope: 'off' } }, /unknown rule "nope"/],
    [{ rules: { 'error-status': 'loud' } }, /severity must be off, warn or error/],
    [{ rules: [] }, /"rules" must be an object/],
    [{ ignore: 'x' }, /"ignore" must be a list of globs/],
    // A misspelt or mistyped option used to be dropped, and the 5 MiB default used instead.
    [{ rules: { 'file-size': ['warn', { maxbytes: 1024 }] } }, /rule "file-size" has no option "maxbytes" \(it takes maxBytes\)/],
    [{ rules: { 'file-size': ['warn', { maxBytes: '1MiB' }] } }, /rule "file-size" option "maxBytes" must be a whole number of bytes .*got "1MiB"/],
    [{ rules: { 'file-size': ['warn', { maxBytes: -1 }] } }, /option "maxBytes" must be a whole number/],
    [{ rules: { 'file-size': ['warn', [1]] } }, /options must be an object/],
    [{ rules: { 'error-status': ['warn', { max: 1 }] } }, /rule "error-status" has no option "max" \(it takes none\)/],
  ])('rejects %j', (config, message) => {
    expect(() => ruleSettings(config as never, RULES, 'cfg')).toThrow(message);
  });

  it('rejects bad --rule flags', () => {
    expect(() => applyRuleFlags(new Map(), ['error-status'], RULES)).toThrow(/id=off\|warn\|error/);
    expect(() => applyRuleFlags(new Map(), ['nope=off'], RULES)).toThrow(/unknown rule "nope"/);
  });

  it.each([
    ['legacy/**', 'legacy/a/b.yaml', true],
    ['legacy/**', 'src/legacy/a.yaml', false],
    ['**/big-*.yaml', 'x/y/big-1.yaml', true],
    ['*.har', 'a.har', true],
    ['*.har', 'd/a.har', false],
  ])('glob %s matches %s: %s', (glob, path, matches) => {
    expect(globToRegExp(glob).test(path)).toBe(matches);
  });
});

const results: LintResult[] = [
  {
    filePath: 'cassettes/a.yaml',
    findings: [
      { ruleId: 'secret-header', severity: 'error', message: 'request header Authorization holds a credential: authorization sk-p…(48 chars)', line: 10, column: 16, interaction: 0, fix: [{ start: 1, end: 2, replacement: 'REDACTED' }] },
      { ruleId: 'error-status', severity: 'warn', message: 'recorded 429, rate limited', line: 30, column: 11, interaction: 1 },
    ],
  },
  { filePath: 'cassettes/b.yaml', findings: [], error: 'cassettes/b.yaml: not a recognised cassette (tried go-vcr)' },
];
const context = { palette: PLAIN, rules: RULES, cwd: '/repo', version: '1.2.3' };

describe('formatters', () => {
  it('stylish is ESLint\'s layout: the path once, then aligned line:col, severity, message and rule id', () => {
    const out = stylish(results, context);
    expect(out.split('\n').slice(0, 7)).toEqual([
      'cassettes/a.yaml',
      '  10:16  error    request header Authorization holds a credential: authorization sk-p…(48 chars) [#0]  secret-header',
      '  30:11  warning  recorded 429, rate limited [#1]                                                      error-status',
      '',
      'cassettes/b.yaml',
      '  1:1  error  not a recognised cassette (tried go-vcr)',
      '',
    ]);
    expect(out).toContain('✖ 2 problems (1 error, 1 warning), 1 file unreadable');
    expect(out).toContain('1 fixable with --fix');
  });

  it('stylish on a narrow terminal wraps the message column; rule ids keep their column, no row is wider', () => {
    const out = stylish(results, { ...context, layout: terminalLayout(70) });
    expect(out.split('\n').slice(0, 6)).toEqual([
      'cassettes/a.yaml',
      '  10:16  error    request header Authorization holds a  secret-header',
      '                  credential: authorization sk-p…(48',
      '                  chars) [#0]',
      '  30:11  warning  recorded 429, rate limited [#1]       error-status',
      '',
    ]);
    for (const columns of [70, 40]) {
      const rows = stylish(results, { ...context, layout: terminalLayout(columns) }).split('\n');
      expect(Math.max(...rows.map((row) => displayWidth(row))), `${columns} columns`).toBeLessThanOrEqual(columns);
    }
    // Too narrow for a rule-id column: the id follows its message.
    expect(stylish(results, { ...context, layout: terminalLayout(40) })).toMatch(/\[#1\] {2}error-status|\[#1\]\n +error-status/);
    expect(stylish(results, { ...context, layout: terminalLayout(200) })).toBe(stylish(results, context));
  });

  it('stylish under about 35 columns puts each message under its position; no row is wider, none blank inside a file', () => {
    expect(stylish(results, { ...context, layout: terminalLayout(24) }).split('\n').slice(0, 8)).toEqual([
      'cassettes/a.yaml',
      '  10:16  error',
      '    request header',
      '    Authorization holds',
      '    a credential:',
      '    authorization',
      '    sk-p…(48 chars) [#0]',
      '    secret-header',
    ]);
    for (let columns = 20; columns <= 60; columns++) {
      const out = stylish(results, { ...context, layout: terminalLayout(columns) });
      const rows = out.split('\n');
      expect(Math.max(...rows.map((row) => displayWidth(row))), `${columns} columns`).toBeLessThanOrEqual(columns);
      expect(rows.filter((row) => row !== '' && row.trim() === ''), `${columns} columns`).toEqual([]);
      // Every word is still there: the rule id in its column, or after the message.
      expect(out.replace(/error-status|secret-header/g, '').replace(/\s+/g, ' ')).toContain('recorded 429, rate limited [#1]');
    }
  });

  it('json is ESLint-compatible', () => {
    const out = JSON.parse(json(results, context)) as { filePath: string; messages: { ruleId: string | null; severity: number; line: number; column: number }[]; errorCount: number; warningCount: number }[];
    expect(out[0]).toMatchObject({ filePath: 'cassettes/a.yaml', errorCount: 1, warningCount: 1 });
    expect(out[0]!.messages[0]).toMatchObject({ ruleId: 'secret-header', severity: 2, line: 10, column: 16 });
    expect(out[1]).toMatchObject({ errorCount: 1, messages: [{ ruleId: null, severity: 2, fatal: true }] });
  });

  it('sarif is SARIF 2.1.0 with rules and regions', () => {
    const out = JSON.parse(sarif(results, context)) as { version: string; runs: { tool: { driver: { name: string; version: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region?: { startLine: number } } }[] }[] }[] };
    expect(out.version).toBe('2.1.0');
    expect(out.runs[0]!.tool.driver).toMatchObject({ name: 'cassette', version: '1.2.3' });
    expect(out.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual([...RULES.map((r) => r.id), 'unreadable-file']);
    // Every result's ruleId is declared, the unreadable file's too (GitHub code scanning resolves them).
    const declared = new Set(out.runs[0]!.tool.driver.rules.map((r) => r.id));
    expect(out.runs[0]!.results.map((r) => r.ruleId)).toContain('unreadable-file');
    for (const r of out.runs[0]!.results) expect(declared.has(r.ruleId), r.ruleId).toBe(true);
    expect(out.runs[0]!.results[0]).toMatchObject({ ruleId: 'secret-header', level: 'error', locations: [{ physicalLocation: { region: { startLine: 10, startColumn: 10 > 0 ? 16 : 0 } } }] });
    expect(out.runs[0]!.results[1]!.level).toBe('warning');
  });

  it('github writes workflow annotations, escaped', () => {
    expect(github(results, context).split('\n')[0]).toBe('::error file=cassettes/a.yaml,line=10,col=16,title=secret-header::request header Authorization holds a credential: authorization sk-p…(48 chars)');
    expect(github([{ filePath: 'a,b.yaml', findings: [{ ruleId: 'x', severity: 'warn', message: '50%\nnext', line: 1, column: 1 }] }], context)).toBe('::warning file=a%2Cb.yaml,line=1,col=1,title=x::50%25%0Anext\n');
  });

  it('compact writes one line per finding', () => {
    expect(compact(results, context).split('\n').slice(0, 3)).toEqual([
      'cassettes/a.yaml:10:16: error request header Authorization holds a credential: authorization sk-p…(48 chars) [secret-header]',
      'cassettes/a.yaml:30:11: warn recorded 429, rate limited [error-status]',
      'error: cassettes/b.yaml: not a recognised cassette (tried go-vcr)',
    ]);
  });
});
