import { limits } from './limits.js';

/**
 * True when a parsed JSON value nests deeper than `max` (default: `maxBodyDepth`). Iterative, and
 * it stops at the first path that is too deep, so a 5,000-level body costs no stack and little time.
 */
export function nestsDeeperThan(value: unknown, max = limits().maxBodyDepth): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: { node: object; depth: number }[] = [{ node: value, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}

/**
 * False when JSON `text` cannot nest deeper than `max`: each level opens with `{` or `[` and closes
 * with its pair, so a text of at most 2 * max characters cannot, nor one holding at most `max`
 * openers (in strings or not). Counted with native searches, stopping at `max + 1`; true means
 * "maybe": walk the parsed value (nestsDeeperThan). A request body of a few kilobytes has a few
 * dozen brackets: its walk, once per body of every file read, is skipped.
 */
export function mayNestDeeperThan(text: string, max: number): boolean {
  if (text.length <= 2 * max) return false;
  let count = 0;
  for (const open of ['{', '[']) {
    for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) if (++count > max) return true;
  }
  return false;
}

/**
 * JSON.stringify without recursion, for a value too deep for V8's (which overflows the stack at a
 * few thousand levels). Compact, same output as JSON.stringify for plain JSON data.
 */
export function stringifyDeep(value: unknown): string {
  const out: string[] = [];
  type Frame = { entries: [string | undefined, unknown][]; next: number; close: string };
  const stack: Frame[] = [];
  const open = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) {
      out.push(JSON.stringify(v) ?? 'null');
      return;
    }
    const isArray = Array.isArray(v);
    out.push(isArray ? '[' : '{');
    const entries: [string | undefined, unknown][] = isArray ? v.map((x) => [undefined, x]) : Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function');
    stack.push({ entries, next: 0, close: isArray ? ']' : '}' });
  };
  open(value);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next === frame.entries.length) {
      out.push(frame.close);
      stack.pop();
      continue;
    }
    const [key, child] = frame.entries[frame.next]!;
    if (frame.next++ > 0) out.push(',');
    if (key !== undefined) out.push(`${JSON.stringify(key)}:`);
    open(child);
  }
  return out.join('');
}
