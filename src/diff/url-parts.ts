import { modelInPath } from '../llm/model-in-path.js';
import { maskIdSegments } from './ids.js';

/** A request URL taken apart for comparison. */
export interface UrlParts {
  readonly host: string;
  /** The path as recorded (decoded). */
  readonly path: string;
  /** The path with the model and id-like segments masked: `/v1beta/models/{model}:generateContent`. */
  readonly route: string;
  /** A model carried in the path (Gemini, Vertex, Bedrock, Azure deployments). */
  readonly model: string | undefined;
  /** Query parameters in order, decoded. */
  readonly query: readonly (readonly [string, string])[];
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// The last URL taken apart: the interactions of a cassette mostly call one URL, one after the
// other, and diff FILE took each apart again (URL parser, decoding, id masks: ~3% of its CPU on a
// 10 MiB cassette). Callers only read the parts, so two sides may share them.
let last: { url: string; parts: UrlParts } | undefined;

/** Host, path, route, model and query of a URL; a string that is not a URL is all path. The result is shared: do not change it. */
export function urlParts(url: string): UrlParts {
  if (last?.url === url) return last.parts;
  const parts = takeApart(url);
  last = { url, parts };
  return parts;
}

function takeApart(url: string): UrlParts {
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
  const inPath = modelInPath(path);
  const model = inPath?.model;
  const route = inPath ? `${path.slice(0, inPath.start)}{model}${path.slice(inPath.end)}` : path;
  const query: [string, string][] = [];
  for (const [name, value] of new URLSearchParams(search)) query.push([name, value]);
  return { host, path, route: maskIdSegments(route), model, query };
}
