import { maskIdSegments } from './ids.js';

/** A request URL taken apart for comparison. */
export interface UrlParts {
  host: string;
  /** The path as recorded (decoded). */
  path: string;
  /** The path with the model and id-like segments masked: `/v1beta/models/{model}:generateContent`. */
  route: string;
  /** A model carried in the path (Gemini, Vertex, Bedrock, Azure deployments). */
  model: string | undefined;
  /** Query parameters in order, decoded. */
  query: [string, string][];
}

// Gemini/Vertex `models/X:generateContent`, Bedrock `/model/X/invoke` (ids hold `:`), Azure `/deployments/X/`.
const MODEL_IN_PATH = [/(\/models\/)([^/:]+)(?=:|\/|$)/, /(\/model\/)([^/]+)(?=\/|$)/, /(\/deployments\/)([^/]+)(?=\/|$)/];

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Host, path, route, model and query of a URL; a string that is not a URL is all path. */
export function urlParts(url: string): UrlParts {
  let host = '';
  let rawPath = url;
  let search = '';
  try {
    const parsed = new URL(url);
    host = parsed.host;
    rawPath = parsed.pathname;
    search = parsed.search;
  } catch {
    const q = url.indexOf('?');
    if (q >= 0) [rawPath, search] = [url.slice(0, q), url.slice(q)];
  }
  const path = decode(rawPath);
  let model: string | undefined;
  let route = path;
  for (const re of MODEL_IN_PATH) {
    const m = re.exec(path);
    if (m) {
      model = m[2];
      route = path.replace(re, '$1{model}');
      break;
    }
  }
  const query: [string, string][] = [];
  for (const [name, value] of new URLSearchParams(search)) query.push([name, value]);
  return { host, path, route: maskIdSegments(route), model, query };
}
