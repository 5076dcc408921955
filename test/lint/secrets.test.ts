import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entropy, findSecrets, KEY_LIKE_ENDS, KEY_LIKE_PAIR, keyValuePairs, patternSecrets } from '../../src/secrets/detect.js';
import { isSecretHeader, maskSecret, maskSecretsInText, maskUrl, maskValue } from '../../src/secrets/mask.js';
import { maskSecretsInRawText } from '../../src/secrets/mask-raw.js';
import { isPlaceholder, KEY_LIKE, possiblePatterns, SECRET_PATTERNS } from '../../src/secrets/patterns.js';
import { loadCassette } from '../../src/load.js';
import { at, goVcr, lint, positionOf } from './helpers.js';

const KEYS: [string, string][] = [
  ['openai-key', 'sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5cD7e'],
  ['openai-key', 'sk-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ'],
  ['anthropic-key', 'sk-ant-api03-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5'],
  ['openrouter-key', 'sk-or-v1-0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b'],
  ['google-api-key', 'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'],
  ['aws-access-key', 'AKIAZ4X7QW3ERT5YU8IO'],
  ['github-token', 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'],
  ['huggingface-token', 'hf_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7'],
  ['slack-token', 'xoxb-1234567890-0987654321-Ab3dE5fG7hJ9'],
  ['jwt', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  // GitHub's other token kinds and LLM providers' own prefixes, built at run time (no key-shaped literal in the repository).
  ...['gho_', 'ghu_', 'ghs_', 'ghr_'].map((p): [string, string] => ['github-token', `${p}${'A1b2C3d4E5f6'.repeat(3)}`]),
  ['groq-key', `gsk_${'Q7wE9rT1yU3iO5pA'.repeat(3)}Z2xC`],
  ['xai-key', `xai-${'Q7wE9rT1yU3iO5pA'.repeat(5)}`],
  ['perplexity-key', `pplx-${'Q7wE9rT1yU3iO5pA'.repeat(3)}`],
  ['stripe-key', `${'sk'}_live_${'Q7wE9rT1yU3iO5pA'.repeat(2)}`],
  // A Google OAuth access token and a Telegram bot token hold no key-like name: the shape tells.
  ['google-oauth-token', `ya29.a0Af${'Q7wE9rT1yU3iO5pA'.repeat(4)}`],
  ['google-oauth-token', `ya29.c.b0Aa${'Q7wE9rT1yU3iO5pA'.repeat(2)}.${'Zx8Cv6Bn4Mq2Wd0R'.repeat(2)}`],
  ['telegram-bot-token', `123456789:AA${'Q7wE9rT1yU3iO5pA'.repeat(2)}z`],
];

const interactionWith = (headers: string, body = '{"model":"m","messages":[]}', url = 'https://api.example.com/v1/chat/completions') =>
  goVcr([{ headers, body, url }]);

describe('secret-body: every key shape, at its position', () => {
  it.each(KEYS)('%s %s', (kind, key) => {
    const text = interactionWith('', `{"model":"m","messages":[{"role":"user","content":"my key is ${key} ok"}]}`);
    const findings = lint(text, 'secret-body');
    expect(findings.map((f) => f.message)).toEqual([`request body holds a credential: ${kind} ${maskSecret(key)}`]);
    expect(at(findings)).toEqual([positionOf(text, key)]);
    expect(findings[0]!.message).not.toContain(key);
  });

  it('finds high-entropy values of key-like fields, not of pagination tokens', () => {
    const text = interactionWith('', '{"client_secret":"q8Zr2LmX0vTb7NcK4pWy","next_page_token":"q8Zr2LmX0vTb7NcK4pWy9"}');
    expect(lint(text, 'secret-body').map((f) => f.message)).toEqual([`request body holds a credential: high-entropy client_secret ${maskSecret('q8Zr2LmX0vTb7NcK4pWy')}`]);
    expect(entropy('aaaaaaaaaaaaaaaa')).toBe(0);
  });

  // A tool result or a tool call's `arguments` is JSON inside a JSON string: its quotes are escaped (`\"api_key\": \"…\"`).
  it('finds a key-like field of JSON kept inside a JSON string (tool-call arguments, tool results); masks and --fix redact it', () => {
    const secret = 'q8Zr2LmX0vTb7NcK4pWyE5sD';
    const other = 'Wm4Tq9Xc2Lv7Bn0Rk5Hs8Jd3';
    const call = { id: 'c1', type: 'function', function: { name: 'login', arguments: JSON.stringify({ user: 'ada', password: secret }) } };
    const body = JSON.stringify({ model: 'm', messages: [{ role: 'assistant', tool_calls: [call] }, { role: 'tool', tool_call_id: 'c1', content: JSON.stringify({ config: { api_key: other } }) }] });
    const text = interactionWith('', body);
    const findings = lint(text, 'secret-body');
    expect(findings.map((f) => f.message)).toEqual([`request body holds a credential: high-entropy password ${maskSecret(secret)}`, `request body holds a credential: high-entropy api_key ${maskSecret(other)}`]);
    expect(findings.flatMap((f) => f.fix ?? []).map((e) => text.slice(e.start, e.end))).toEqual([secret, other]);
    expect(maskSecretsInText(body)).not.toMatch(new RegExp(`${secret}|${other}`));
  });

  // An env file a tool read, or pasted in a prompt: `NAME=value` right after a JSON key or another
  // `name:` was taken as that pair's value (`content` = `MISTRAL_API_KEY=…`) and never judged.
  it('finds NAME=value pairs that start the value of another pair (an env file in a tool result or a prompt)', () => {
    const mistral = 'Wm4Tq9Xc2Lv7Bn0Rk5Hs8Jd3Pf6Gy1Az';
    const tavily = 'q8Zr2LmX0vTb7NcK4pWyE5sDu3Ii9Oo';
    const together = '3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5d';
    const body = JSON.stringify({ model: 'm', messages: [{ role: 'tool', tool_call_id: 'c1', content: `MISTRAL_API_KEY=${mistral}\nDEBUG=1` }, { role: 'user', content: `my env: TAVILY_API_KEY=${tavily}` }, { role: 'tool', tool_call_id: 'c2', content: `TOGETHER_API_KEY="${together}"` }] });
    const text = interactionWith('', body);
    const findings = lint(text, 'secret-body');
    expect(findings.map((f) => f.message)).toEqual([mistral, tavily, together].map((v, i) => `request body holds a credential: high-entropy ${['MISTRAL_API_KEY', 'TAVILY_API_KEY', 'TOGETHER_API_KEY'][i]} ${maskSecret(v)}`));
    expect(findings.flatMap((f) => f.fix ?? []).map((e) => text.slice(e.start, e.end))).toEqual([mistral, tavily, together]);
    expect(maskSecretsInText(body)).not.toMatch(new RegExp(`${mistral}|${tavily}|${together}`));
    // Base64 padding is no `NAME=value`: a padded key-like value is still found whole.
    const padded = 'QWxhZGRpbjpvcGVuIHNlc2FtZQx9Tz==';
    expect(lint(interactionWith('', JSON.stringify({ client_secret: padded })), 'secret-body').map((f) => f.message)).toEqual([`request body holds a credential: high-entropy client_secret ${maskSecret(padded)}`]);
  });

  // RFC 6749 2.3.1: a client secret goes in an x-www-form-urlencoded body, where `+` and `/` are
  // percent-encoded; Azure (Entra ID) client secrets hold `~`. Both were cut short and passed.
  it.each([
    ['client_secret', 'Abc8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789ab'],
    ['client_secret', 'q8Zr3V%2BX9pLm%2F2wYc7Hn4JfB6sDgA1eQ'],
  ])('finds a form body\'s %s %s whole, and --fix redacts it', (name, secret) => {
    const body = `grant_type=client_credentials&${name}=${secret}&scope=https%3A%2F%2Fcognitiveservices.azure.com%2F.default`;
    const text = interactionWith('', body, 'https://login.microsoftonline.com/t/oauth2/v2.0/token');
    const findings = lint(text, 'secret-body');
    expect(findings.map((f) => f.message)).toEqual([`request body holds a credential: high-entropy ${name} ${maskSecret(secret)}`]);
    expect(findings[0]!.fix?.map((e) => text.slice(e.start, e.end))).toEqual([secret]);
    expect(maskSecretsInText(body)).toBe(body.replace(secret, maskSecret(secret)));
  });
});

describe('secret-body: an Authorization kept in a body', () => {
  // An MCP tool's headers (OpenAI Responses `tools[].headers`), or a connector's `authorization`, with an opaque token.
  it.each([
    ['headers', '{"model":"m","tools":[{"type":"mcp","server_url":"https://mcp.example.com","headers":{"Authorization":"Bearer q8Zr2LmX0vTb7NcK4pWyA1b2C3d4"}}]}', 'Authorization'],
    ['authorization', '{"model":"m","tools":[{"type":"mcp","server_url":"https://mcp.example.com","authorization":"q8Zr2LmX0vTb7NcK4pWyA1b2C3d4"}]}', 'authorization'],
  ])('%s: found, masked in text, and --fix redacts the token', (_, body, name) => {
    const text = interactionWith('', body, 'https://api.openai.com/v1/responses');
    const findings = lint(text, 'secret-body');
    expect(findings.map((f) => f.message)).toEqual([`request body holds a credential: high-entropy ${name} ${maskSecret('q8Zr2LmX0vTb7NcK4pWyA1b2C3d4')}`]);
    expect(findings[0]!.fix?.map((e) => text.slice(e.start, e.end))).toEqual(['q8Zr2LmX0vTb7NcK4pWyA1b2C3d4']);
    expect(maskSecretsInText(body)).not.toContain('q8Zr2LmX0vTb7NcK4pWyA1b2C3d4');
  });

  it('a scheme with a placeholder or a short word after it is not a credential', () => {
    const body = '{"headers":{"Authorization":"Bearer REDACTED","x":"Basic dXNlcg=="}}';
    expect(lint(interactionWith('', body), 'secret-body')).toEqual([]);
  });
});

describe('secret-body: form fields kept beside the body', () => {
  const secret = 'q8Zr3VtX9pLmK2wYc7Hn4JfB6sDgA1eQ';
  // A hook that redacted the body but not go-vcr's `form` (or a HAR's postData.params) left the key there.
  it('go-vcr form: found at its place, and --fix redacts it', () => {
    const text = goVcr([{ body: '[REDACTED]', url: 'https://login.example.com/oauth/token', requestExtra: `    form:\n      client_secret:\n      - ${secret}\n      grant_type:\n      - client_credentials\n` }]);
    const findings = lint(text, 'secret-body');
    expect(findings.map((f) => f.message)).toEqual([`request form holds a credential: high-entropy client_secret ${maskSecret(secret)}`]);
    expect(at(findings)).toEqual([positionOf(text, secret)]);
    expect(findings[0]!.fix?.map((e) => text.slice(e.start, e.end))).toEqual([secret]);
  });

  it('HAR postData.params beside postData.text', () => {
    const har = { log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [{ startedDateTime: '2025-01-01T00:00:00Z', time: 1, request: { method: 'POST', url: 'https://login.example.com/oauth/token', httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 10, postData: { mimeType: 'application/x-www-form-urlencoded', text: '[REDACTED]', params: [{ name: 'client_secret', value: secret }] } }, response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 2, mimeType: 'application/json', text: '{}' }, redirectURL: '', headersSize: -1, bodySize: 2 }, cache: {}, timings: { send: 0, wait: 1, receive: 0 } }] } };
    const text = JSON.stringify(har, null, 2);
    const cassette = loadCassette(text, 't.har');
    expect(findSecrets(cassette.interactions[0]!).map((f) => [f.field, f.value])).toEqual([['request form', secret]]);
  });

  it('a form that is the body is read percent-encoded; --fix redacts the value as the file holds it', () => {
    const raw = 'q8Zr3V+X9pLm/2wYc7Hn4JfB6sDgA1eQ';
    const text = goVcr([{ body: '', url: 'https://login.example.com/oauth/token', requestExtra: `    form:\n      client_secret:\n      - ${raw}\n` }]);
    const findings = lint(text, 'secret-body');
    expect(findings.map((f) => f.message)).toEqual([`request body holds a credential: high-entropy client_secret ${maskSecret(encodeURIComponent(raw))}`]);
    expect(findings[0]!.fix?.map((e) => text.slice(e.start, e.end))).toEqual([raw]);
  });

  it('a form field that is the body (no body kept) is one finding, not two', () => {
    const text = goVcr([{ body: '', url: 'https://login.example.com/oauth/token', requestExtra: `    form:\n      client_secret:\n      - ${secret}\n` }]);
    expect(lint(text, 'secret-body').map((f) => f.message)).toEqual([`request body holds a credential: high-entropy client_secret ${maskSecret(secret)}`]);
  });
});

