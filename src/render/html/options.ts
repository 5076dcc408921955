import { maskSecretsInText } from '../../secrets/mask.js';

/** How `renderShowHtml` draws a report. */
export interface HtmlRenderOptions {
  /** Mask secrets (first four characters + length, see maskSecret) in URLs, headers and every text, as `show` does. Default true. */
  mask?: boolean | undefined;
  /** The page title; defaults to the cassette path(s). */
  title?: string | undefined;
  /** `cassette 1.2.3`, shown in the footer. */
  generator?: string | undefined;
}

/** Resolved options passed down to the pieces of the page. */
export interface HtmlOptions {
  masking: boolean;
  mask(text: string): string;
}

export function resolveHtmlOptions(options: HtmlRenderOptions): HtmlOptions {
  const masking = options.mask !== false;
  return { masking, mask: masking ? maskSecretsInText : (text) => text };
}
