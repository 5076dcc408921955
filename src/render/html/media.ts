import type { InlineMedia } from '../../llm/types.js';

const SIGNATURES: [string, (b: Uint8Array) => boolean][] = [
  ['image/png', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38],
  ['image/webp', (b) => b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50],
];

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A `data:` URL for an inline image, or undefined when it is not one we may show: the base64 must be
 * clean and its first bytes must be a PNG, JPEG, GIF or WebP signature agreeing with the declared type.
 * (SVG and anything else is never inlined; only its summary is shown.)
 */
export function imageDataUrl(media: InlineMedia): string | undefined {
  const base64 = media.base64.replace(/\s+/g, '');
  if (base64.length < 16 || base64.length % 4 !== 0 || !BASE64.test(base64)) return undefined;
  const head = Buffer.from(base64.slice(0, 16), 'base64');
  const sniffed = SIGNATURES.find(([, test]) => test(head))?.[0];
  if (!sniffed) return undefined;
  const declared = media.mediaType?.toLowerCase().replace('image/jpg', 'image/jpeg');
  if (declared !== undefined && declared !== sniffed) return undefined;
  return `data:${sniffed};base64,${base64}`;
}
