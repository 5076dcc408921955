import { asArray, asNumber, asRecord, asString, schemaParameterNames } from '../llm/json.js';
import { looksLikeSse } from '../llm/sse.js';
import type { ContentPart, LlmMessage, LlmResponse, Provider, ToolDefinition, Usage } from '../llm/types.js';
import { mediaType } from '../model/headers.js';
import type { Interaction } from '../model/types.js';
import { pathOf, toolCall } from './openai-chat.js';
import { pickParams } from './openai-shared.js';
import { emptyResponse, httpError, jsonEvents } from './reassembly.js';

const GEMINI_PATH = /\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

/** Google Gemini (AI Studio `generativelanguage` and Vertex AI): generateContent and streamGenerateContent. */
export const gemini: Provider = {
  id: 'gemini',
  description: 'Google Gemini and Vertex AI generateContent / streamGenerateContent (SSE or one JSON array)',
  detect: (interaction) => GEMINI_PATH.test(pathOf(interaction.request.url)),
  parseRequest(interaction) {
    const req = asRecord(interaction.request.body.json) ?? {};
    const system = asRecord(req.systemInstruction ?? req.system_instruction);
    const config = asRecord(req.generationConfig ?? req.generation_config) ?? {};
    return {
      provider: 'gemini',
      model: GEMINI_PATH.exec(pathOf(interaction.request.url))?.[1],
      system: system ? partsOf(system.parts).text || undefined : undefined,
      messages: asArray(req.contents).map(contentMessage),
      tools: geminiTools(req.tools),
      params: { ...pickParams(config, ['temperature', 'maxOutputTokens', 'topP', 'topK', 'thinkingConfig', 'responseMimeType', 'candidateCount']), ...pickParams(req, ['toolConfig']) },
      stream: pathOf(interaction.request.url).endsWith(':streamGenerateContent'),
    };
  },
  parseResponse: reassembleGemini,
};

function contentMessage(raw: unknown): LlmMessage {
  const content = asRecord(raw) ?? {};
  const { text, parts, calls, resultOf } = partsOf(content.parts);
  const role = asString(content.role) === 'model' ? 'assistant' : (asString(content.role) ?? 'user');
  const message: LlmMessage = { role: resultOf ? 'tool' : role, text, parts };
  if (calls.length > 0) message.toolCalls = calls;
  if (resultOf) message.name = resultOf;
  return message;
}

/** Text, thoughts, function calls and function responses of a `parts` list. */
function partsOf(raw: unknown) {
  const parts: ContentPart[] = [];
  const calls = [];
  let text = '';
  let thought = '';
  let resultOf: string | undefined;
  for (const p of asArray(raw)) {
    const part = asRecord(p) ?? {};
    const call = asRecord(part.functionCall);
    const result = asRecord(part.functionResponse);
    if (typeof part.text === 'string') {
      if (part.thought === true) {
        thought += part.text;
        parts.push({ type: 'thinking', text: part.text });
      } else {
        text += part.text;
        parts.push({ type: 'text', text: part.text });
      }
    } else if (call) calls.push(toolCall(asString(call.id), asString(call.name) ?? '', JSON.stringify(call.args ?? {})));
    else if (result) {
      resultOf = asString(result.name);
      const output = `${resultOf ?? 'result'}: ${JSON.stringify(result.response ?? {})}`;
      text += text === '' ? output : `\n${output}`;
      parts.push({ type: 'text', text: output });
    } else if (asRecord(part.inlineData) || asRecord(part.fileData)) {
      const media = asRecord(part.inlineData) ?? asRecord(part.fileData) ?? {};
      const mimeType = asString(media.mimeType);
      const data = asString(asRecord(part.inlineData)?.data);
      const image = mimeType?.startsWith('image/') === true;
      parts.push({ type: image ? 'image' : 'file', summary: mimeType ?? 'inline data', inline: image && data ? { mediaType: mimeType, base64: data } : undefined });
    } else if (!('thoughtSignature' in part && Object.keys(part).length === 1)) parts.push({ type: 'other', summary: Object.keys(part)[0] ?? 'part' });
  }
  return { text, thought, parts, calls, resultOf };
}

function geminiTools(tools: unknown): ToolDefinition[] {
  return asArray(tools).flatMap((t): ToolDefinition[] => {
    const tool = asRecord(t) ?? {};
    const decls = asArray(tool.functionDeclarations ?? tool.function_declarations);
    if (decls.length === 0) return Object.keys(tool).map((name) => ({ name, parameters: [] }));
    return decls.map((d) => {
      const decl = asRecord(d) ?? {};
      const schema = decl.parameters ?? decl.parametersJsonSchema;
      return { name: asString(decl.name) ?? '', description: asString(decl.description), parameters: schemaParameterNames(schema), schema };
    });
  });
}

