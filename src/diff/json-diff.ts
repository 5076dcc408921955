import { tryJson } from '../llm/json.js';
import { type AlignStep, alignByKey } from './align.js';
import { sameTokenSet } from './equivalence.js';
import { fastPaths, identicalJson } from './fast-paths.js';
import { isIdKey, isIdLike } from './ids.js';
import { sortedKeys } from './sorted-keys.js';
import type { JsonChange } from './types.js';
import { clipText } from '../secrets/clip.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';

// Lists of named tools: compared by name so a change reads `tools.read_file.parameters...`, not `tools[3]`.
const NAMED_LISTS = new Set(['tools', 'functions', 'functionDeclarations', 'function_declarations']);
// Lists whose order carries no meaning: JSON-schema `required`.
const SET_LISTS = new Set(['required', 'scopes']);

export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const safe = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? safe : `${path}.${safe}`;
}

/** The last key of a path: `required` for `tools.x.parameters.required`, `id` for `a[0].id`. */
export function lastKey(path: string): string {
  return /(?:^|\.)("(?:[^"\\]|\\.)*"|[^.[\]"]+)(?:\[\d+\])*$/.exec(path)?.[1]?.replace(/^"|"$/g, '') ?? '';
}

/** A key for an item with ids masked, so two messages that differ only in generated ids align. */
export function contentKey(value: unknown): string {
  return JSON.stringify(maskIds(value, ''));
}

/** A string as contentKey writes it: `{id}` for a generated id, or any value under an id key. */
export const maskedString = (value: string, key: string) => (isIdLike(value) || (isIdKey(key) && value !== '') ? '{id}' : value);

function maskIds(value: unknown, key: string): unknown {
  if (typeof value === 'string') return maskedString(value, key);
  if (Array.isArray(value)) return value.map((v) => maskIds(v, key));
  if (isObject(value)) return Object.fromEntries(sortedKeys(value).map((k) => [k, maskIds(value[k], k)]));
  return value;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * True only when `contentKey(a) === contentKey(b)`, found without building either key (a
 * re-record's messages are mostly equal, and their keys are long). False means "maybe not":
 * ask contentKey. Values whose JSON text could hide a difference (undefined, NaN, class instances) say false.
 */
export function sameContent(a: unknown, b: unknown, key = ''): boolean {
  if (typeof a === 'string') return typeof b === 'string' && (a === b || maskedString(a, key) === maskedString(b, key));
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) if (!sameContent(a[k], b[k], key)) return false;
    return true;
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const k of keys) if (!Object.hasOwn(b, k) || !sameContent(a[k], b[k], k)) return false;
    return true;
  }
  return (a === null || typeof a === 'number' || typeof a === 'boolean') && a === b && (typeof a !== 'number' || Number.isFinite(a));
}

// How JSON.stringify writes a value: its first character tells the kind apart; undefined for
// what it leaves out or writes as something else (undefined, functions, NaN, bigints).
function jsonKind(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : undefined;
  if (typeof v === 'string' || typeof v === 'boolean') return typeof v;
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : undefined;
}

const written = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined && typeof o[k] !== 'function' && typeof o[k] !== 'symbol');

/**
 * True only when `contentKey(a) !== contentKey(b)`, found without building either key; false
 * means "maybe the same": ask sameContent, then contentKey. The counterpart of sameContent, so
 * that two different requests need no keys either.
 */
export function contentDiffers(a: unknown, b: unknown, key = ''): boolean {
  const [ka, kb] = [jsonKind(a), jsonKind(b)];
  if (ka === undefined || kb === undefined) return false;
  if (ka !== kb) return true;
  if (typeof a === 'string') return maskedString(a, key) !== maskedString(b as string, key);
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return true;
    for (let k = 0; k < a.length; k++) if (contentDiffers(a[k], other[k], key)) return true;
    return false;
  }
  if (ka === 'object') {
    const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
    const keys = written(x);
    const others = written(y);
    if (keys.length !== others.length) return true;
    const present = new Set(others);
    for (const k of keys) if (!present.has(k)) return true;
    for (const k of keys) if (contentDiffers(x[k], y[k], k)) return true;
    return false;
  }
  return a !== b;
}

