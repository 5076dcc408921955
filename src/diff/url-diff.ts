import { maskUrl } from '../secrets/mask.js';
import { brief } from './json-diff.js';
import type { SummaryLine } from './types.js';
import type { UrlParts } from './url-parts.js';

/** A query value with credentials masked (`key=AIza…(39 chars)`). */
function queryValue(name: string, value: string): string {
  const safe = maskUrl(`http://x/?${new URLSearchParams([[name, value]]).toString()}`);
  return brief(new URL(safe).searchParams.get(name) ?? value, 60).replace(/^"|"$/g, '');
}

function counted(query: readonly (readonly [string, string])[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [k, v] of query) map.set(k, [...(map.get(k) ?? []), v]);
  return map;
}

/**
 * URL differences as summary lines: host, the model carried in the path (Gemini, Bedrock,
 * Vertex, Azure), the path with ids masked (changed ids are not a difference), and each query
 * parameter on its own (`url query api-version added (8)`).
 */
export function diffUrls(a: UrlParts, b: UrlParts): { lines: SummaryLine[]; idsChanged: boolean } {
  // One URL read twice gives the same parts (urlParts): nothing differs.
  if (a === b) return { lines: [], idsChanged: false };
  const lines: SummaryLine[] = [];
  if (a.host !== b.host) lines.push({ category: 'request', text: `host: ${a.host} → ${b.host}` });
  if (a.model !== b.model) lines.push({ category: 'model', text: `model changed: ${a.model ?? '(none)'} → ${b.model ?? '(none)'}` });
  if (a.route !== b.route) lines.push({ category: 'request', text: `path: ${a.route} → ${b.route}` });
  const [qa, qb] = [counted(a.query), counted(b.query)];
  for (const [name, values] of qa) {
    const other = qb.get(name);
    if (!other) lines.push({ category: 'request', text: `url query ${name} removed (was ${values.map((v) => queryValue(name, v)).join(', ')})` });
    else if (values.join('\n') !== other.join('\n')) lines.push({ category: 'request', text: `url query ${name}: ${values.map((v) => queryValue(name, v)).join(', ')} → ${other.map((v) => queryValue(name, v)).join(', ')}` });
  }
  for (const [name, values] of qb) if (!qa.has(name)) lines.push({ category: 'request', text: `url query ${name} added (${values.map((v) => queryValue(name, v)).join(', ')})` });
  return { lines, idsChanged: a.route === b.route && a.path !== b.path && a.model === b.model };
}
