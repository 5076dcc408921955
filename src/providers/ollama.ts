import { asArray, asNumber, asRecord, asString } from '../llm/json.js';
import { parseNdjson } from '../llm/ndjson.js';
import type { LlmMessage, LlmResponse, Provider } from '../llm/types.js';
import { mediaType } from '../model/headers.js';
import type { Interaction } from '../model/types.js';
import { pathOf, toolCall } from './openai-chat.js';
import { parseOpenAIMessages, parseOpenAITools, pickParams } from './openai-shared.js';
import { emptyResponse, httpError } from './reassembly.js';
import { clipText } from '../secrets/clip.js';

const OLLAMA_PATH = /\/api\/(chat|generate)\/?$/;

/** Ollama's native API; its OpenAI-compatible `/v1/chat/completions` is read as `openai-chat`. */
export const ollama: Provider = {
  id: 'ollama',
  description: 'Ollama /api/chat and /api/generate, NDJSON streams and JSON',
  detect: (interaction) => OLLAMA_PATH.test(pathOf(interaction.request.url)),
  parseRequest(interaction) {
    const req = asRecord(interaction.request.body.json) ?? {};
    const messages: LlmMessage[] = parseOpenAIMessages(req.messages).map((m, i) => withOllamaExtras(m, asRecord(asArray(req.messages)[i]) ?? {}));
    if (typeof req.prompt === 'string') messages.push({ role: 'user', text: req.prompt, ...imageParts(req.images) });
    const params = { ...pickParams(req, ['stream', 'format', 'think', 'raw', 'keep_alive']), ...asRecord(req.options) };
    return {
      provider: 'ollama',
      model: asString(req.model),
      system: asString(req.system) || undefined,
      messages,
      tools: parseOpenAITools(req.tools),
      params,
      // Ollama streams unless told not to.
      stream: req.stream !== false,
    };
  },
  parseResponse: reassembleOllama,
};

/** Ollama messages carry `images` (base64 list), `thinking`, tool calls with object arguments and `tool_name`. */
function withOllamaExtras(message: LlmMessage, raw: Record<string, unknown>): LlmMessage {
  const out: LlmMessage = { ...message, ...imageParts(raw.images) };
  const thinking = asString(raw.thinking);
  if (thinking) out.parts = [{ type: 'thinking', text: thinking }, ...(out.parts ?? [{ type: 'text', text: out.text }])];
  if (typeof raw.tool_name === 'string') out.name = raw.tool_name;
  return out;
}

function imageParts(images: unknown): Pick<LlmMessage, 'parts'> {
  const list = asArray(images).filter((i): i is string => typeof i === 'string');
  if (list.length === 0) return {};
  return { parts: list.map((i) => ({ type: 'image' as const, summary: `image, ${Math.round((i.length * 3) / 4 / 1024)} KB inline`, inline: { mediaType: undefined, base64: i } })) };
}

export function reassembleOllama(interaction: Interaction): LlmResponse | undefined {
  const res = interaction.response;
  if (!res) return undefined;
  const single = asRecord(res.body.json);
  const lines = single ? [{ line: 1, value: single, text: '' }] : parseNdjson(res.body.text ?? '');
  const streamed = !single || (mediaType(res.headers) ?? '').includes('ndjson');
  const out = emptyResponse('ollama', streamed);
  const error = httpError(res);
  if (error) out.error = error;
  let done = false;
  for (const line of lines) {
    const chunk = asRecord(line.value);
    if (!chunk) {
      if (line.error) out.warnings.push(`line ${line.line} is not JSON: ${clipText(line.text, 60)}`);
      continue;
    }
    if (typeof chunk.error === 'string') out.error = { message: chunk.error };
    done = readChunk(out, chunk) || done;
  }
  if (streamed && !done && !out.error) {
    out.truncated = true;
    out.warnings.push('stream ended without a "done": true line: the response may be truncated');
  }
  for (const call of out.toolCalls) if (call.argumentsError) out.warnings.push(`tool call ${call.name}: ${call.argumentsError}`);
  return out;
}

/** One NDJSON line (or the whole JSON body); true for the final `done` line. */
function readChunk(out: LlmResponse, chunk: Record<string, unknown>): boolean {
  out.model = asString(chunk.model) ?? out.model;
  const created = asString(chunk.created_at);
  if (created && out.created === undefined && !Number.isNaN(Date.parse(created))) out.created = Math.floor(Date.parse(created) / 1000);
  const message = asRecord(chunk.message) ?? {};
  out.text += asString(message.content) ?? asString(chunk.response) ?? '';
  out.reasoning += asString(message.thinking) ?? asString(chunk.thinking) ?? '';
  for (const tc of asArray(message.tool_calls)) {
    const call = asRecord(tc) ?? {};
    const fn = asRecord(call.function) ?? {};
    const args = fn.arguments;
    out.toolCalls.push(toolCall(asString(call.id), asString(fn.name) ?? '', typeof args === 'string' ? args : JSON.stringify(args ?? {})));
  }
  if (chunk.done !== true) return false;
  out.finishReason = asString(chunk.done_reason) ?? out.finishReason;
  const input = asNumber(chunk.prompt_eval_count);
  const output = asNumber(chunk.eval_count);
  if (input !== undefined || output !== undefined) out.usage = { inputTokens: input, outputTokens: output };
  return true;
}
