import type { Header } from '../model/types.js';
import { isSecretHeader, maskSecretsInText, maskValue } from '../secrets/mask.js';
import { fastPaths } from './fast-paths.js';
import { brief } from './json-diff.js';
import type { SummaryLine } from './types.js';

// Headers that change what the API does: compared by value.
const BEHAVIOUR = /^(anthropic-version|anthropic-beta|openai-beta|api-version|x-api-version|content-type|accept|openai-organization|openai-project|x-goog-user-project|anthropic-dangerous-direct-browser-access|x-amz-target|x-amzn-bedrock-.*|x-ms-.*-version|http-referer|x-title|prefer)$/i;
// Headers that change on every run: never a difference, not even when added or removed.
export const VOLATILE_HEADERS = /^(date|x-request-id|request-id|x-amzn-requestid|x-amz-request-id|cf-ray|x-envoy-upstream-service-time|openai-processing-ms|traceparent|tracestate|x-stainless-.*|user-agent|x-goog-api-client|amz-sdk-invocation-id|amz-sdk-request|x-amz-date|x-amz-content-sha256|x-amz-security-token|x-cloud-trace-context|server-timing|age|set-cookie|cookie|anthropic-ratelimit-.*|x-ratelimit-.*|content-length|connection|host|accept-encoding|idempotency-key|x-client-request-id|x-retry-count)$/i;

function normalized(name: string, value: string): string {
  if (/^content-type$/i.test(name)) return value.toLowerCase().replace(/\s+/g, '').replace(/boundary=("?)[^;"]*\1/, 'boundary={boundary}');
  return value.trim();
}

function shown(name: string, value: string): string {
  return brief(isSecretHeader(name) ? maskValue(value) : maskSecretsInText(value), 80).replace(/^"|"$/g, '');
}

function byName(headers: readonly Header[]): Map<string, { name: string; value: string }> {
  const map = new Map<string, { name: string; value: string }>();
  for (const h of headers) {
    const key = h.name.toLowerCase();
    const prev = map.get(key);
    map.set(key, { name: h.name, value: prev ? `${prev.value}, ${h.value}` : h.value });
  }
  return map;
}

function sameHeaders(a: readonly Header[], b: readonly Header[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]!.name !== b[k]!.name || a[k]!.value !== b[k]!.value) return false;
  return true;
}

/**
 * Request headers that matter: an allowlisted header whose value changed, or any header added
 * or removed, with secrets masked. Volatile headers (Date, User-Agent, request ids,
 * Content-Length) and a changed secret value (a rotated key) are not differences.
 */
export function diffHeaders(before: readonly Header[], after: readonly Header[], where: 'request' | 'response'): SummaryLine[] {
  const lines: SummaryLine[] = [];
  // A recorder that keeps no headers at all (nock) says nothing about them.
  if (before.length === 0 || after.length === 0) return lines;
  // Every step of diff FILE on one client's calls: the same headers, nothing to say.
  if (fastPaths.sameHeaders && sameHeaders(before, after)) return lines;
  const [a, b] = [byName(before), byName(after)];
  const label = `${where} header`;
  for (const [key, h] of a) {
    if (VOLATILE_HEADERS.test(key)) continue;
    const other = b.get(key);
    if (!other) {
      if (where === 'request') lines.push({ category: 'headers', text: `${label} ${h.name} removed (was ${shown(h.name, h.value)})` });
    } else if (BEHAVIOUR.test(key) && !isSecretHeader(key) && normalized(key, h.value) !== normalized(key, other.value)) {
      if (where === 'request' || /^content-type$/i.test(key)) lines.push({ category: 'headers', text: `${label} ${h.name}: ${shown(h.name, h.value)} → ${shown(h.name, other.value)}` });
    }
  }
  if (where === 'request') for (const [key, h] of b) if (!VOLATILE_HEADERS.test(key) && !a.has(key)) lines.push({ category: 'headers', text: `${label} ${h.name} added (${shown(h.name, h.value)})` });
  return lines;
}
