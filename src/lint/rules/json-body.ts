import { mediaType } from '../../model/headers.js';
import type { Body, Header } from '../../model/types.js';
import type { Rule, RuleReport } from '../types.js';
import { perInteraction } from './shared.js';

// Streaming JSON types hold one JSON value per line (Cohere's application/stream+json, RFC 7464 json-seq).
const JSON_LINES_TYPE = /(^|[/+])(stream\+json|json-seq)$/;

function notJson(body: Body, headers: readonly Header[]): boolean {
  const type = mediaType(headers) ?? '';
  if (!/[/+]json(-seq)?$/.test(type) || body.binary || body.size === 0 || body.storage === 'file') return false;
  if (JSON_LINES_TYPE.test(type) && body.text !== undefined) return !everyLineIsJson(body.text);
  return !body.isJson;
}

function everyLineIsJson(text: string): boolean {
  for (const line of text.split('\n')) {
    const value = line.replace(/^\x1e/, '').trim();
    if (value === '') continue;
    try {
      JSON.parse(value);
    } catch {
      return false;
    }
  }
  return true;
}

export const jsonBody: Rule = {
  id: 'json-body',
  defaultSeverity: 'error',
  category: 'body',
  description: 'the content type says JSON but the body does not parse as JSON',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const out: Omit<RuleReport, 'interaction'>[] = [];
      if (notJson(i.request.body, i.request.headers)) out.push({ message: 'request body is not valid JSON although its content type is JSON', path: i.fieldPaths['request.body'] });
      if (i.response && notJson(i.response.body, i.response.headers)) out.push({ message: 'response body is not valid JSON although its content type is JSON', path: i.fieldPaths['response.body'] });
      return out;
    });
  },
};
