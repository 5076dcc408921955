import type { SourceDocument } from '../source/document.js';
import type { DocPath, Interaction, LoadWarning, SourcePosition } from '../model/types.js';

/** What an adapter returns; the loader adds path, data, text and positions. */
export interface ParsedCassette {
  /** The precise format id reported in `--json` (`go-vcr-v2`, `vcrpy`, ...). */
  format: string;
  version?: string | number | undefined;
  recordedWith?: string | undefined;
  interactions: Interaction[];
  warnings: LoadWarning[];
  /** Positions for formats the generic YAML/JSON locator cannot read (httprr's raw records). */
  locate?: ((path: DocPath) => SourcePosition | undefined) | undefined;
}

/** One recorder format: detected from content, never from the file name. */
export interface FormatAdapter {
  /** Family id, accepted by `--format` (an adapter may report a more precise id, e.g. `go-vcr-v1`). */
  id: string;
  /** Extra ids `--format` accepts for this adapter. */
  aliases?: readonly string[];
  /** One line for `--help` and the README. */
  description: string;
  /** Cheap shape test on the parsed document. */
  detect(doc: SourceDocument): boolean;
  /** Map the document to interactions; throws CassetteInputError on a broken file. */
  parse(doc: SourceDocument): ParsedCassette;
  /** For formats that can map one interaction at a time (a large file then streams). */
  list?: ListReader | undefined;
}

/** Reads a cassette whose interactions are the items of one top-level list. */
export interface ListReader {
  /** Where the list sits in the document (`['interactions']`, `['log', 'entries']`, `[]`). */
  path: readonly string[];
  /** Format id and version from the document; throws CassetteInputError on a bad header. */
  head(doc: SourceDocument): Omit<ParsedCassette, 'interactions' | 'warnings' | 'locate'>;
  interaction(item: unknown, index: number, doc: SourceDocument, warnings: LoadWarning[]): Interaction;
}
