import { CassetteInputError } from '../model/errors.js';
import type { DocPath, Interaction, LoadWarning } from '../model/types.js';
import type { SourceDocument } from '../source/document.js';
import { isRecord } from './shared.js';
import type { FormatAdapter } from './types.js';
import { vcrInteraction } from './vcr-family.js';

/**
 * VCR.py and pytest-recording (YAML and JSON serializers), pydantic-ai's `parsed_body` variant,
 * and langchain's gzip-compressed cassettes with separate `requests:` and `responses:` lists.
 */
export const vcrpy: FormatAdapter = {
  id: 'vcrpy',
  aliases: ['vcr.py', 'pytest-recording'],
  description: 'VCR.py / pytest-recording cassettes (YAML or JSON), incl. pydantic-ai parsed_body and langchain split .yaml.gz',
  detect(doc) {
    const d = doc.data;
    if (!isRecord(d)) return false;
    if (Array.isArray(d.requests) && Array.isArray(d.responses)) return true;
    if (!Array.isArray(d.interactions)) return false;
    if (d.interactions.length === 0) return true;
    // Any interaction will do: the first may be the broken one, which parse then names.
    return d.interactions.some((item: unknown) => isRecord(item) && isRecord(item.request) && ('uri' in item.request || 'parsed_body' in item.request));
  },
  list: { path: ['interactions'], head: vcrpyHead, interaction: listInteraction },
  parse(doc) {
    const d = isRecord(doc.data) ? doc.data : {};
    const warnings: LoadWarning[] = [];
    let interactions: Interaction[];
    if (Array.isArray(d.requests) && Array.isArray(d.responses)) interactions = splitInteractions(doc, d.requests, d.responses, warnings);
    else if (Array.isArray(d.interactions)) interactions = listInteractions(doc, d.interactions, warnings);
    else throw new CassetteInputError('`interactions` is not a list', { position: doc.locate(['interactions']) });
    return { ...vcrpyHead(doc), interactions, warnings };
  },
};

function vcrpyHead(doc: SourceDocument): { format: string; version: number | undefined } {
  const d = isRecord(doc.data) ? doc.data : {};
  return { format: 'vcrpy', version: typeof d.version === 'number' ? d.version : undefined };
}

function listInteractions(doc: SourceDocument, list: unknown[], warnings: LoadWarning[]): Interaction[] {
  return list.map((item, index) => listInteraction(item, index, doc, warnings));
}

function listInteraction(item: unknown, index: number, doc: SourceDocument, warnings: LoadWarning[]): Interaction {
  const base: DocPath = ['interactions', index];
  if (!isRecord(item)) throw new CassetteInputError('interaction is not a mapping', { interaction: index, position: doc.locate(base) });
  return vcrInteraction(index, item, item.request, item.response, { interaction: base, request: [...base, 'request'], response: [...base, 'response'] }, doc, warnings);
}

/** langchain's cassettes keep requests and responses in two lists paired by position. */
function splitInteractions(doc: SourceDocument, requests: unknown[], responses: unknown[], warnings: LoadWarning[]): Interaction[] {
  if (requests.length !== responses.length) {
    warnings.push({ message: `${requests.length} requests but ${responses.length} responses; pairing by position` });
  }
  return requests.map((req, index) =>
    vcrInteraction(index, {}, req, responses[index], { interaction: ['requests', index], request: ['requests', index], response: ['responses', index] }, doc, warnings),
  );
}
