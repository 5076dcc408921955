import type { Interaction } from '../model/types.js';
import { PROVIDERS, findProvider } from '../providers/index.js';
import type { LlmExchange, ProviderId } from './types.js';

export interface AnalyzeOptions {
  /** Force a provider instead of detecting one. */
  provider?: ProviderId | string | undefined;
}

/** Reassemble an interaction as an LLM call, or undefined when it is not one. */
export function analyzeInteraction(interaction: Interaction, options: AnalyzeOptions = {}): LlmExchange | undefined {
  const provider = options.provider ? findProvider(options.provider) : PROVIDERS.find((p) => p.detect(interaction));
  if (!provider) return undefined;
  return {
    provider: provider.id,
    request: provider.parseRequest(interaction),
    response: provider.parseResponse(interaction),
  };
}
