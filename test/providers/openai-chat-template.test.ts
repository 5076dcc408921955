import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fillOf, templateOf } from '../../src/llm/chunk-template.js';
import { lineOf } from '../../src/llm/sse.js';
import { makeBody } from '../../src/model/body.js';
import type { Interaction } from '../../src/model/types.js';
import { reassembleOpenAIChat } from '../../src/providers/openai-chat.js';

// The slow path: every chunk parsed and read, no template (see fromStream in openai-chat.ts).
const slow = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/llm/chunk-template.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/llm/chunk-template.js')>();
  return { ...real, templateOf: (data: string, key: string) => (slow.on ? undefined : real.templateOf(data, key)) };
});

const sse = [{ name: 'Content-Type', value: 'text/event-stream' }];

function reassemble(body: string, slowPath: boolean): unknown {
  const interaction: Interaction = {
    index: 0,
    request: { method: 'POST', url: 'https://api.openai.com/v1/chat/completions', headers: [], body: makeBody({ storage: 'text', text: '{}' }, []) },
    response: { status: 200, statusText: '', headers: sse, body: makeBody({ storage: 'text', text: body }, sse) },
    docPath: ['interactions', 0],
    fieldPaths: {},
  };
  slow.on = slowPath;
  lineOf('another text', 'x'); // lineOf goes on from its last search in the same text: start each run afresh
  try {
    return reassembleOpenAIChat(interaction);
  } finally {
    slow.on = false;
  }
}

/** Text that a content delta may hold, with the characters JSON escapes and a key's name. */
const text = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', ' the', '"', '\\', '\\"', '"content":"', '\n', '\u0000', '\u2028', 'é', '\ud83d\ude00', '\ud800', 'content'),
);

/** A chunk as JSON text: usually a content delta; sometimes anything else a stream sends. */
const chunk = fc.oneof(
  { weight: 6, arbitrary: fc.record({ content: text, finish: fc.constantFrom(null, 'stop'), index: fc.constantFrom(0, 1) }).map(({ content, finish, index }) => JSON.stringify({ id: 'c1', model: 'm', created: 1, choices: [{ index, delta: { role: 'assistant', content }, finish_reason: finish }] })) },
  fc.constantFrom(
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x","tool_calls":[{"index":0,"function":{"arguments":"{"}}]}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x","reasoning":"r"}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x","reasoning_content":"r"}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x","reasoning_details":[{"text":"r"}]}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x","refusal":"no"}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x"}}],"usage":{"prompt_tokens":1}}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x"},"usage":{"prompt_tokens":2}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x"}}],"x_groq":{"usage":{"prompt_tokens":3}}}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x"}}],"error":{"message":"e"}}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x"}},{"index":1,"delta":{"content":"y"}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"cont\\u0065nt":"x"}}]}',
    '{"id":"c\\u0031","choices":[{"index":0,"delta":{"content":"x"}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content" : "x"}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x"}}],"note":"content"}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x","content":"y"}}]}',
    '{"id":"c1","choices":[{"index":0,"message":{"content":"x"},"delta":{"content":"y"}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":null}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x\u0001"}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x"}}]',
    '{"id":"c1","choices":[]}',
    // The first "content" is the tail of a key with an escaped quote; the delta's own is escaped.
    '{"a\\"content":"v","choices":[{"index":0,"delta":{"cont\\u0065nt":"x"}}]}',
    '{"a\\"content":"v","choices":[{"index":0,"delta":{"content":"x"}}]}',
    '{"id":"c1","choices":[{"index":0,"delta":{"content":"x\\"y"}}]}',
  ),
);

/** A content value written another way, or as a value that is not a string, or as text that is not JSON. */
const literal = fc.oneof(
  { weight: 4, arbitrary: text.map((t) => JSON.stringify(t)) },
  fc.constantFrom('"a" ', '"\\u0041"', '"a\\"', '"a","b":"c"', '1', 'null', '"\u0001"', '"a"}', '"\\ud800"', "'a'", '"a\\"b"'),
);

/**
 * A stream: a chunk, then chunks that are it with another value for its first `"content"` (those the
 * template may read), chunks of any other kind, and event names (an `error` event is read as an error).
 */
const stream = fc
  .record({
    base: chunk,
    events: fc.array(fc.record({ data: fc.oneof({ weight: 3, arbitrary: literal }, chunk.map((c) => ({ chunk: c }))), type: fc.constantFrom(undefined, undefined, undefined, 'error', 'message') }), { maxLength: 12 }),
    done: fc.boolean(),
  })
  .map(({ base, events, done }) => {
    const dataOf = (d: string | { chunk: string }) => (typeof d === 'string' ? base.replace(/"content":(?:"(?:[^"\\]|\\.)*"|null)/, () => `"content":${d}`) : d.chunk);
    const lines = [`data: ${base}\n\n`, ...events.map((e) => `${e.type ? `event: ${e.type}\n` : ''}data: ${dataOf(e.data)}\n\n`)];
    return lines.join('') + (done ? 'data: [DONE]\n\n' : '');
  });

describe('openai-chat stream: a chunk read through the previous chunk as a template', () => {
  it('gives what parsing every chunk gives', () => {
    fc.assert(
      fc.property(stream, (body) => {
        expect(reassemble(body, false)).toEqual(reassemble(body, true));
      }),
      { numRuns: 1000 },
    );
  });

  it('is taken for chunks that differ only in their content', () => {
    const chunkOf = (content: string) => JSON.stringify({ id: 'c1', choices: [{ index: 0, delta: { content }, finish_reason: null }] });
    const template = templateOf(chunkOf('He'), '"content"');
    expect(template).toEqual({ head: '{"id":"c1","choices":[{"index":0,"delta":{"content":', tail: '},"finish_reason":null}]}' });
    expect(fillOf(chunkOf('llo "x" \\ é'), template!)).toBe('llo "x" \\ é');
    expect(fillOf(chunkOf('x').replace('"c1"', '"c2"'), template!)).toBeUndefined();
  });
});
