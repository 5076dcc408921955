/**
 * A number as `toLocaleString('en-US')` writes it (`1,234,567`), grouped by hand for whole numbers:
 * the first toLocaleString of a run loads ICU's number formats, which costs a one-file `cost` more
 * than the rest of its table. Fractions keep toLocaleString (they are rare: token counts are whole).
 */
export function groupDigits(value: number): string {
  return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value).replace(/\B(?=(\d{3})+$)/g, ',') : value.toLocaleString('en-US');
}
