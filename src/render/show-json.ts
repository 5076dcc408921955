import { mediaType } from '../model/headers.js';
import type { Cassette, Header } from '../model/types.js';
import type { LlmExchange, ToolCall } from '../llm/types.js';
import { maskHeaders, maskSecretsInText, maskUrl } from '../secrets/mask.js';
import type { ShowReport, ShownInteraction, ShowWarning } from '../show/build.js';

export interface ShowJsonOptions {
  mask: boolean;
  headers: boolean;
}

export interface ShowJsonError {
  path: string;
  message: string;
}

/**
 * The documented `show --json` contract. Field names here are fixed for scripts;
 * new fields may be added, none renamed or removed.
 */
export function showJson(reports: readonly ShowReport[], errors: readonly ShowJsonError[], options: ShowJsonOptions): object {
  return { cassettes: reports.map((r) => cassetteJson(r, options)), errors };
}

export function cassetteJson(report: ShowReport, o: ShowJsonOptions): object {
  return {
    ...cassetteHeadJson(report.cassette, report.cassette.interactions.length),
    warnings: warningsJson(report.warnings, o.mask),
    interactions: report.interactions.map((s) => interactionJson(s, o)),
  };
}

/** A cassette's fields other than its interactions and warnings (for output that streams them). */
export function cassetteHeadJson(c: Cassette, interactionCount: number): object {
  return { path: c.path, format: c.format, version: c.version, recordedWith: c.recordedWith, interactionCount };
}

export function warningsJson(warnings: readonly ShowWarning[], mask: boolean): object[] {
  return warnings.map((w) => ({ message: mask ? maskSecretsInText(w.message) : w.message, interaction: w.interaction, line: w.position?.line }));
}

export function interactionJson(s: ShownInteraction, o: ShowJsonOptions): object {
  const i = s.interaction;
  const headers = (h: readonly Header[]) => (o.headers ? (o.mask ? maskHeaders(h) : h) : undefined);
  return {
    index: i.index,
    id: i.id,
    recordedAt: i.recordedAt,
    request: {
      method: i.request.method ?? null,
      url: o.mask ? maskUrl(i.request.url) : i.request.url,
      headers: headers(i.request.headers),
      contentType: mediaType(i.request.headers),
      bodySize: i.request.body.size,
    },
    response: i.response
      ? {
          status: i.response.status,
          statusText: i.response.statusText,
          durationMs: i.durationMs ?? null,
          headers: headers(i.response.headers),
          contentType: mediaType(i.response.headers),
          bodySize: i.response.body.size,
          binary: i.response.body.binary,
        }
      : null,
    llm: s.llm ? (o.mask ? maskStrings(llmJson(s.llm, s.firstNewMessage)) : llmJson(s.llm, s.firstNewMessage)) : null,
  };
}

/**
 * Every string of a value with known key shapes masked: the reassembled exchange holds model text,
 * reasoning, tool arguments, tool descriptions, parameters, errors and warnings, any of which may
 * quote a key, so no field is left to be remembered.
 */
function maskStrings(value: unknown): unknown {
  if (typeof value === 'string') return maskSecretsInText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(maskStrings);
  // Keys by index, not Object.entries' [key, value] pairs: once per object of every interaction shown.
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (let k = 0; k < keys.length; k++) out[keys[k]!] = maskStrings((value as Record<string, unknown>)[keys[k]!]);
  return out;
}

function llmJson(x: LlmExchange, firstNew: number | undefined): object {
  const r = x.response;
  return {
    provider: x.provider,
    model: r?.model ?? x.request.model ?? null,
    text: r ? r.text : null,
    reasoning: r?.reasoning ?? null,
    redactedThinkingBlocks: r?.redactedThinkingBlocks ?? 0,
    refusal: r?.refusal ?? null,
    toolCalls: (r?.toolCalls ?? []).map(toolJson),
    finishReason: r?.finishReason ?? null,
    usage: r?.usage
      ? {
          inputTokens: r.usage.inputTokens ?? null,
          outputTokens: r.usage.outputTokens ?? null,
          cacheReadTokens: r.usage.cacheReadTokens ?? null,
          cacheWriteTokens: r.usage.cacheWriteTokens ?? null,
          cacheWrite1hTokens: r.usage.cacheWrite1hTokens ?? null,
          reasoningTokens: r.usage.reasoningTokens ?? null,
          totalTokens: r.usage.totalTokens ?? null,
          cost: r.usage.cost ?? null,
        }
      : null,
    responseId: r?.id ?? null,
    streamed: r?.streamed ?? null,
    error: r?.error ?? null,
    truncated: r?.truncated ?? false,
    embeddings: r?.embeddings ?? null,
    otherOutputs: r?.otherOutputs ?? [],
    choices: r?.choices?.map((c) => ({ ...c, toolCalls: c.toolCalls.map(toolJson) })),
    warnings: r?.warnings ?? [],
    request: {
      model: x.request.model ?? null,
      system: x.request.system ?? null,
      messages: x.request.messages.map((m, n) => ({
        role: m.role,
        text: m.text,
        // Type and summary only: inline image data is for show --html, not for the JSON contract.
        parts: m.parts?.filter((p) => p.type !== 'text').map((p) => ({ type: p.type, text: p.text, summary: p.summary })),
        toolCalls: m.toolCalls?.map(toolJson),
        toolCallId: m.toolCallId,
        new: firstNew !== undefined && n >= firstNew,
      })),
      tools: x.request.tools.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters })),
      params: x.request.params,
    },
  };
}

function toolJson(t: ToolCall): object {
  return { id: t.id ?? null, name: t.name, arguments: t.arguments, ...(t.argumentsError ? { argumentsError: t.argumentsError } : {}), ...(t.serverSide ? { serverSide: true } : {}) };
}
