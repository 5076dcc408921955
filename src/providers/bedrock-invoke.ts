import { asArray, asRecord, asString, tryJson } from '../llm/json.js';
import type { LlmRequest, LlmResponse, Provider } from '../llm/types.js';
import type { Interaction } from '../model/types.js';
import { applyAnthropicMessage } from './anthropic-content.js';
import { parseAnthropicRequest } from './anthropic-request.js';
import { AnthropicStreamAccumulator } from './anthropic-stream.js';
import { applyConverseOutput, parseConverseRequest } from './bedrock-converse-content.js';
import { ConverseStreamAccumulator } from './bedrock-converse-stream.js';
import { InvokeChunkAccumulator, parseInvokeRequest } from './bedrock-invoke-models.js';
import { awsError, bedrockCall, eventStreamBytes, headerUsage, invocationMetrics, readStreamEvents } from './bedrock-shared.js';
import { emptyResponse } from './reassembly.js';
import { clipText } from '../secrets/clip.js';

const CONVERSE_EVENTS = new Set(['messageStart', 'contentBlockStart', 'contentBlockDelta', 'contentBlockStop', 'messageStop', 'metadata']);

/** Amazon Bedrock InvokeModel and InvokeModelWithResponseStream, whatever model family is inside. */
export const bedrockInvoke: Provider = {
  id: 'bedrock-invoke',
  description: 'Amazon Bedrock InvokeModel(WithResponseStream): Anthropic, Amazon Nova and Titan, Cohere, Mistral, Meta Llama, AI21 bodies',
  detect(interaction) {
    const call = bedrockCall(interaction.request.url);
    // Embedding models share the endpoint; they belong to the embeddings reader.
    return (call?.action === 'invoke' || call?.action === 'invoke-with-response-stream') && !/embed/i.test(call.modelId);
  },
  parseRequest(interaction) {
    const call = bedrockCall(interaction.request.url);
    const stream = call?.action === 'invoke-with-response-stream';
    const req = asRecord(interaction.request.body.json) ?? {};
    let request: LlmRequest;
    if (typeof req.anthropic_version === 'string' || (call?.modelId.includes('anthropic.') && Array.isArray(req.messages))) {
      request = parseAnthropicRequest(req, 'bedrock-invoke', call?.modelId);
    } else if (isConverseShaped(req)) request = parseConverseRequest(req, 'bedrock-invoke', call?.modelId, stream);
    else request = parseInvokeRequest(req, call?.modelId, stream);
    request.stream = stream;
    return request;
  },
  parseResponse: reassembleInvoke,
};

/** Nova's `messages-v1` body: Converse-style content blocks without a `type`. */
function isConverseShaped(req: Record<string, unknown>): boolean {
  if (req.schemaVersion === 'messages-v1') return true;
  const first = asRecord(asArray(req.messages)[0]);
  return Array.isArray(first?.content) && asArray(first.content).every((b) => asRecord(b)?.type === undefined);
}

export function reassembleInvoke(interaction: Interaction): LlmResponse | undefined {
  const res = interaction.response;
  if (!res) return undefined;
  const model = bedrockCall(interaction.request.url)?.modelId;
  const bytes = eventStreamBytes(res.body);
  if (bytes) return fromStream(bytes, { ...emptyResponse('bedrock-invoke', true), model });
  const out: LlmResponse = { ...emptyResponse('bedrock-invoke', false), model };
  const error = awsError(res);
  if (error) out.error = error;
  const body = asRecord(res.body.json);
  if (body && !error) {
    if (body.type === 'message' || (Array.isArray(body.content) && body.role !== undefined) || typeof body.completion === 'string') applyAnthropicMessage(out, body);
    else if (asRecord(asRecord(body.output)?.message)) applyConverseOutput(out, body);
    else {
      const acc = new InvokeChunkAccumulator(out);
      acc.push(body);
      acc.finish(false);
    }
  } else if (!error && bedrockCall(interaction.request.url)?.action === 'invoke-with-response-stream') {
    out.streamed = true;
    out.warnings.push('invoke-with-response-stream response holds no eventstream frames');
  }
  out.usage ??= headerUsage(res);
  return out;
}

/** Frames of `chunk` events whose payload holds the inner model's event as base64 `bytes`. */
function fromStream(bytes: Uint8Array, out: LlmResponse): LlmResponse {
  const chunks: Record<string, unknown>[] = [];
  for (const event of readStreamEvents(bytes, out)) {
    const encoded = asString(event.payload.bytes);
    if (encoded === undefined) continue;
    const text = Buffer.from(encoded, 'base64').toString('utf8');
    const parsed = tryJson(text);
    const chunk = parsed.ok ? asRecord(parsed.value) : undefined;
    if (chunk) chunks.push(chunk);
    else out.warnings.push(`chunk ${chunks.length + 1}: decoded bytes are not a JSON object: ${clipText(text, 60)}`);
  }
  const first = chunks[0] ?? {};
  if (typeof first.type === 'string' && /^(message|content_block)_|^ping$|^error$/.test(first.type)) {
    const acc = new AnthropicStreamAccumulator(out);
    for (const chunk of chunks) acc.push(chunk);
    return acc.finish();
  }
  if (Object.keys(first).some((k) => CONVERSE_EVENTS.has(k))) {
    const acc = new ConverseStreamAccumulator(out);
    for (const chunk of chunks) {
      for (const [key, value] of Object.entries(chunk)) if (CONVERSE_EVENTS.has(key)) acc.push(key, asRecord(value) ?? {});
    }
    acc.finish();
    out.usage ??= chunks.map(invocationMetrics).find(Boolean);
    return out;
  }
  const acc = new InvokeChunkAccumulator(out);
  for (const chunk of chunks) acc.push(chunk);
  return acc.finish(true);
}
