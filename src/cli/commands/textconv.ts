import { createHash } from 'node:crypto';
import { loadCassette } from '../../load.js';
import { UsageError } from '../../model/errors.js';
import { PLAIN } from '../../render/palette.js';
import { renderShowText } from '../../render/show-text.js';
import { buildShowReport } from '../../show/build.js';
import { maskSecretsInRawText } from '../../secrets/mask-raw.js';
import { sanitize } from '../../text/sanitize.js';
import { fileText } from '../broken-file-secrets.js';
import { readPathOrStdin } from '../inputs.js';
import { errorLine } from '../load-files.js';
import { writeOut } from '../terminal.js';

/**
 * git's textconv: a deterministic, readable rendering (no colour, fixed width, full texts,
 * secrets masked) that depends on the content only, never on the path it was given, so `git diff` and `git log -p` show what changed in meaning. A file that is not
 * a cassette (or is one cut short) is printed as text, with secrets masked and control characters escaped.
 */
export function textconvCommand(file: string, flags: { format?: string }): void {
  let bytes: Uint8Array;
  try {
    bytes = readPathOrStdin(file);
  } catch (error) {
    process.stderr.write(`error: ${errorLine(file, error)}\n`);
    process.exitCode = 2;
    return;
  }
  let text: string;
  try {
    // git hands textconv a temporary path: printing it would mark every file as changed.
    const cassette = { ...loadCassette(bytes, file, { format: flags.format }), path: 'cassette' };
    text = renderShowText(buildShowReport(cassette), { palette: PLAIN, width: 100, full: true, headers: false, mask: true, raw: false });
  } catch (error) {
    // A usage error (`--recorder nope`) is the command line's fault, not the file's: exit 2, as every command does.
    if (error instanceof UsageError) throw error;
    // Printed so git still has something to compare, but never a key: a file cut short is still in the repository.
    // A .gz file is printed as its gunzipped text. One that does not gunzip, and a binary file (a NUL byte
    // in its first 8000, git's own test), as one line that still changes with the bytes, not as mojibake.
    const plain = fileText(bytes);
    if (plain === undefined) text = summaryLine('gzip-compressed file that does not decompress', bytes);
    else if (plain.slice(0, 8000).includes('\0')) text = summaryLine('binary file that is not a cassette', bytes);
    else text = sanitize(maskSecretsInRawText(plain));
  }
  writeOut(text.endsWith('\n') ? text : `${text}\n`);
}

function summaryLine(what: string, bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `(${what}: ${bytes.length} bytes, sha256 ${digest}…)`;
}
