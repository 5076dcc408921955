import { closeSync, fchmodSync, fsyncSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// `.c.yaml.1234.cassette-fix.tmp` (and the older `.1732960000000-1234.cassette-fix.tmp`): the pid last.
const FIX_TEMP = /^\..*[.-](\d+)\.cassette-fix\.tmp$/;

/** True for the temp file of a `lint --fix` write: never a cassette to read. */
export function isFixTempFile(path: string): boolean {
  // The suffix first: every input is asked, and the RegExp, run twice, was compiled to machine code.
  const name = basename(path);
  return name.endsWith('.cassette-fix.tmp') && FIX_TEMP.test(name);
}

let current: string | undefined;
let guarded = false;
const cleaned = new Set<string>();

/**
 * A signal that ends the run removes the temp file being written. Writes are synchronous, so the
 * handler runs once the write in progress (and the run) is done: the temp file is renamed or gone.
 */
function guardSignals(): void {
  if (guarded) return;
  guarded = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      removeTemp();
      process.exit(code);
    });
  }
  process.once('exit', removeTemp);
}

function removeTemp(): void {
  if (!current) return;
  try {
    unlinkSync(current);
  } catch {
    // already renamed or gone
  }
  current = undefined;
}

/**
 * Temp files that a killed `lint --fix` (kill -9, a crash) left beside a cassette: removed when their
 * process is gone. Returns the paths removed, for a note on stderr.
 */
export function removeStaleTemps(dir: string): string[] {
  if (cleaned.has(dir)) return [];
  cleaned.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(FIX_TEMP.exec(name)?.[1]);
    if (!pid || pid === process.pid || isRunning(pid)) continue;
    try {
      unlinkSync(join(dir, name));
      removed.push(join(dir, name));
    } catch {
      // not ours to remove (permissions): leave it
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Replace the file `path` names with `data`: through any symlinks to the real file (the link stays
 * a link), by a temp file in the same folder renamed over it (a crash never leaves half a
 * cassette), with the file's permission bits kept. Returns stale temps removed on the way.
 */
export function writeFixed(path: string, data: Uint8Array): string[] {
  guardSignals();
  const target = realpathSync(path);
  const removed = removeStaleTemps(dirname(target));
  const mode = statSync(target).mode & 0o7777;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.cassette-fix.tmp`);
  current = temp;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
    fchmodSync(fd, mode); // exactly the old mode, whatever the umask
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    removeTemp();
    throw error;
  }
  closeSync(fd);
  renameSync(temp, target);
  current = undefined;
  return removed;
}
