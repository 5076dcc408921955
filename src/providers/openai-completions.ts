import { asArray, asRecord, asString, unixSeconds } from '../llm/json.js';
import { looksLikeSse, parseSse } from '../llm/sse.js';
import type { LlmResponse, Provider } from '../llm/types.js';
import { mediaType } from '../model/headers.js';
import { chunkError, pathOf } from './openai-chat.js';
import { openAIUsage } from './openai-usage.js';
import { azureDeployment, pickParams } from './openai-shared.js';
import { emptyResponse, httpError, jsonEvents } from './reassembly.js';

/** OpenAI's legacy Completions API (`/v1/completions`): `prompt` in, `choices[].text` out. */
export const openaiCompletions: Provider = {
  id: 'openai-completions',
  description: 'OpenAI legacy Completions (`/v1/completions`, choices[].text), SSE and JSON',
  detect: (interaction) => /\/completions\/?$/.test(pathOf(interaction.request.url)) && !/\/chat\/completions\/?$/.test(pathOf(interaction.request.url)),
  parseRequest(interaction) {
    const req = asRecord(interaction.request.body.json) ?? {};
    const prompts = Array.isArray(req.prompt) ? req.prompt : [req.prompt];
    return {
      provider: 'openai-completions',
      model: asString(req.model) ?? azureDeployment(pathOf(interaction.request.url)),
      messages: prompts.filter((p): p is string => typeof p === 'string').map((text) => ({ role: 'prompt', text })),
      tools: [],
      params: pickParams(req, ['stream', 'max_tokens', 'temperature', 'top_p', 'n', 'stop', 'suffix', 'echo', 'logprobs']),
      stream: req.stream === true,
    };
  },
  parseResponse(interaction) {
    const res = interaction.response;
    if (!res) return undefined;
    const text = res.body.text ?? '';
    const streamed = looksLikeSse(text, mediaType(res.headers));
    const out = emptyResponse('openai-completions', streamed);
    const error = httpError(res);
    if (error) out.error = error;
    if (!streamed) {
      const body = asRecord(res.body.json);
      if (body) applyChunk(out, body);
      return out;
    }
    const stream = parseSse(text);
    for (const { event, data } of jsonEvents(text, out.warnings)) {
      out.error = chunkError(data, event) ?? out.error;
      applyChunk(out, data);
    }
    if (!stream.done && !out.error) {
      out.truncated = true;
      out.warnings.push('stream ended without [DONE]: the result is partial');
    }
    return out;
  },
};

function applyChunk(out: LlmResponse, body: Record<string, unknown>): void {
  out.model = asString(body.model) ?? out.model;
  out.id = asString(body.id) ?? out.id;
  out.created = unixSeconds(body.created) ?? out.created;
  const usage = asRecord(body.usage);
  if (usage) out.usage = openAIUsage(usage);
  const choice = asRecord(asArray(body.choices)[0]);
  if (!choice) return;
  out.text += asString(choice.text) ?? '';
  out.finishReason = asString(choice.finish_reason) ?? out.finishReason;
}
