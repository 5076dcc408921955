import { lintCassette } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import type { Finding } from '../../src/lint/types.js';
import { loadCassette } from '../../src/load.js';

/** Lint a cassette text with one rule (all rules when `ruleId` is omitted). */
export function lint(text: string | Uint8Array, ruleId?: string, options: Record<string, unknown> = {}): Finding[] {
  const rules = ruleId ? RULES.filter((r) => r.id === ruleId) : RULES;
  if (ruleId && rules.length === 0) throw new Error(`no rule ${ruleId}`);
  const cassette = loadCassette(text, 'test.yaml');
  const settings = new Map(ruleId ? [[ruleId, { severity: rules[0]!.defaultSeverity, options }]] : []);
  return lintCassette(cassette, rules, settings, typeof text === 'string' ? Buffer.byteLength(text) : text.length);
}

/** `[line, column]` of each finding. */
export const at = (findings: readonly Finding[]) => findings.map((f) => [f.line, f.column]);

/** A go-vcr v2 interaction in YAML, with overridable parts. */
export function goVcr(parts: { id?: string; requestExtra?: string; body?: string; url?: string; method?: string; responseBody?: string; contentType?: string; status?: string; code?: string; duration?: string; responseExtra?: string; headers?: string }[]): string {
  let out = 'version: 2\ninteractions:\n';
  parts.forEach((p, i) => {
    out += `- id: ${p.id ?? i}
  request:
    body: ${JSON.stringify(p.body ?? '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}')}
    headers:
      Content-Type:
      - application/json
${p.headers ?? ''}    url: ${p.url ?? 'https://api.openai.com/v1/chat/completions'}
    method: ${p.method ?? 'POST'}
${p.requestExtra ?? ''}  response:
    body: ${JSON.stringify(p.responseBody ?? '{"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}]}')}
    headers:
      Content-Type:
      - ${p.contentType ?? 'application/json'}
    status: ${p.status ?? '200 OK'}
    code: ${p.code ?? '200'}
    duration: ${p.duration ?? '1.5s'}
${p.responseExtra ?? ''}`;
  });
  return out;
}

/** 1-based `[line, column]` of the first occurrence of `needle`, computed independently of the locator. */
export function positionOf(text: string, needle: string): [number, number] {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, at).split('\n');
  return [before.length, before[before.length - 1]!.length + 1];
}
