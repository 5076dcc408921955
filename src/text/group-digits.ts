/**
 * A number as `toLocaleString('en-US')` writes it (`1,234,567`), grouped by hand for whole numbers:
 * the first toLocaleString of a run loads ICU's number formats, which costs a one-file `cost` more
 * than the rest of its table. Fractions keep toLocaleString (they are rare: token counts are whole).
 */
export function groupDigits(value: number): string {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return value.toLocaleString('en-US');
  // A loop, not a global replace: its RegExp was compiled to machine code on every run's table.
  const digits = String(Math.abs(value));
  let out = value < 0 ? '-' : '';
  for (let i = 0; i < digits.length; i++) out += i > 0 && (digits.length - i) % 3 === 0 ? `,${digits[i]}` : digits[i];
  return out;
}
