// Writes the hand-made go-vcr samples for OpenAI-compatible chat. Run: node scripts/make-samples.mjs
// The SSE bodies are built from a few deltas so the files stay small but realistic.
import { writeFileSync } from 'node:fs';

const indent = (text, n) => text.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');
const chunk = (id, model, delta, finish = null, extra = {}) =>
  `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1732300000, model, system_fingerprint: 'fp_0ba0d124f1', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra })}\n\n`;
const usageChunk = (id, model, usage) =>
  `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1732300000, model, choices: [], usage })}\n\n`;

function v2(interactions) {
  let out = '---\nversion: 2\ninteractions:\n';
  interactions.forEach((it, id) => {
    out += `    - id: ${id}
      request:
        proto: HTTP/1.1
        proto_major: 1
        proto_minor: 1
        content_length: ${Buffer.byteLength(it.request)}
        host: ${it.host}
        body: '${it.request.replace(/'/g, "''")}'
        headers:
            Accept:
                - application/json
            Authorization:
                - Bearer sk-REDACTED
            Content-Type:
                - application/json
            User-Agent:
                - OpenAI/Python 1.54.4
        url: https://${it.host}${it.path}
        method: POST
      response:
        proto: HTTP/2.0
        proto_major: 2
        proto_minor: 0
        content_length: ${it.stream ? -1 : Buffer.byteLength(it.response)}
        uncompressed: ${it.stream ? 'false' : 'true'}
        body: |+
${indent(it.response, 12)}
        headers:
            Content-Type:
                - ${it.stream ? 'text/event-stream; charset=utf-8' : 'application/json'}
            Date:
                - Fri, 22 Nov 2024 18:26:40 GMT
            X-Request-Id:
                - req_${(id + 1).toString(16).padStart(8, 'a')}
        status: ${it.status ?? '200 OK'}
        code: ${parseInt(it.status ?? '200', 10)}
        duration: ${it.duration}
`;
  });
  return out;
}

const M = 'gpt-4o-mini-2024-07-18';

// 1. Streamed text, with usage in a final choices:[] chunk.
{
  const id = 'chatcmpl-AWeQ1streamtext';
  const words = ['Cassettes', ' record', ' real', ' HTTP', ' traffic', ' so', ' tests', ' can', ' replay', ' it', ' offline', '.'];
  let body = chunk(id, M, { role: 'assistant', content: '', refusal: null });
  for (const w of words) body += chunk(id, M, { content: w });
  body += chunk(id, M, {}, 'stop');
  body += usageChunk(id, M, { prompt_tokens: 24, completion_tokens: 12, total_tokens: 36, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } });
  body += 'data: [DONE]\n\n';
  writeFileSync('samples/go-vcr-v2/openai-chat-stream-text.yaml', v2([{
    host: 'api.openai.com', path: '/v1/chat/completions', duration: '812.402113ms', stream: true,
    request: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Answer in one sentence.' }, { role: 'user', content: 'What is a test cassette?' }], stream: true, stream_options: { include_usage: true }, temperature: 0 }),
    response: body,
  }]));
}

// 2. Streamed parallel tool calls (two calls interleaved by index), then the answer.
{
  const id = 'chatcmpl-AWeQ2paralleltools';
  const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Current weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['city'] } } }];
  const user = { role: 'user', content: 'Weather in Paris and in Rome?' };
  let body = chunk(id, M, { role: 'assistant', content: null });
  body += chunk(id, M, { tool_calls: [{ index: 0, id: 'call_paris01', type: 'function', function: { name: 'get_weather', arguments: '' } }] });
  body += chunk(id, M, { tool_calls: [{ index: 0, function: { arguments: '{"city": "Pa' } }] });
  body += chunk(id, M, { tool_calls: [{ index: 1, id: 'call_rome02', type: 'function', function: { name: 'get_weather', arguments: '' } }] });
  body += chunk(id, M, { tool_calls: [{ index: 0, function: { arguments: 'ris", "unit": "celsius"}' } }] });
  body += chunk(id, M, { tool_calls: [{ index: 1, function: { arguments: '{"city": "Rome", "unit": "celsius"}' } }] });
  body += chunk(id, M, {}, 'tool_calls');
  body += usageChunk(id, M, { prompt_tokens: 81, completion_tokens: 52, total_tokens: 133, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } });
  body += 'data: [DONE]\n\n';
  const id2 = 'chatcmpl-AWeQ3answer';
  const calls = [
    { id: 'call_paris01', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Paris", "unit": "celsius"}' } },
    { id: 'call_rome02', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Rome", "unit": "celsius"}' } },
  ];
  let body2 = chunk(id2, M, { role: 'assistant', content: '' });
  for (const w of ['Paris', ' is', ' 14°C', ' and', ' cloudy;', ' Rome', ' is', ' 21°C', ' and', ' sunny.']) body2 += chunk(id2, M, { content: w });
  body2 += chunk(id2, M, {}, 'stop');
  body2 += usageChunk(id2, M, { prompt_tokens: 160, completion_tokens: 14, total_tokens: 174, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } });
  body2 += 'data: [DONE]\n\n';
  writeFileSync('samples/go-vcr-v2/openai-chat-parallel-tools.yaml', v2([
    { host: 'api.openai.com', path: '/v1/chat/completions', duration: '1.204518934s', stream: true,
      request: JSON.stringify({ model: 'gpt-4o-mini', messages: [user], tools, tool_choice: 'auto', parallel_tool_calls: true, stream: true, stream_options: { include_usage: true } }), response: body },
    { host: 'api.openai.com', path: '/v1/chat/completions', duration: '690.01723ms', stream: true,
      request: JSON.stringify({ model: 'gpt-4o-mini', messages: [user, { role: 'assistant', content: null, tool_calls: calls }, { role: 'tool', tool_call_id: 'call_paris01', content: '{"temp": 14, "sky": "cloudy"}' }, { role: 'tool', tool_call_id: 'call_rome02', content: '{"temp": 21, "sky": "sunny"}' }], tools, stream: true, stream_options: { include_usage: true } }), response: body2 },
  ]));
}

