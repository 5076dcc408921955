/** A path into the parsed cassette document, e.g. `["interactions", 3, "response", "body"]`. */
export type DocPath = readonly (string | number)[];

/** 1-based line and column in the cassette file. */
export interface SourcePosition {
  line: number;
  column: number;
  /**
   * Character offset into `Cassette.text`, when the locator knows it. Not enumerable, so printed
   * positions (JSON output, error details) stay `{line, column}`.
   */
  readonly offset?: number | undefined;
}

/** One header as recorded; names keep their original spelling. */
export interface Header {
  name: string;
  value: string;
}

/** How a body was stored in the cassette file before we decoded it. */
export type BodyStorage =
  | 'text' // a plain string
  | 'base64' // base64_string, Polly/HAR encoding: base64
  | 'binary-tag' // YAML !!binary or Psych !binary
  | 'hex' // nock hex strings, Polly _isBinary
  | 'parsed' // already-parsed JSON/YAML (pydantic-ai parsed_body, nock JSON body)
  | 'chunks' // Polly's array of base64 chunks
  | 'file' // r-vcr body.file: stored elsewhere
  | 'empty';

export interface Body {
  /** Decoded bytes (content-encoding removed where we could). */
  bytes: Uint8Array;
  /** UTF-8 (or declared charset) text, when the bytes are text. */
  text: string | undefined;
  /** Parsed JSON, when `isJson`. */
  json: unknown;
  isJson: boolean;
  /** True for images, audio, protobuf, eventstream and other non-text payloads. */
  binary: boolean;
  storage: BodyStorage;
  /** The content-encoding that was removed while decoding (`gzip`, `br`, `deflate`). */
  decodedFrom?: string | undefined;
  /** Byte length as stored (before decompression), when known. */
  storedSize: number;
  /** Byte length of the decoded body (`bytes.length`, without encoding text bodies). */
  size: number;
  /**
   * Set when the body is JSON nested deeper than the body depth limit (`maxBodyDepth`): it is then
   * kept as text only (`json` undefined), so nothing walks it recursively.
   */
  tooDeep?: number | undefined;
  /**
   * A compression found in the bytes that cannot be undone here: `zstd` (Node.js 20's zlib has no
   * zstd decoder). The body is kept as stored, so nothing in it is read, shown or searched.
   */
  undecodable?: string | undefined;
}

export interface Request {
  /**
   * Upper-cased as recorded; undefined when the recorder stored none (a broken or hand-edited
   * cassette). Never defaulted: a reader must not be shown a GET that was not recorded.
   */
  method: string | undefined;
  url: string;
  headers: Header[];
  body: Body;
  /**
   * Form fields the recorder kept beside a body it also kept (go-vcr `form`, HAR `postData.params`):
   * they can still hold what the body no longer does (a hook that redacted only the body), so the
   * secret checks read them. Undefined when there are none, or when the body was made from them.
   */
  form?: Header[] | undefined;
}

export interface Response {
  status: number;
  statusText: string;
  headers: Header[];
  body: Body;
}

export interface Interaction {
  /** 0-based position in the cassette. */
  index: number;
  /** The recorder's own id (go-vcr `id`, Polly `_id`), when it has one. */
  id?: string | number | undefined;
  request: Request;
  /** Absent when the recorder stored an error instead of a response. */
  response: Response | undefined;
  durationMs?: number | undefined;
  /** ISO 8601, when the recorder kept a time. */
  recordedAt?: string | undefined;
  /** Where this interaction lives in the parsed document; positions come from `Cassette.locate`. */
  docPath: DocPath;
  /** Paths of the main fields, relative to the document root. */
  fieldPaths: Partial<Record<InteractionField, DocPath>>;
  /** Recorder-specific extras worth keeping (go-vcr proto, content_length, ...). */
  extra?: Record<string, unknown> | undefined;
}

export type InteractionField =
  | 'request'
  | 'request.method'
  | 'request.url'
  | 'request.headers'
  | 'request.body'
  | 'response'
  | 'response.status'
  | 'response.headers'
  | 'response.body'
  | 'duration'
  | 'id';

/** A problem noticed while loading that does not stop the load. */
export interface LoadWarning {
  message: string;
  interaction?: number | undefined;
  path?: DocPath | undefined;
}

export type SourceKind = 'yaml' | 'json' | 'text';

export interface Cassette {
  /** As given by the caller (a file path, or a label). */
  path: string;
  /** Format id, e.g. `go-vcr-v2`, `vcrpy`, `polly`. */
  format: string;
  /** The recorder's version marker, when it has one. */
  version?: string | number | undefined;
  recordedWith?: string | undefined;
  interactions: Interaction[];
  warnings: LoadWarning[];
  /** The parsed document (plain data), for lint rules that check the schema. */
  data: unknown;
  sourceKind: SourceKind;
  /** The file's text (after any whole-file gunzip). */
  text: string;
  /** True when the file itself was gzip-compressed. */
  gzipped: boolean;
  /** Line and column of a path in the document; computed lazily. */
  locate(path: DocPath): SourcePosition | undefined;
}
