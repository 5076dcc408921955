/**
 * A copy of `text` that shares no memory with the string it came from. V8 keeps a slice of a long
 * string as a view of the whole (a header value read from an interaction's item keeps the item's
 * text alive): anything kept across interactions (a finding's URL, a rule's state) is detached so
 * a streamed file's items can be freed one by one. The concatenation is flattened into a new
 * string by `slice`, which then views only that copy.
 */
export function detach(text: string): string;
export function detach(text: string | undefined): string | undefined;
export function detach(text: string | undefined): string | undefined {
  return text === undefined ? undefined : ` ${text}`.slice(1);
}

/**
 * `value` with every string in it detached (see detach), arrays and plain objects copied: for a
 * result built from one interaction (a diff of two) and kept after the interaction is let go.
 */
export function detachDeep<T>(value: T): T {
  if (typeof value === 'string') return detach(value) as T;
  if (Array.isArray(value)) return value.map(detachDeep) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = detachDeep(v);
    return out as T;
  }
  return value;
}
