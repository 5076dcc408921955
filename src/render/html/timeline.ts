import type { ShownInteraction } from '../../show/build.js';
import { formatDuration } from '../format.js';
import { html, type SafeHtml } from './escape.js';
import { statusClass } from './interaction.js';

const HEIGHT = 60;
// Room for this many bars at least, so two calls do not become two walls.
const MIN_BARS = 40;

/**
 * One bar per interaction in recorded order, as tall as its duration (relative to the longest),
 * coloured by status and linking to its card. SVG attributes rather than inline styles, which the
 * page's Content-Security-Policy forbids.
 */
export function timeline(shown: readonly ShownInteraction[], idOf: (index: number) => string): SafeHtml {
  const longest = Math.max(0, ...shown.map((s) => s.interaction.durationMs ?? 0));
  const bars = shown.map((s, n) => {
    const i = s.interaction;
    const ms = i.durationMs;
    const h = longest > 0 ? Math.max(2, Math.round(((ms ?? 0) / longest) * (HEIGHT - 4))) : HEIGHT / 2;
    const label = `#${i.index} ${i.response ? i.response.status : 'no response'}${ms !== undefined ? ` · ${formatDuration(ms)}` : ''}`;
    return html`<a href="#${idOf(i.index)}" class="${statusClass(i.response?.status)}"><rect x="${n * 10 + 1}" y="${HEIGHT - h}" width="8" height="${h}"><title>${label}</title></rect></a>`;
  });
  const note = longest > 0 ? `bar height = duration (longest ${formatDuration(longest)})` : 'no durations recorded';
  return html`<svg class="timeline" viewBox="0 0 ${Math.max(MIN_BARS, shown.length) * 10} ${HEIGHT}" preserveAspectRatio="none" role="img" aria-label="timeline of ${shown.length} interactions">${bars}</svg><div class="legend muted"><span class="s2"><i></i>2xx</span><span class="s4"><i></i>4xx</span><span class="s5"><i></i>5xx</span><span class="s0"><i></i>no response / other</span><span>${note}</span></div>`;
}