export function geminiUsage(meta: Record<string, unknown>): Usage {
  const candidates = asNumber(meta.candidatesTokenCount) ?? 0;
  const thoughts = asNumber(meta.thoughtsTokenCount);
  return {
    // promptTokenCount already includes cachedContentTokenCount, matching our `inputTokens`.
    inputTokens: (asNumber(meta.promptTokenCount) ?? 0) + (asNumber(meta.toolUsePromptTokenCount) ?? 0),
    // Thoughts are billed as output: outputTokens includes them, reasoningTokens says how many.
    outputTokens: candidates + (thoughts ?? 0),
    totalTokens: asNumber(meta.totalTokenCount),
    cacheReadTokens: asNumber(meta.cachedContentTokenCount),
    reasoningTokens: thoughts,
    inputAudioTokens: audioTokens(meta.promptTokensDetails),
    outputAudioTokens: audioTokens(meta.candidatesTokensDetails),
    // Generated images (gemini-2.5-flash-image): $30 per million output tokens, not the text $2.50.
    outputImageTokens: modalityTokens(meta.candidatesTokensDetails, 'IMAGE'),
    cacheAudioReadTokens: audioTokens(meta.cacheTokensDetails),
  };
}

/** The AUDIO modality's count in Gemini's `[{modality, tokenCount}]` details. */
function audioTokens(details: unknown): number | undefined {
  return modalityTokens(details, 'AUDIO');
}

/** One modality's count in Gemini's `[{modality, tokenCount}]` details. */
function modalityTokens(details: unknown, modality: string): number | undefined {
  if (!Array.isArray(details)) return undefined;
  const found = details.map(asRecord).find((d) => d?.modality === modality);
  return found ? asNumber(found.tokenCount) : undefined;
}

function reassembleGemini(interaction: Interaction): LlmResponse | undefined {
  const res = interaction.response;
  if (!res) return undefined;
  const text = res.body.text ?? '';
  const sse = looksLikeSse(text, mediaType(res.headers));
  const out = emptyResponse('gemini', sse || Array.isArray(res.body.json));
  const error = httpError(res);
  if (error) out.error = error;
  let chunks: unknown[];
  if (sse) {
    chunks = jsonEvents(text, out.warnings).map((e) => e.data);
  } else chunks = Array.isArray(res.body.json) ? res.body.json : res.body.json !== undefined ? [res.body.json] : [];
  for (const c of chunks) applyChunk(out, asRecord(c) ?? {});
  if (out.streamed && !out.finishReason && !out.error && chunks.length > 0) {
    out.truncated = true;
    out.warnings.push('stream ended without a finishReason: the result is partial');
  }
  return out;
}

function applyChunk(out: LlmResponse, chunk: Record<string, unknown>): void {
  out.model = asString(chunk.modelVersion) ?? out.model;
  out.id = asString(chunk.responseId) ?? out.id;
  // Vertex AI stamps each response `createTime` (RFC 3339): the call's time when no recorder time is kept.
  const createTime = Date.parse(asString(chunk.createTime) ?? '');
  if (out.created === undefined && !Number.isNaN(createTime)) out.created = Math.floor(createTime / 1000);
  const meta = asRecord(chunk.usageMetadata);
  // Each streamed chunk repeats cumulative counts: the last one wins.
  if (meta) out.usage = geminiUsage(meta);
  const error = asRecord(chunk.error);
  if (error) out.error = { message: asString(error.message) ?? JSON.stringify(error), code: asNumber(error.code), type: asString(error.status) };
  const candidate = asRecord(asArray(chunk.candidates)[0]);
  if (!candidate) {
    const blocked = asString(asRecord(chunk.promptFeedback)?.blockReason);
    if (blocked) out.finishReason = blocked;
    return;
  }
  const { text, thought, calls } = partsOf(asRecord(candidate.content)?.parts);
  out.text += text;
  out.reasoning += thought;
  out.toolCalls.push(...calls);
  out.finishReason = finishReasonOf(candidate.finishReason) ?? out.finishReason;
}

// `$alt=json;enum-encoding=int` clients record enums as numbers.
const FINISH_REASONS = ['FINISH_REASON_UNSPECIFIED', 'STOP', 'MAX_TOKENS', 'SAFETY', 'RECITATION', 'OTHER', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'MALFORMED_FUNCTION_CALL'];

function finishReasonOf(value: unknown): string | undefined {
  if (typeof value === 'number') return FINISH_REASONS[value] ?? String(value);
  return asString(value);
}
