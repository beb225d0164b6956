/** What every phase sends: one model, one short prompt, the same on every path. */
export const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
export const EMBEDDING_MODEL = 'amazon.titan-embed-text-v2:0';
export const API_KEY = 'sk-bench-key';
const PROMPT = 'Write a short note about the sea for a benchmark.';
const MAX_TOKENS = 256;

export const AWS_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIABENCHMARK0000000',
  AWS_SECRET_ACCESS_KEY: 'bench-secret',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** The OpenAI request the gateway receives. */
export const chatBody = (stream = false) => ({
  model: MODEL,
  messages: [{ role: 'user', content: PROMPT }],
  max_tokens: MAX_TOKENS,
  ...(stream ? { stream: true } : {}),
});

/**
 * The same prompt through Anthropic's Messages API (`/v1/messages`): the same Claude model, so the gateway
 * relays it through native InvokeModelWithResponseStream instead of ConverseStream.
 */
export const messagesBody = (stream = false) => ({
  model: MODEL,
  messages: [{ role: 'user', content: PROMPT }],
  max_tokens: MAX_TOKENS,
  ...(stream ? { stream: true } : {}),
});

/** The Converse request the gateway makes of it (and the floors make directly). */
export const converseBody = () => ({
  messages: [{ role: 'user', content: [{ text: PROMPT }] }],
  inferenceConfig: { maxTokens: MAX_TOKENS },
});

/** Sixteen inputs for Titan Text Embeddings v2. */
export const embeddingsBody = () => ({
  model: EMBEDDING_MODEL,
  input: Array.from({ length: 16 }, (_, i) => `Benchmark sentence number ${i} about the sea and its tides.`),
});

export const modelPath = (operation: 'converse' | 'converse-stream') =>
  `/model/${encodeURIComponent(MODEL)}/${operation}`;
