import { asArray, asNumber, asRecord, asString } from '../llm/json.js';
import type { LlmMessage, LlmResponse, Provider, Usage } from '../llm/types.js';
import type { Interaction } from '../model/types.js';
import { pathOf } from './openai-chat.js';
import { decodeUriComponentSafe } from '../text/uri.js';
import { pickParams } from './openai-shared.js';
import { modelInPath } from '../llm/model-in-path.js';
import { emptyResponse, httpError } from './reassembly.js';

// OpenAI/Voyage/Perplexity `/embeddings`, Cohere `/embed`, Ollama `/api/embed(dings)`, Gemini
// `:embedContent`/`:batchEmbedContents`, Bedrock embedding models behind `/invoke`, and Vertex AI
// embedding models behind `:predict` (`publishers/google/models/text-embedding-005:predict`; the
// same verb serves Imagen and other models, so the model's name must say embedding).
const EMBED_PATH = /(\/embeddings?|\/embed|:embedContent|:batchEmbedContents)\/?$|\/model\/[^/]*embed[^/]*\/invoke$|\/models\/[^/:]*embed[^/:]*:predict$/i;

/** Embedding calls of any provider: how many vectors of what size, and usage. Never the vectors. */
export const embeddings: Provider = {
  id: 'embeddings',
  description: 'Embeddings from any provider (OpenAI, Cohere, Voyage, Gemini, Ollama, Bedrock): vector count, dimensions, usage',
  detect: (interaction) => EMBED_PATH.test(decodeUriComponentSafe(pathOf(interaction.request.url))),
  parseRequest(interaction) {
    const req = asRecord(interaction.request.body.json) ?? {};
    const model = asString(req.model) ?? modelInPath(decodeUriComponentSafe(pathOf(interaction.request.url)))?.model;
    return {
      provider: 'embeddings',
      model,
      messages: inputTexts(req).map((text): LlmMessage => ({ role: 'input', text })),
      tools: [],
      params: {
        ...pickParams(req, ['dimensions', 'encoding_format', 'input_type', 'output_dimension', 'embedding_types', 'taskType', 'truncate']),
        // Vertex `:predict` keeps its options in `parameters`.
        ...pickParams(asRecord(req.parameters) ?? {}, ['outputDimensionality', 'autoTruncate']),
      },
    };
  },
  parseResponse(interaction: Interaction): LlmResponse | undefined {
    const res = interaction.response;
    if (!res) return undefined;
    const out = emptyResponse('embeddings', false);
    const error = httpError(res);
    if (error) out.error = error;
    const body = asRecord(res.body.json);
    if (!body) return out;
    out.model = asString(body.model) ?? out.model;
    out.id = asString(body.id) ?? out.id;
    const vectors = vectorsOf(body);
    if (vectors.length > 0) out.embeddings = { count: vectors.length, dimensions: dimensionsOf(vectors[0]) };
    out.usage = embeddingUsage(body);
    return out;
  },
};

function inputTexts(req: Record<string, unknown>): string[] {
  const input = req.input ?? req.texts ?? req.prompt ?? req.inputText;
  if (typeof input === 'string') return [input];
  if (Array.isArray(input)) return input.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  // Vertex `:predict`: `instances: [{content, task_type?, title?}]` (Vertex AI text embeddings API).
  const instances = asArray(req.instances).map((i) => asString(asRecord(i)?.content));
  if (instances.length > 0) return instances.filter((text): text is string => text !== undefined);
  const requests = asArray(req.requests).map((r) => asRecord(asRecord(r)?.content));
  const contents = requests.length > 0 ? requests : [asRecord(req.content)];
  return contents.flatMap((c) => asArray(c?.parts).map((p) => asString(asRecord(p)?.text) ?? '')).filter(Boolean);
}

/** Every vector in the body, whichever shape the provider uses. */
function vectorsOf(body: Record<string, unknown>): unknown[] {
  if (Array.isArray(body.data)) return body.data.map((d) => asRecord(d)?.embedding);
  const embeddings = body.embeddings;
  if (Array.isArray(embeddings)) return embeddings.map((e) => asRecord(e)?.values ?? asRecord(e)?.embedding ?? e);
  const typed = asRecord(embeddings);
  if (typed) return asArray(Object.values(typed)[0]);
  // Vertex `:predict`: `predictions: [{embeddings: {values, statistics: {token_count, truncated}}}]`.
  if (Array.isArray(body.predictions)) return body.predictions.map((p) => asRecord(asRecord(p)?.embeddings)?.values);
  const one = body.embedding;
  if (one !== undefined) return [asRecord(one)?.values ?? one];
  return [];
}

function dimensionsOf(vector: unknown): number {
  if (Array.isArray(vector)) return vector.length;
  // base64 `encoding_format`: float32 values.
  if (typeof vector === 'string') return Math.floor((vector.length * 3) / 4 / 4);
  return 0;
}

function embeddingUsage(body: Record<string, unknown>): Usage | undefined {
  const usage = asRecord(body.usage);
  const billed = asRecord(asRecord(body.meta)?.billed_units);
  // Gemini `:embedContent`/`:batchEmbedContents` count the input in `usageMetadata.promptTokenCount`.
  const gemini = asNumber(asRecord(body.usageMetadata)?.promptTokenCount);
  const input =
    gemini ??
    vertexTokens(body) ??
    asNumber(usage?.prompt_tokens) ?? asNumber(usage?.total_tokens) ?? asNumber(billed?.input_tokens) ?? asNumber(body.prompt_eval_count) ?? asNumber(body.inputTextTokenCount) ?? asNumber(body.inputTokenCount);
  return input === undefined ? undefined : { inputTokens: input, outputTokens: 0, totalTokens: input };
}

/** Vertex `:predict` counts each instance's tokens in its `embeddings.statistics.token_count`. */
function vertexTokens(body: Record<string, unknown>): number | undefined {
  if (!Array.isArray(body.predictions)) return undefined;
  let sum: number | undefined;
  for (const p of body.predictions) {
    const count = asNumber(asRecord(asRecord(asRecord(p)?.embeddings)?.statistics)?.token_count);
    if (count !== undefined) sum = (sum ?? 0) + count;
  }
  return sum;
}