function toolName(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  const inner = [item.function, item.toolSpec, item].find(isObject);
  return typeof inner?.name === 'string' ? inner.name : undefined;
}

/** A tool without its `{type: "function", function: {...}}` wrapper, for shorter paths. */
function unwrapTool(item: unknown): unknown {
  if (!isObject(item)) return item;
  const inner = isObject(item.function) ? item.function : isObject(item.toolSpec) ? item.toolSpec : undefined;
  if (!inner) return item;
  const rest = Object.fromEntries(Object.entries(item).filter(([k, v]) => k !== 'function' && k !== 'toolSpec' && !(k === 'type' && v === 'function')));
  return { ...rest, ...inner };
}

function byName(items: readonly unknown[]): Map<string, unknown> | undefined {
  const map = new Map<string, unknown>();
  for (const item of items) {
    const name = toolName(item);
    if (name === undefined || map.has(name)) return undefined;
    map.set(name, unwrapTool(item));
  }
  return map;
}

function parseJsonString(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return undefined;
  // tryJson refuses JSON nested past the body depth limit, which the walkers here would recurse into.
  const parsed = tryJson(text);
  return parsed.ok ? parsed.value : undefined;
}

function diffPrimitiveLists(before: readonly unknown[], after: readonly unknown[], path: string): JsonChange[] {
  const keys = (list: readonly unknown[]) => list.map((v) => JSON.stringify(v));
  const [kb, ka] = [keys(before), keys(after)];
  if (kb.join('\n') === ka.join('\n')) return [];
  if ([...kb].sort().join('\n') === [...ka].sort().join('\n')) {
    return SET_LISTS.has(lastKey(path)) ? [] : [{ path, kind: 'changed', before, after, detail: 'order changed' }];
  }
  const parts: string[] = [];
  for (const step of alignByKey(kb, ka)) {
    if (step.kind === 'added') parts.push(`+ ${plain(after[step.after])}`);
    else if (step.kind === 'removed') parts.push(`- ${plain(before[step.before])}`);
    else if (step.kind === 'edited') parts.push(`- ${plain(before[step.before])}`, `+ ${plain(after[step.after])}`);
  }
  return [{ path, kind: 'changed', before, after, detail: parts.join(', ') }];
}

const plain = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

// Where diffJson looks for a subtree that is the same on both sides before walking it: the top
// level's values, the items a list alignment kept and named tool lists (the tools, resent unchanged
// with every request). Not at every level: a check that fails walks what diffJson walks again.
const skipIdentical = (before: unknown, after: unknown) => fastPaths.identicalSubtrees && identicalJson(before, after);

function diffLists(before: readonly unknown[], after: readonly unknown[], path: string): JsonChange[] {
  if (NAMED_LISTS.has(lastKey(path))) {
    if (skipIdentical(before, after)) return [];
    const [nb, na] = [byName(before), byName(after)];
    if (nb && na) return diffJson(Object.fromEntries(nb), Object.fromEntries(na), path);
  }
  if (before.every(isPrimitive) && after.every(isPrimitive)) return diffPrimitiveLists(before, after, path);
  const out: JsonChange[] = [];
  for (const step of alignItems(before, after)) {
    if (step.kind === 'added') out.push({ path: childPath(path, step.after), kind: 'added', after: after[step.after], appended: step.appended });
    else if (step.kind === 'removed') out.push({ path: childPath(path, step.before), kind: 'removed', before: before[step.before] });
    else if (!Object.is(before[step.before], after[step.after]) && !(step.kind === 'same' && skipIdentical(before[step.before], after[step.after]))) out.push(...diffJson(before[step.before], after[step.after], childPath(path, step.after)));
  }
  return out;
}

