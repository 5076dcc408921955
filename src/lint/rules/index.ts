import type { Rule } from '../types.js';
import { bodyEncoding } from './body-encoding.js';
import { contentFilter } from './content-filter.js';
import { contentLength } from './content-length.js';
import { duplicateRequest } from './duplicate-request.js';
import { durationFormat } from './duration-format.js';
import { emptyCassette } from './empty-cassette.js';
import { errorStatus } from './error-status.js';
import { eventstreamCrc } from './eventstream-crc.js';
import { fileSize } from './file-size.js';
import { headerLists } from './header-lists.js';
import { idSequence } from './id-sequence.js';
import { invalidRequest } from './invalid-request.js';
import { jsonBody } from './json-body.js';
import { requiredFields } from './required-fields.js';
import { secretBody } from './secret-body.js';
import { secretHeader } from './secret-header.js';
import { secretText } from './secret-text.js';
import { secretUrl } from './secret-url.js';
import { sseJson } from './sse-json.js';
import { statusText } from './status-text.js';
import { streamError } from './stream-error.js';
import { streamMismatch } from './stream-mismatch.js';
import { toolArguments } from './tool-arguments.js';
import { toolResultId } from './tool-result-id.js';
import { truncatedStream } from './truncated-stream.js';
import { unsupportedVersion } from './unsupported-version.js';

/** Every rule, schema first, then bodies and streams, secrets, hygiene. */
export const RULES: readonly Rule[] = [
  unsupportedVersion,
  requiredFields,
  idSequence,
  statusText,
  durationFormat,
  headerLists,
  contentLength,
  invalidRequest,
  emptyCassette,
  jsonBody,
  bodyEncoding,
  sseJson,
  truncatedStream,
  streamError,
  streamMismatch,
  toolArguments,
  toolResultId,
  eventstreamCrc,
  secretHeader,
  secretUrl,
  secretBody,
  secretText,
  errorStatus,
  contentFilter,
  fileSize,
  duplicateRequest,
];
