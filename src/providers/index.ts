import type { Provider } from '../llm/types.js';
import { anthropic } from './anthropic.js';
import { bedrockConverse } from './bedrock-converse.js';
import { bedrockInvoke } from './bedrock-invoke.js';
import { cohere } from './cohere.js';
import { embeddings } from './embeddings.js';
import { gemini } from './gemini.js';
import { ollama } from './ollama.js';
import { openaiChat } from './openai-chat.js';
import { openaiCompletions } from './openai-completions.js';
import { openaiResponses } from './openai-responses.js';

/**
 * Every wire format, in detection order: specific URL shapes first, the permissive
 * OpenAI-compatible chat shape last.
 */
export const PROVIDERS: readonly Provider[] = [
  embeddings,
  bedrockConverse,
  bedrockInvoke,
  anthropic,
  gemini,
  cohere,
  ollama,
  openaiResponses,
  openaiCompletions,
  openaiChat,
];

export function findProvider(id: string): Provider | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

export type { Provider, ProviderId } from '../llm/types.js';
