import { analyzeInteraction } from '../llm/analyze.js';
import type { LlmExchange } from '../llm/types.js';
import type { CassetteStream } from '../load.js';
import type { Cassette, Interaction, SourcePosition } from '../model/types.js';
import { positionAt } from '../source/document.js';
import { pointIn } from '../source/offsets.js';
import { detach } from '../text/detach.js';
import type { Finding, Rule, RuleContext, RuleReport, Severity, SeveritySetting, TextSpan } from './types.js';

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** Run the rules over one cassette; findings come back sorted by position, with severities applied. */
export function lintCassette(cassette: Cassette, rules: readonly Rule[], settings: ReadonlyMap<string, RuleSetting>, fileSize: number, provider?: string): Finding[] {
  return lintStream({ cassette, interactionCount: cassette.interactions.length, interactions: () => cassette.interactions }, rules, settings, fileSize, provider);
}

/**
 * Lint a cassette one interaction at a time (see openCassette): each rule sees a view of the
 * cassette holding only the current interaction (and, for a streamed file, only its item in
 * `data`), so memory stays flat and every search and position stays inside that interaction's
 * own text. `scope: 'file'` rules run once, on the view with no interactions.
 */
export function lintStream(stream: CassetteStream, rules: readonly Rule[], settings: ReadonlyMap<string, RuleSetting>, fileSize: number, provider?: string): Finding[] {
  const { cassette } = stream;
  const active = rules.flatMap((rule) => {
    const setting = settings.get(rule.id);
    const severity: SeveritySetting = setting?.severity ?? rule.defaultSeverity;
    return severity === 'off' ? [] : [{ rule, severity: severity as Severity, options: setting?.options ?? {}, state: {} as Record<string, unknown> }];
  });
  const findings: Finding[] = [];
  let memo: { interaction: Interaction; exchange: LlmExchange | undefined } | undefined;
  const llm = (i: Interaction) => {
    if (memo?.interaction !== i) {
      let exchange: LlmExchange | undefined;
      try {
        exchange = analyzeInteraction(i, { provider });
      } catch {
        exchange = undefined;
      }
      memo = { interaction: i, exchange };
    }
    return memo.exchange;
  };
  // One context per rule, its view and span set anew for each interaction: rules run one at a time
  // and keep nothing of a context between calls, and a run of thousands of interactions makes
  // no context per rule and interaction.
  const contexts = (scope: 'file' | 'interaction') =>
    active.filter(({ rule }) => (rule.scope ?? 'interaction') === scope).map(({ rule, severity, options, state }) => ({ rule, severity, context: { cassette, options, fileSize, llm, interactionCount: stream.interactionCount, state, span: wholeSpan(cassette) } as RuleContext }));
  const run = (rules: { rule: Rule; severity: Severity; context: RuleContext }[], view: Cassette, span: (i: Interaction) => TextSpan) => {
    for (let r = 0; r < rules.length; r++) {
      const { rule, severity, context } = rules[r]!;
      context.cassette = view;
      context.span = span;
      const reports = rule.check(context);
      for (let k = 0; k < reports.length; k++) findings.push(toFinding(rule, severity, reports[k]!, view, positionOf(view, reports[k]!, span)));
    }
  };
  run(contexts('file'), viewOf(cassette, [], cassette.data), wholeSpan(cassette));
  const perInteraction = contexts('interaction');
  const list = stream.list;
  const whole = list ? undefined : wholeSpan(cassette);
  const withItem = list ? itemData(cassette.data, list.path) : undefined;
  for (const interaction of stream.interactions()) {
    if (list) {
      const source = list.source(interaction.index);
      const span: TextSpan = { text: source.text, offset: source.offset, start: 0, end: source.text.length, point: source };
      run(perInteraction, viewOf(cassette, [interaction], withItem!(interaction.index, list.item(interaction.index))), () => span);
    } else run(perInteraction, viewOf(cassette, [interaction], cassette.data), whole!);
  }
  return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.ruleId.localeCompare(b.ruleId));
}

