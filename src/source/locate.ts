import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import type { DocPath, SourceKind, SourcePosition } from '../model/types.js';
import type { LazyList } from './document.js';
import { pointIn, positionWithOffset } from './offsets.js';

// `yaml` keeps positions but is large: it is loaded on the first position asked for, not at start-up.
let yamlLib: typeof import('yaml') | undefined;
const loadYaml = () => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/**
 * Positions are needed only for lint findings and error messages, so the slower
 * position-keeping parser runs lazily, once per file, on first use.
 */
export function createLocator(textOf: () => string, kind: SourceKind): (path: DocPath) => SourcePosition | undefined {
  if (kind === 'text') return () => undefined;
  let doc: Document | undefined;
  let counter: LineCounter | undefined;
  return (path) => {
    if (!doc) {
      const { LineCounter, parseDocument } = loadYaml();
      counter = new LineCounter();
      doc = parseDocument(textOf(), { lineCounter: counter, keepSourceTokens: false, uniqueKeys: false, strict: false, prettyErrors: false });
    }
    const offset = offsetOf(doc, path);
    if (offset === undefined) return undefined;
    const pos = counter!.linePos(offset);
    return positionWithOffset(pos.line, pos.col, offset);
  };
}

/**
 * Positions in a streamed list: a path inside item N is looked up in that item's own text (the
 * last item asked for is kept), so no position ever parses the whole file; other paths (the
 * version, the head) go to `whole`.
 */
export function itemLocator(list: LazyList, kind: SourceKind, whole: (path: DocPath) => SourcePosition | undefined): (path: DocPath) => SourcePosition | undefined {
  let cache: { index: number; locate: (path: DocPath) => SourcePosition | undefined } | undefined;
  let head: ((path: DocPath) => SourcePosition | undefined) | undefined;
  const depth = list.path.length;
  return (path) => {
    const index = path[depth];
    if (typeof index !== 'number' || index < 0 || index >= list.length || list.path.some((key, i) => path[i] !== key)) {
      // The root, or a key before the list (`version` in go-vcr), is where the small head puts it; one after the
      // list (VCR.py's `version`) needs the whole file, once.
      const at = (head ??= createLocator(() => list.head.text, kind))(path);
      return at?.offset !== undefined && at.offset < list.head.prefix ? at : whole(path);
    }
    if (cache?.index !== index) {
      const source = list.source(index);
      const inner = createLocator(() => source.text, kind);
      // A YAML item's text is a one-item list (`- request: ...`); a JSON item's is the value itself.
      const base: DocPath = kind === 'yaml' ? [0] : [];
      cache = {
        index,
        locate: (rel) => {
          const at = inner([...base, ...rel]);
          if (at?.offset === undefined) return undefined;
          const point = pointIn(source.text, at.offset, source);
          return positionWithOffset(point.line, point.column, point.offset);
        },
      };
    }
    return cache.locate(path.slice(depth + 1));
  };
}

/** Offset of the deepest node on the path that exists (so a missing key points at its parent). */
function offsetOf(doc: Document, path: DocPath): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const key of path) {
    if (!loadYaml().isCollection(node)) break;
    const next = findChild(node.items, key);
    if (!next) break;
    offset = rangeStart(next.keyNode) ?? rangeStart(next.value) ?? offset;
    if (next.value === undefined) break;
    node = next.value;
    if (!loadYaml().isCollection(node)) offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function findChild(items: unknown[], key: string | number): { keyNode: unknown; value: unknown } | undefined {
  if (typeof key === 'number' && !loadYaml().isPair(items[0])) {
    const item = items[key];
    return item === undefined ? undefined : { keyNode: undefined, value: item };
  }
  for (const item of items) {
    if (!loadYaml().isPair(item)) continue;
    const k = loadYaml().isScalar(item.key) ? item.key.value : item.key;
    if (String(k) === String(key)) return { keyNode: item.key, value: item.value };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  if (!loadYaml().isNode(node)) return undefined;
  return node.range?.[0];
}