// 3. A reasoning stream (DeepSeek-style reasoning_content), streamed.
{
  const id = 'b9a3e2f0-reasoning';
  const RM = 'deepseek-reasoner';
  let body = chunk(id, RM, { role: 'assistant', content: null, reasoning_content: '' });
  for (const r of ['The user asks', ' for 17 × 24.', ' 17 × 24 = 17 × 20 + 17 × 4', ' = 340 + 68 = 408.']) body += chunk(id, RM, { content: null, reasoning_content: r });
  for (const w of ['17', ' ×', ' 24', ' =', ' **408**.']) body += chunk(id, RM, { content: w, reasoning_content: null });
  body += chunk(id, RM, { content: '' }, 'stop', { usage: { prompt_tokens: 15, completion_tokens: 61, total_tokens: 76, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 48 }, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 15 } });
  body += 'data: [DONE]\n\n';
  writeFileSync('samples/go-vcr-v2/openai-chat-reasoning-stream.yaml', v2([{
    host: 'api.deepseek.com', path: '/chat/completions', duration: '3.51092s', stream: true,
    request: JSON.stringify({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'What is 17 × 24?' }], stream: true }), response: body,
  }]));
}

// 4. A non-streamed completion and a 4xx error body, in go-vcr v1 (go-vcr 2.x layout).
function v1(interactions) {
  let out = '---\nversion: 1\ninteractions:\n';
  for (const it of interactions) {
    out += `- request:
    body: '${it.request.replace(/'/g, "''")}'
    form: {}
    headers:
      Authorization:
      - Bearer sk-REDACTED
      Content-Type:
      - application/json
    url: ${it.url}
    method: ${it.method ?? 'POST'}
  response:
    body: '${it.response.replace(/'/g, "''")}'
    headers:
      Content-Type:
      - application/json
    status: ${it.status}
    code: ${parseInt(it.status, 10)}
    duration: ${it.duration}
`;
  }
  return out;
}
writeFileSync('samples/go-vcr-v1/openai-chat-json.yaml', v1([{
  url: 'https://api.groq.com/openai/v1/chat/completions', status: '200 OK', duration: '412.734ms',
  request: JSON.stringify({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'system', content: 'You are terse.' }, { role: 'user', content: 'Name three HTTP recorders.' }], max_tokens: 64, temperature: 0.2 }),
  response: JSON.stringify({ id: 'chatcmpl-7f1c2f64-groq', object: 'chat.completion', created: 1732300511, model: 'llama-3.3-70b-versatile', choices: [{ index: 0, message: { role: 'assistant', content: 'go-vcr, VCR.py and Polly.js.' }, logprobs: null, finish_reason: 'stop' }], usage: { prompt_tokens: 48, completion_tokens: 11, total_tokens: 59 } }),
}, {
  url: 'https://api.groq.com/openai/v1/chat/completions', status: '401 Unauthorized', duration: '88.1ms',
  request: JSON.stringify({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'Hello' }] }),
  response: JSON.stringify({ error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' } }),
}]));

// 5. A non-LLM JSON API call (v1) in the same layout.
writeFileSync('samples/go-vcr-v1/http-json-api.yaml', v1([{
  url: 'https://api.github.com/repos/dnaeon/go-vcr/releases/latest', method: 'GET', status: '200 OK', duration: '231.52ms',
  request: '',
  response: JSON.stringify({ tag_name: 'v4.0.4', name: 'v4.0.4', draft: false, prerelease: false, published_at: '2024-10-28T09:12:44Z', author: { login: 'dnaeon' } }),
}]));
console.log('samples written');