describe('secret-header and secret-url', () => {
  it.each([
    ['      Authorization:\n      - Bearer sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ\n', /request header Authorization holds a credential: authorization/, 'sk-proj-'],
    ['      X-Api-Key:\n      - sk-ant-api03-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV\n', /x-api-key/, 'sk-ant-'],
    ['      Api-Key:\n      - 0123456789abcdef0123456789abcdef\n', /api-key/, '0123'],
    ['      X-Goog-Api-Key:\n      - AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q\n', /x-goog-api-key/, 'AIza'],
    ['      Cookie:\n      - session=8f7a6b5c4d3e2f1a0b9c; theme=dark\n', /cookie/, '8f7a'],
    ['      Authorization:\n      - AWS4-HMAC-SHA256 Credential=AKIAZ4X7QW3ERT5YU8IO/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=abc\n', /aws-access-key/, 'AKIA'],
    ['      X-Amz-Security-Token:\n      - IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ\n', /x-amz-security-token/, 'IQoJ'],
    // Azure Functions docs ("Function access keys"): a key goes in the x-functions-key header or the code parameter.
    ['      x-functions-key:\n      - Zq8Lm3Np7Rt2Vx6Bz9Cd4Fg1Hj5Kl0Mn8Pq3Rs7TuVwXyZ0aB1cD==\n', /x-functions-key/, 'Zq8L'],
  ] as const)('flags %s', (headers, message, secretStart) => {
    const text = interactionWith(headers);
    const findings = lint(text, 'secret-header');
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(message)]);
    expect(at(findings)).toEqual([positionOf(text, secretStart)]);
    expect(positionOf(text, secretStart)[0]).toBe(10);
  });

  // A gateway's or wrapper's own header or parameter: named like a key and random, or holding a known key shape.
  it.each([
    ['      X-Portkey-Api-Key:\n      - Hk2s9Dk3LqP0xZ7mV4nB8cR1tY6wE5uI\n', /request header X-Portkey-Api-Key holds a credential: x-portkey-api-key Hk2s/, 'Hk2s'],
    ['      Helicone-Auth:\n      - Bearer pk-helicone-7hq3k2m9d8s7f6g5h4j3k2l1\n', /helicone-auth pk-h/, 'pk-h'],
    ['      X-Custom:\n      - sk-ant-api03-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV\n', /request header X-Custom holds a credential: anthropic-key sk-a/, 'sk-ant-'],
    ['      Location:\n      - https://app.example.com/cb?state=abc&access_token=ya29.Hk2s9Dk3LqP0xZ7mV4nB8cR1tY6w\n', /request header Location holds a credential: query parameter access_token ya29/, 'ya29'],
    ['      Referer:\n      - https://dash.acme.io/keys?key=Hk2s9Dk3LqP0xZ7mV4nB8cR1tY6w\n', /request header Referer holds a credential: query parameter key Hk2s/, 'Hk2s'],
  ] as const)('flags a header the lists do not name: %s', (headers, message, secretStart) => {
    const text = interactionWith(headers);
    const findings = lint(text, 'secret-header');
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(message)]);
    expect(at(findings)).toEqual([positionOf(text, secretStart)]);
  });

  it.each([
    ['      Idempotency-Key:\n      - stainless-python-retry-8f7a6b5c-4d3e-2f1a-0b9c\n'],
    ['      Sec-WebSocket-Key:\n      - dGhlIHNhbXBsZSBub25jZQ==\n'],
    ['      X-Csrf-Token:\n      - Hk2s9Dk3LqP0xZ7mV4nB8cR1tY6wE5uI\n'],
    ['      X-Request-Token:\n      - aaaaaaaaaaaaaaaaaaaaaaaa\n'],
  ])('leaves a key-named header that is no credential: %s', (headers) => {
    expect(lint(interactionWith(headers), 'secret-header')).toEqual([]);
  });

  it('OpenAI organization and project ids are masked by show but are no lint finding (they identify, not grant)', () => {
    const text = interactionWith('      OpenAI-Organization:\n      - org-Hk2s9Dk3LqP0xZ7mV4nB8cR1\n      OpenAI-Project:\n      - proj_Hk2s9Dk3LqP0xZ7mV4nB8cR1\n');
    expect(lint(text, 'secret-header')).toEqual([]);
    expect(isSecretHeader('OpenAI-Organization') && isSecretHeader('openai-project')).toBe(true);
  });

  it('flags a URL parameter named like a key, and a known key shape in any parameter (after `name=`)', () => {
    const key = 'sk-ant-api03-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV';
    const url = `https://api.example.com/v1/x?anthropic_key=${key}&my_auth=Zx81Kq0vLm3Nw7Pr5Ty2&page_token=Zx81Kq0vLm3Nw7Pr5Ty2&alt=sse`;
    const text = interactionWith('', undefined, url);
    const findings = lint(text, 'secret-url');
    expect(findings.map((f) => f.message)).toEqual([
      `URL parameter anthropic_key holds a credential: anthropic-key ${maskSecret(key)}`,
      `URL parameter my_auth holds a credential: query parameter my_auth ${maskSecret('Zx81Kq0vLm3Nw7Pr5Ty2')}`,
    ]);
    expect(at(findings)[0]).toEqual(positionOf(text, key));
  });

  it.each(['key', 'api_key', 'token', 'X-Amz-Credential', 'X-Amz-Signature'])('flags the URL parameter %s', (name) => {
    const findings = lint(interactionWith('', undefined, `https://api.example.com/v1/x?${name}=Zx81Kq0vLm3Nw7Pr5Ty2&alt=sse`), 'secret-url');
    expect(findings.map((f) => f.message)).toEqual([`URL parameter ${name} holds a credential: query parameter ${name} ${maskSecret('Zx81Kq0vLm3Nw7Pr5Ty2')}`]);
  });

  // OpenWeatherMap's API docs: `appid` is "your unique API key" (32 hex digits: no randomness test
  // passes it for a key-like name); Azure API Management takes the key as `subscription-key` too.
  it.each([
    ['https://api.openweathermap.org/data/2.5/weather?q=Rome&appid=', 'appid'],
    ['https://api.openweathermap.org/data/2.5/weather?q=Rome&APPID=', 'APPID'],
    ['https://my-apim.azure-api.net/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21&subscription-key=', 'subscription-key'],
  ])('flags %s… and masks it in show and --raw', (url, name) => {
    const value = '3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';
    const findings = lint(interactionWith('', undefined, url + value), 'secret-url');
    expect(findings.map((f) => f.message)).toEqual([`URL parameter ${name} holds a credential: query parameter ${name} ${maskSecret(value)}`]);
    expect(maskUrl(url + value)).not.toContain(value);
    expect(maskSecretsInRawText(`GET ${url}${value} HTTP/1.1`)).not.toContain(value);
  });
});

