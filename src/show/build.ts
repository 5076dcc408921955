import { analyzeInteraction } from '../llm/analyze.js';
import type { LlmExchange, LlmMessage } from '../llm/types.js';
import type { Cassette, Interaction, SourcePosition } from '../model/types.js';
import { undecodableMessage } from '../model/body.js';

export interface ShowOptions {
  /** Only these interaction indexes (all when undefined). */
  only?: ReadonlySet<number> | undefined;
  /** Force a provider id instead of detecting one. */
  provider?: string | undefined;
}

export interface ShowWarning {
  message: string;
  interaction?: number | undefined;
  position?: SourcePosition | undefined;
}

export interface ShownInteraction {
  interaction: Interaction;
  llm: LlmExchange | undefined;
  /** Request messages from this index on are new since the previous LLM call in the cassette. */
  firstNewMessage: number | undefined;
  position: SourcePosition | undefined;
}

export interface ShowReport {
  cassette: Cassette;
  interactions: ShownInteraction[];
  warnings: ShowWarning[];
}

/** Reassemble every interaction of a cassette for display. */
export function buildShowReport(cassette: Cassette, options: ShowOptions = {}): ShowReport {
  const builder = createShowBuilder(cassette, options);
  const shown: ShownInteraction[] = [];
  for (const interaction of cassette.interactions) {
    const one = builder.add(interaction);
    if (one) shown.push(one);
  }
  return { cassette, interactions: shown, warnings: builder.warnings() };
}

export interface ShowBuilder {
  /** Reassemble the next interaction; undefined when `only` leaves it out. */
  add(interaction: Interaction): ShownInteraction | undefined;
  /** Load warnings (read at the end, since a streamed cassette adds them as it goes), then reassembly warnings. */
  warnings(): ShowWarning[];
}

/**
 * Reassembles interactions one at a time, in order, keeping only what the next one needs (the
 * previous request's messages), so a streamed cassette never has to be held whole.
 */
export function createShowBuilder(cassette: Cassette, options: ShowOptions = {}): ShowBuilder {
  const found: ShowWarning[] = [];
  let previous: LlmMessage[] | undefined;
  return {
    add(interaction) {
      const llm = analyzeSafely(interaction, options.provider, found);
      const messages = llm?.request.messages;
      // Only a continued conversation has "new" messages; an unrelated one shares no prefix.
      const prefix = messages && previous ? commonPrefix(previous, messages) : 0;
      const firstNewMessage = prefix > 0 ? prefix : undefined;
      if (messages) previous = messages;
      if (options.only && !options.only.has(interaction.index)) return undefined;
      // A file cut mid-interaction still parses: say so rather than show a made-up request as fine.
      const missing = [!interaction.request.url && 'request URL', !interaction.response && 'response'].filter(Boolean);
      if (missing.length > 0) found.push({ message: `no ${missing.join(' and no ')} recorded: the interaction is incomplete (was the file cut short?)`, interaction: interaction.index, position: cassette.locate(interaction.docPath) });
      for (const side of ['request', 'response'] as const) {
        const body = interaction[side]?.body;
        const bodyPath = interaction.fieldPaths[`${side}.body`] ?? interaction.docPath;
        if (body?.undecodable) found.push({ message: undecodableMessage(side, body.undecodable), interaction: interaction.index, position: cassette.locate(bodyPath) });
        const depth = body?.tooDeep;
        if (depth === undefined) continue;
        found.push({ message: `${side} body nests deeper than ${depth} levels: shown as text (raise the limit with CASSETTE_MAX_BODY_DEPTH)`, interaction: interaction.index, position: cassette.locate(bodyPath) });
      }
      for (const message of llm?.response?.warnings ?? []) {
        const bodyPath = interaction.fieldPaths['response.body'] ?? interaction.docPath;
        found.push({ message, interaction: interaction.index, position: cassette.locate(bodyPath) });
      }
      return { interaction, llm, firstNewMessage, position: undefined };
    },
    warnings() {
      const loaded = cassette.warnings.map((w) => ({ message: w.message, interaction: w.interaction, position: w.path ? cassette.locate(w.path) : undefined }));
      return [...loaded, ...found];
    },
  };
}

function analyzeSafely(interaction: Interaction, provider: string | undefined, warnings: ShowWarning[]): LlmExchange | undefined {
  try {
    return analyzeInteraction(interaction, { provider });
  } catch (error) {
    // A reassembler bug must not hide the rest of the cassette; say so visibly.
    warnings.push({ message: `could not reassemble the LLM call: ${(error as Error).message}`, interaction: interaction.index });
    return undefined;
  }
}

function commonPrefix(a: readonly LlmMessage[], b: readonly LlmMessage[]): number {
  let i = 0;
  while (i < a.length && i < b.length && sameMessage(a[i]!, b[i]!)) i++;
  return i;
}

function sameMessage(a: LlmMessage, b: LlmMessage): boolean {
  return a.role === b.role && a.text === b.text && a.toolCallId === b.toolCallId && (a.toolCalls?.length ?? 0) === (b.toolCalls?.length ?? 0);
}
