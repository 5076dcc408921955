import { makeBody } from '../model/body.js';
import { CassetteInputError } from '../model/errors.js';
import { headersFrom } from '../model/headers.js';
import type { DocPath, Interaction, LoadWarning } from '../model/types.js';
import type { SourceDocument } from '../source/document.js';
import { formFields, isRecord, parseGoDuration, standardFieldPaths, statusTextOf } from './shared.js';
import type { FormatAdapter, ParsedCassette } from './types.js';

const V2_ONLY = ['proto', 'proto_major', 'proto_minor', 'content_length', 'transfer_encoding', 'trailer', 'host', 'remote_addr', 'request_uri', 'uncompressed'];

/** go-vcr: `version: 1` (go-vcr 1.x/2.x) and `version: 2` (go-vcr 3.x/4.x). */
export const goVcr: FormatAdapter = {
  id: 'go-vcr',
  aliases: ['go-vcr-v1', 'go-vcr-v2'],
  description: 'go-vcr YAML cassettes, version 1 (go-vcr 1.x/2.x) and version 2 (go-vcr 3.x/4.x)',
  detect(doc) {
    const d = doc.data;
    if (!isRecord(d) || !Array.isArray(d.interactions) || !('version' in d)) return false;
    const first: unknown = d.interactions[0];
    // VCR.py also has `version: 1` + `interactions`, but its request has `uri`, not `url`.
    return first === undefined ? doc.kind === 'yaml' : isRecord(first) && isRecord(first.request) && 'url' in first.request;
  },
  parse: parseGoVcr,
  list: { path: ['interactions'], head: goVcrHead, interaction: toInteraction },
};

export function parseGoVcr(doc: SourceDocument): ParsedCassette {
  const head = goVcrHead(doc);
  const warnings: LoadWarning[] = [];
  const raw = (doc.data as Record<string, unknown>).interactions as unknown[];
  const interactions = raw.map((item, index) => toInteraction(item, index, doc, warnings));
  return { ...head, interactions, warnings };
}

function goVcrHead(doc: SourceDocument): { format: string; version: number } {
  const version = (doc.data as Record<string, unknown>).version;
  if (version !== 1 && version !== 2) {
    throw new CassetteInputError(`unsupported go-vcr version ${JSON.stringify(version)} (expected 1 or 2)`, {
      position: doc.locate(['version']),
    });
  }
  return { format: `go-vcr-v${version}`, version };
}

function toInteraction(item: unknown, index: number, doc: SourceDocument, warnings: LoadWarning[]): Interaction {
  const base: DocPath = ['interactions', index];
  if (!isRecord(item) || !isRecord(item.request)) {
    throw new CassetteInputError('interaction has no request', { interaction: index, position: doc.locate(base) });
  }
  const req = item.request;
  const res = isRecord(item.response) ? item.response : undefined;
  const requestHeaders = headersFrom(req.headers);
  const requestBody = goBody(req.body, req.form);
  const interaction: Interaction = {
    index,
    id: typeof item.id === 'number' || typeof item.id === 'string' ? item.id : undefined,
    request: {
      method: typeof req.method === 'string' ? req.method : undefined,
      url: typeof req.url === 'string' ? req.url : '',
      headers: requestHeaders,
      body: makeBody(requestBody, requestHeaders),
      // The form is the body only when no body was kept (goBody).
      form: req.body instanceof Uint8Array || (typeof req.body === 'string' && req.body !== '') ? formFields(req.form) : undefined,
    },
    response: undefined,
    docPath: base,
    fieldPaths: standardFieldPaths(base, {
      id: ['id'],
      request: ['request'],
      'request.method': ['request', 'method'],
      'request.url': ['request', 'url'],
      'request.headers': ['request', 'headers'],
      'request.body': ['request', 'body'],
      response: ['response'],
      'response.status': ['response', 'code'],
      'response.headers': ['response', 'headers'],
      'response.body': ['response', 'body'],
      duration: ['response', 'duration'],
    }),
    extra: extras(req, res),
  };
  if (res) {
    const headers = headersFrom(res.headers);
    const code = typeof res.code === 'number' ? res.code : Number.parseInt(String(res.status ?? ''), 10);
    // As the VCR family says it: a response cut before its `code` line would otherwise show a bare 0.
    if (!Number.isFinite(code)) warnings.push({ message: 'response has no status code', interaction: index, path: [...base, 'response'] });
    interaction.response = {
      status: Number.isFinite(code) ? code : 0,
      statusText: statusTextOf(code, res.status),
      headers,
      body: makeBody(goBody(res.body, undefined), headers),
    };
    interaction.durationMs = parseGoDuration(res.duration);
    if (res.duration !== undefined && res.duration !== '' && interaction.durationMs === undefined) {
      warnings.push({ message: `duration ${JSON.stringify(res.duration)} is not a Go duration`, interaction: index, path: [...base, 'response', 'duration'] });
    }
  }
  return interaction;
}

function goBody(body: unknown, form: unknown) {
  if (body instanceof Uint8Array) return { storage: 'binary-tag' as const, bytes: body };
  if (typeof body === 'string' && body !== '') return { storage: 'text' as const, text: body };
  if (isRecord(form) && Object.keys(form).length > 0) {
    const params = new URLSearchParams();
    for (const [k, vs] of Object.entries(form)) for (const v of Array.isArray(vs) ? vs : [vs]) params.append(k, String(v));
    return { storage: 'text' as const, text: params.toString() };
  }
  return { storage: 'empty' as const, text: '' };
}

function extras(req: Record<string, unknown>, res: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const key of V2_ONLY) {
    if (key in req) out[`request.${key}`] = req[key];
    if (res && key in res) out[`response.${key}`] = res[key];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
