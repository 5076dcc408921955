import { asNumber, asRecord, asString } from '../llm/json.js';
import type { LlmResponse } from '../llm/types.js';
import { type AnthropicBlock, anthropicUsage, applyAnthropicBlocks, blockFromJson } from './anthropic-content.js';

interface OpenBlock extends AnthropicBlock {
  /** `input_json_delta` fragments, parsed when the block stops. */
  json: string;
  streamedJson: boolean;
}

/**
 * Rebuilds a Messages API response from its stream events (`message_start`, `content_block_*`,
 * `message_delta`, `message_stop`, `error`). Used for SSE from Anthropic and Vertex, and for the
 * decoded `chunk` payloads of Bedrock InvokeModelWithResponseStream.
 */
export class AnthropicStreamAccumulator {
  /** Blocks in the order they started; `open` maps a block index to the block now open there. */
  private readonly blocks: OpenBlock[] = [];
  private readonly open = new Map<number, OpenBlock>();
  /** Raw usage fields; `message_delta` counts are cumulative, so later values overwrite earlier ones. */
  private readonly usage: Record<string, unknown> = {};
  private bedrockMetrics: Record<string, unknown> | undefined;
  /** `message_stop` arrived. */
  done = false;

  constructor(readonly out: LlmResponse) {}

  /** Feed one event; `name` is the SSE `event:` field when the data lacks a `type`. */
  push(event: Record<string, unknown>, name?: string): void {
    const type = asString(event.type) ?? name ?? '';
    switch (type) {
      case 'message_start': {
        const message = asRecord(event.message) ?? {};
        this.out.id = asString(message.id) ?? this.out.id;
        this.out.model = asString(message.model) ?? this.out.model;
        Object.assign(this.usage, asRecord(message.usage));
        break;
      }
      case 'content_block_start': {
        const start = blockFromJson(event.content_block);
        // A start at an index already used (a proxy that numbers each message's blocks from 0) is a new block.
        const block: OpenBlock = { ...start, json: '', streamedJson: false };
        this.blocks.push(block);
        this.open.set(asNumber(event.index) ?? this.blocks.length - 1, block);
        break;
      }
      case 'content_block_delta':
        this.delta(asNumber(event.index) ?? 0, asRecord(event.delta) ?? {});
        break;
      case 'content_block_stop':
        break;
      case 'message_delta': {
        const delta = asRecord(event.delta) ?? {};
        this.out.finishReason = asString(delta.stop_reason) ?? this.out.finishReason;
        // Counts are cumulative, but some gateways send `null` for the ones they do not repeat.
        for (const [key, value] of Object.entries(asRecord(event.usage) ?? {})) if (value !== null && value !== undefined) this.usage[key] = value;
        break;
      }
      case 'message_stop':
        this.done = true;
        this.bedrockMetrics = asRecord(event['amazon-bedrock-invocationMetrics']);
        break;
      case 'error': {
        const error = asRecord(event.error) ?? {};
        this.out.error = { message: asString(error.message) ?? JSON.stringify(error), type: asString(error.type) };
        break;
      }
      default:
        // ping, and event types added after this was written.
        break;
    }
  }

  private delta(index: number, delta: Record<string, unknown>): void {
    let block = this.open.get(index);
    if (!block) {
      this.out.warnings.push(`content_block_delta for block ${index} that was never started`);
      block = { type: asString(delta.type) === 'input_json_delta' ? 'tool_use' : asString(delta.type) === 'thinking_delta' ? 'thinking' : 'text', json: '', streamedJson: false };
      this.blocks.push(block);
      this.open.set(index, block);
    }
    switch (asString(delta.type)) {
      case 'text_delta':
        block.text = (block.text ?? '') + (asString(delta.text) ?? '');
        break;
      case 'thinking_delta':
        block.thinking = (block.thinking ?? '') + (asString(delta.thinking) ?? '');
        break;
      case 'input_json_delta':
        block.json += asString(delta.partial_json) ?? '';
        block.streamedJson = true;
        break;
      default:
        // signature_delta and citations_delta carry nothing a reader of the answer needs.
        break;
    }
  }

  /** Apply the blocks and usage to the response; flags truncation when `message_stop` never came. */
  finish(): LlmResponse {
    const blocks = this.blocks.map((b) => (b.streamedJson ? { ...b, inputText: b.json } : b));
    applyAnthropicBlocks(this.out, blocks);
    if (Object.keys(this.usage).length > 0) this.out.usage = anthropicUsage(this.usage);
    else if (this.bedrockMetrics) {
      this.out.usage = { inputTokens: asNumber(this.bedrockMetrics.inputTokenCount), outputTokens: asNumber(this.bedrockMetrics.outputTokenCount) };
    }
    if (!this.done && !this.out.error) {
      this.out.truncated = true;
      this.out.warnings.push('stream ended without message_stop: the response may be truncated');
    }
    return this.out;
  }
}
