import { nestsDeeperThan } from '../limits/depth.js';
import { limits } from '../limits/limits.js';
/**
 * Parse JSON without throwing. A value nested deeper than the body depth limit counts as not
 * parsed (`error` says so), since printing or walking it would overflow the stack.
 */
export function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const max = limits().maxBodyDepth;
  // Nesting past the limit needs at least twice as many characters: short texts skip the walk.
  if (text.length > 2 * max && nestsDeeperThan(value, max)) return { ok: false, error: `nests deeper than ${max} levels` };
  return { ok: true, value };
}

// Kept on the event itself under a symbol (no JSON.stringify or Object.keys sees it): a WeakMap entry
// per event cost more than the event's JSON.parse (~30,000 events in a 10 MiB cassette).
const IS_JSON = Symbol('data parsed as JSON');
type JudgedEvent = { data: string; [IS_JSON]?: boolean };

/**
 * tryJson of an SSE event's data, remembering whether it parsed (see eventIsJson). The value is
 * parsed anew on every call: reassemblers may change what they are given.
 */
export function tryEventJson(event: { data: string }): ReturnType<typeof tryJson> {
  const parsed = tryJson(event.data);
  (event as JudgedEvent)[IS_JSON] = parsed.ok;
  return parsed;
}

/** Records that an SSE event's data is JSON, for one a reassembler read without tryEventJson (see chunk-template.ts). */
export function markEventJson(event: { data: string }): void {
  (event as JudgedEvent)[IS_JSON] = true;
}

/** True when a reassembler has found an SSE event's data to be JSON (tryEventJson, markEventJson); false when none has, or it was not JSON. */
export function eventKnownJson(event: { data: string }): boolean {
  return (event as JudgedEvent)[IS_JSON] === true;
}

/** Whether an SSE event's data is JSON as tryJson judges it; parsed only if no reassembler has (see parseSse). */
export function eventIsJson(event: { data: string }): boolean {
  return (event as JudgedEvent)[IS_JSON] ?? tryEventJson(event).ok;
}

/** Tool-call arguments: empty means `{}`; invalid JSON is kept as text and flagged. */
export function parseArguments(text: string): { value: unknown; error?: string } {
  if (text.trim() === '') return { value: {} };
  const parsed = tryJson(text);
  return parsed.ok ? { value: parsed.value } : { value: text, error: `arguments are not valid JSON: ${parsed.error}` };
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Parameter names of a JSON schema (`properties` keys). */
export function schemaParameterNames(schema: unknown): string[] {
  const props = asRecord(asRecord(schema)?.properties);
  return props ? Object.keys(props) : [];
}

/**
 * A `created` timestamp as Unix seconds. Some OpenAI-compatible servers send milliseconds;
 * anything past 1e11 (the year 5138 in seconds) is read as milliseconds. Some send 0 (Azure's
 * first `prompt_filter_results` chunk, Snowflake's every chunk): no time, undefined, as a negative.
 */
export function unixSeconds(value: unknown): number | undefined {
  const n = asNumber(value);
  if (n === undefined || n <= 0) return undefined;
  return n > 1e11 ? Math.floor(n / 1000) : n;
}
