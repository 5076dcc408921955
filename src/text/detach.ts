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
