// The cassettes of npm run bench:diff's generated commit (scripts/bench-diff.mjs), also read by
// test/diff/rewritten.test.ts, which checks that diff --git's shortcuts answer as the full comparison does on them.
const SYSTEM = Array.from({ length: 30 }, (_, k) => `${k + 1}. Rule number ${k + 1}: keep answers short and cite the tool you used.`).join('\n');

/** A VCR.py cassette of three calls; `round` changes ids and timestamps, `model` and `extra` change meaning. */
export function benchCassette(n, round, model, extra) {
  const quote = (s) => `'${s.replace(/'/g, "''")}'`;
  let out = 'interactions:\n';
  for (let k = 0; k < 3; k++) {
    const messages = [{ role: 'system', content: SYSTEM }, { role: 'user', content: `Test ${n}.${k}: what is the weather in city ${n}?` }];
    if (k > 0) messages.push({ role: 'assistant', content: null, tool_calls: [{ id: `call_${round}x${n}x${k}AbC`, type: 'function', function: { name: 'weather', arguments: `{"city":"City ${n}"}` } }] }, { role: 'tool', tool_call_id: `call_${round}x${n}x${k}AbC`, content: '20 C' });
    if (extra) messages.push({ role: 'user', content: 'And tomorrow?' });
    const request = JSON.stringify({ model, messages, temperature: 0, tools: [{ type: 'function', function: { name: 'weather', description: 'Get the weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }] });
    const response = JSON.stringify({ id: `chatcmpl-${round}${n}${k}Zq`, object: 'chat.completion', created: 1700000000 + round * 1000 + n, model, system_fingerprint: `fp_${round}`, choices: [{ index: 0, message: { role: 'assistant', content: `It is 20 C in City ${n}.` }, finish_reason: 'stop' }], usage: { prompt_tokens: 300 + n, completion_tokens: 12, total_tokens: 312 + n } });
    out += `- request:\n    body: ${quote(request)}\n    headers:\n      Content-Type:\n      - application/json\n      User-Agent:\n      - OpenAI/Python 1.${round}.0\n    method: POST\n    uri: https://api.openai.com/v1/chat/completions\n  response:\n    body:\n      string: ${quote(response)}\n    headers:\n      Content-Type:\n      - application/json\n      Date:\n      - Mon, 0${round} Jan 2026 10:00:00 GMT\n      x-request-id:\n      - req_${round}${n}${k}abc\n    status:\n      code: 200\n      message: OK\n`;
  }
  return `${out}version: 1\n`;
}
