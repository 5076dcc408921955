import { costRow } from '../cost/collect.js';
import type { PriceTable } from '../cost/price-table.js';
import { addRow, emptyGroup } from '../cost/rollup.js';
import type { CostGroup, CostRow } from '../cost/types.js';
import { lintStream, type RuleSetting } from '../lint/engine.js';
import type { Finding, Rule } from '../lint/types.js';
import type { CassetteStream } from '../load.js';
import type { Cassette, Interaction } from '../model/types.js';
import { createShowBuilder, type ShowOptions, type ShownInteraction, type ShowReport } from './build.js';

/** One cassette as `show --html` draws it: the reassembled calls, their cost and the lint findings. */
export interface HtmlCassetteReport {
  show: ShowReport;
  /** Cost of each LLM interaction, by interaction index (plain HTTP calls have none). */
  costs: ReadonlyMap<number, CostRow>;
  /** Tokens and USD summed over the shown interactions. */
  total: CostGroup;
  /** Lint findings at the rules' default severities, sorted by position. */
  findings: Finding[];
}

/** What the page shows: every cassette, and the files that could not be read. */
export interface HtmlReport {
  cassettes: HtmlCassetteReport[];
  errors: { path: string; message: string }[];
}

export interface HtmlCassetteOptions extends ShowOptions {
  prices: PriceTable;
  rules: readonly Rule[];
  /** Rule severities and options; rules not listed keep their default. */
  ruleSettings?: ReadonlyMap<string, RuleSetting> | undefined;
  /** Size of the file as stored, in bytes (for the file-size rule). */
  fileSize: number;
}

/** Reassemble, cost and lint one cassette read whole (see buildHtmlCassetteStream). */
export function buildHtmlCassette(cassette: Cassette, options: HtmlCassetteOptions): HtmlCassetteReport {
  return buildHtmlCassetteStream({ cassette, interactionCount: cassette.interactions.length, interactions: () => cassette.interactions }, options);
}

/**
 * Reassemble, cost and lint one cassette in one pass over its interactions, reusing the `show`,
 * `cost` and `lint` cores: lint reads the stream (openCassette) as `cassette lint` does, so each
 * finding is placed from its own interaction's text, and every interaction it reads is also shown
 * and costed. A file read whole placed findings by parsing it again with positions and scanning
 * from its start for each one: 11 s of a 10 MiB file's 11.3 s.
 */
export function buildHtmlCassetteStream(stream: CassetteStream, options: HtmlCassetteOptions): HtmlCassetteReport {
  const builder = createShowBuilder(stream.cassette, options);
  const read: Interaction[] = [];
  const shown: ShownInteraction[] = [];
  const costs = new Map<number, CostRow>();
  const total = emptyGroup(stream.cassette.path);
  const each = function* (): Generator<Interaction> {
    for (const interaction of stream.interactions()) {
      read.push(interaction);
      const one = builder.add(interaction);
      if (one) shown.push(one);
      if (one?.llm) {
        const row = costRow(stream.cassette.path, interaction, one.llm, options.prices);
        costs.set(interaction.index, row);
        addRow(total, row);
      }
      yield interaction;
    }
  };
  const interactions = each();
  const only = options.only;
  const findings = lintStream({ ...stream, interactions: () => interactions }, options.rules, options.ruleSettings ?? new Map(), options.fileSize, options.provider).filter(
    (f) => !only || f.interaction === undefined || only.has(f.interaction),
  );
  // lint reads every interaction; this only guards that, so the page never misses one.
  for (const _ of interactions);
  // A streamed cassette's own list stays empty: the page counts the interactions read.
  const cassette = stream.cassette.interactions.length === read.length ? stream.cassette : (Object.create(stream.cassette, { interactions: { value: read, enumerable: true } }) as Cassette);
  return { show: { cassette, interactions: shown, warnings: builder.warnings() }, costs, total, findings };
}
