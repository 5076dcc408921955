import { asNumber, asRecord, asString } from '../llm/json.js';
import type { LlmResponse } from '../llm/types.js';
import { bedrockUsage, markTruncated } from './bedrock-shared.js';
import { toolCall } from './openai-chat.js';

interface Block {
  text: string;
  reasoning: string;
  redacted: boolean;
  tool?: { id?: string | undefined; name: string } | undefined;
  input: string;
}

/**
 * Rebuilds a response from ConverseStream events (`messageStart`, `contentBlockStart`,
 * `contentBlockDelta`, `contentBlockStop`, `messageStop`, `metadata`). Amazon Nova's
 * InvokeModelWithResponseStream chunks carry the same events, each wrapped in its name.
 */
export class ConverseStreamAccumulator {
  /** Blocks in the order they started; `open` maps a `contentBlockIndex` to the block now open there. */
  private readonly blocks: Block[] = [];
  private readonly open = new Map<number, Block>();
  /** `messageStop` arrived. */
  done = false;

  constructor(readonly out: LlmResponse) {}

  push(type: string, event: Record<string, unknown>): void {
    const index = asNumber(event.contentBlockIndex) ?? 0;
    switch (type) {
      case 'contentBlockStart': {
        const use = asRecord(asRecord(event.start)?.toolUse);
        // A start at an index that already holds a call or text is a new block, not more of the old one.
        if (use) this.block(index, true).tool = { id: asString(use.toolUseId), name: asString(use.name) ?? '' };
        break;
      }
      case 'contentBlockDelta':
        this.delta(this.block(index), asRecord(event.delta) ?? {});
        break;
      case 'messageStop':
        this.done = true;
        this.out.finishReason = asString(event.stopReason) ?? this.out.finishReason;
        break;
      case 'metadata': {
        const usage = asRecord(event.usage);
        if (usage) this.out.usage = bedrockUsage(usage);
        break;
      }
      default:
        // messageStart, contentBlockStop, and event types added later.
        break;
    }
  }

  private block(index: number, starting = false): Block {
    let block = this.open.get(index);
    if (!block || (starting && (block.tool || block.text || block.input))) {
      block = { text: '', reasoning: '', redacted: false, input: '' };
      this.blocks.push(block);
      this.open.set(index, block);
    }
    return block;
  }

  private delta(block: Block, delta: Record<string, unknown>): void {
    if (typeof delta.text === 'string') block.text += delta.text;
    const use = asRecord(delta.toolUse);
    if (use) {
      block.tool ??= { name: '' };
      block.input += asString(use.input) ?? '';
    }
    const reasoning = asRecord(delta.reasoningContent);
    if (reasoning) {
      block.reasoning += asString(reasoning.text) ?? '';
      if (reasoning.redactedContent !== undefined) block.redacted = true;
    }
    // `citation` deltas and reasoning `signature`s are not part of the answer.
  }

  finish(): LlmResponse {
    const reasoning: string[] = [];
    for (const block of this.blocks) {
      this.out.text += block.text;
      if (block.reasoning) reasoning.push(block.reasoning);
      if (block.redacted) this.out.redactedThinkingBlocks = (this.out.redactedThinkingBlocks ?? 0) + 1;
      if (block.tool) {
        const call = toolCall(block.tool.id, block.tool.name, block.input);
        this.out.toolCalls.push(call);
        if (call.argumentsError) this.out.warnings.push(`tool call ${call.name}: ${call.argumentsError}`);
      }
    }
    this.out.reasoning = reasoning.join('\n\n');
    if (!this.done) markTruncated(this.out, 'messageStop');
    return this.out;
  }
}
