import { createParser } from 'eventsource-parser';
import { stripBom } from '../text/bom.js';

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

// The last body framed: lint's reassembly and its sse-json rule frame the same body one after the
// other, and sharing the events lets them share each event's JSON.parse too (see tryEventJson).
let last: { text: string; stream: SseStream } | undefined;

/**
 * Frame a recorded `text/event-stream` body into events (eventsource-parser does the framing).
 * The same text framed twice in a row gives the same object: callers must not change it.
 */
export function parseSse(text: string): SseStream {
  if (last?.text === text) return last.stream;
  const stream = frameSse(text);
  last = { text, stream };
  return stream;
}

function frameSse(text: string): SseStream {
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
  // The SSE decoder strips one leading byte-order mark (WHATWG HTML 9.2.6); left in, it hides the first field name.
  parser.feed(stripBom(text));
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

// Where the last lineOf search in a text ended: events are looked up in order, so each search goes on
// from there and a body with many bad events is scanned once, not once per event.
let cursor = { text: '', at: 0, line: 1 };

/**
 * 1-based line of `needle` inside `text`, for warnings that point into a body; undefined when it is
 * not there as written. A multi-line event's data is joined with `\n` and its `data:` prefixes are
 * gone, so only its first line is looked for.
 */
export function lineOf(text: string, needle: string): number | undefined {
  const first = needle.split('\n', 1)[0] ?? '';
  if (first === '') return undefined;
  if (cursor.text !== text) cursor = { text, at: 0, line: 1 };
  let at = text.indexOf(first, cursor.at);
  if (at < 0 && cursor.at > 0) {
    cursor = { text, at: 0, line: 1 };
    at = text.indexOf(first);
  }
  if (at < 0) return undefined;
  let line = cursor.line;
  for (let i = text.indexOf('\n', cursor.at); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  cursor = { text, at: at + 1, line };
  return line;
}