// An OpenRouter tool loop like a Go agent records it (the `show --html` screenshot): a streamed tool
// call with OpenRouter's recorded cost, then the tool result and the streamed answer.
{
  const RM = 'moonshotai/kimi-k2-0905';
  const or = (id, delta, finish = null) => chunk(id, RM, delta, finish, { provider: 'Chutes' });
  const orUsage = (id, usage) => `data: ${JSON.stringify({ id, provider: 'Chutes', model: RM, object: 'chat.completion.chunk', created: 1732300000, choices: [], usage })}\n\n`;
  const tools = [{ type: 'function', function: { name: 'get_forecast', description: 'Forecast for a city and a day', parameters: { type: 'object', properties: { city: { type: 'string' }, day: { type: 'string', enum: ['today', 'tomorrow'] } }, required: ['city'] } } }];
  const messages = [{ role: 'system', content: 'You are a concise travel assistant.' }, { role: 'user', content: 'Do I need an umbrella in Lisbon tomorrow?' }];
  const id1 = 'gen-1732300000-toolcall';
  let body = or(id1, { role: 'assistant', content: '' });
  for (const w of ['Let', ' me', ' check', ' the', ' forecast', '.']) body += or(id1, { role: 'assistant', content: w });
  body += or(id1, { role: 'assistant', content: null, tool_calls: [{ id: 'functions.get_forecast:0', index: 0, type: 'function', function: { name: 'get_forecast', arguments: '' } }] });
  body += or(id1, { role: 'assistant', content: null, tool_calls: [{ index: 0, type: 'function', function: { arguments: '{"city": "Lisbon", ' } }] });
  body += or(id1, { role: 'assistant', content: null, tool_calls: [{ index: 0, type: 'function', function: { arguments: '"day": "tomorrow"}' } }] });
  body += or(id1, {}, 'tool_calls');
  body += orUsage(id1, { prompt_tokens: 112, completion_tokens: 29, total_tokens: 141, cost: 0.0001247, is_byok: false });
  body += 'data: [DONE]\n\n';
  const call = { id: 'functions.get_forecast:0', type: 'function', function: { name: 'get_forecast', arguments: '{"city": "Lisbon", "day": "tomorrow"}' } };
  const id2 = 'gen-1732300002-answer';
  let body2 = or(id2, { role: 'assistant', content: '' });
  for (const w of ['Yes', ':', ' rain', ' is', ' expected', ' in', ' Lisbon', ' tomorrow', ' (80%),', ' so', ' take', ' an', ' umbrella.']) body2 += or(id2, { role: 'assistant', content: w });
  body2 += or(id2, {}, 'stop');
  body2 += orUsage(id2, { prompt_tokens: 168, completion_tokens: 17, total_tokens: 185, cost: 0.0001348, is_byok: false });
  body2 += 'data: [DONE]\n\n';
  const base = { model: RM, tools, tool_choice: 'auto', stream: true, stream_options: { include_usage: true }, usage: { include: true } };
  writeFileSync('samples/go-vcr-v2/openrouter-chat-stream-tool-loop.yaml', v2([
    { host: 'openrouter.ai', path: '/api/v1/chat/completions', duration: '1.482113051s', stream: true, request: JSON.stringify({ ...base, messages }), response: body },
    { host: 'openrouter.ai', path: '/api/v1/chat/completions', duration: '964.20871ms', stream: true,
      request: JSON.stringify({ ...base, messages: [...messages, { role: 'assistant', content: 'Let me check the forecast.', tool_calls: [call] }, { role: 'tool', tool_call_id: call.id, content: '{"rain_probability": 0.8, "high_c": 17}' }] }), response: body2 },
  ]));
}

// A user message with an inline PNG (a data: URL), answered without streaming: `show --html` shows the image.
{
  const { crc32, deflateSync } = await import('node:zlib');
  const pngChunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  // 16x16 RGB: a red square on white.
  const rows = [];
  for (let y = 0; y < 16; y++) {
    const row = [0];
    for (let x = 0; x < 16; x++) row.push(...(x > 3 && x < 12 && y > 3 && y < 12 ? [220, 40, 40] : [255, 255, 255]));
    rows.push(...row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(16, 0);
  ihdr.writeUInt32BE(16, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.from(rows))), pngChunk('IEND', Buffer.alloc(0))]);
  const request = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: [{ type: 'text', text: 'What colour is the square?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}`, detail: 'low' } }] }] });
  const response = JSON.stringify({ id: 'chatcmpl-AWeQ9image', object: 'chat.completion', created: 1732300000, model: M, choices: [{ index: 0, message: { role: 'assistant', content: 'The square is red.', refusal: null }, logprobs: null, finish_reason: 'stop' }], usage: { prompt_tokens: 104, completion_tokens: 6, total_tokens: 110 } }, null, 2);
  writeFileSync('samples/go-vcr-v2/openai-chat-image-input.yaml', v2([{ host: 'api.openai.com', path: '/v1/chat/completions', duration: '640.5512ms', request, response }]));
}
