import Anthropic from '@anthropic-ai/sdk';
import { MessageStream } from '@anthropic-ai/sdk/lib/MessageStream';
import { Stream as AnthropicSse } from '@anthropic-ai/sdk/core/streaming';
import { ChatCompletionStream } from 'openai/lib/ChatCompletionStream';
import { ResponseStream } from 'openai/lib/responses/ResponseStream';
import { Stream as OpenAISse } from 'openai/core/streaming';
import { anthropicUsage } from '../../src/providers/anthropic-content.js';
import { openAIUsage, withGatewayReasoning } from '../../src/providers/openai-usage.js';
import { responsesUsage } from '../../src/providers/openai-responses.js';
import type { LlmResponse, ProviderId } from '../../src/llm/types.js';

/** What both sides are compared on: the reassembled answer, not how usage is normalized afterwards. */
export interface View {
  text: string;
  reasoning?: string | undefined;
  toolCalls: { id?: string | undefined; name: string; arguments: unknown }[];
  finishReason?: string | undefined;
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  /** The SDK threw, or our reassembly flagged an error or a cut stream. */
  failed: boolean;
  /** What the SDK threw. */
  error?: string | undefined;
}

void Anthropic; // the SDK's own module graph is loaded the way an application loads it

const parse = (text: string) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** Our side, reduced to the compared fields (usage counts before provider-specific adjustments are the SDK's concern too). */
export function ourView(r: LlmResponse): View {
  return {
    text: r.text,
    reasoning: r.provider === 'anthropic' ? r.reasoning : undefined,
    toolCalls: r.toolCalls.filter((c) => !c.serverSide).map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })),
    finishReason: r.finishReason,
    inputTokens: r.usage?.inputTokens,
    outputTokens: r.usage?.outputTokens,
    failed: Boolean(r.error || r.truncated),
  };
}

/** The official SDK's accumulator over the same recorded body (a stream), or its plain JSON (a body). */
export async function sdkView(provider: ProviderId, body: string, streamed: boolean, url: string): Promise<View> {
  try {
    if (provider === 'openai-chat') return chatView(streamed ? await new ChatStream(body).final() : (JSON.parse(body) as ChatCompletion), url);
    if (provider === 'openai-responses') return responsesView(streamed ? await ResponseStream.fromReadableStream(openaiSse(body)).finalResponse() : JSON.parse(body));
    const message = streamed ? await MessageStream.fromReadableStream(AnthropicSse.fromSSEResponse(new Response(body), new AbortController()).toReadableStream()).finalMessage() : JSON.parse(body);
    return anthropicView(message);
  } catch (error) {
    return { text: '', toolCalls: [], failed: true, error: (error as Error).message };
  }
}

function openaiSse(body: string): ReadableStream {
  return OpenAISse.fromSSEResponse(new Response(body), new AbortController()).toReadableStream();
}

class ChatStream {
  constructor(private readonly body: string) {}
  final() {
    return ChatCompletionStream.fromReadableStream(openaiSse(this.body)).finalChatCompletion() as Promise<ChatCompletion>;
  }
}

interface ChatCompletion {
  choices: { message: { content?: unknown; tool_calls?: { id?: string; function?: { name: string; arguments: string } }[]; function_call?: { name: string; arguments: string } | null }; finish_reason?: string }[];
  usage?: Record<string, unknown> | null;
}

function chatView(c: ChatCompletion, url: string): View {
  const choice = c.choices[0];
  const usage = c.usage ? withGatewayReasoning(openAIUsage(c.usage), url) : undefined;
  const content = choice?.message.content;
  return {
    text: typeof content === 'string' ? content : '',
    toolCalls: [...(choice?.message.tool_calls ?? []), ...(choice?.message.function_call ? [{ id: undefined, function: choice.message.function_call }] : [])].map((t) => ({ id: t.id, name: t.function?.name ?? '', arguments: parse(t.function?.arguments || '{}') })),
    finishReason: choice?.finish_reason ?? undefined,
    inputTokens: usage?.inputTokens,
    outputTokens: usage?.outputTokens,
    failed: false,
  };
}

interface ResponsesOutput {
  status?: string;
  incomplete_details?: { reason?: string } | null;
  output?: { type: string; content?: { type: string; text?: string }[]; call_id?: string; id?: string; name?: string; arguments?: string; input?: string }[];
  usage?: Record<string, unknown> | null;
}

function responsesView(r: ResponsesOutput): View {
  const output = r.output ?? [];
  const usage = r.usage ? responsesUsage(r.usage) : undefined;
  return {
    text: output.flatMap((i) => (i.type === 'message' ? (i.content ?? []).filter((p) => p.type !== 'refusal').map((p) => p.text ?? '') : [])).join(''),
    toolCalls: output
      .filter((i) => i.type === 'function_call' || i.type === 'custom_tool_call')
      .map((i) => ({ id: i.call_id ?? i.id, name: i.name ?? '', arguments: i.type === 'custom_tool_call' ? (i.input ?? '') : parse(i.arguments || '{}') })),
    finishReason: r.status && r.status !== 'in_progress' ? (r.incomplete_details?.reason ?? r.status) : undefined,
    inputTokens: usage?.inputTokens,
    outputTokens: usage?.outputTokens,
    failed: r.status === 'failed',
  };
}

interface AnthropicMessage {
  content?: { type: string; text?: string; thinking?: string; id?: string; name?: string; input?: unknown }[];
  stop_reason?: string | null;
  usage?: Record<string, unknown>;
}

function anthropicView(m: AnthropicMessage): View {
  const blocks = m.content ?? [];
  const usage = m.usage ? anthropicUsage(m.usage) : undefined;
  return {
    text: blocks.filter((b) => b.type === 'text').map((b) => b.text ?? '').join(''),
    reasoning: blocks.filter((b) => b.type === 'thinking').map((b) => b.thinking ?? '').join('\n\n'),
    toolCalls: blocks.filter((b) => b.type === 'tool_use').map((b) => ({ id: b.id, name: b.name ?? '', arguments: b.input ?? {} })),
    finishReason: m.stop_reason ?? undefined,
    inputTokens: usage?.inputTokens,
    outputTokens: usage?.outputTokens,
    failed: false,
  };
}
