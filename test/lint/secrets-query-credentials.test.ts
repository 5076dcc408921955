import { describe, expect, it } from 'vitest';
import { maskSecret, maskUrl } from '../../src/secrets/mask.js';
import { maskSecretsInRawText } from '../../src/secrets/mask-raw.js';
import { goVcr, lint } from './helpers.js';

const urlFindings = (url: string) => lint(goVcr([{ url }]), 'secret-url').map((f) => f.message);

describe('secret-url: query parameters lint missed', () => {
  // Azure Functions takes its function key as the `code` query parameter or the x-functions-key header
  // (learn.microsoft.com azure-functions/function-keys-how-to); an OAuth redirect carries its
  // authorization code as `code` (RFC 6749 4.1.2), a bearer credential until used (10.5).
  it.each([
    ['https://my-tools.azurewebsites.net/api/weather?code=', 'aZ3kLq9_Xw2Vb7-NpT4rYs8Uc1Md6Fe0Gh5Ji==', '&city=Paris'],
    ['https://app.example.com/callback?state=xyz&code=', '4/0AVG7fiQ8Zr2LmX0vTb7NcK4pWyE5sDu3Ii9Oo', ''],
  ])('flags a random-looking code: %s…', (head, code, tail) => {
    expect(urlFindings(head + code + tail)).toEqual([`URL parameter code holds a credential: query parameter code ${maskSecret(code)}`]);
    expect(maskUrl(head + code + tail)).toBe(head + maskSecret(code) + tail);
  });

  it('leaves a code that is a word or a number alone', () => {
    for (const url of ['https://api.example.com/lookup?code=US', 'https://api.example.com/lang?code=python3', 'https://api.example.com/status?code=2000000000000000000']) {
      expect(urlFindings(url)).toEqual([]);
      expect(maskUrl(url)).toBe(url);
    }
  });

  // A password is a credential whatever it looks like; lint already says so of a userinfo's, and show masked this one.
  it('flags a short, low-entropy password query parameter, as show masks it', () => {
    const url = 'https://proxy.example.net/v1/chat/completions?user=admin&password=hunter2';
    expect(urlFindings(url)).toEqual([`URL parameter password holds a credential: query parameter password ${maskSecret('hunter2')}`]);
    expect(maskUrl(url)).not.toContain('hunter2');
    // A placeholder stays one.
    expect(urlFindings('https://proxy.example.net/v1?password=REDACTED')).toEqual([]);
  });
});

describe('textconv of text that is no cassette: the same query credentials masked', () => {
  it('masks ?code= (random) and ?password= in raw text, once, and leaves a plain code and other keys as maskUrl does', () => {
    const code = 'aZ3kLq9_Xw2Vb7-NpT4rYs8Uc1Md6Fe0Gh5Ji==';
    const key = '3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';
    const raw = `GET https://fn.azurewebsites.net/api/x?code=${code}&city=Paris HTTP/1.1\nGET https://p.example.net/v1?password=hunter2 HTTP/1.1\nGET https://a.example.com/x?key=${key}&code=US\n`;
    expect(maskSecretsInRawText(raw)).toBe(raw.replace(code, maskSecret(code)).replace('hunter2', maskSecret('hunter2')).replace(key, maskSecret(key)));
  });
});
