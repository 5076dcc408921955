import { describe, expect, it } from 'vitest';
import { detachDeep } from '../../src/text/detach.js';

describe('detachDeep', () => {
  it('copies plain objects and arrays with equal strings, and keeps other values as they are', () => {
    const bytes = new Uint8Array([1, 2]);
    const value = { label: 'POST https://api.example.com/v1', changes: [{ path: 'messages[1]', before: { n: 1, s: 'x' } }], bytes, none: undefined, flag: true };
    const copy = detachDeep(value);
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
    expect(copy.changes).not.toBe(value.changes);
    expect(copy.changes[0]!.before).not.toBe(value.changes[0]!.before);
    expect(copy.bytes).toBe(bytes);
  });
});
