/**
 * `text` without one leading byte-order mark (U+FEFF): decoders drop it (WHATWG Encoding's UTF-8
 * decode, the SSE decoder in WHATWG HTML 9.2.6), and left in it hides a file's first key, a JSON
 * body's first character or an SSE stream's first field name.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
