/** A model named in a request path, and where it sits in that path (to mask it). */
export interface PathModel {
  readonly model: string;
  readonly start: number;
  readonly end: number;
}

// Gemini and Vertex AI `…/models/<model>:generateContent`; Bedrock `/model/<id>/converse`, whose id
// may be an inference profile's ARN (`arn:aws:bedrock:…:inference-profile/us.anthropic.…:0`, a `/`
// inside once decoded), so up to the action when there is one; Azure `/openai/deployments/<name>/…`.
const IN_PATH = [
  /\/models\/([^/:]+)(?=:|\/|$)/,
  /\/model\/(.+?)(?=\/(?:converse-stream|converse|invoke-with-response-stream|invoke)\/?$)/,
  /\/model\/([^/]+)(?=\/|$)/,
  /\/deployments\/([^/]+)(?=\/|$)/,
];

/**
 * The model a decoded request path names, read one way for every command: diff's pairing and
 * `model changed`, cost's fallback name, the embeddings provider's model. Undefined when none.
 */
export function modelInPath(path: string): PathModel | undefined {
  // Each RegExp's match holds `/model` or `/deployments/`: a path with neither (an OpenAI one) runs none of them.
  if (!path.includes('/model') && !path.includes('/deployments/')) return undefined;
  for (const re of IN_PATH) {
    const m = re.exec(path);
    if (m) {
      const model = m[1]!;
      const end = m.index + m[0].length;
      return { model, start: end - model.length, end };
    }
  }
  return undefined;
}
