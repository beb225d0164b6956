/**
 * Bedrock rejections the emulator reproduces, as data: each case is run against the engine directly
 * (rejections.spec.ts) and through the real AWS SDK against a running emulator (rejections.sdk.spec.ts).
 * `source` says where the expected message comes from: a wire-doc section (docs/bedrock-protocol.md,
 * itself citing public captures), a public issue thread, or "UNVERIFIED" where no capture was found.
 */
import type { RuntimeOperation } from '../../src/engine/engine.types';

export interface RejectionCase {
  name: string;
  operation: RuntimeOperation;
  modelId: string;
  /** Wire JSON (blobs base64); InvokeModel bodies are the model-native JSON. */
  body: unknown;
  /** InvokeModel content type (default application/json). */
  contentType?: string;
  /** Region the request is signed for (default us-east-1). */
  region?: string;
  status: number;
  exception: string;
  message: string;
  source: string;
}

export const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
export const HAIKU_35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
export const SONNET_37 = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
export const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
export const LLAMA = 'meta.llama3-1-70b-instruct-v1:0';
export const MISTRAL_LARGE = 'mistral.mistral-large-2402-v1:0';
export const MISTRAL_7B = 'mistral.mistral-7b-instruct-v0:2';
export const TITAN_TEXT = 'amazon.titan-text-express-v1';
export const R1 = 'us.deepseek.r1-v1:0';

/** 16 bytes with a PNG signature: enough for the emulator's magic-byte sniffing. */
export const PNG_B64 = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');

export const user = (text: string) => ({ role: 'user', content: [{ text }] });
export const assistant = (text: string) => ({ role: 'assistant', content: [{ text }] });
export const tool = {
  toolSpec: { name: 'get_time', inputSchema: { json: { type: 'object', properties: {} } } },
};
export const tools = (extra: Record<string, unknown> = {}) => ({ tools: [tool], ...extra });
export const toolTurns = (status?: string, extraUserBlock?: Record<string, unknown>) => [
  user('get_time'),
  { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_a', name: 'get_time', input: {} } }] },
  {
    role: 'user',
    content: [
      ...(extraUserBlock ? [extraUserBlock] : []),
      { toolResult: { toolUseId: 'tooluse_a', content: [{ text: 'noon' }], ...(status ? { status } : {}) } },
    ],
  },
];
export const thinking = (budget = 1024) => ({ thinking: { type: 'enabled', budget_tokens: budget } });
export const image = (bytes = PNG_B64, format = 'png') => ({ image: { format, source: { bytes } } });
export const MODEL_ERRORS = 'The model returned the following errors: ';
export const MALFORMED = (v: string) =>
  `Malformed input request: ${v}, please reformat your input and try again.`;
export const NO_STREAM_TOOLS = "This model doesn't support tool use in streaming mode.";
