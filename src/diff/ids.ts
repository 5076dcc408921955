// Ids that a provider or recorder makes up on every run: tool-call ids, thread/run/batch ids,
// UUIDs, long hex or base62 tokens. They change on each re-record without changing meaning.
const PREFIXED = /^(?:call|toolu|srvtoolu|tool|run|thread|msg|resp|chatcmpl|cmpl|batch|file|asst|step|req|gen|fc|rs|ws|vs|vsfile|ft|ftjob|ftckpt|sess|item|evt|conv|trace|span|upload|part|img|rsp|job|task|ctc|ci|mcp|mcpr|pi|cs)[_-][A-Za-z0-9_-]{3,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{16,}$/i;
const BASE62 = /^[A-Za-z0-9_-]{20,}$/;

/** True for a string that looks like a generated identifier rather than data. */
export function isIdLike(value: string): boolean {
  if (value.length < 6 || value.length > 200) return false;
  if (PREFIXED.test(value) || UUID.test(value) || HEX.test(value)) return true;
  // A long token mixing letters and digits (base62 ids, Gemini/Bedrock request ids); not a word or a path.
  return BASE62.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value);
}

/** A URL path with id-like segments replaced by `{id}`: `/v1/threads/{id}/runs/{id}`. */
export function maskIdSegments(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // keep the raw segment
      }
      return isIdLike(decoded) || /^\d{4,}$/.test(decoded) ? '{id}' : segment;
    })
    .join('/');
}

/** Keys whose string value is an identifier whatever it looks like. */
export function isIdKey(key: string): boolean {
  return !/model/i.test(key) && (key === 'id' || /(?:_id|Id|_ids)$/.test(key));
}