function toFinding(rule: Rule, severity: Severity, report: RuleReport, view: Cassette, position: SourcePosition | undefined): Finding {
  const interaction = report.interaction === undefined ? undefined : interactionAt(view, report.interaction);
  return {
    ruleId: rule.id,
    severity: severity === 'warn' ? 'warn' : (report.severity ?? severity),
    // Findings outlive their interaction: their strings must not keep its text alive (see detach).
    message: detach(report.message),
    line: position?.line,
    column: position?.column,
    interaction: report.interaction,
    path: report.path?.map((key) => (typeof key === 'string' ? detach(key) : key)),
    fix: report.fix,
    method: detach(interaction?.request.method),
    url: detach(interaction?.request.url),
    field: detach(report.field),
  };
}

function interactionAt(cassette: Cassette, index: number): Interaction | undefined {
  const byPosition = cassette.interactions[index];
  return byPosition?.index === index ? byPosition : cassette.interactions.find((i) => i.index === index);
}

/** An offset inside the reporting interaction's own text is placed from that text alone. */
function positionOf(view: Cassette, report: RuleReport, span: (i: Interaction) => TextSpan): SourcePosition | undefined {
  if (report.offset !== undefined) {
    const own = view.interactions.length === 1 ? span(view.interactions[0]!) : undefined;
    if (own?.point && report.offset >= own.offset && report.offset <= own.offset + own.text.length) return pointIn(own.text, report.offset - own.offset, own.point);
    // The file's start (file-size) needs no text: decoding a large streamed file only for it costs.
    return report.offset === 0 ? { line: 1, column: 1 } : positionAt(view.text, report.offset);
  }
  return report.path ? view.locate(report.path) : undefined;
}

/**
 * The cassette as one rule call sees it: the same object but for its interactions and data. Set by
 * assignment, one view per interaction stays a fast object (property descriptors made each a
 * dictionary: ~2% of lint, and slower reads in every rule); a cassette whose own are read-only
 * (frozen) gets them as descriptors.
 */
function viewOf(cassette: Cassette, interactions: Interaction[], data: unknown): Cassette {
  const view = Object.create(cassette) as Cassette;
  if (Reflect.set(view, 'interactions', interactions) && Reflect.set(view, 'data', data)) return view;
  return Object.create(cassette, { interactions: { value: interactions, enumerable: true }, data: { value: data, enumerable: true } }) as Cassette;
}

/**
 * `(index, item)` gives `data` with the streamed list holding only item `index`, at its own index
 * (rules read items by path). One copy of the document's spine and one list serve every item, the
 * item before deleted (a hole, as the places before it are): a new holey list per item reserved room
 * for all the places before it, ~4% of a 10 MiB file's lint allocations. Items come in order; one
 * asked for out of order gets a fresh list, so the list's length is always `index + 1`.
 */
function itemData(data: unknown, path: readonly string[]): (index: number, item: unknown) => unknown {
  let list: unknown[] = [];
  let root: unknown = list;
  let last = -1;
  const place = (fresh: unknown[]) => {
    list = fresh;
    if (path.length === 0) return (root = list);
    const top = { ...(data as Record<string, unknown>) };
    let parent = top;
    for (const key of path.slice(0, -1)) parent = parent[key] = { ...(parent[key] as Record<string, unknown>) };
    parent[path[path.length - 1]!] = list;
    return (root = top);
  };
  place(list);
  return (index, item) => {
    if (index <= last) place([]);
    else if (last >= 0) delete list[last];
    list[index] = item;
    last = index;
    return root;
  };
}

/**
 * For a file read whole: the whole text, searched from the interaction's own position to the next
 * interaction's, so a value repeated in every interaction is found in each, not at its first use.
 */
function wholeSpan(cassette: Cassette): (i: Interaction) => TextSpan {
  return (i) => {
    const text = cassette.text;
    const last = i.docPath[i.docPath.length - 1];
    const start = cassette.locate(i.docPath)?.offset ?? 0;
    const end = typeof last === 'number' ? (cassette.locate([...i.docPath.slice(0, -1), last + 1])?.offset ?? text.length) : text.length;
    return { text, offset: 0, start, end: end > start ? end : text.length };
  };
}