describe('secret-url: signed URLs and fragments', () => {
  it("flags a Google Cloud Storage signed URL's X-Goog-Signature, as S3's X-Amz-Signature", () => {
    const sig = 'a3f9'.repeat(64);
    const text = interactionWith('', '{}', `https://storage.googleapis.com/b/f.png?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Date=20250101T000000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=${sig}`);
    const findings = lint(text, 'secret-url');
    expect(findings.map((f) => f.message)).toEqual([`URL parameter X-Goog-Signature holds a credential: query parameter X-Goog-Signature ${maskSecret(sig)}`]);
    expect(maskUrl(`https://storage.googleapis.com/b/f.png?X-Goog-Signature=${sig}`)).not.toContain(sig);
  });

  it('flags an access token in the fragment of a redirect (OAuth implicit flow: Location …#access_token=)', () => {
    const token = 'q8Zr2LmX0vTb7NcK4pWyA1b2C3d4';
    const text = goVcr([{ responseExtra: `    headers:\n      Location:\n      - https://app.example.com/cb#access_token=${token}&token_type=bearer\n` }]).replace(/    headers:\n      Content-Type:\n      - application\/json\n    status/, '    status');
    const findings = lint(text, 'secret-header');
    expect(findings.map((f) => f.message)).toEqual([`response header Location holds a credential: query parameter access_token ${maskSecret(token)}`]);
    expect(findings[0]!.fix?.map((e) => text.slice(e.start, e.end))).toEqual([token]);
  });
});

