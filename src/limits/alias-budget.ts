import { LimitError, limits } from './limits.js';

/**
 * js-yaml resolves an alias to the same object, so loading is cheap, but anything that walks the
 * result (flattening headers, JSON.stringify, diff) expands every alias: ten nested aliases of nine
 * items make 9^9 nodes from 631 bytes. This counts the expanded size without expanding (each shared
 * object once, memoized) and refuses a document that would grow more than `maxAliasNodes`, or that
 * refers to itself (an alias inside its own anchor), which no walker could finish.
 */
export function checkAliasExpansion(root: unknown): void {
  if (typeof root !== 'object' || root === null) return;
  const budget = limits().maxAliasNodes;
  const size = new Map<object, number>();
  const onPath = new Set<object>();
  let unique = 0;
  // Iterative post-order walk: a deep document must not overflow the stack here.
  const stack: { node: object; children: unknown[]; next: number; total: number }[] = [];
  const enter = (node: object) => {
    onPath.add(node);
    unique++;
    stack.push({ node, children: Array.isArray(node) ? node : Object.values(node), next: 0, total: 1 });
  };
  enter(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (typeof child !== 'object' || child === null || ArrayBuffer.isView(child)) {
        // A scalar of a node visited for the first time: part of the document as written.
        frame.total++;
        unique++;
        continue;
      }
      if (onPath.has(child)) throw new LimitError('YAML alias refers to the node that holds it (a recursive alias cannot be expanded)');
      const known = size.get(child);
      if (known !== undefined) frame.total += known;
      else enter(child);
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    size.set(frame.node, frame.total);
    // Checked at every node, not only the root, so a bomb stops early: nodes found later are written
    // out in the document, so they add as much to the expanded size as to the document's own.
    if (frame.total - unique > budget) {
      throw new LimitError(`YAML aliases expand beyond the alias expansion limit (${budget} nodes; raise it with CASSETTE_MAX_ALIAS_NODES)`);
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.total += frame.total;
  }
}
