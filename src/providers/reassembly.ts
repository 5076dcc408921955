import { asRecord, tryEventJson } from '../llm/json.js';
import { lineOf, parseSse } from '../llm/sse.js';
import type { LlmError, LlmResponse, ProviderId } from '../llm/types.js';
import type { Response } from '../model/types.js';
import { errorFromBody } from './openai-shared.js';
import { clipText } from '../secrets/clip.js';

/** The API error of a response: an error object in the body, or any HTTP 4xx/5xx with its text. */
export function httpError(res: Response): LlmError | undefined {
  const error = errorFromBody(asRecord(res.body.json), res.status);
  if (error || res.status < 400) return error;
  return { message: clipText((res.body.text ?? '').trim(), 500) || `HTTP ${res.status}` };
}

export function emptyResponse(provider: ProviderId, streamed: boolean): LlmResponse {
  return { provider, text: '', reasoning: '', toolCalls: [], streamed, warnings: [] };
}

export interface JsonEvent {
  /** The SSE `event:` name, when the stream has one. */
  event?: string | undefined;
  data: Record<string, unknown>;
}

/** SSE events whose data is JSON; the others become warnings naming their line in the body. */
export function jsonEvents(body: string, warnings: string[]): JsonEvent[] {
  const out: JsonEvent[] = [];
  for (const event of parseSse(body).events) {
    const parsed = tryEventJson(event);
    if (parsed.ok) out.push({ event: event.event, data: asRecord(parsed.value) ?? {} });
    else {
      const line = lineOf(body, event.data);
      warnings.push(line === undefined ? 'event data is not JSON' : `line ${line}: event data is not JSON`);
    }
  }
  return out;
}
