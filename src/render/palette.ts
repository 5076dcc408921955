/** Colour functions handed to renderers, so renderers stay pure and tests can switch colour off. */
export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  magenta(s: string): string;
  cyan(s: string): string;
  gray(s: string): string;
}

const identity = (s: string): string => s;

export const PLAIN: Palette = {
  bold: identity, dim: identity, red: identity, green: identity, yellow: identity,
  blue: identity, magenta: identity, cyan: identity, gray: identity,
};
