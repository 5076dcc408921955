import type { Interaction } from '../model/types.js';
import { PROVIDERS, findProvider } from '../providers/index.js';
import type { LlmExchange, ProviderId } from './types.js';

export interface AnalyzeOptions {
  /** Force a provider instead of detecting one. */
  provider?: ProviderId | string | undefined;
  /** False: the request only, `response` undefined (diff FILE compares requests: no stream is reassembled). */
  response?: boolean | undefined;
}

/** Reassemble an interaction as an LLM call, or undefined when it is not one. */
export function analyzeInteraction(interaction: Interaction, options: AnalyzeOptions = {}): LlmExchange | undefined {
  const provider = options.provider ? findProvider(options.provider) : PROVIDERS.find((p) => p.detect(interaction));
  if (!provider) return undefined;
  if (options.response === false) return { provider: provider.id, request: provider.parseRequest(interaction), response: undefined };
  const response = provider.parseResponse(interaction);
  const status = interaction.response?.status ?? 0;
  // An error inside a 2xx body is easy to miss: say so once, the same way for every provider.
  if (response?.error && status >= 200 && status < 300) {
    const { type, message } = response.error;
    response.warnings.push(`API error inside an HTTP ${status} response${response.streamed ? ' stream' : ''}: ${type ? `${type}: ` : ''}${message}`);
  }
  return { provider: provider.id, request: provider.parseRequest(interaction), response };
}
