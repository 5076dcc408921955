/** One tool call being assembled from streamed fragments. */
export interface OpenToolCall {
  id?: string | undefined;
  name: string;
  args: string;
}

/**
 * Assembles Chat Completions `delta.tool_calls` fragments into calls, in the order they start.
 *
 * Identity follows what OpenAI-compatible servers actually send (openai-python#3246): a fragment
 * with an `index` continues the call at that index unless it brings a different `id`, which
 * starts a new call (some servers reuse index 0 for every call); a fragment without `index` starts
 * a new call when it has an `id` the open call does not, and otherwise continues the open call.
 */
export class ToolCallAssembler {
  readonly calls: OpenToolCall[] = [];
  private readonly byIndex = new Map<number, OpenToolCall>();
  private open: OpenToolCall | undefined;

  /** Start a call that is new whatever its index or id (a whole message's `tool_calls`, Cohere's `tool-call-start`). */
  add(call: { index?: number | undefined; id?: string | undefined; name?: string | undefined; args: string }): void {
    this.open = { id: call.id || undefined, name: call.name ?? '', args: call.args };
    this.calls.push(this.open);
    if (call.index !== undefined) this.byIndex.set(call.index, this.open);
  }

  /** Feed one fragment: `{index?, id?, function?: {name?, arguments?}}` (or a flat `{name, arguments}`). */
  push(fragment: { index?: number | undefined; id?: string | undefined; name?: string | undefined; args: string }): void {
    const id = fragment.id || undefined;
    let call = fragment.index !== undefined ? this.byIndex.get(fragment.index) : this.open;
    if (!call || (id !== undefined && call.id !== undefined && call.id !== id)) {
      call = { id, name: '', args: '' };
      this.calls.push(call);
      if (fragment.index !== undefined) this.byIndex.set(fragment.index, call);
    }
    call.id ??= id;
    if (!call.name && fragment.name) call.name = fragment.name;
    call.args += fragment.args;
    this.open = call;
  }
}

/** Streamed `arguments` are text; a few servers send an object in one piece. */
export function argumentsFragment(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}
