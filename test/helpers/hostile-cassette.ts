/**
 * A go-vcr v2 cassette whose every field tries to run script in an HTML page: model text with
 * `<script>`, `<img onerror>` and `javascript:` links, a tool name, a model name, a URL and a
 * header built to break out of attributes, a body that tries to close its JSON block, an SVG and a
 * mislabelled "PNG" as inline images, and an API key that must be masked. Any script that runs
 * sets `window.__pwned`.
 */
export const HOSTILE_KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=\'svg\'"><script>window.__pwned=\'svg-script\'</script></svg>').toString('base64');
const fakePng = Buffer.from('<script>window.__pwned="fake-png"</script>').toString('base64');

const request = {
  model: '"><script>window.__pwned="model"</script>',
  messages: [
    { role: 'system', content: '</pre></li><script>window.__pwned="system"</script>' },
    {
      role: 'user',
      content: [
        { type: 'text', text: `<script>window.__pwned="user"</script> my key is ${HOSTILE_KEY}` },
        { type: 'image_url', image_url: { url: `data:image/svg+xml;base64,${svg}` } },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${fakePng}` } },
      ],
    },
  ],
  tools: [{ type: 'function', function: { name: '<img src=x onerror="window.__pwned=\'tooldef\'">', parameters: { type: 'object', properties: {} } } }],
};

const response = {
  id: 'chatcmpl-hostile',
  object: 'chat.completion',
  created: 1732300000,
  model: '<img src=x onerror="window.__pwned=\'respmodel\'">',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content:
          'Here: <img src=x onerror="window.__pwned=\'img\'"> and [click me](javascript:window.__pwned=\'md\') and <a id="evil" href="javascript:window.__pwned=\'link\'">click</a> and </script><script>window.__pwned="close"</script><!--',
        tool_calls: [{ id: 'call_<b>1</b>', type: 'function', function: { name: '<svg onload="window.__pwned=\'tool\'">', arguments: '{"q": "</script><script>window.__pwned=\'args\'</script>"}' } }],
      },
      finish_reason: 'tool_calls',
    },
  ],
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
};

const q = (value: string) => JSON.stringify(value);

export const HOSTILE_CASSETTE = `---
version: 2
interactions:
    - id: 0
      request:
        body: ${q(JSON.stringify(request))}
        headers:
            Authorization:
                - ${q(`Bearer ${HOSTILE_KEY}`)}
            Content-Type:
                - application/json
            X-Evil:
                - ${q('"><script>window.__pwned="header"</script>')}
        url: ${q('https://api.openai.com/v1/chat/completions?x="><script>window.__pwned="url"</script>')}
        method: POST
      response:
        body: ${q(JSON.stringify(response))}
        headers:
            Content-Type:
                - application/json
        status: 200 OK
        code: 200
        duration: 512ms
`;
