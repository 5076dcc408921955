import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/cli/read-ahead.js';

// A file's bytes (0..255 repeating) read through readAhead: every range must hold the file's own
// bytes however it falls against the window, and items asked for in order must cost few fills.
describe('readAhead', () => {
  const size = 1000;
  const file = Buffer.from(Array.from({ length: size }, (_, i) => i % 251));
  const reader = (window: number) => {
    const fills: [number, number][] = [];
    const read = readAhead(
      (into, position) => {
        fills.push([position, into.length]);
        file.copy(into, 0, position, position + into.length);
      },
      size,
      window,
    );
    return { read, fills };
  };

  it('serves ranges in order from one window until one passes its end', () => {
    const { read, fills } = reader(100);
    const ranges = [[0, 30], [30, 70], [70, 100], [100, 150], [150, 260], [260, 300], [990, 1000]] as const;
    for (const [start, end] of ranges) expect(read(start, end)).toEqual(file.subarray(start, end));
    // [100, 150) fills [100, 200); [150, 260) is longer than the window and read alone; [260, 300)
    // fills [260, 360); the last fill stops at the end of the file.
    expect(fills).toEqual([[0, 100], [100, 100], [150, 110], [260, 100], [990, 10]]);
  });

  it('reads a range before the window, or across its end, again', () => {
    const { read, fills } = reader(64);
    for (const [start, end] of [[500, 520], [10, 20], [15, 80], [999, 1000]] as const) expect(read(start, end)).toEqual(file.subarray(start, end));
    expect(fills.map(([position]) => position)).toEqual([500, 10, 15, 999]);
  });

  it('gives each read its own bytes, which a later fill does not change', () => {
    const { read } = reader(16);
    const first = read(0, 8);
    read(100, 110);
    first[0] = 77;
    expect(read(100, 101)[0]).toBe(file[100]);
    expect([...read(0, 8).subarray(1)]).toEqual([...file.subarray(1, 8)]);
  });
});