describe('secrets without a key-like name: Telegram bot tokens in URL paths, multipart fields, Google OAuth tokens', () => {
  const telegram = `123456789:AA${'Q7wE9rT1yU3iO5pA'.repeat(2)}z`;
  const oauth = `ya29.a0Af${'Q7wE9rT1yU3iO5pA'.repeat(4)}`;
  const secret = 'q8Zr3VtX9pLmK2wYc7Hn4JfB6sDgA1eQ';

  it("flags a Telegram bot token in the Bot API's path (/bot<token>/method, /file/bot<token>/...), masks it and --fix redacts it", () => {
    for (const url of [`https://api.telegram.org/bot${telegram}/sendMessage`, `https://api.telegram.org/file/bot${telegram}/photos/file_1.jpg`]) {
      const text = interactionWith('', undefined, url);
      const findings = lint(text, 'secret-url');
      expect(findings.map((f) => f.message), url).toEqual([`URL path holds a credential: telegram-bot-token ${maskSecret(telegram)}`]);
      expect(at(findings)).toEqual([positionOf(text, telegram)]);
      expect(findings[0]!.fix?.map((e) => text.slice(e.start, e.end))).toEqual([telegram]);
      expect(maskUrl(url)).toBe(url.replace(telegram, maskSecret(telegram)));
    }
    // In a body, inside a URL a tool was given.
    const body = JSON.stringify({ model: 'm', messages: [{ role: 'tool', content: `POST https://api.telegram.org/bot${telegram}/sendMessage ok` }] });
    expect(lint(interactionWith('', body), 'secret-body').map((f) => f.message)).toEqual([`request body holds a credential: telegram-bot-token ${maskSecret(telegram)}`]);
  });

  it('flags the path of a Slack or Discord webhook URL (no segment alone looks like a key), in the URL and in a body; masks it and --fix redacts it', () => {
    const slack = `T04ABCDEF12/B07GHIJKL34/${'q8Zr3VtX9pLm'.repeat(2)}`;
    const discord = `1234567890123456789/${'Q7wE9rT1yU3iO5pA'.repeat(4)}-Vb_`;
    for (const [kind, url, secret] of [['slack-webhook', `https://hooks.slack.com/services/${slack}`, slack], ['discord-webhook', `https://discord.com/api/webhooks/${discord}`, discord]] as const) {
      const text = interactionWith('', undefined, url);
      const findings = lint(text, 'secret-url');
      expect(findings.map((f) => f.message), kind).toEqual([`URL path holds a credential: ${kind} ${maskSecret(secret)}`]);
      expect(at(findings)).toEqual([positionOf(text, secret)]);
      expect(findings[0]!.fix?.map((e) => text.slice(e.start, e.end))).toEqual([secret]);
      expect(maskUrl(url)).toBe(url.replace(secret, maskSecret(secret)));
      const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: `post to ${url} please` }] });
      expect(lint(interactionWith('', body), 'secret-body').map((f) => f.message), kind).toEqual([`request body holds a credential: ${kind} ${maskSecret(secret)}`]);
    }
    // Another host, or a path too short to be one, is not a webhook.
    expect(patternSecrets(`https://hooks.slack.com.evil/services/${slack}`)).toEqual([]);
    expect(patternSecrets('https://hooks.slack.com/services/T0/B0/x')).toEqual([]);
  });

  it('leaves ids and times that only look like it alone', () => {
    for (const text of [`12:${'A'.repeat(35)}`, `1234567890123456789:AA${'b'.repeat(33)}`, `123456:AA${'b'.repeat(20)}`, `123456:AA${'b'.repeat(40)}`]) {
      expect(patternSecrets(text), text).toEqual([]);
    }
  });

  it('flags a key-like field of a multipart/form-data body (CRLF or LF), masks it everywhere and --fix redacts it', () => {
    for (const nl of ['\r\n', '\n']) {
      const multipart = ['--XyZ', 'Content-Disposition: form-data; name="api_key"', '', secret, '--XyZ', 'Content-Disposition: form-data; name="file"; filename="a.txt"', 'Content-Type: text/plain', '', 'hello', '--XyZ', 'Content-Disposition: form-data; name="purpose"', '', 'fine-tune-results-2024', '--XyZ--', ''].join(nl);
      const text = goVcr([{ body: multipart, url: 'https://api.example.com/v1/files', headers: '      X-Other:\n      - x\n' }]);
      const findings = lint(text, 'secret-body');
      expect(findings.map((f) => f.message), JSON.stringify(nl)).toEqual([`request body holds a credential: high-entropy api_key ${maskSecret(secret)}`]);
      expect(findings[0]!.fix?.map((e) => text.slice(e.start, e.end))).toEqual([secret]);
      expect(maskSecretsInText(multipart)).toBe(multipart.replace(secret, maskSecret(secret)));
    }
  });

  it('flags a Google OAuth token under any field name, in requests and responses', () => {
    const text = goVcr([{ body: JSON.stringify({ credential: oauth }), url: 'https://api.example.com/v1/session', responseBody: JSON.stringify({ bearer: oauth }) }]);
    expect(findSecrets(loadCassette(text, 't.yaml').interactions[0]!).map((f) => [f.field, f.kind, f.value])).toEqual([
      ['request body', 'google-oauth-token', oauth],
      ['response body', 'google-oauth-token', oauth],
    ]);
    expect(maskSecretsInText(`{"credential": "${oauth}."}`)).toBe(`{"credential": "${maskSecret(oauth)}."}`);
  });
});

