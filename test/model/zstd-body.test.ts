import { describe, expect, it } from 'vitest';
import { loadCassette } from '../../src/load.js';
import { makeBody } from '../../src/model/body.js';
import { buildShowReport } from '../../src/show/build.js';

// `{"id":"chatcmpl-1",…,"content":"hello"…}` compressed by `zstd -c`: what a server sends for `Accept-Encoding: zstd`.
const ZSTD = Buffer.from('KLUv/QRY3QMA0skcG4A1bQNYMZJJizSP3YbWdiNkME/XFxEVOJjREYkh+drm23X54HFAnJqJl+SbEqLbW7F17+WtpzmZz+2Y9jhiR+Mwo3oR2AOw0DxSsDNeLrqXp6YySzC9jNsTFqterpuNaam9QB8CIPblA5OWuj7obi/ySAEAZjbHRBktFQ==', 'base64');
const headers = (encoding: string) => [{ name: 'Content-Type', value: 'application/json' }, { name: 'Content-Encoding', value: encoding }];

describe('a zstd body (Node.js 20 has no decoder)', () => {
  it('is kept as stored bytes and marked undecodable, found by its bytes whatever the header says', () => {
    for (const encoding of ['zstd', 'gzip']) {
      const body = makeBody({ storage: 'binary-tag', bytes: ZSTD }, headers(encoding));
      expect(body).toMatchObject({ undecodable: 'zstd', binary: true, text: undefined, isJson: false, size: ZSTD.length });
    }
    // A recorder that decoded the body but kept the header: plain JSON, nothing to say.
    const plain = makeBody({ storage: 'binary-tag', bytes: Buffer.from('{"choices":[]}') }, headers('zstd'));
    expect(plain.undecodable).toBeUndefined();
    expect(plain.json).toEqual({ choices: [] });
  });

  it('gives show a warning naming the body, instead of an empty response without a word', () => {
    const text = `interactions:\n- request:\n    body: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}'\n    headers:\n      Content-Type:\n      - application/json\n    method: POST\n    uri: https://api.openai.com/v1/chat/completions\n  response:\n    body:\n      string: !!binary |\n        ${ZSTD.toString('base64')}\n    headers:\n      Content-Encoding:\n      - zstd\n      Content-Type:\n      - application/json\n    status:\n      code: 200\n      message: OK\nversion: 1\n`;
    const report = buildShowReport(loadCassette(text, 'z.yaml'));
    expect(report.warnings.map((w) => [w.interaction, w.message, w.position?.line])).toEqual([[0, "response body is zstd-compressed, which cassette cannot decode (Node.js 20's zlib has no zstd): its content is not read", 10]]);
  });
});
