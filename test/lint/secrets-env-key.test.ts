import { describe, expect, it } from 'vitest';
import { maskSecret, maskSecretsInText } from '../../src/secrets/mask.js';
import { goVcr, lint } from './helpers.js';

// An env file a tool read (or pasted in a prompt) names keys `GROQ_KEY`, `OPENWEATHER_KEY`, Rails'
// `SECRET_KEY_BASE`: no `api_key`/`secret`/`token` ending, so lint missed them and show printed them.
// gitleaks' generic-api-key rule takes any name holding `key`; environment variable names are upper
// case (POSIX Base Definitions 8.1), which tells them from a JSON field such as `cache_key`.
const bodyWith = (content: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model: 'm', ...extra, messages: [{ role: 'user', content: 'read .env' }, { role: 'tool', tool_call_id: 'c1', content }] });
const secretBody = (body: string) => lint(goVcr([{ body }]), 'secret-body');

describe('secret-body: env variables named *_KEY', () => {
  const groq = 'Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB';
  const weather = 'q8Zr2LmX0vTb7NcK4pWyE5sDu3Ii9Oo';
  const rails = '9c1e4f7a2b8d3e6f0a5c7b9d2e4f6a8c1b3d5e7f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b0d1f3a5c7e9';

  it('finds GROQ_KEY, OPENWEATHER_KEY and SECRET_KEY_BASE on any line, named without the JSON `\\n` before them', () => {
    const body = bodyWith(`GROQ_KEY=${groq}\nOPENWEATHER_KEY="${weather}"\nSECRET_KEY_BASE=${rails}\nDEBUG=1`);
    const text = goVcr([{ body }]);
    const findings = lint(text, 'secret-body');
    expect(findings.map((f) => f.message)).toEqual(
      [['GROQ_KEY', groq], ['OPENWEATHER_KEY', weather], ['SECRET_KEY_BASE', rails]].map(([name, v]) => `request body holds a credential: high-entropy ${name} ${maskSecret(v!)}`),
    );
    expect(findings.flatMap((f) => f.fix ?? []).map((e) => text.slice(e.start, e.end))).toEqual([groq, weather, rails]);
    expect(maskSecretsInText(body)).not.toMatch(new RegExp(`${groq}|${weather}|${rails}`));
  });

  it('leaves hashes and public keys alone: cache_key, CACHE_KEY, prompt_cache_key, a publishable key', () => {
    const hash = '3f2a9c1e7b4d8f0a6c2e5b9d1f4a7c0e';
    const body = bodyWith(`CACHE_KEY=${hash}\nSTRIPE_PUBLISHABLE_KEY=pk_test_${groq}\nVAPID_PUBLIC_KEY=${weather}`, { prompt_cache_key: hash, metadata: { cache_key: hash, idempotency_key: hash } });
    expect(secretBody(body)).toEqual([]);
    expect(maskSecretsInText(body)).toBe(body);
  });
});
