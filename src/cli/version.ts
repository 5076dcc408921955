import { createRequire } from 'node:module';

// package.json is the single source of the version; dist/cli/ is two levels below it.
export const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
