import type { Rule } from '../types.js';
import { secretReports } from './secrets.js';

export const secretBody: Rule = {
  id: 'secret-body',
  defaultSeverity: 'error',
  category: 'secret',
  fixable: true,
  description: 'an API key or token in a body: OpenAI, Anthropic, OpenRouter, Google, AWS, GitHub, Hugging Face, Groq, xAI, Perplexity, Stripe, Slack, Telegram bots, Google OAuth, JWTs, high-entropy values of key-like fields (multipart form fields too)',
  check: (ctx) => secretReports(ctx, 'body', (s) => `${s.field} holds a credential`),
};
