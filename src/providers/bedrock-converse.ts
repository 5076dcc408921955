import { asRecord } from '../llm/json.js';
import type { LlmResponse, Provider } from '../llm/types.js';
import type { Interaction } from '../model/types.js';
import { applyConverseOutput, parseConverseRequest } from './bedrock-converse-content.js';
import { ConverseStreamAccumulator } from './bedrock-converse-stream.js';
import { awsError, bedrockCall, eventStreamBytes, readStreamEvents } from './bedrock-shared.js';
import { emptyResponse } from './reassembly.js';

/** Amazon Bedrock Converse and ConverseStream (`/model/<id>/converse`, `/converse-stream`). */
export const bedrockConverse: Provider = {
  id: 'bedrock-converse',
  description: 'Amazon Bedrock Converse (JSON) and ConverseStream (binary eventstream frames)',
  detect(interaction) {
    const action = bedrockCall(interaction.request.url)?.action;
    return action === 'converse' || action === 'converse-stream';
  },
  parseRequest(interaction) {
    const call = bedrockCall(interaction.request.url);
    const req = asRecord(interaction.request.body.json) ?? {};
    return parseConverseRequest(req, 'bedrock-converse', call?.modelId, call?.action === 'converse-stream');
  },
  parseResponse: reassembleConverse,
};

/** Reassemble a Converse JSON body or a ConverseStream of eventstream frames. */
export function reassembleConverse(interaction: Interaction): LlmResponse | undefined {
  const res = interaction.response;
  if (!res) return undefined;
  const call = bedrockCall(interaction.request.url);
  const model = call?.modelId;
  const bytes = eventStreamBytes(res.body);
  if (bytes) {
    const acc = new ConverseStreamAccumulator({ ...emptyResponse('bedrock-converse', true), model });
    for (const event of readStreamEvents(bytes, acc.out)) acc.push(event.type, event.payload);
    return acc.finish();
  }
  const out: LlmResponse = { ...emptyResponse('bedrock-converse', false), model };
  const error = awsError(res);
  if (error) out.error = error;
  const body = asRecord(res.body.json);
  if (body && !error) applyConverseOutput(out, body);
  else if (!error && call?.action === 'converse-stream') out.warnings.push('converse-stream response holds no eventstream frames');
  return out;
}
