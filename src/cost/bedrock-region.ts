/**
 * The Bedrock endpoint to price a call at. genai-prices holds one Bedrock price per model (the
 * US regions'); a region a recorder redacted (`bedrock-runtime.<aws_region>.amazonaws.com`,
 * `bedrock-runtime.REGION.amazonaws.com`) is priced at us-east-1 and the row says so.
 */
export function bedrockEndpoint(url: string): { url: string; note?: string } | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    // `<aws_region>` makes some URLs unparseable.
    host = /^[a-z]+:\/\/([^/]+)/i.exec(url)?.[1] ?? '';
  }
  const region = /^bedrock-runtime(?:-fips)?\.([^.]+)\.amazonaws\.com$/i.exec(host)?.[1];
  if (region === undefined) return undefined;
  if (/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region)) return { url: `https://${host}/` };
  return { url: 'https://bedrock-runtime.us-east-1.amazonaws.com/', note: `Bedrock region "${region}" is redacted: priced at the US (us-east-1) rate` };
}
