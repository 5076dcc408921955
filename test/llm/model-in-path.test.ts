import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffCassettes } from '../../src/diff/compare.js';
import { urlParts } from '../../src/diff/url-parts.js';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { modelInPath } from '../../src/llm/model-in-path.js';
import { vcrpy } from '../diff/fixtures.js';

const BEDROCK = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/';
// An inference profile named by its ARN, as boto3 and the AWS SDKs send it: one path segment, URL-encoded.
const profile = (id: string) => encodeURIComponent(`arn:aws:bedrock:us-east-1:123456789012:inference-profile/${id}`);
const converse = { output: { message: { role: 'assistant', content: [{ text: 'Hi' }] } }, stopReason: 'end_turn', usage: { inputTokens: 10, outputTokens: 2, totalTokens: 12 } };

describe('the model named in a request path, one reading for diff, cost and embeddings', () => {
  it.each([
    ['https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse', 'gemini-2.5-flash'],
    ['https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash-001:generateContent', 'gemini-2.0-flash-001'],
    ['https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:streamRawPredict', 'claude-sonnet-4@20250514'],
    [`${BEDROCK}us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse`, 'us.anthropic.claude-haiku-4-5-20251001-v1:0'],
    [`${BEDROCK}amazon.titan-embed-text-v2%3A0/invoke`, 'amazon.titan-embed-text-v2:0'],
    [`${BEDROCK}${profile('us.anthropic.claude-sonnet-4-20250514-v1:0')}/converse-stream`, 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0'],
    [`${BEDROCK}${encodeURIComponent('arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0')}/invoke-with-response-stream`, 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'],
    ['https://res.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21', 'gpt-4o-mini'],
    ['https://api.openai.com/v1/chat/completions', undefined],
  ])('%s', (url, model) => {
    expect(modelInPath(decodeURIComponent(new URL(url).pathname))?.model).toBe(model);
    expect(urlParts(url).model).toBe(model);
  });

  it('masks the whole ARN in the route, so two inference profiles pair and read as a model change', () => {
    const call = (id: string) => ({ url: `${BEDROCK}${profile(id)}/converse`, body: { messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }, response: converse });
    expect(urlParts(call('x').url).route).toBe('/model/{model}/converse');
    const d = diffCassettes(vcrpy([call('us.anthropic.claude-3-5-haiku-20241022-v1:0')], 'old.yaml'), vcrpy([call('us.anthropic.claude-sonnet-4-20250514-v1:0')], 'new.yaml'));
    expect(d.interactions).toHaveLength(1);
    expect(d.interactions[0]!.request!.summary.map((l) => l.category)).toEqual(['model']);
  });

  it('an embeddings call keeps the Bedrock model id whole (`:0` is part of it)', () => {
    const c = vcrpy([{ url: `${BEDROCK}amazon.titan-embed-text-v2%3A0/invoke`, body: { inputText: 'hi' }, response: { embedding: [0.1, 0.2], inputTextTokenCount: 3 } }]);
    expect(analyzeInteraction(c.interactions[0]!)?.request.model).toBe('amazon.titan-embed-text-v2:0');
  });
});

describe('modelInPath skips its RegExps on a path that holds neither /model nor /deployments/', () => {
  it('reads what the RegExps alone read', () => {
    const IN_PATH = [/\/models\/([^/:]+)(?=:|\/|$)/, /\/model\/(.+?)(?=\/(?:converse-stream|converse|invoke-with-response-stream|invoke)\/?$)/, /\/model\/([^/]+)(?=\/|$)/, /\/deployments\/([^/]+)(?=\/|$)/];
    const byRegExps = (path: string) => {
      for (const re of IN_PATH) {
        const m = re.exec(path);
        if (m) return { model: m[1]!, start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length };
      }
      return undefined;
    };
    const piece = fc.constantFrom('/', 'model', 'models', 'deployments', 'x', ':', 'converse', 'invoke', 'v1', 'chat', 'completions', '%3A');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const path = pieces.join('');
        expect(modelInPath(path), path).toEqual(byRegExps(path));
      }),
      { numRuns: 5000, seed: 5 },
    );
  });
});