describe('secret-url outside the query: userinfo and path', () => {
  const token = `ghp_${'A1b2C3d4E5f6'.repeat(3)}`;
  const key = `sk-proj-${'Ab3dE5fG7hJ9kL1m'.repeat(2)}`;

  it('flags the password of user:password@, a key-shaped user name and a key-shaped path segment, each at its position', () => {
    const url = `https://bob:hunter2pass@proxy.example.com/v1/keys/${key}/chat?alt=sse`;
    const text = interactionWith('', undefined, url);
    const findings = lint(text, 'secret-url');
    expect(findings.map((f) => f.message)).toEqual([
      `URL userinfo holds a credential: password ${maskSecret('hunter2pass')}`,
      `URL path holds a credential: openai-key ${maskSecret(key)}`,
    ]);
    expect(at(findings)).toEqual([positionOf(text, 'hunter2pass'), positionOf(text, key)]);
    const user = lint(interactionWith('', undefined, `https://${token}@github.com/o/r.git`), 'secret-url');
    expect(user.map((f) => f.message)).toEqual([`URL userinfo holds a credential: github-token ${maskSecret(token)}`]);
  });

  it('leaves a placeholder password, a plain user name, an @ inside the path and ordinary segments alone', () => {
    for (const url of ['https://user:REDACTED@api.example.com/v1/x', 'https://bob@api.example.com/v1/x', 'https://api.example.com/v1/models/a@b/sk-x', 'https://api.example.com/v1/chat/completions']) {
      expect(lint(interactionWith('', undefined, url), 'secret-url'), url).toEqual([]);
    }
  });

  it('invalid-request quotes an invalid URL masked before it is cut: no part of a key survives the cut', () => {
    const google = `AIza${'Sy9876543210zyxwvutsrqponmlkjihgf'}`;
    // The 80-character cut falls inside the key: cut first, the rest was no longer a key shape.
    const url = `https://api.example.com:99999/v1/${'p'.repeat(30)}?key=${google}`;
    const [f] = lint(interactionWith('', undefined, url), 'invalid-request');
    expect(f!.message).toContain(`/v1/${'p'.repeat(30)}?key=AIza…(`);
    expect(f!.message).not.toContain(google.slice(0, 5));
  });

  it('maskUrl masks the same parts and keeps the rest as recorded', () => {
    expect(maskUrl(`https://bob:hunter2pass@proxy.example.com/v1/keys/${key}/chat?key=${token}&alt=sse`)).toBe(
      `https://bob:${maskSecret('hunter2pass')}@proxy.example.com/v1/keys/${maskSecret(key)}/chat?key=${maskSecret(token)}&alt=sse`,
    );
    expect(maskUrl(`https://${token}@github.com/o/r.git`)).toBe(`https://${maskSecret(token)}@github.com/o/r.git`);
    expect(maskUrl('https://user:REDACTED@api.example.com/a@b')).toBe('https://user:REDACTED@api.example.com/a@b');
    expect(maskSecretsInRawText(`url: https://bob:hunter2pass@h.example/${key}/x\nmore`)).toBe(`url: https://bob:${maskSecret('hunter2pass')}@h.example/${maskSecret(key)}/x\nmore`);
  });
});

