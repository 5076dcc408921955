/** Types for readme-examples.mjs (a plain module so `npm run readme:update` runs without a build step). */
export interface Example {
  /** 1-based README line of the `$ cassette …` command. */
  line: number;
  command: string;
  args: string[];
  /** The output lines the README shows (`…` elides lines). */
  expected: string[];
  /** Index range of those lines in the README's lines. */
  start: number;
  end: number;
}
export const ROOT: string;
export const README: string;
export const WIDTH: number;
export const ELLIPSIS: string;
export function readmeExamples(text: string): Example[];
export function splitArgs(command: string): string[];
export function missingShared(example: Example): string | undefined;
export function runExample(example: Example): string[];
export function fillEllipses(expected: string[], actual: string[]): string[];
export function refreshed(expected: string[], actual: string[]): string[];
export function readReadme(): string;