/**
 * `alignByKey(before.map(contentKey), after.map(contentKey))`, with keys made only where they can
 * change the answer. Leading items with the same content pairwise align one to one, as Myers'
 * diff, which takes the common leading keys first, would align them; after them, one item left on
 * each side is kept or edited by whether their keys are equal, and items left on one side only
 * are added or removed. A re-record's or diff FILE's message lists mostly differ in their last
 * message, whose keys (every string of it tested for an id) were ~4% of diff FILE's CPU.
 */
export function alignItems(before: readonly unknown[], after: readonly unknown[]): AlignStep[] {
  const steps: AlignStep[] = [];
  let lead = 0;
  while (lead < before.length && lead < after.length && sameContent(before[lead], after[lead])) {
    steps.push({ kind: 'same', before: lead, after: lead });
    lead++;
  }
  const [left, right] = [before.length - lead, after.length - lead];
  if (left === 0 && right === 0) return steps;
  if (left === 0) for (let k = lead; k < after.length; k++) steps.push({ kind: 'added', after: k, appended: true });
  else if (right === 0) for (let k = lead; k < before.length; k++) steps.push({ kind: 'removed', before: k });
  else if (left === 1 && right === 1) {
    const [x, y] = [before[lead], after[lead]];
    const same = !contentDiffers(x, y) && contentKey(x) === contentKey(y);
    steps.push({ kind: same ? 'same' : 'edited', before: lead, after: lead });
  } else {
    for (const step of alignByKey(before.slice(lead).map(contentKey), after.slice(lead).map(contentKey))) {
      if (step.kind === 'added') steps.push({ ...step, after: step.after + lead });
      else if (step.kind === 'removed') steps.push({ ...step, before: step.before + lead });
      else steps.push({ ...step, before: step.before + lead, after: step.after + lead });
    }
  }
  return steps;
}

/**
 * Structural differences by JSON path. Lists are aligned by content (an inserted message is one
 * insertion), named tool lists are keyed by name, lists of scalars give one `+ a, - b` change,
 * JSON inside strings (tool-call arguments) is compared as JSON, and same-data encodings are equal.
 */
export function diffJson(before: unknown, after: unknown, path = ''): JsonChange[] {
  if (Object.is(before, after)) return [];
  if (typeof before === 'string' && typeof after === 'string') {
    if (sameTokenSet(before, after, lastKey(path))) return [];
    const [jb, ja] = [parseJsonString(before), parseJsonString(after)];
    if (jb !== undefined && ja !== undefined) return diffJson(jb, ja, path);
  } else if (Array.isArray(before) && Array.isArray(after)) return diffLists(before, after, path);
  else if (isObject(before) && isObject(after)) {
    const out: JsonChange[] = [];
    for (const key of Object.keys(before)) {
      if (!(key in after)) out.push({ path: childPath(path, key), kind: 'removed', before: before[key] });
      else if (!Object.is(before[key], after[key]) && !(path === '' && skipIdentical(before[key], after[key]))) out.push(...diffJson(before[key], after[key], childPath(path, key)));
    }
    for (const key of Object.keys(after)) if (!(key in before)) out.push({ path: childPath(path, key), kind: 'added', after: after[key] });
    return out;
  }
  return [{ path: path || '(body)', kind: 'changed', before, after }];
}

/** True for a change of one generated id into another (a candidate for a consistent rename). */
export function isIdChange(c: JsonChange): c is JsonChange & { before: string; after: string } {
  return c.kind === 'changed' && c.detail === undefined && typeof c.before === 'string' && typeof c.after === 'string' && ((isIdLike(c.before) && isIdLike(c.after)) || isIdKey(lastKey(c.path)));
}

/** A short, one-line rendering of a value for summaries. */
export function brief(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${clipText(text, max - 1)}…` : text;
}
