import { count } from '../text/plural.js';
import { mediaType } from '../model/headers.js';
import type { Body, Cassette, Header, Interaction } from '../model/types.js';
import type { LlmMessage, LlmResponse, ToolCall, Usage } from '../llm/types.js';
import { maskHeaders, maskSecretsInText, maskUrl } from '../secrets/mask.js';
import type { CassetteStream } from '../load.js';
import { createShowBuilder, type ShowOptions, type ShowReport, type ShownInteraction, type ShowWarning } from '../show/build.js';
import { sanitizeLine } from '../text/sanitize.js';
import { formatBytes, formatDuration, formatUsd, prettyJson, shorten, wrap } from './format.js';
import type { Palette } from './palette.js';
import { renderRawBody } from './raw-body.js';
import { methodLabel } from '../model/method.js';

export interface ShowTextOptions {
  palette: Palette;
  /** Columns prose is wrapped to. */
  width: number;
  full: boolean;
  headers: boolean;
  mask: boolean;
  raw: boolean;
}

/** A cassette as a person reads it: one block per interaction. */
export function renderShowText(report: ShowReport, options: ShowTextOptions): string {
  return renderShowTextParts(report.cassette, report.cassette.interactions.length, report.warnings, report.interactions.map((shown) => renderInteraction(shown, options)), options);
}

/**
 * The same text from a stream (openCassette): each interaction is rendered as it is read and only
 * its text is kept, since the warnings, printed first, are known only at the end.
 */
export function renderShowTextStream(stream: CassetteStream, showOptions: ShowOptions, options: ShowTextOptions): { text: string; warnings: ShowWarning[] } {
  const parts: string[] = [];
  const warnings = writeShowTextStream(stream, showOptions, options, (text) => void parts.push(text));
  return { text: parts.join(''), warnings };
}

/**
 * renderShowTextStream's text handed to `write` in pieces of about 64 KiB, never whole: until the
 * warnings (printed first) are known, each block is kept as UTF-8 bytes, half the memory of the
 * two-byte string that one non-Latin-1 character (a dash) makes it. Returns the warnings.
 */
export function writeShowTextStream(stream: CassetteStream, showOptions: ShowOptions, options: ShowTextOptions, write: (text: string) => void): ShowWarning[] {
  const builder = createShowBuilder(stream.cassette, showOptions);
  const blocks: Buffer[] = [];
  for (const interaction of stream.interactions()) {
    const shown = builder.add(interaction);
    if (shown) blocks.push(Buffer.from(renderInteraction(shown, options), 'utf8'));
  }
  const warnings = builder.warnings();
  let pending = renderShowTextHead(stream.cassette, stream.interactionCount, warnings, options);
  for (const block of blocks) {
    pending += `\n\n${block.toString('utf8')}`;
    if (pending.length >= 1 << 16) {
      write(pending);
      pending = '';
    }
  }
  write(`${pending}\n`);
  return warnings;
}

function renderShowTextParts(c: Cassette, total: number, warnings: readonly ShowWarning[], blocks: readonly string[], options: ShowTextOptions): string {
  const out = [renderShowTextHead(c, total, warnings, options)];
  for (const block of blocks) out.push('', block);
  return out.join('\n') + '\n';
}

/** The cassette's line and its warnings' lines, without a final line break. */
function renderShowTextHead(c: Cassette, total: number, warnings: readonly ShowWarning[], options: ShowTextOptions): string {
  const { palette: p } = options;
  const out: string[] = [];
  const count = `${total} interaction${total === 1 ? '' : 's'}`;
  out.push(p.bold(sanitizeLine(c.path)) + p.gray(`  ${c.format} · ${count}${c.recordedWith ? ` · ${sanitizeLine(c.recordedWith)}` : ''}`));
  for (const w of warnings) out.push(p.yellow(`  warning: ${warningText(c.path, { ...w, message: masked(w.message, options) })}`));
  return out.join('\n');
}

export function warningText(path: string, w: ShowWarning): string {
  const where = w.position ? `${sanitizeLine(path)}:${w.position.line}` : sanitizeLine(path);
  const inter = w.interaction !== undefined ? ` interaction ${w.interaction}:` : '';
  return `${where}:${inter} ${sanitizeLine(w.message)}`;
}

function renderInteraction(shown: ShownInteraction, o: ShowTextOptions): string {
  const { interaction: i, llm } = shown;
  const p = o.palette;
  const lines = [header(i, o)];
  if (o.headers) lines.push(...renderHeaders('request headers', i.request.headers, o));
  if (llm && !o.raw) {
    lines.push(...renderRequest(shown, o));
    if (o.headers && i.response) lines.push(...renderHeaders('response headers', i.response.headers, o));
    if (llm.response) lines.push(...renderResponse(llm.response, o));
    else lines.push(p.gray('  no response recorded'));
  } else {
    lines.push(...renderPlain(i, o));
  }
  return lines.join('\n');
}

