/**
 * Measures the engine alone (validation, rules, generation) on typical requests, to catch per-request
 * recompilation or copies. Informational: prints requests per second, asserts nothing.
 *
 *   node -r ./scripts/register-ts.js emulator/scripts/bench-engine.ts
 */
import { createEngine } from '../src/engine/engine';
import type { RuntimeOperation, RuntimeRequest } from '../src/engine/engine.types';

const AUTH = `AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;

function request(operation: RuntimeOperation, modelId: string, body: unknown): RuntimeRequest {
  return {
    operation,
    modelId,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(body)),
  };
}

const chat = {
  system: [{ text: 'You are a helpful assistant.' }],
  messages: [
    { role: 'user', content: [{ text: 'What is the capital of France?' }] },
    { role: 'assistant', content: [{ text: 'Paris.' }] },
    { role: 'user', content: [{ text: 'And of Germany? Answer briefly please.' }] },
  ],
  inferenceConfig: { maxTokens: 200, temperature: 0.5 },
};

const cases: [string, RuntimeRequest][] = [
  ['Converse', request('Converse', 'anthropic.claude-3-haiku-20240307-v1:0', chat)],
  ['ConverseStream', request('ConverseStream', 'anthropic.claude-3-haiku-20240307-v1:0', chat)],
  [
    'InvokeModel (Claude)',
    request('InvokeModel', 'anthropic.claude-3-haiku-20240307-v1:0', {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 200,
      messages: [{ role: 'user', content: 'hello there' }],
    }),
  ],
  [
    'InvokeModel (Titan v2 embed)',
    request('InvokeModel', 'amazon.titan-embed-text-v2:0', { inputText: 'hello there' }),
  ],
];

const engine = createEngine({ replyWords: 20 });
for (const [name, req] of cases) {
  for (let i = 0; i < 2000; i++) engine.handle(req);
  const n = 20000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) engine.handle(req);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `${name.padEnd(30)} ${Math.round(n / seconds)
      .toString()
      .padStart(8)} req/s  (${((seconds / n) * 1e6).toFixed(1)} µs each)`,
  );
}
