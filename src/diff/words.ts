import { maskedString } from './json-diff.js';

// What pairing calls a word: a run of characters between JSON punctuation and white space.
const SEPARATORS = /[\s,{}[\]":]+/;
/** Only the first this many characters of a value's text are split into words. */
export const WORDS_LIMIT = 200_000;

/** The words of a text, each once, from the first WORDS_LIMIT characters. */
export function wordsOfText(text: string): Set<string> {
  return new Set(text.slice(0, WORDS_LIMIT).split(SEPARATORS).filter(Boolean));
}

// A re-record repeats its strings (system prompts, tool schemas, keys) in every call and every
// file: each string's words are split once. Bounded, and emptied when full.
const split = new Map<string, { words: readonly string[]; length: number }>();
let splitChars = 0;
const MAX_SPLIT_CHARS = 16 << 20;

/** The words of a string's JSON text, and that text's length. */
function stringWords(text: string): { words: readonly string[]; length: number } {
  let known = split.get(text);
  if (known === undefined) {
    const json = JSON.stringify(text);
    known = { words: json.split(SEPARATORS).filter(Boolean), length: json.length };
    if ((splitChars += text.length) > MAX_SPLIT_CHARS) {
      split.clear();
      splitChars = text.length;
    }
    split.set(text, known);
  }
  return known;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Adds the words of `value`'s masked JSON text (contentKey) to `out` and returns that text's length,
 * or -1 for a value it cannot measure (one JSON.stringify would leave out or call a method of).
 * JSON punctuation separates words, so the text's words are those of its keys and leaves, each
 * split once: no text is built.
 */
function addWords(value: unknown, key: string, out: Set<string>): number {
  if (typeof value === 'string') {
    const { words, length } = stringWords(maskedString(value, key));
    // Index loops: this runs for every string of every side paired, mostly before V8 optimizes it,
    // where each for-of step allocates.
    for (let n = 0; n < words.length; n++) out.add(words[n]!);
    return length;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    const json = JSON.stringify(value);
    out.add(json);
    return json.length;
  }
  if (Array.isArray(value)) {
    let length = 1 + value.length;
    for (let k = 0; k < value.length; k++) {
      const v: unknown = value[k];
      if (v === undefined) return -1;
      const n = addWords(v, key, out);
      if (n < 0) return -1;
      length += n;
    }
    return Math.max(length, 2);
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    let length = 1 + keys.length;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = value[k];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return -1;
      const name = stringWords(k);
      for (let w = 0; w < name.words.length; w++) out.add(name.words[w]!);
      const n = addWords(v, k, out);
      if (n < 0) return -1;
      length += name.length + 1 + n;
    }
    return Math.max(length, 2);
  }
  return -1;
}

/**
 * `wordsOfText(prefix + contentKey(value))` (contentKey: json-diff.ts), without building the key;
 * `prefix` is empty or ends in white space. When the text would be cut at WORDS_LIMIT, or holds
 * what JSON leaves out (`undefined`), the words are those of `text()`, which builds it.
 */
export function wordsOf(value: unknown, prefix: string, text: () => string): Set<string> {
  if (value === undefined) return wordsOfText(text());
  const out = new Set<string>();
  for (const w of prefix.split(SEPARATORS)) if (w) out.add(w);
  const length = addWords(value, '', out);
  if (length >= 0 && prefix.length + length <= WORDS_LIMIT) return out;
  return wordsOfText(text());
}
