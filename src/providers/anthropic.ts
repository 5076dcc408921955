import { asRecord, asString, tryEventJson } from '../llm/json.js';
import { lineOf, looksLikeSse, parseSse } from '../llm/sse.js';
import type { LlmResponse, Provider, ProviderId } from '../llm/types.js';
import { getHeader, mediaType } from '../model/headers.js';
import type { Interaction } from '../model/types.js';
import { applyAnthropicMessage } from './anthropic-content.js';
import { parseAnthropicRequest } from './anthropic-request.js';
import { AnthropicStreamAccumulator } from './anthropic-stream.js';
import { emptyResponse, httpError } from './reassembly.js';
import { pathOf } from './openai-chat.js';
import { clipText } from '../secrets/clip.js';

/** Vertex AI partner-model URL: `.../publishers/anthropic/models/claude-3-7-sonnet@20250219:streamRawPredict`. */
const VERTEX = /\/publishers\/anthropic\/models\/([^/:]+):(?:stream)?rawPredict$/i;
const BEDROCK = /\/model\/[^/]+\/(?:invoke|invoke-with-response-stream|converse|converse-stream)$/;

/** Anthropic Messages API, direct or through Vertex AI (Bedrock InvokeModel is `bedrock-invoke`). */
export const anthropic: Provider = {
  id: 'anthropic',
  description: 'Anthropic Messages API (streamed and not), also through Vertex AI rawPredict/streamRawPredict',
  detect(interaction) {
    const path = pathOf(interaction.request.url);
    if (VERTEX.test(path)) return true;
    if (BEDROCK.test(path) || /\/count_tokens\/?$|\/batches(\/|$)/.test(path)) return false;
    if (/\/v1\/messages\/?$/.test(path)) return true;
    const req = asRecord(interaction.request.body.json);
    const marked = typeof req?.anthropic_version === 'string' || getHeader(interaction.request.headers, 'anthropic-version') !== undefined;
    return marked && Array.isArray(req?.messages);
  },
  parseRequest(interaction) {
    const req = asRecord(interaction.request.body.json) ?? {};
    const vertexModel = VERTEX.exec(pathOf(interaction.request.url))?.[1];
    const request = parseAnthropicRequest(req, 'anthropic', vertexModel);
    if (/:streamRawPredict$/i.test(interaction.request.url)) request.stream = true;
    return request;
  },
  parseResponse: (interaction) => reassembleAnthropic(interaction),
};

/** Reassemble a Messages API response: SSE events or one JSON message. */
export function reassembleAnthropic(interaction: Interaction, provider: ProviderId = 'anthropic'): LlmResponse | undefined {
  const res = interaction.response;
  if (!res) return undefined;
  const text = res.body.text;
  if (text && looksLikeSse(text, mediaType(res.headers))) return anthropicFromSse(text, provider);
  const out = emptyResponse(provider, false);
  const error = httpError(res);
  if (error) out.error = error;
  const body = asRecord(res.body.json);
  if (body && !error) applyAnthropicMessage(out, body);
  return out;
}

function anthropicFromSse(text: string, provider: ProviderId): LlmResponse {
  const acc = new AnthropicStreamAccumulator(emptyResponse(provider, true));
  for (const event of parseSse(text).events) {
    const parsed = tryEventJson(event);
    const record = parsed.ok ? asRecord(parsed.value) : undefined;
    if (!record) {
      const line = lineOf(text, event.data);
      acc.out.warnings.push(`${asString(event.event) ?? 'event'}${line ? ` at body line ${line}` : ''} is not a JSON object: ${clipText(event.data, 60)}`);
      continue;
    }
    acc.push(record, event.event);
  }
  return acc.finish();
}
