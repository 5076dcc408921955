/**
 * decodeURIComponent that never throws: a recorded URL may hold a `%` escape that is not valid
 * (`%zz`, a cut UTF-8 sequence), which must not turn into an internal error. Such text is kept as
 * recorded.
 */
export function decodeUriComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
