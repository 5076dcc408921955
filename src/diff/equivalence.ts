// Same data, another spelling: a reordered space-separated set (`scope`), a multipart body whose
// only change is its boundary.

const SET_KEYS = /^(scopes?|.*_scopes?|grant_types|response_types)$/i;
const SET_TOKEN = /^[\w.:/@+-]+$/;

/** Space-separated sets in another order (`scope`), judged by key or by URL/URN-like tokens. */
export function sameTokenSet(a: string, b: string, key: string): boolean {
  if (a.length !== b.length || !a.includes(' ')) return false;
  const ta = a.split(/\s+/).filter(Boolean);
  const tb = b.split(/\s+/).filter(Boolean);
  if (ta.length !== tb.length || !ta.every((t) => SET_TOKEN.test(t))) return false;
  if (!SET_KEYS.test(key) && !ta.every((t) => /[:/]/.test(t) || /^\w+$/.test(t))) return false;
  if (!SET_KEYS.test(key) && !ta.some((t) => /[:/]/.test(t))) return false;
  return [...ta].sort().join(' ') === [...tb].sort().join(' ');
}

/** The boundary of a multipart body: from its Content-Type, else from its first line. */
export function multipartBoundary(text: string, contentType: string | undefined): string | undefined {
  const declared = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (declared && text.includes(`--${declared}`)) return declared;
  const first = /^--([^\r\n]{1,200})\r?\n/.exec(text)?.[1];
  return first && text.includes(`--${first}--`) ? first : undefined;
}

/** A multipart body with its boundary replaced by `{boundary}`, so two recordings compare equal. */
export function normalizeMultipart(text: string, boundary: string): string {
  return text.split(boundary).join('{boundary}');
}
