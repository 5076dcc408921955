import { decodeEventStream, type EventStreamFrame, looksLikeEventStream } from '../llm/eventstream.js';
import { decodeUriComponentSafe } from '../text/uri.js';
import { asNumber, asRecord, asString, tryJson } from '../llm/json.js';
import type { LlmError, LlmResponse, Usage } from '../llm/types.js';
import { getHeader } from '../model/headers.js';
import type { Body, Response } from '../model/types.js';
import { httpError } from './reassembly.js';
import { pathOf } from './openai-chat.js';
import { clipText } from '../secrets/clip.js';

export type BedrockAction = 'converse' | 'converse-stream' | 'invoke' | 'invoke-with-response-stream';

const BEDROCK_PATH = /\/model\/(.+)\/(converse-stream|converse|invoke-with-response-stream|invoke)\/?$/;

/** `/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke` -> model id (URL-decoded) and action. */
export function bedrockCall(url: string): { modelId: string; action: BedrockAction } | undefined {
  const path = pathOf(url);
  // Every match holds `/model/`: other paths (nearly all) skip the RegExp, compiled at every start otherwise.
  const match = path.includes('/model/') ? BEDROCK_PATH.exec(path) : null;
  if (!match) return undefined;
  const modelId = decodeUriComponentSafe(match[1]!);
  return { modelId, action: match[2] as BedrockAction };
}

/** An AWS error: `{message}` / `{Message}` in the body, typed by `x-amzn-errortype` or `__type`. */
export function awsError(res: Response): LlmError | undefined {
  const error = httpError(res);
  if (!error) return undefined;
  const type = getHeader(res.headers, 'x-amzn-errortype')?.split(':')[0];
  return type && !error.type ? { ...error, type } : error;
}

/**
 * The body's bytes when they hold eventstream frames. A recorder that kept the frames as a
 * latin-1 string is read back byte for byte.
 */
export function eventStreamBytes(body: Body): Uint8Array | undefined {
  if (looksLikeEventStream(body.bytes)) return body.bytes;
  const text = body.text;
  if (text && text.charCodeAt(0) === 0 && !/[^\u0000-\u00ff]/.test(text)) {
    const latin = Buffer.from(text, 'latin1');
    if (looksLikeEventStream(latin)) return latin;
  }
  return undefined;
}

export interface StreamEvent {
  /** `:event-type` of the frame. */
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Decode frames into JSON events. Framing and CRC problems, and payloads that are not JSON,
 * become warnings; exception and error frames become `out.error`.
 */
export function readStreamEvents(bytes: Uint8Array, out: LlmResponse): StreamEvent[] {
  const decoded = decodeEventStream(bytes);
  for (const problem of decoded.problems) out.warnings.push(`eventstream: ${problem.message}`);
  const events: StreamEvent[] = [];
  for (const frame of decoded.frames) {
    const text = Buffer.from(frame.payload).toString('utf8');
    const parsed = text.trim() === '' ? { ok: true as const, value: {} } : tryJson(text);
    const payload = parsed.ok ? asRecord(parsed.value) : undefined;
    if (frame.messageType === 'exception' || frame.messageType === 'error') {
      out.error = frameError(frame, payload);
      continue;
    }
    if (!payload) {
      out.warnings.push(`eventstream: ${frame.eventType ?? 'frame'} at offset ${frame.offset} is not a JSON object: ${clipText(text, 60)}`);
      continue;
    }
    events.push({ type: frame.eventType ?? '', payload });
  }
  return events;
}

function frameError(frame: EventStreamFrame, payload: Record<string, unknown> | undefined): LlmError {
  const headerMessage = frame.headers[':error-message'];
  const message = asString(payload?.message) ?? asString(payload?.Message) ?? (typeof headerMessage === 'string' ? headerMessage : undefined);
  return { message: message ?? `${frame.exceptionType ?? 'error'} in the stream`, type: frame.exceptionType };
}

/**
 * Converse `usage` (and Nova's InvokeModel variant with `...TokenCount` names). Like Anthropic,
 * Bedrock counts `inputTokens` without cache reads and writes: add them for the prompt's size.
 */
export function bedrockUsage(usage: Record<string, unknown>): Usage {
  const input = asNumber(usage.inputTokens) ?? asNumber(usage.inputTokenCount);
  const read = asNumber(usage.cacheReadInputTokens) ?? asNumber(usage.cacheReadInputTokenCount);
  const write = asNumber(usage.cacheWriteInputTokens) ?? asNumber(usage.cacheWriteInputTokenCount);
  const total = input === undefined && read === undefined && write === undefined ? undefined : (input ?? 0) + (read ?? 0) + (write ?? 0);
  // `cacheDetails: [{ ttl: '1h' | '5m', inputTokens }]` splits the writes by TTL; 1-hour writes cost more.
  const details = Array.isArray(usage.cacheDetails) ? usage.cacheDetails : [];
  const oneHour = details.reduce<number>((sum, d) => sum + (asString(asRecord(d)?.ttl) === '1h' ? (asNumber(asRecord(d)?.inputTokens) ?? 0) : 0), 0);
  return {
    inputTokens: total,
    outputTokens: asNumber(usage.outputTokens) ?? asNumber(usage.outputTokenCount),
    totalTokens: asNumber(usage.totalTokens),
    cacheReadTokens: read,
    cacheWriteTokens: write,
    cacheWrite1hTokens: oneHour || undefined,
  };
}

/** Token counts from the `x-amzn-bedrock-input-token-count` / `-output-token-count` response headers. */
export function headerUsage(res: Response): Usage | undefined {
  const input = Number(getHeader(res.headers, 'x-amzn-bedrock-input-token-count') ?? NaN);
  const output = Number(getHeader(res.headers, 'x-amzn-bedrock-output-token-count') ?? NaN);
  if (Number.isNaN(input) && Number.isNaN(output)) return undefined;
  return { inputTokens: Number.isNaN(input) ? undefined : input, outputTokens: Number.isNaN(output) ? undefined : output };
}

/** `"amazon-bedrock-invocationMetrics"` in the last chunk of an InvokeModelWithResponseStream. */
export function invocationMetrics(event: Record<string, unknown>): Usage | undefined {
  const metrics = asRecord(event['amazon-bedrock-invocationMetrics']);
  return metrics ? bedrockUsage(metrics) : undefined;
}

export function markTruncated(out: LlmResponse, terminal: string): void {
  if (out.error) return;
  out.truncated = true;
  out.warnings.push(`stream ended without ${terminal}: the response may be truncated`);
}
