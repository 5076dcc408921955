import type { JsonChange } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const safe = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? safe : `${path}.${safe}`;
}

/** Structural differences by JSON path; arrays compare by index, so appended items are `added`. */
export function diffJson(before: unknown, after: unknown, path = ''): JsonChange[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: JsonChange[] = [];
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) out.push(...diffJson(before[i], after[i], childPath(path, i)));
    for (let i = common; i < after.length; i++) out.push({ path: childPath(path, i), kind: 'added', after: after[i] });
    for (let i = common; i < before.length; i++) out.push({ path: childPath(path, i), kind: 'removed', before: before[i] });
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const out: JsonChange[] = [];
    for (const key of Object.keys(before)) {
      if (!(key in after)) out.push({ path: childPath(path, key), kind: 'removed', before: before[key] });
      else out.push(...diffJson(before[key], after[key], childPath(path, key)));
    }
    for (const key of Object.keys(after)) if (!(key in before)) out.push({ path: childPath(path, key), kind: 'added', after: after[key] });
    return out;
  }
  return [{ path: path || '(body)', kind: 'changed', before, after }];
}

/** A short, one-line rendering of a value for summaries. */
export function brief(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
