import { createRequire } from 'node:module';

// package.json is the single source of the version; dist/cli/ and the bundle's dist/bundle/ are two levels below it.
export const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
