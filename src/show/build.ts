import { analyzeInteraction } from '../llm/analyze.js';
import type { LlmExchange, LlmMessage } from '../llm/types.js';
import type { Cassette, Interaction, SourcePosition } from '../model/types.js';

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
  const warnings: ShowWarning[] = cassette.warnings.map((w) => ({
    message: w.message,
    interaction: w.interaction,
    position: w.path ? cassette.locate(w.path) : undefined,
  }));
  const shown: ShownInteraction[] = [];
  let previous: LlmMessage[] | undefined;
  for (const interaction of cassette.interactions) {
    const llm = analyzeSafely(interaction, options.provider, warnings);
    const messages = llm?.request.messages;
    // Only a continued conversation has "new" messages; an unrelated one shares no prefix.
    const prefix = messages && previous ? commonPrefix(previous, messages) : 0;
    const firstNewMessage = prefix > 0 ? prefix : undefined;
    if (messages) previous = messages;
    if (options.only && !options.only.has(interaction.index)) continue;
    for (const message of llm?.response?.warnings ?? []) {
      const bodyPath = interaction.fieldPaths['response.body'] ?? interaction.docPath;
      warnings.push({ message, interaction: interaction.index, position: cassette.locate(bodyPath) });
    }
    shown.push({ interaction, llm, firstNewMessage, position: undefined });
  }
  return { cassette, interactions: shown, warnings };
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
