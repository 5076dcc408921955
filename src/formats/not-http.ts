import type { SourceDocument } from '../source/document.js';
import { isRecord } from './shared.js';

/**
 * Files that look like cassettes but hold no HTTP: pydantic-ai records realtime websocket sessions
 * (`kind`/`direction`/`data` frames) and xAI gRPC calls (`request_sample`) in VCR-like YAML.
 * Returns what they hold, so the loader can say so instead of "not a recognised cassette".
 */
export function notHttpKind(doc: SourceDocument): string | undefined {
  const d = doc.data;
  if (!isRecord(d) || !Array.isArray(d.interactions)) return undefined;
  const first: unknown = d.interactions[0];
  if (!isRecord(first)) return undefined;
  if ('direction' in first && ('kind' in first || 'data' in first)) return 'websocket frames';
  if ('request_sample' in first || 'response_sample' in first || 'grpc_method' in first) return 'gRPC messages';
  return undefined;
}
