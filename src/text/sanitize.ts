// Cassette text is untrusted: an escape sequence in a recorded body must be shown, not executed.
// C0/C1 controls, DEL, bidi controls (marks LRM, RLM and ALM too) and the line and paragraph separators
// U+2028/U+2029 (a line break to a terminal or an editor, none to a line count) become visible `\x1b` / `\u202e` escapes.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

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

// At the output boundary: also SGR colour sequences (kept when our own colour is on), lone CRs.
const UNSAFE_OUTPUT = /\x1b\[[0-9;]*m|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|\r(?!\n)/g;
const SGR = /^\x1b\[[0-9;]*m$/;

function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * The last step before text reaches a terminal or a pipe: every control character (but newline and
 * tab), lone CR, C1 control and bidi override becomes a visible `\u001b`-style escape. That form is
 * also a valid JSON string escape with the same value, so JSON output stays valid and unchanged in
 * meaning. With `keepColor`, SGR colour sequences (`ESC[…m`) pass: only colour, never cursor
 * movement, titles, hyperlinks or clipboard writes.
 */
export function sanitizeOutput(text: string, keepColor = false): string {
  return text.replace(UNSAFE_OUTPUT, (m) => (m.length > 1 && m !== '\r' ? (keepColor && SGR.test(m) ? m : unicodeEscape(m[0]!) + m.slice(1)) : unicodeEscape(m)));
}
