import { describe, expect, it } from 'vitest';
import { analyzeInteraction } from '../../src/llm/analyze.js';
import { exchange } from './b-helpers.js';

// Vertex AI text embeddings API: POST …/publishers/google/models/MODEL:predict (Vertex AI docs,
// "Get text embeddings"): `instances[].content` in, `predictions[].embeddings.{values, statistics}` out.
const VERTEX = 'https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models';
const prediction = (tokens: number) => ({ embeddings: { values: [0.1, -0.2, 0.3, 0.4], statistics: { token_count: tokens, truncated: false } } });

describe('Vertex AI :predict embeddings', () => {
  it('reads instances, vectors and the summed token counts', () => {
    const result = analyzeInteraction(
      exchange({
        url: `${VERTEX}/text-embedding-005:predict`,
        request: { instances: [{ content: 'first text', task_type: 'RETRIEVAL_DOCUMENT' }, { content: 'second' }], parameters: { outputDimensionality: 4, autoTruncate: false } },
        response: JSON.stringify({ predictions: [prediction(3), prediction(2)], metadata: { billableCharacterCount: 16 } }),
      }),
    );
    expect(result?.provider).toBe('embeddings');
    expect(result?.request).toMatchObject({ model: 'text-embedding-005', messages: [{ role: 'input', text: 'first text' }, { role: 'input', text: 'second' }], params: { outputDimensionality: 4, autoTruncate: false } });
    expect(result?.response).toMatchObject({ embeddings: { count: 2, dimensions: 4 }, usage: { inputTokens: 5, outputTokens: 0, totalTokens: 5 } });
  });

  it('leaves other :predict models (Imagen) to other readers', () => {
    const result = analyzeInteraction(exchange({ url: `${VERTEX}/imagen-3.0-generate-002:predict`, request: { instances: [{ prompt: 'a cat' }] }, response: '{"predictions":[]}' }));
    expect(result?.provider).not.toBe('embeddings');
  });
});
