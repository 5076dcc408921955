/**
 * Reads by range `[start, end)` (byte offsets into a file of `size` bytes) served from one window of
 * `window` bytes filled at once: a list's items are asked for one after another, and each read of
 * the file, with the check of its size and time before it, cost as much as copying ~50 KB on the
 * bench machine (a 10 MiB VCR.py cassette: 1,094 items, ~7% of `show --json`). The window's memory
 * is reused (fresh pages cost a page fault each) and each read gets a copy of its range. A range
 * outside the window fills it again from `start`; one longer than the window is read alone.
 * `fill(into, position)` reads the file's bytes at `position` into all of `into` (or up to the end).
 */
export function readAhead(fill: (into: Buffer, position: number) => void, size: number, window: number): (start: number, end: number) => Buffer {
  let held: Buffer | undefined;
  let heldStart = 0;
  let heldEnd = 0;
  return (start, end) => {
    const out = Buffer.allocUnsafe(end - start);
    if (end - start > window) {
      fill(out, start);
      return out;
    }
    if (start < heldStart || end > heldEnd) {
      held ??= Buffer.allocUnsafe(Math.min(window, size));
      heldStart = start;
      heldEnd = Math.min(size, start + held.length);
      fill(held.subarray(0, heldEnd - heldStart), start);
    }
    held!.copy(out, 0, start - heldStart, end - heldStart);
    return out;
  };
}