describe('secret-header: HAR cookies lists', () => {
  const har = (cookieHeader: boolean) =>
    JSON.stringify(
      {
        log: {
          version: '1.2',
          creator: { name: 'test', version: '1' },
          entries: [
            {
              startedDateTime: '2025-01-01T00:00:00Z',
              time: 1,
              request: { method: 'GET', url: 'https://api.example.com/me', httpVersion: 'HTTP/1.1', headers: cookieHeader ? [{ name: 'Cookie', value: 'sessionid=Qz8Wx7Ec6Rv5Tb4Yn3Um2' }] : [], cookies: [{ name: 'sessionid', value: 'Qz8Wx7Ec6Rv5Tb4Yn3Um2' }], queryString: [], headersSize: -1, bodySize: 0 },
              response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [{ name: 'auth_token', value: 'Lp0Ok9Ij8Uh7Yg6Tf5Rd4' }], content: { size: 0, mimeType: 'text/plain' }, redirectURL: '', headersSize: -1, bodySize: 0 },
              cache: {},
              timings: { send: 0, wait: 1, receive: 0 },
            },
          ],
        },
      },
      null,
      1,
    );

  it('finds a session cookie kept only in a cookies list (the header scrubbed), at its place in the list', () => {
    const text = har(false);
    const findings = lint(text, 'secret-header');
    expect(findings.map((f) => f.message)).toEqual([
      `request header Cookie holds a credential: session cookie sessionid ${maskSecret('Qz8Wx7Ec6Rv5Tb4Yn3Um2')}`,
      `response header Set-Cookie holds a credential: session cookie auth_token ${maskSecret('Lp0Ok9Ij8Uh7Yg6Tf5Rd4')}`,
    ]);
    expect(at(findings)).toEqual([positionOf(text, 'Qz8Wx7'), positionOf(text, 'Lp0Ok9')]);
  });

  it('reads the header alone when there is one: the same cookie is one finding', () => {
    const cassette = loadCassette(har(true), 'c.har');
    expect(cassette.interactions[0]!.request.headers).toEqual([{ name: 'Cookie', value: 'sessionid=Qz8Wx7Ec6Rv5Tb4Yn3Um2' }]);
    expect(lint(har(true), 'secret-header')).toHaveLength(2);
  });
});

