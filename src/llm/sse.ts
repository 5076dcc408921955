import { createParser } from 'eventsource-parser';

export interface SseEvent {
  event?: string | undefined;
  data: string;
  id?: string | undefined;
}

export interface SseStream {
  events: SseEvent[];
  /** `: comment` lines, e.g. OpenRouter's `: OPENROUTER PROCESSING`. */
  comments: string[];
  /** The stream ended with `data: [DONE]`. */
  done: boolean;
}

/** Frame a recorded `text/event-stream` body into events (eventsource-parser does the framing). */
export function parseSse(text: string): SseStream {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let done = false;
  const parser = createParser({
    onEvent(message) {
      if (message.data === '[DONE]') done = true;
      else events.push(message); // eventsource-parser's message already has this shape: no copy
    },
    onComment(comment) {
      comments.push(comment.trim());
    },
  });
  parser.feed(text);
  // A recording (or a gateway closing early, openai-node#2725) may lack the final blank line:
  // a blank line at end of input dispatches the pending event; with nothing pending it is a no-op.
  parser.feed('\n\n');
  return { events, comments, done };
}

/** True when a body looks like SSE even if the content type does not say so. */
export function looksLikeSse(text: string | undefined, contentType: string | undefined): boolean {
  if (contentType?.includes('event-stream')) return true;
  if (!text) return false;
  const head = text.trimStart().slice(0, 16);
  return head.startsWith('data:') || head.startsWith('event:') || head.startsWith(':');
}

/** 1-based line of `needle` inside `text`, for warnings that point into a body. */
export function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  if (at < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
