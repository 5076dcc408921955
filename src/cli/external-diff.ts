/** One side of git's external-diff call; absent for the `/dev/null` side of an added or deleted file. */
export interface ExternalSide {
  /** A temporary file git wrote, or the work-tree file itself. */
  file: string;
  /** Blob id; all zeros for a work-tree file. */
  hex: string;
  /** `100644`, `100755`, `120000` (a symlink, whose content is the link target). */
  mode: string;
}

/**
 * What git asked of an external diff driver (`git help git`, GIT_EXTERNAL_DIFF):
 * `path old-file old-hex old-mode new-file new-hex new-mode`, plus `new-path header` for a rename or
 * copy (9 arguments), or the path alone for an unmerged file. An added file's old side and a deleted
 * file's new side are `/dev/null . .`.
 */
export interface ExternalDiffCall {
  path: string;
  /** The path on the new side: differs from `path` for a rename or copy. */
  newPath: string;
  old: ExternalSide | undefined;
  new: ExternalSide | undefined;
  /** git's own header for a rename or copy (`similarity index 92%`, `rename from ...`, `rename to ...`). */
  header: string | undefined;
  /** True for an unmerged path: git gives nothing to compare. */
  unmerged: boolean;
}

const HEX = /^(?:[0-9a-f]{7,64}|\.)$/;
const MODE = /^(?:[0-7]{6}|\.)$/;

function side(file: string, hex: string, mode: string): ExternalSide | undefined {
  return file === '/dev/null' && hex === '.' ? undefined : { file, hex, mode };
}

/**
 * git's arguments read as an external-diff call, or undefined when they are an ordinary command line.
 * `env` tells an unmerged path's single argument apart from `diff FILE`: git sets GIT_DIFF_PATH_TOTAL
 * for every external diff it runs.
 */
export function parseExternalDiff(args: readonly string[], env: Readonly<Record<string, string | undefined>>): ExternalDiffCall | undefined {
  if (args.length === 1 && env.GIT_DIFF_PATH_TOTAL !== undefined) {
    return { path: args[0]!, newPath: args[0]!, old: undefined, new: undefined, header: undefined, unmerged: true };
  }
  if (args.length !== 7 && args.length !== 9) return undefined;
  const [path, oldFile, oldHex, oldMode, newFile, newHex, newMode, newPath, header] = args as [string, string, string, string, string, string, string, string?, string?];
  if (!HEX.test(oldHex) || !MODE.test(oldMode) || !HEX.test(newHex) || !MODE.test(newMode)) return undefined;
  return { path, newPath: newPath ?? path, old: side(oldFile, oldHex, oldMode), new: side(newFile, newHex, newMode), header: header?.replace(/\n+$/, ''), unmerged: false };
}

/** git's extended header lines for the call: file created or deleted, mode changed, renamed. */
export function externalDiffHeader(call: ExternalDiffCall): string[] {
  if (call.unmerged) return [`* Unmerged path ${call.path}`];
  const lines: string[] = [];
  if (!call.old && call.new) lines.push(`new file mode ${call.new.mode}`);
  else if (call.old && !call.new) lines.push(`deleted file mode ${call.old.mode}`);
  else if (call.old && call.new && call.old.mode !== call.new.mode) lines.push(`old mode ${call.old.mode}`, `new mode ${call.new.mode}`);
  if (call.header) lines.push(...call.header.split('\n'));
  return lines;
}
