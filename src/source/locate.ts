import { isCollection, isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { DocPath, SourceKind, SourcePosition } from '../model/types.js';

/**
 * Positions are needed only for lint findings and error messages, so the slower
 * position-keeping parser runs lazily, once per file, on first use.
 */
export function createLocator(text: string, kind: SourceKind): (path: DocPath) => SourcePosition | undefined {
  if (kind === 'text') return () => undefined;
  let doc: Document | undefined;
  let counter: LineCounter | undefined;
  return (path) => {
    if (!doc) {
      counter = new LineCounter();
      doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: false, uniqueKeys: false, strict: false, prettyErrors: false });
    }
    const offset = offsetOf(doc, path);
    if (offset === undefined) return undefined;
    const pos = counter!.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

/** Offset of the deepest node on the path that exists (so a missing key points at its parent). */
function offsetOf(doc: Document, path: DocPath): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const key of path) {
    if (!isCollection(node)) break;
    const next = findChild(node.items, key);
    if (!next) break;
    offset = rangeStart(next.keyNode) ?? rangeStart(next.value) ?? offset;
    if (next.value === undefined) break;
    node = next.value;
    if (!isCollection(node)) offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function findChild(items: unknown[], key: string | number): { keyNode: unknown; value: unknown } | undefined {
  if (typeof key === 'number' && !isPair(items[0])) {
    const item = items[key];
    return item === undefined ? undefined : { keyNode: undefined, value: item };
  }
  for (const item of items) {
    if (!isPair(item)) continue;
    const k = isScalar(item.key) ? item.key.value : item.key;
    if (String(k) === String(key)) return { keyNode: item.key, value: item.value };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  if (!isNode(node)) return undefined;
  return node.range?.[0];
}
