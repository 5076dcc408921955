import { diffArrays } from 'diff';

/** One step of an alignment: an item kept (`same`, possibly edited), only before, or only after. */
export type AlignStep = { kind: 'same'; before: number; after: number } | { kind: 'removed'; before: number } | { kind: 'added'; after: number; appended: boolean } | { kind: 'edited'; before: number; after: number };

/**
 * Align two lists by content (Myers' diff over item keys), so an inserted item is one insertion
 * rather than every later item "edited". Within a gap, items left on both sides are paired in
 * order as edits; the rest are added or removed. `appended` marks additions after the last kept item.
 */
export function alignByKey(before: readonly string[], after: readonly string[]): AlignStep[] {
  const steps: AlignStep[] = [];
  let i = 0;
  let j = 0;
  let gapRemoved: number[] = [];
  let gapAdded: number[] = [];
  const flush = (atEnd: boolean) => {
    const edits = Math.min(gapRemoved.length, gapAdded.length);
    for (let k = 0; k < edits; k++) steps.push({ kind: 'edited', before: gapRemoved[k]!, after: gapAdded[k]! });
    for (const b of gapRemoved.slice(edits)) steps.push({ kind: 'removed', before: b });
    for (const a of gapAdded.slice(edits)) steps.push({ kind: 'added', after: a, appended: atEnd });
    gapRemoved = [];
    gapAdded = [];
  };
  for (const part of diffArrays(before as string[], after as string[])) {
    const count = part.count ?? part.value.length;
    if (part.removed) for (let k = 0; k < count; k++) gapRemoved.push(i++);
    else if (part.added) for (let k = 0; k < count; k++) gapAdded.push(j++);
    else {
      flush(false);
      for (let k = 0; k < count; k++) steps.push({ kind: 'same', before: i++, after: j++ });
    }
  }
  flush(true);
  return steps;
}
