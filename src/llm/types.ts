import type { Interaction } from '../model/types.js';

export type ProviderId =
  | 'openai-chat'
  | 'openai-responses'
  | 'anthropic'
  | 'gemini'
  | 'bedrock-converse'
  | 'bedrock-invoke'
  | 'ollama'
  | 'cohere'
  | 'openai-completions'
  | 'embeddings';

export interface ToolCall {
  id?: string | undefined;
  name: string;
  /** Parsed JSON arguments; the raw text when it is not valid JSON. */
  arguments: unknown;
  /** Arguments exactly as streamed/recorded. */
  argumentsText: string;
  /** Set when the arguments did not assemble into valid JSON. */
  argumentsError?: string | undefined;
  /** Server-side tools (web search, code execution) run by the provider. */
  serverSide?: boolean | undefined;
}

/** Token counts normalized across providers. `inputTokens` includes cached reads. */
export interface Usage {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  totalTokens?: number | undefined;
  cacheReadTokens?: number | undefined;
  cacheWriteTokens?: number | undefined;
  reasoningTokens?: number | undefined;
  /** Anthropic cache writes with the 1-hour TTL (part of `cacheWriteTokens`), priced at 2x input, not 1.25x. */
  cacheWrite1hTokens?: number | undefined;
  /** Perplexity's `search_context_size` (`low` | `medium` | `high`): it sets the per-request fee. */
  searchContextSize?: string | undefined;
  /** Anthropic's server-side web searches (`usage.server_tool_use.web_search_requests`), billed per search. */
  webSearches?: number | undefined;
  /** Audio tokens among `inputTokens` / `outputTokens` (Gemini's AUDIO modality, OpenAI's `audio_tokens`): audio has its own, higher price. */
  inputAudioTokens?: number | undefined;
  outputAudioTokens?: number | undefined;
  /** OpenAI's `service_tier` of the response: `flex` is billed at the Batch API's half price. */
  serviceTier?: string | undefined;
  /** Image tokens among `outputTokens` (Gemini's IMAGE modality in candidatesTokensDetails): images have their own, higher price. */
  outputImageTokens?: number | undefined;
  /** Audio tokens among `cacheReadTokens` (Gemini's cacheTokensDetails). */
  cacheAudioReadTokens?: number | undefined;
  /** Anthropic's `usage.inference_geo`: where the call ran (`us`: US-only inference, billed at 1.1x). */
  inferenceGeo?: string | undefined;
  /** Money the API itself reported for this call, in USD (OpenRouter `usage.cost`, Perplexity `usage.cost.total_cost`, xAI `cost_in_usd_ticks`). */
  cost?: number | undefined;
}

export interface Choice {
  index: number;
  text: string;
  reasoning: string;
  refusal?: string | undefined;
  toolCalls: ToolCall[];
  finishReason?: string | undefined;
}

export interface LlmError {
  message: string;
  type?: string | undefined;
  code?: string | number | undefined;
}

/** One reassembled model response, streamed or not. */
export interface LlmResponse {
  provider: ProviderId;
  model?: string | undefined;
  id?: string | undefined;
  /** Unix seconds, when the API reported it (milliseconds are converted). */
  created?: number | undefined;
  /** The first (or only) choice, flattened for convenience. */
  text: string;
  reasoning: string;
  refusal?: string | undefined;
  toolCalls: ToolCall[];
  finishReason?: string | undefined;
  /** All choices, when there is more than one. */
  choices?: Choice[] | undefined;
  usage?: Usage | undefined;
  streamed: boolean;
  /** An API error (HTTP error body or a mid-stream error event). */
  error?: LlmError | undefined;
  /** The stream ended without its terminal event. */
  truncated?: boolean | undefined;
  /** Anthropic `redacted_thinking` blocks (Bedrock `redactedContent`): encrypted reasoning, counted, never shown. */
  redactedThinkingBlocks?: number | undefined;
  /** Output items of a type this reader does not know (Responses), kept by their type. */
  otherOutputs?: string[] | undefined;
  /** Embedding calls: how many vectors of what size (never the vectors). */
  embeddings?: { count: number; dimensions: number } | undefined;
  /** Things a reader should know: unparseable chunks, truncation, bad tool JSON. */
  warnings: string[];
}

export interface ContentPart {
  type: 'text' | 'image' | 'audio' | 'file' | 'tool-result' | 'thinking' | 'other';
  text?: string | undefined;
  /** For non-text parts: a short description such as `image/png 12 KB` or a URL. */
  summary?: string | undefined;
  /** Inline media as recorded (base64 and its declared type), for renderers that can show it (`show --html`). */
  inline?: InlineMedia | undefined;
}

/** Base64 data of an inline image; `mediaType` is what the request declared, unchecked. */
export interface InlineMedia {
  mediaType: string | undefined;
  base64: string;
}

export interface LlmMessage {
  role: string;
  /** All text of the message joined; non-text parts summarised in `parts`. */
  text: string;
  parts?: ContentPart[] | undefined;
  toolCalls?: ToolCall[] | undefined;
  /** For tool results: the call they answer. */
  toolCallId?: string | undefined;
  name?: string | undefined;
}

export interface ToolDefinition {
  name: string;
  description?: string | undefined;
  /** Parameter names from the JSON schema's `properties`. */
  parameters: string[];
  schema?: unknown;
}

/** The request side of an LLM call. */
export interface LlmRequest {
  provider: ProviderId;
  model?: string | undefined;
  /** The system prompt / instructions, when the API keeps it apart from messages. */
  system?: string | undefined;
  messages: LlmMessage[];
  tools: ToolDefinition[];
  /** Key parameters: stream, max_tokens, temperature, tool_choice and the like. */
  params: Record<string, unknown>;
  stream?: boolean | undefined;
}

/** A provider's wire format: detection plus request/response reassembly. */
export interface Provider {
  id: ProviderId;
  /** One line for the README and `--help`. */
  description: string;
  /** True when the interaction is this provider's traffic (by URL and body shape). */
  detect(interaction: Interaction): boolean;
  parseRequest(interaction: Interaction): LlmRequest;
  /** Undefined when there is no response to read. */
  parseResponse(interaction: Interaction): LlmResponse | undefined;
}

/** What `show`, `cost` and `diff` use. */
export interface LlmExchange {
  provider: ProviderId;
  request: LlmRequest;
  response: LlmResponse | undefined;
}
