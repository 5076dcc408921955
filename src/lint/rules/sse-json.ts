import { count } from '../../text/plural.js';
import { mediaType } from '../../model/headers.js';
import { eventIsJson, eventKnownJson } from '../../llm/json.js';
import { parseSse } from '../../llm/sse.js';
import type { Rule } from '../types.js';
import { perInteraction } from './shared.js';
import { clipText } from '../../secrets/clip.js';

export const sseJson: Rule = {
  id: 'sse-json',
  defaultSeverity: 'error',
  category: 'stream',
  description: 'an SSE stream has `data:` lines that are not JSON (other than `[DONE]`)',
  check(ctx) {
    return perInteraction(ctx, (i) => {
      const res = i.response;
      if (!res || !(mediaType(res.headers) ?? '').includes('event-stream') || !res.body.text) return [];
      // The reassembly (other rules ask for it too) parses each event first, so each is parsed once.
      ctx.llm(i);
      const bad = parseSse(res.body.text).events.filter((e) => {
        // Most events: the reassembler parsed them, so nothing to trim or parse (one flag read).
        if (eventKnownJson(e)) return false;
        const t = e.data.trim();
        if (t === '') return false;
        // Valid JSON stays valid trimmed; the reassembler has usually parsed this very event already.
        if (eventIsJson(e)) return false;
        try {
          JSON.parse(t);
          return false;
        } catch {
          return true;
        }
      });
      if (bad.length === 0) return [];
      return [{ message: `${count(bad.length, 'SSE event')} ${bad.length === 1 ? 'carries' : 'carry'} data that is not JSON, first: ${JSON.stringify(clipText(bad[0]!.data, 40))}`, path: i.fieldPaths['response.body'] }];
    });
  },
};
