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
 * a new call when it has an `id` the open call does not, or names a function after the open call's
 * arguments are whole JSON (see startsAnother), and otherwise continues the open call.
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
    if (!call || (id !== undefined && call.id !== undefined && call.id !== id) || (fragment.index === undefined && startsAnother(call, fragment.name))) {
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

/**
 * Without an index or a new id, a fragment naming a function after the open call's arguments are
 * whole JSON is the next call (Gemini's OpenAI-compatible stream sends parallel calls whole, with
 * empty ids and no index, in one chunk). A server repeating the name on every fragment of one call
 * still continues it while the arguments are unfinished.
 */
function startsAnother(call: OpenToolCall, name: string | undefined): boolean {
  if (!name || !call.name || call.args.trim() === '') return false;
  try {
    JSON.parse(call.args);
    return true;
  } catch {
    return false;
  }
}

/** Streamed `arguments` are text; a few servers send an object in one piece. */
export function argumentsFragment(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}