describe('placeholders and blobs are not secrets', () => {
  it.each([
    ['      Authorization:\n      - Bearer REDACTED\n'],
    ['      Authorization:\n      - Bearer <API_KEY>\n'],
    ['      Authorization:\n      - "****"\n'],
    ['      X-Api-Key:\n      - filtered\n'],
    ['      X-Api-Key:\n      - test-api-key\n'],
    ['      Authorization:\n      - Bearer sk-REDACTED\n'],
    ['      Authorization:\n      - My bearer token is safe\n'],
    ['      Openai-Organization:\n      - org-abcdef0123456789\n'],
  ])('%s', (headers) => {
    expect(lint(interactionWith(headers), 'secret-header')).toEqual([]);
  });

  it.each(['sk-fake-key', 'fake-api-key', 'FAKE_KEY', 'fakeApiKey', 'myDummyToken', 'sk-ant-fake123', '[REDACTED]', 'redacted-key', 'fakeapikey', 'AKIAIOSFODNN7EXAMPLE', 'mock_token_value'])(
    'a placeholder word as a word of its own: %s',
    (value) => expect(isPlaceholder(value)).toBe(true),
  );

  // Random keys that hold a placeholder word by chance, in mixed case or run into other letters.
  const chance = [`sk-proj-fT0T0arI2LERfAKegs9pV6JI7Rg${'hwU4xNIFvu6l77FyhcXcN'}`, `sk-proj-0UQZEKyBUpO2VzYwk1ruDzduMmY${'m5q549cWsFUjAvkhHenpF'}`, `sk-proj-Q7wE9rT1yUmockO5pAQ7wE9rT1yU${'3iO5pAQ7wE9rT1yU3iO5pA'}`];
  it.each(chance)('a generated key that holds fAKe, duMmY or mock by chance is a secret: %s', (key) => {
    expect(isPlaceholder(key)).toBe(false);
    const text = interactionWith(`      Authorization:\n      - Bearer ${key}\n`);
    expect(lint(text, 'secret-header').map((f) => f.message)).toEqual([`request header Authorization holds a credential: authorization ${maskSecret(key)}`]);
    expect(maskValue(`Bearer ${key}`)).toBe(`Bearer ${maskSecret(key)}`);
  });

  it('ignores `sk-` inside base64 or encrypted blobs', () => {
    const blob = 'gAAAAABoX2k3mQ8vTzYwLk9sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5cD7eRt0==';
    const text = interactionWith('', `{"model":"m","messages":[{"role":"assistant","content":[{"type":"thinking","encrypted_content":"${blob}"}]}]}`);
    expect(lint(text, 'secret-body')).toEqual([]);
  });

  it('reports a secret stored base64 without a fix, since the text does not hold it', () => {
    const key = 'sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5cD7e';
    const body = Buffer.from(`{"echo":"${key}"}`).toString('base64');
    const text = `http_interactions:\n- request: {method: get, uri: 'https://x.test/', body: {encoding: UTF-8, string: ''}, headers: {}}\n  response:\n    status: {code: 200, message: OK}\n    headers: {Content-Type: [application/json]}\n    body: {encoding: UTF-8, base64_string: ${body}}\nrecorded_with: VCR 6.2.0\n`;
    const [finding] = lint(text, 'secret-body');
    expect(finding).toMatchObject({ ruleId: 'secret-body', fix: undefined });
    expect(finding!.message).toMatch(/stored encoded/);
    expect(findSecrets(loadCassette(text, 't').interactions[0]!)).toHaveLength(1);
  });
});