function header(i: Interaction, o: ShowTextOptions): string {
  const p = o.palette;
  let where = i.request.url;
  try {
    const u = new URL(i.request.url);
    where = u.host + u.pathname + u.search;
  } catch {
    // Not absolute: show as recorded.
  }
  where = sanitizeLine(o.mask ? maskUrl(where) : where);
  const status = i.response ? `${i.response.status}${i.response.statusText ? ` ${sanitizeLine(i.response.statusText)}` : ''}` : 'no response';
  const colour = !i.response || i.response.status >= 400 ? p.red : i.response.status >= 300 ? p.yellow : p.green;
  const dur = formatDuration(i.durationMs);
  return `${p.bold(p.cyan(`#${i.index}`))} ${p.bold(sanitizeLine(methodLabel(i.request.method)))} ${where}  ${colour(status)}${dur ? p.gray(`  ${dur}`) : ''}`;
}

function renderHeaders(title: string, headers: readonly Header[], o: ShowTextOptions): string[] {
  const shown = o.mask ? maskHeaders(headers) : headers;
  return [o.palette.gray(`  ${title}`), ...shown.map((h) => `    ${o.palette.dim(sanitizeLine(h.name) + ':')} ${sanitizeLine(h.value)}`)];
}

function renderRequest(shown: ShownInteraction, o: ShowTextOptions): string[] {
  const p = o.palette;
  const req = shown.llm!.request;
  const params = Object.entries(req.params)
    .filter(([k]) => k !== 'stream')
    .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  const meta = [shown.llm!.provider, req.model ?? 'unknown model', req.stream ? 'stream' : '', ...params].filter(Boolean);
  const lines = [`  ${p.bold('request')}  ${p.gray(sanitizeLine(masked(meta.join(' · '), o)))}`];
  if (req.system) lines.push(messageBlock('system', req.system, false, o));
  req.messages.forEach((m, idx) => lines.push(renderMessage(m, shown.firstNewMessage !== undefined && idx >= shown.firstNewMessage, o)));
  if (req.tools.length > 0) {
    lines.push(`  ${p.bold('tools')}`);
    for (const t of req.tools) {
      const desc = t.description ? p.gray(` — ${sanitizeLine(shorten(masked(t.description.split('\n')[0] ?? '', o), o.full, 100).text)}`) : '';
      lines.push(`    ${p.magenta(sanitizeLine(t.name))}(${sanitizeLine(t.parameters.join(', '))})${desc}`);
    }
  }
  return lines;
}

/** Known key shapes masked when `o.mask`: before a text is shortened or wrapped, which could split a key. */
function masked(text: string, o: ShowTextOptions): string {
  return o.mask ? maskSecretsInText(text) : text;
}

function renderMessage(m: LlmMessage, isNew: boolean, o: ShowTextOptions): string {
  const parts: string[] = [];
  if (m.text) parts.push(m.text);
  for (const part of m.parts ?? []) if (part.type !== 'text') parts.push(`[${part.type}${part.summary ? `: ${part.summary}` : ''}]`);
  let block = messageBlock(m.role, parts.join('\n'), isNew, o);
  if (m.toolCallId) block += o.palette.gray(`  [${sanitizeLine(m.toolCallId)}]`);
  for (const call of m.toolCalls ?? []) block += `\n      ${o.palette.gray('→')} ${toolCallBlock(call, o, '        ')}`;
  return block;
}

function messageBlock(role: string, text: string, isNew: boolean, o: ShowTextOptions): string {
  const p = o.palette;
  const mark = isNew ? p.green('+ ') : '  ';
  const { text: short, cut } = shorten(masked(text, o), o.full);
  // Continuation rows line up under the text, past the role column.
  const body = wrap(short, o.width, ' '.repeat(4 + Math.max(9, role.length) + 1)).trimStart();
  const more = cut > 0 ? p.gray(` … (${cut} more chars, --full to show)`) : '';
  // A message with no text (an assistant turn that only calls tools) ends at its role: no trailing blanks.
  if (body === '' && more === '') return `  ${mark}${p.blue(sanitizeLine(role))}`;
  return `  ${mark}${p.blue(sanitizeLine(role).padEnd(9))} ${body}${more}`;
}

function toolCallBlock(call: ToolCall, o: ShowTextOptions, indent: string): string {
  const p = o.palette;
  const args = formatArguments(call.arguments, o.width - indent.length - call.name.length - 2);
  const { text, cut } = shorten(masked(args, o), o.full, 1200, 20);
  const body = wrap(text, o.width, indent).trimStart();
  const id = call.id ? p.gray(`  [${sanitizeLine(call.id)}]`) : '';
  const flag = call.argumentsError ? p.red('  (invalid JSON)') : '';
  return `${p.magenta(sanitizeLine(call.name))}(${body}${cut ? p.gray(` … ${cut} more chars`) : ''})${id}${flag}`;
}

