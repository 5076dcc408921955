import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { exchange } from './b-helpers.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Each wire format's way to put an image in a request; the reassembled part keeps its data for `show --html`. */
const CASES: { name: string; url: string; request: unknown; mediaType: string | undefined }[] = [
  {
    name: 'OpenAI chat data: URL',
    url: 'https://api.openai.com/v1/chat/completions',
    request: { model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } }] }] },
    mediaType: 'image/png',
  },
  {
    name: 'Anthropic base64 source',
    url: 'https://api.anthropic.com/v1/messages',
    request: { model: 'claude-sonnet-4-5', max_tokens: 10, messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } }] }] },
    mediaType: 'image/png',
  },
  {
    name: 'Gemini inlineData',
    url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
    request: { contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: PNG } }] }] },
    mediaType: 'image/png',
  },
  {
    name: 'Bedrock Converse bytes',
    url: 'https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1:0/converse',
    request: { messages: [{ role: 'user', content: [{ image: { format: 'png', source: { bytes: PNG } } }] }] },
    mediaType: 'image/png',
  },
  {
    name: 'Ollama images (no declared type)',
    url: 'http://localhost:11434/api/chat',
    request: { model: 'llava', messages: [{ role: 'user', content: 'what is this?', images: [PNG] }] },
    mediaType: undefined,
  },
];

describe('inline request images keep their data', () => {
  it.each(CASES)('$name', ({ url, request, mediaType }) => {
    const llm = analyzeInteraction(exchange({ url, request }));
    const part = llm?.request.messages.flatMap((m) => m.parts ?? []).find((p) => p.type === 'image');
    expect(part?.inline).toEqual({ mediaType, base64: PNG });
  });

  it('keeps no data for an image the API fetches by URL', () => {
    const request = { model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }] };
    const part = analyzeInteraction(exchange({ url: 'https://api.openai.com/v1/chat/completions', request }))?.request.messages[0]?.parts?.[0];
    expect(part).toEqual({ type: 'image', summary: 'https://example.com/cat.png', inline: undefined });
  });
});
