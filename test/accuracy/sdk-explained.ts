/**
 * Where our reassembly and the SDK accumulators (openai 6.49.0, @anthropic-ai/sdk 1.14.0) disagree,
 * and why the SDK is the one that is wrong. Keys are `corpus/<path> #<interaction>` or
 * `samples/<path> #<interaction>`; the README lists them.
 */
export const WHY = {
  contentParts: 'Mistral sends `content` as an array of `text`/`thinking` parts; the SDK concatenates the arrays as strings ("[object Object]…") or keeps them as they are',
  newChunkId: 'the gateway changes the chunk `id` after the first chunk; the SDK takes a new id for a new completion and fails with "missing finish_reason"',
  noFinishReason: 'the stream ends with `[DONE]` but no chunk carries a `finish_reason`; the SDK refuses it ("missing finish_reason")',
  cumulativeMessage: 'Perplexity repeats the whole answer in a final chunk’s `message` field beside the deltas; the SDK appends it again',
  reasoningPart: 'the server sends `response.reasoning_part.added` (raw reasoning text); the SDK throws "Unhandled response stream event"',
  partOmitted: 'the stream sends text deltas without the `content_part.added` / `reasoning_summary_part.added` events before them; the SDK throws "missing content at index 0"',
  eofOpenAI: 'the final event has no blank line after it; openai 6.49.0 (the newest for Node 20) drops it, losing `response.completed` and its usage (fixed in openai-node#2726)',
  eofAnthropic: 'the final event has no blank line after it; @anthropic-ai/sdk 1.14.0 drops it, so `message_stop` never comes and no message is produced',
  xGroq: 'Groq sends usage as `x_groq.usage` on the last chunk; the SDK reads only `usage`',
  noIndex: 'tool-call deltas without `index` (Gemini’s OpenAI-compatible API); the SDK drops them (openai-python#3246 fixes the same in Python)',
  sameIndexNewId: 'two calls at `index` 0 with different ids; the SDK merges them into one call with both arguments concatenated',
} as const;

export const EXPLAINED = new Map<string, string>([
  ['corpus/go-vcr-v2/charmbracelet__fantasy/providertests/testdata/TestOpenAICompatibleCommon/avian-kimi/multi_tool_streaming.yaml #0', WHY.newChunkId],
  ['corpus/go-vcr-v2/charmbracelet__fantasy/providertests/testdata/TestOpenAICompatibleCommon/avian-kimi/multi_tool_streaming.yaml #1', WHY.newChunkId],
  ['corpus/httprr/tmc__langchaingo/tools/perplexity/testdata/TestTool_Integration.httprr #0', WHY.cumulativeMessage],
  ['corpus/ruby-vcr/crmne__ruby_llm/spec/fixtures/vcr_cassettes/chat_mistral_hybrid_reasoning_streams_thinking_separately_from_content.yml #0', WHY.contentParts],
  ['corpus/ruby-vcr/crmne__ruby_llm/spec/fixtures/vcr_cassettes/providers_bedrock_mantle_responses_chat_streams_through_the_responses_surface.yml #0', WHY.reasoningPart],
  ['corpus/vcrpy/pydantic__pydantic-ai/tests/models/cassettes/test_mistral/test_mistral_model_thinking_part.yaml #1', WHY.contentParts],
  ['corpus/vcrpy/simonw__llm/tests/cassettes/test_tools_streaming/test_tools_streaming_variant_b.yaml #0', WHY.noFinishReason],
  ['samples/go-vcr-v2/mistral-content-parts.yaml #0', WHY.contentParts],
  ['samples/go-vcr-v2/mistral-content-parts.yaml #1', WHY.contentParts],
  ['samples/go-vcr-v2/mixed-stream-eof-without-blank-line.yaml #1', WHY.eofOpenAI],
  ['samples/go-vcr-v2/mixed-stream-eof-without-blank-line.yaml #2', WHY.eofAnthropic],
  ['samples/go-vcr-v2/mixed-usage.yaml #1', WHY.xGroq],
  ['samples/go-vcr-v2/openai-chat-tool-call-identity.yaml #0', WHY.noIndex],
  ['samples/go-vcr-v2/openai-chat-tool-call-identity.yaml #1', WHY.sameIndexNewId],
  ['samples/polly/openai-responses-stream.har #0', WHY.partOmitted],
]);
