import { describe, expect, it } from 'vitest';
import { maskFindings } from '../../src/lint/mask-findings.js';
import { FORMATTERS } from '../../src/lint/format/index.js';
import { RULES } from '../../src/lint/rules/index.js';
import { goVcr, lint } from './helpers.js';

const KEY = 'sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ';

describe('maskFindings', () => {
  const text = goVcr([{ headers: `      Authorization:\n      - Bearer ${KEY}\n` }]);
  const findings = lint(text, 'secret-header');

  it('masks a secret quoted in any message without the file text when the edit carries the secret', () => {
    const quoted = findings.map((f) => ({ ...f, message: `${f.message}; seen ${KEY}` }));
    const masked = maskFindings(quoted, () => {
      throw new Error('the whole text was decoded');
    });
    expect(masked[0]!.message).not.toContain(KEY);
    expect(masked[0]!.message).toContain('sk-p…(40 chars)');
  });

  it('reads the replaced text from the file for an edit that does not carry it', () => {
    const edit = findings[0]!.fix![0]!;
    const bare = [{ ...findings[0]!, message: `key ${KEY}`, fix: [{ start: edit.start, end: edit.end, replacement: edit.replacement, secret: true }] }];
    expect(maskFindings(bare, () => text)[0]!.message).toBe(`key ${KEY.slice(0, 4)}…(40 chars)`);
  });

  it('never prints the carried secret: -f json holds the edit without it', () => {
    const out = FORMATTERS.json!([{ filePath: 'a.yaml', findings }], { palette: undefined as never, rules: RULES, cwd: '/', version: '0' });
    expect(out).toContain('"replacement": "REDACTED"');
    expect(out).not.toContain(KEY);
  });
});
