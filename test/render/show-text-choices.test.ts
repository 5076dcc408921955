import { describe, expect, it } from 'vitest';
import { loadCassette } from '../../src/load.js';
import { PLAIN } from '../../src/render/palette.js';
import { renderShowText } from '../../src/render/show-text.js';
import { buildShowReport } from '../../src/show/build.js';

// `n: 2`: the second choice called a tool and finished otherwise than the first; show said only its text.
describe('show: every choice of an n > 1 response', () => {
  it("shows another choice's finish reason and tool calls, not its text alone", () => {
    const chunk = (choices: unknown[]) => `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', choices })}\n\n`;
    const stream =
      chunk([{ index: 0, delta: { role: 'assistant', content: 'Paris' }, finish_reason: null }, { index: 1, delta: { role: 'assistant', content: 'Let me look' }, finish_reason: null }]) +
      chunk([{ index: 1, delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'search', arguments: '{"q":"capital"}' } }] }, finish_reason: null }]) +
      chunk([{ index: 0, delta: {}, finish_reason: 'stop' }, { index: 1, delta: {}, finish_reason: 'tool_calls' }]) +
      'data: [DONE]\n\n';
    const text = `version: 2\ninteractions:\n- id: 0\n  request:\n    url: https://api.openai.com/v1/chat/completions\n    method: POST\n    headers:\n      Content-Type: [application/json]\n    body: ${JSON.stringify(JSON.stringify({ model: 'gpt-4o-mini', n: 2, stream: true, messages: [{ role: 'user', content: 'Capital of France?' }] }))}\n  response:\n    code: 200\n    status: 200 OK\n    duration: 1s\n    headers:\n      Content-Type: [text/event-stream]\n    body: ${JSON.stringify(stream)}\n`;
    const shown = renderShowText(buildShowReport(loadCassette(text, 'n2.yaml'), { only: undefined, provider: undefined }), { palette: PLAIN, width: 100, full: false, headers: false, mask: true, raw: false });
    expect(shown).toContain('    assistant Paris\n    choice 1: Let me look · finish tool_calls\n      tool call search({ "q": "capital" })  [call_1]\n    finish stop');
  });
});
