import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretTextInUnreadable } from '../../src/lint/unreadable-secrets.js';
import { maskSecretsInRawText } from '../../src/secrets/mask-raw.js';
import { cli } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/corpus.js';

// Keys built at run time, so the repository holds no key-shaped literal.
const OPENAI = `sk-proj-${'Ab3dEf6hIj9kLm2n'.repeat(3)}`;
const GOOGLE = `AIza${'Sy0123456789abcdefghijklmnopqrstuvw'}`;
const ANTHROPIC = `sk-ant-api03-${'q1W2e3R4t5Y6'.repeat(3)}`;
const PLAIN_TOKEN = 'live9f8e7d6c5b4a39281706aa';

/** A go-vcr cassette cut mid-body: not valid YAML, keys in headers, a URL, a body and a JSON header list. */
const CUT = [
  'interactions:',
  '- request:',
  '    headers:',
  '      Authorization:',
  `      - Bearer ${OPENAI}`,
  `      X-Api-Key: ["${PLAIN_TOKEN}"]`,
  `      api-key: ${PLAIN_TOKEN}`,
  `    url: https://generativelanguage.googleapis.com/v1/models?key=${GOOGLE}&alt=sse`,
  `    body: "{\\"model": "gpt-4o", "log": "Token ${PLAIN_TOKEN} then ${ANTHROPIC}`,
  '    esc: \x1b]0;title\x07\x1b[31m',
  '',
].join('\n');

function cutFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cassette-broken-')), 't.yaml');
  writeFileSync(path, CUT);
  return path;
}

describe('a cassette that cannot be read', () => {
  it('maskSecretsInRawText masks header values in every shape, schemes, query keys and key shapes', () => {
    const out = maskSecretsInRawText(CUT);
    for (const secret of [OPENAI, GOOGLE, ANTHROPIC, PLAIN_TOKEN]) expect(out).not.toContain(secret);
    expect(out).toContain('      - Bearer sk-p…(56 chars)\n');
    expect(out).toContain('X-Api-Key: ["live…(26 chars)"]');
    expect(out).toContain('?key=AIza…(39 chars)&alt=sse');
    // Placeholders and ordinary text stay.
    expect(maskSecretsInRawText('Authorization:\n  - Bearer sk-REDACTED\nmodel: gpt-4o\n')).toBe('Authorization:\n  - Bearer sk-REDACTED\nmodel: gpt-4o\n');
  });

  it('textconv prints it masked and with control characters escaped, exit 0 (git needs the text)', () => {
    const r = cli(['textconv', cutFile()]);
    expect(r.status).toBe(0);
    for (const secret of [OPENAI, GOOGLE, ANTHROPIC, PLAIN_TOKEN]) expect(r.stdout).not.toContain(secret);
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).toContain('esc: \\x1b]0;title\\x07\\x1b[31m');
    expect(r.stdout).toContain('model": "gpt-4o"');
  });

  it('textconv of a sample cut after its Authorization header is still a rendering, not raw text', () => {
    const path = cutFile();
    writeFileSync(path, readFileSync(join(SAMPLES, 'go-vcr-v2/openai-responses-stream-error.yaml'), 'utf8').split('\n').slice(0, 17).join('\n'));
    const r = cli(['textconv', path]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('request  openai-responses');
  });

  it('lint reports it unreadable and still runs secret-text on its bytes (exit 2; off turns it off)', () => {
    const path = cutFile();
    const r = cli(['lint', '-f', 'compact', path]);
    expect(r.status).toBe(2);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^error: .*t\.yaml:9:\d+: invalid YAML/),
      `${path}:5:16: error openai-key sk-p…(56 chars) in a file that could not be read as a cassette [secret-text]`,
      `${path}:8:66: error google-api-key AIza…(39 chars) in a file that could not be read as a cassette [secret-text]`,
      `${path}:9:79: error anthropic-key sk-a…(49 chars) in a file that could not be read as a cassette [secret-text]`,
    ]);
    for (const format of ['stylish', 'json', 'sarif']) {
      const out = cli(['lint', '-f', format, path]).stdout;
      expect(out.match(/secret-text/g)?.length, format).toBeGreaterThanOrEqual(3);
      for (const secret of [OPENAI, GOOGLE, ANTHROPIC]) expect(out).not.toContain(secret);
    }
    const off = cli(['lint', '-f', 'compact', '--rule', 'secret-text=off', path]);
    expect(off.status).toBe(2);
    expect(off.stdout).not.toContain('secret-text');
  });

  it('secretTextInUnreadable gives each key once, at its first place', () => {
    const text = `a\n  x ${OPENAI} ${OPENAI}\n`;
    expect(secretTextInUnreadable(text, 'warn')).toEqual([{ ruleId: 'secret-text', severity: 'warn', message: 'openai-key sk-p…(56 chars) in a file that could not be read as a cassette', line: 2, column: 5 }]);
  });
});
