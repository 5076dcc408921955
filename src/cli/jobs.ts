import type { FileWork } from './file-work.js';

/**
 * The per-file work of each command that reads many files, by name, so a worker thread can build
 * the same work from the same plain options (functions cannot cross threads). Each is loaded only
 * when used.
 */
const JOBS = {
  show: async () => (await import('./commands/show.js')).showWork,
  cost: async () => (await import('./commands/cost.js')).costWork,
  lint: async () => (await import('./commands/lint.js')).lintWork,
} satisfies Record<string, () => Promise<(options: never) => FileWork | Promise<FileWork>>>;

export type JobName = keyof typeof JOBS;

/** The commands whose files a pool's worker threads work on (scripts/bundle.mjs gives each a worker bundle). */
export const POOL_COMMANDS = Object.keys(JOBS) as JobName[];

/** A command's work, as a name and plain (structured-cloneable) options. */
export interface FileJob {
  name: JobName;
  options: unknown;
}

export async function prepareJob(job: FileJob): Promise<FileWork> {
  const make = (await JOBS[job.name]()) as (options: unknown) => FileWork | Promise<FileWork>;
  return make(job.options);
}
