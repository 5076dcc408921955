/**
 * A chunk's JSON text around the literal of one of its string values: `head` ends with the key and
 * its colon, `tail` starts after the literal's closing quote.
 */
export interface ChunkTemplate {
  head: string;
  tail: string;
}

const QUOTE = 34;
const BACKSLASH = 92;

/**
 * The template of `data` (JSON that JSON.parse read) around the string value of `key` (quoted:
 * `"content"`), when `key` is written once, directly followed by `:"`, and no backslash is outside
 * that value. Every quote outside the value is then a string's first or last character, so the key
 * is a key, not text inside a string, and the only one of that name (none can be spelled with
 * escapes); the value's literal ends at the first quote no odd run of backslashes escapes.
 * Undefined otherwise.
 */
export function templateOf(data: string, key: string): ChunkTemplate | undefined {
  const at = data.indexOf(key);
  if (at === -1 || data.charCodeAt(at + key.length) !== 58 || data.charCodeAt(at + key.length + 1) !== QUOTE) return undefined;
  const open = at + key.length + 1;
  let close = data.indexOf('"', open + 1);
  for (; close !== -1 && escaped(data, close); close = data.indexOf('"', close + 1));
  if (close === -1) return undefined;
  const head = data.slice(0, open);
  const tail = data.slice(close + 1);
  if (head.includes('\\') || tail.includes('\\') || tail.includes(key)) return undefined;
  return { head, tail };
}

/** Whether the quote at `at` follows an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let n = at - 1;
  while (text.charCodeAt(n) === BACKSLASH) n--;
  return (at - 1 - n) % 2 === 1;
}

/**
 * The string value `data` holds where its template's literal was, when `data` is the template's
 * head, one JSON string literal and its tail: JSON.parse would then read `data` as it read the
 * template's chunk with only that value changed. Undefined for any other text (parse it).
 */
export function fillOf(data: string, template: ChunkTemplate): string | undefined {
  const { head, tail } = template;
  const end = data.length - tail.length;
  // Cut and compared, not startsWith and endsWith: those compare a character a step (~2x the instructions).
  if (end - head.length < 2 || data.charCodeAt(head.length) !== QUOTE || data.substring(0, head.length) !== head || data.substring(end) !== tail) return undefined;
  const literal = data.slice(head.length, end);
  let value: unknown;
  try {
    value = JSON.parse(literal);
  } catch {
    return undefined;
  }
  return typeof value === 'string' ? value : undefined;
}