describe('one sweep for every key prefix', () => {
  it('finds each shape beside the others, overlapping prefixes included (possiblePatterns)', () => {
    for (const [kind, key] of KEYS) {
      const others = KEYS.filter(([k]) => k !== kind).map(([, v]) => v);
      expect(possiblePatterns(`a ${key} b`).has(kind)).toBe(true);
      expect(possiblePatterns(`${others.join(' ')} ${key}`).has(kind)).toBe(true);
    }
    // Each id with the offsets where its prefix starts.
    expect(possiblePatterns('AKIAIza')).toEqual(new Map([['aws-access-key', [0]], ['google-api-key', [3]]]));
    expect(possiblePatterns('x sk-ant-a sk-b').get('openai-key')).toEqual([2, 11]);
    expect(possiblePatterns('{"model":"m","stream":true}').size).toBe(0);
  });

  it('patternSecrets, trying each pattern only at its prefixes, finds what matchAll over the whole text finds', () => {
    const piece = fc.oneof(fc.constantFrom(...KEYS.map(([, v]) => v), 'sk-', 'sk-ant-', 'AKIA', 'eyJ', 'xox', 'ya29.', ':A', '12345', '9', 'bot', '.', 'hooks.slack.com/services/', 'discord.com/api/webhooks/', '123456789012345678/', '/', '+', ' ', 'a', 'Q7wE9rT1yU3iO5pA', '-', '_'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(patternSecrets(text)).toEqual(patternSecretsByMatchAll(text));
      }),
      { numRuns: 400 },
    );
  });

  it('keyValuePairs with a name filter gives the same pairs as without, less those filtered out', () => {
    const text = '{"model":"moonshotai/kimi-k2-0905","api_key":"Zx9Qw8Er7Ty6Ui5Op4As","client_SECRET":"Zx9Qw8Er7Ty6Ui5Op4As2","auth":"Zx9Qw8Er7Ty6Ui5Op4As3","id":"gen-1758698431-bench01","k":"Zx9Qw8Er7Ty6Ui5Op4As4"}';
    const all = [...keyValuePairs(text)];
    expect(all.map((p) => p.name)).toEqual(['model', 'api_key', 'client_SECRET', 'auth', 'id']);
    expect([...keyValuePairs(text, ['key', 'secret', 'auth'])]).toEqual(all.filter((p) => p.name !== 'model' && p.name !== 'id'));
    // A suffix longer than the name, or one letter off, filters the pair out.
    expect([...keyValuePairs(text, ['xauth', 'kez'])]).toEqual([]);
  });

  it('the name filter bodySecrets uses drops only pairs whose name KEY_LIKE refuses', () => {
    const piece = fc.constantFrom('api', '_', '-', 'KEY', 'key', 'Secret', 'toKen', 'tokens', 'pass', 'word', 'wd', 'auth', 'x', 'id', 'ey', '"', "'", ':', '=', ' ', '\n', '\t', 'Zx9Qw8Er7Ty6Ui5Op4As');
    fc.assert(fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
      const text = parts.join('');
      const keyLike = (pairs: Iterable<{ name: string; value: string }>) => [...pairs].filter((p) => KEY_LIKE.test(p.name));
      expect(keyLike(keyValuePairs(text, KEY_LIKE_ENDS))).toEqual(keyLike(keyValuePairs(text)));
      // bodySecrets' quick look: where it sees no key-like name before a separator, the scan finds no pair.
      if (!KEY_LIKE_PAIR.test(text)) expect([...keyValuePairs(text, KEY_LIKE_ENDS)]).toEqual([]);
    }), { numRuns: 2000, seed: 18 });
  });
});

/** patternSecrets as it was: every pattern's matchAll over the whole text, then the same sweep by position. */
function patternSecretsByMatchAll(text: string): { kind: string; value: string }[] {
  const matches = SECRET_PATTERNS.flatMap((pattern, order) => [...text.matchAll(pattern.regex)].map((m) => ({ start: m.index, end: m.index + m[0].length, order, kind: pattern.id, value: m[0] })));
  matches.sort((a, b) => a.start - b.start || a.order - b.order);
  const out: { kind: string; value: string }[] = [];
  let covered = 0;
  for (const m of matches) {
    if (m.start < covered) continue;
    covered = m.end;
    // A Telegram token's `:` is no base64 character, a webhook's host comes before it: never a chance match inside a blob.
    if (isPlaceholder(m.value) || out.some((o) => o.value === m.value) || (!['telegram-bot-token', 'slack-webhook', 'discord-webhook'].includes(m.kind) && insideBlobLike(text, m.start, m.end))) continue;
    out.push({ kind: m.kind, value: m.value });
  }
  return out;
}

function insideBlobLike(text: string, start: number, end: number): boolean {
  let extra = 0;
  for (let s = start - 1; s >= 0 && extra <= 8 && text[s] !== '=' && /[A-Za-z0-9+/=_-]/.test(text[s]!); s--) extra++;
  for (let e = end; e < text.length && extra <= 8 && /[A-Za-z0-9+/=_-]/.test(text[e]!); e++) extra++;
  return extra > 8;
}
