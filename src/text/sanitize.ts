// Cassette text is untrusted: an escape sequence in a recorded body must be shown, not executed.
// C0/C1 controls, DEL and bidi overrides become visible `\x1b` / `\u202e` escapes.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Keep newlines and tabs; make every other control character visible. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, escape).replace(/\r(?!\n)/g, '\\r');
}

/** For one-line contexts (headers, URLs, names): newlines are made visible too. */
export function sanitizeLine(text: string): string {
  return text.replace(UNSAFE_LINE, escape);
}