/** `{ "location": "Florence,Italy" }` on one line when it fits, else pretty-printed. */
function formatArguments(value: unknown, room: number): string {
  if (typeof value === 'string') return value;
  const pretty = prettyJson(value);
  const oneLine = pretty.replace(/\n\s*/g, ' ');
  return oneLine.length <= Math.max(40, room) ? oneLine : pretty;
}

function renderResponse(r: LlmResponse, o: ShowTextOptions): string[] {
  const p = o.palette;
  const about = [r.model, r.streamed ? 'streamed' : ''].filter(Boolean).join(' · ');
  const lines = [`  ${p.bold('response')}${about ? ` ${p.gray(sanitizeLine(about))}` : ''}`];
  if (r.error) lines.push(`    ${p.red('error')}     ${wrap(masked(`${r.error.type ? `${r.error.type}: ` : ''}${r.error.message}`, o), o.width, '              ').trimStart()}`);
  if (r.reasoning) lines.push(p.dim(`    ${'reasoning'.padEnd(9)} ${wrap(shorten(masked(r.reasoning, o), o.full).text, o.width, '              ').trimStart()}`));
  if (r.redactedThinkingBlocks) lines.push(p.dim(`    ${'reasoning'.padEnd(9)} ${r.redactedThinkingBlocks} redacted thinking block${r.redactedThinkingBlocks === 1 ? '' : 's'} (encrypted)`));
  if (r.text) {
    const { text, cut } = shorten(masked(r.text, o), o.full, 1200, 16);
    lines.push(`    ${p.green('assistant')} ${wrap(text, o.width, '              ').trimStart()}${cut ? p.gray(` … (${cut} more chars, --full to show)`) : ''}`);
  }
  if (r.refusal) lines.push(`    ${p.red('refusal')}   ${wrap(masked(r.refusal, o), o.width, '              ').trimStart()}`);
  for (const call of r.toolCalls) lines.push(`    ${p.bold('tool call')} ${toolCallBlock(call, o, '      ')}`);
  // Other choices (`n` > 1): their text or refusal, finish reason and tool calls, as the first one's.
  for (const c of r.choices?.slice(1) ?? []) {
    const finish = c.finishReason ? ` · finish ${sanitizeLine(c.finishReason)}` : '';
    lines.push(p.gray(`    choice ${c.index}: ${sanitizeLine(shorten(masked(c.text || c.refusal || '', o), false, 100, 1).text)}${finish}`));
    for (const call of c.toolCalls) lines.push(`      ${p.bold('tool call')} ${toolCallBlock(call, o, '        ')}`);
  }
  if (r.embeddings) lines.push(`    ${p.green('embeddings')} ${count(r.embeddings.count, 'vector')} × ${r.embeddings.dimensions} dimensions`);
  const tail = [r.finishReason ? `finish ${sanitizeLine(r.finishReason)}` : '', usageText(r.usage), r.truncated ? p.yellow('truncated') : ''].filter(Boolean);
  if (tail.length > 0) lines.push(`    ${p.gray(tail.join(' · '))}`);
  return lines;
}

export function usageText(u: Usage | undefined): string {
  if (!u) return '';
  const bits: string[] = [];
  if (u.inputTokens !== undefined) bits.push(`${u.inputTokens} in`);
  if (u.outputTokens !== undefined) bits.push(`${u.outputTokens} out`);
  if (u.cacheReadTokens) bits.push(`${u.cacheReadTokens} cached`);
  if (u.cacheWriteTokens) bits.push(`${u.cacheWriteTokens} cache-write`);
  if (u.reasoningTokens) bits.push(`${u.reasoningTokens} reasoning`);
  const tokens = bits.length > 0 ? `usage ${bits.join(' / ')}` : '';
  const cost = u.cost !== undefined ? `cost ${formatUsd(u.cost)} (recorded)` : '';
  return [tokens, cost].filter(Boolean).join(' · ');
}

function renderPlain(i: Interaction, o: ShowTextOptions): string[] {
  const lines: string[] = [];
  if (i.request.body.storedSize > 0 || i.request.body.isJson) lines.push(...bodyBlock('request', i.request.body, i.request.headers, o));
  if (i.response) {
    if (o.headers) lines.push(...renderHeaders('response headers', i.response.headers, o));
    lines.push(...bodyBlock('response', i.response.body, i.response.headers, o));
  }
  return lines;
}

function bodyBlock(title: string, body: Body, headers: readonly Header[], o: ShowTextOptions): string[] {
  const p = o.palette;
  const type = mediaType(headers) ?? (body.isJson ? 'application/json' : '');
  const size = formatBytes(body.size) + (body.decodedFrom ? `, ${body.decodedFrom}-decoded` : '');
  const head = `  ${p.bold(title)}  ${p.gray(sanitizeLine([type, size].filter(Boolean).join(' · ')))}`;
  if (body.size === 0) return [`${head}${p.gray('  (empty)')}`];
  const preview = renderRawBody(body, type, { full: o.full, raw: o.raw });
  const text = masked(preview, o);
  return [head, wrap(text, o.width, '    ')];
}
