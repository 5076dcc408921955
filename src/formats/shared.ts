import type { DocPath, Header, InteractionField } from '../model/types.js';
import { isoString } from '../text/iso-string.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** go-vcr's `form` (`{name: [values]}`) or HAR's `params` (`[{name, value}]`) as name/value pairs; undefined when none. */
export function formFields(form: unknown): Header[] | undefined {
  const out: Header[] = [];
  if (Array.isArray(form)) for (const p of form) if (isRecord(p)) out.push({ name: String(p.name ?? ''), value: String(p.value ?? '') });
  if (isRecord(form) && !Array.isArray(form)) for (const [name, vs] of Object.entries(form)) for (const v of Array.isArray(vs) ? vs : [vs]) out.push({ name, value: String(v) });
  return out.length > 0 ? out : undefined;
}

/**
 * Field paths for an interaction whose request/response keys are the usual ones: `base` joined to
 * each of `names`, added to `out` (a new object unless given) in the order of `names`.
 */
export function standardFieldPaths(
  base: DocPath,
  names: Partial<Record<InteractionField, readonly (string | number)[]>>,
  out: Partial<Record<InteractionField, DocPath>> = {},
): Partial<Record<InteractionField, DocPath>> {
  // Once per interaction of every command: no entries() pairs, one array per path.
  for (const field in names) out[field as InteractionField] = base.concat(names[field as InteractionField]!);
  return out;
}

const GO_DURATION_UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

/** Go's time.Duration strings: `1.230852709s`, `816.057254ms`, `1m2.5s`, `350µs`. */
export function parseGoDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return value / 1e6; // nanoseconds
  if (typeof value !== 'string' || value === '') return undefined;
  if (value === '0') return 0;
  let total = 0;
  let sign = 1;
  let rest = value;
  if (rest.startsWith('-')) {
    sign = -1;
    rest = rest.slice(1);
  }
  // Parts `(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)` read one after another by hand: the sticky
  // RegExp this was, run twice on one duration, was compiled to machine code on every go-vcr run.
  let at = 0;
  while (at < rest.length) {
    const part = goDurationPart(rest, at);
    if (!part) break;
    total += Number(rest.slice(at, part.digitsEnd)) * GO_DURATION_UNIT_MS[rest.slice(part.digitsEnd, part.end)]!;
    at = part.end;
  }
  return at === rest.length && at > 0 ? sign * total : undefined;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** One duration part from `at`: where its number ends and where its unit ends, or undefined. */
function goDurationPart(text: string, at: number): { digitsEnd: number; end: number } | undefined {
  let i = at;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  const whole = i > at;
  if (i < text.length && text.charCodeAt(i) === 46) {
    const point = i++;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    // `.` needs digits before it or after it.
    if (!whole && i === point + 1) return undefined;
  } else if (!whole) return undefined;
  const two = text.slice(i, i + 2);
  if (two === 'ns' || two === 'us' || two === 'µs' || two === 'μs' || two === 'ms') return { digitsEnd: i, end: i + 2 };
  const one = text[i];
  if (one === 's' || one === 'm' || one === 'h') return { digitsEnd: i, end: i + 1 };
  return undefined;
}

/** Status text from a line such as `200 OK`, or the standard reason phrase. */
export function statusTextOf(status: number, recorded: unknown): string {
  if (typeof recorded === 'string' && recorded.trim() !== '') {
    // Per interaction: a prefix test, not a RegExp built for each call.
    const code = String(status);
    return (recorded.startsWith(code) ? recorded.slice(code.length) : recorded).trim();
  }
  return REASONS[status] ?? '';
}

export const REASONS: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content',
  206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 413: 'Payload Too Large', 415: 'Unsupported Media Type',
  422: 'Unprocessable Entity', 429: 'Too Many Requests', 499: 'Client Closed Request',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 529: 'Site Overloaded',
};

/** ISO string from a Date or a date-like string; undefined when unparseable. */
export function isoTime(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoString(value);
  if (typeof value !== 'string' || value === '') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : isoString(new Date(t));
}
