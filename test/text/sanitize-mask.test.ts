import { describe, expect, it } from 'vitest';
import { maskHeaders, maskSecretsInText, maskUrl, maskValue } from '../../src/secrets/mask.js';
import { sanitize, sanitizeLine, sanitizeOutput } from '../../src/text/sanitize.js';
import { parseInteractionSpecs } from '../../src/cli/interaction-spec.js';

describe('sanitize', () => {
  it.each([
    ['\x1b[31mred\x1b[0m', '\\x1b[31mred\\x1b[0m'],
    ['bell\x07', 'bell\\x07'],
    ['osc \x1b]0;title\x07', 'osc \\x1b]0;title\\x07'],
    ['c1 \u009b2J', 'c1 \\x9b2J'],
    ['bidi \u202eevil', 'bidi \\u202eevil'],
    // Every bidi control of Unicode's list (UAX #9): the marks too, the Arabic letter mark among them.
    ['marks \u200e\u200f\u061c end', 'marks \\u200e\\u200f\\u061c end'],
    ['lone \r return', 'lone \\r return'],
    ['keeps\nnew lines\tand tabs\r\n', 'keeps\nnew lines\tand tabs\r\n'],
  ])('%j', (input, out) => {
    expect(sanitize(input)).toBe(out);
  });
  it('one-line contexts escape new lines too', () => {
    expect(sanitizeLine('a\nb\x1b')).toBe('a\\nb\\x1b');
  });

  it('every bidi control is made visible in one-line contexts and at the output boundary too', () => {
    const bidi = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const ch of bidi) {
      const code = `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
      expect(sanitizeLine(`a${ch}b`), code).toBe(`a${code}b`);
      expect(sanitizeOutput(`a${ch}b`), code).toBe(`a${code}b`);
    }
  });
});

describe('masking', () => {
  it.each([
    ['Bearer sk-proj-abcdefghijklmnopqrstuvwxyz', 'Bearer sk-p…(34 chars)'],
    ['sk-ant-api03-abcdefghijklmnopqrstuvwxyz', 'sk-a…(39 chars)'],
    ['0123456789abcdef', '0123…(16 chars)'],
    ['short', 'short'],
    ['REDACTED', 'REDACTED'],
    ['Bearer <API_KEY>', 'Bearer <API_KEY>'],
  ])('maskValue(%j)', (input, out) => {
    expect(maskValue(input)).toBe(out);
  });

  it('masks secret headers only', () => {
    const out = maskHeaders([
      { name: 'Authorization', value: 'Bearer sk-or-v1-0123456789abcdef0123456789abcdef' },
      { name: 'x-goog-api-key', value: 'AIzaSyA-0123456789abcdefghijklmnopqrstu' },
      { name: 'Cookie', value: 'session=0123456789abcdef0123456789' },
      { name: 'Content-Type', value: 'application/json' },
    ]);
    expect(out.map((h) => h.value)).toEqual(['Bearer sk-o…(41 chars)', 'AIza…(39 chars)', 'sess…(34 chars)', 'application/json']);
  });

  it('masks credential query parameters', () => {
    expect(maskUrl('https://g.co/v1/models/x:generateContent?alt=sse&key=AIzaSyA-0123456789abcdefghijklmnopqrstu')).toBe(
      'https://g.co/v1/models/x:generateContent?alt=sse&key=AIza…(39 chars)',
    );
  });

  it('masks key shapes in free text', () => {
    expect(maskSecretsInText('use sk-proj-abcdefghijklmnopqrstuvwxyz now')).toBe('use sk-p…(34 chars) now');
    expect(maskSecretsInText('AKIAIOSFODNN7EXAMPLE')).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(maskSecretsInText('no secrets here')).toBe('no secrets here');
  });
});

describe('--interaction specs', () => {
  it('parses numbers, ranges and lists', () => {
    expect([...parseInteractionSpecs(['1', '3-5', '7,9'])!]).toEqual([1, 3, 4, 5, 7, 9]);
    expect(parseInteractionSpecs([])).toBeUndefined();
    expect(() => parseInteractionSpecs(['5-3'])).toThrow('runs backwards');
  });
});
