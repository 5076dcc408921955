import { asRecord } from '../llm/json.js';
import type { LlmError, LlmResponse, ProviderId } from '../llm/types.js';
import type { Response } from '../model/types.js';
import { errorFromBody } from './openai-shared.js';

/** The API error of a response: an error object in the body, or any HTTP 4xx/5xx with its text. */
export function httpError(res: Response): LlmError | undefined {
  const error = errorFromBody(asRecord(res.body.json), res.status);
  if (error || res.status < 400) return error;
  return { message: (res.body.text ?? '').trim().slice(0, 500) || `HTTP ${res.status}` };
}

export function emptyResponse(provider: ProviderId, streamed: boolean): LlmResponse {
  return { provider, text: '', reasoning: '', toolCalls: [], streamed, warnings: [] };
}
