import type { HtmlCassetteReport } from '../../show/html-report.js';
import { formatUsd } from '../format.js';
import { html, type SafeHtml } from './escape.js';
import { findingList } from './findings.js';
import { interactionCard } from './interaction.js';
import type { HtmlOptions } from './options.js';
import { rawData } from './raw.js';
import { timeline } from './timeline.js';

/** One cassette: summary line, timeline, file-level findings, then a card per interaction. */
export function cassetteSection(r: HtmlCassetteReport, n: number, o: HtmlOptions): SafeHtml {
  const { cassette, interactions, warnings } = r.show;
  const idOf = (index: number) => `c${n}-i${index}`;
  const onFile = r.findings.filter((f) => f.interaction === undefined);
  const findingsOf = groupBy(r.findings, (f) => f.interaction);
  const warningsOf = groupBy(warnings, (w) => w.interaction);
  const cards = interactions.map((s, k) => {
    const index = s.interaction.index;
    const previous = interactions[k - 1];
    return interactionCard(
      s,
      {
        id: idOf(index),
        rawId: `raw-${idOf(index)}`,
        previousId: previous ? idOf(previous.interaction.index) : undefined,
        cost: r.costs.get(index),
        findings: findingsOf.get(index) ?? [],
        warnings: warningsOf.get(index) ?? [],
      },
      o,
    );
  });
  const t = r.total;
  const version = cassette.version !== undefined ? ` v${cassette.version}` : '';
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  return html`<section class="cassette" id="c${n}"><h2 class="mono">${cassette.path}</h2><div class="summary"><span>format <b>${cassette.format}${version}</b></span><span><b>${
    cassette.interactions.length
  }</b> interaction${cassette.interactions.length === 1 ? '' : 's'}${interactions.length < cassette.interactions.length ? ` (${interactions.length} shown)` : ''}</span><span><b>${t.interactions}</b> LLM call${
    t.interactions === 1 ? '' : 's'
  }</span><span>tokens <b>${t.inputTokens + t.outputTokens}</b> (${t.inputTokens} in / ${t.outputTokens} out)</span><span>cost <b>${formatUsd(t.cost)}</b>${costNote(r)}</span><span>lint <b>${
    r.findings.length
  }</b> finding${r.findings.length === 1 ? '' : 's'}${errors > 0 ? ` (${errors} error${errors === 1 ? '' : 's'})` : ''}</span></div>${timeline(interactions, idOf)}${findingList(
    onFile,
    warnings.filter((w) => w.interaction === undefined),
    o,
  )}${cards}<div class="raw-data">${interactions.map((s) => rawData(`raw-${idOf(s.interaction.index)}`, s.interaction, o))}</div></section>`;
}

function costNote(r: HtmlCassetteReport): string {
  const { recorded, estimated, unknown } = r.total;
  const bits = [recorded ? `${recorded} recorded` : '', estimated ? `${estimated} estimated` : '', unknown ? `${unknown} unknown` : ''].filter(Boolean);
  return bits.length > 0 ? ` (${bits.join(', ')})` : '';
}

function groupBy<T>(items: readonly T[], key: (item: T) => number | undefined): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
