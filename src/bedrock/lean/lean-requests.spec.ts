import type { ConverseRequest } from '@aws-sdk/client-bedrock-runtime';
import type { RecordedRequest } from '../../../test/support/canned-bedrock';
import { useCannedPair } from '../../../test/support/transport-pair';
import type { BedrockClient } from '../bedrock-client';

const OK_CONVERSE = JSON.stringify({
  output: { message: { role: 'assistant', content: [{ text: 'ok' }] } },
  stopReason: 'end_turn',
  usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
  metrics: { latencyMs: 1 },
});

const bytes = (...values: number[]) => Uint8Array.from(values);

/** Requests covering every place bytes can sit, and the JSON "document" members that must pass verbatim. */
const REQUESTS: [string, ConverseRequest][] = [
  [
    'plain text',
    {
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text: 'hi' }] }],
    },
  ],
  [
    'media and reasoning bytes',
    {
      modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      system: [
        { text: 'sys' },
        { guardContent: { image: { format: 'png', source: { bytes: bytes(9, 8) } } } },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { text: 'look' },
            { image: { format: 'png', source: { bytes: Buffer.from([1, 2, 3]) } } },
            { document: { name: 'doc', format: 'pdf', source: { bytes: bytes(37, 80, 68, 70) } } },
            { video: { format: 'mp4', source: { bytes: bytes(0, 0, 0, 24) } } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { reasoningContent: { redactedContent: bytes(200, 201, 202) } },
            { toolUse: { toolUseId: 't1', name: 'get', input: { q: 'x', nested: [1, { a: null }] } } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              toolResult: {
                toolUseId: 't1',
                content: [
                  { json: { ok: true } },
                  { image: { format: 'jpeg', source: { bytes: bytes(255, 216) } } },
                ],
                status: 'success',
              },
            },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 10, temperature: 0.5, stopSequences: ['X'] },
      toolConfig: {
        tools: [{ toolSpec: { name: 'get', inputSchema: { json: { type: 'object', properties: {} } } } }],
        toolChoice: { auto: {} },
      },
      additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } },
      additionalModelResponseFieldPaths: ['/stop_sequence'],
      requestMetadata: { team: 'a' },
    },
  ],
  ['no members', { modelId: 'm' }],
];

/** Model ids whose characters the path encoding must escape (docs/bedrock-protocol.md §1.5). */
const MODEL_IDS = [
  'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123def456',
  "weird id/with?chars#&+!'()*",
];

describe('lean transport requests, compared with the stock SDK client on the same input', () => {
  const pair = useCannedPair();
  const signal = new AbortController().signal;

  async function sent(call: (client: BedrockClient) => Promise<unknown>): Promise<RecordedRequest[]> {
    const out: RecordedRequest[] = [];
    for (const client of [pair.sdk, pair.lean]) {
      await call(client);
      out.push(pair.canned.requests[pair.canned.requests.length - 1]);
    }
    return out;
  }

  it.each(REQUESTS)('Converse with %s: same path, content type and JSON body', async (_name, input) => {
    pair.canned.respond({ body: OK_CONVERSE });
    const [a, b] = await sent((c) => c.converse(input, signal));
    expect(b.url).toBe(a.url);
    expect(b.headers['content-type']).toBe(a.headers['content-type']);
    expect(JSON.parse(b.body.toString())).toEqual(JSON.parse(a.body.toString()));
  });

  it.each(MODEL_IDS)('encodes model id %j as one path segment, like the SDK', async (modelId) => {
    pair.canned.respond({ body: OK_CONVERSE });
    const [a, b] = await sent((c) => c.converse({ modelId, messages: [] }, signal));
    expect(b.url).toBe(a.url);
    expect(b.url.split('/')).toHaveLength(4);
  });

  it('InvokeModel: same path, raw body and content-type/accept headers', async () => {
    pair.canned.respond({ body: '{"embedding":[0.1]}', headers: { 'content-type': 'application/json' } });
    const input = { modelId: 'amazon.titan-embed-text-v2:0', body: '{"inputText":"héllo"}' };
    const [a, b] = await sent((c) => c.invokeModel(input, signal));
    expect(b.url).toBe(a.url);
    expect(b.body.equals(a.body)).toBe(true);
    expect([b.headers['content-type'], b.headers.accept]).toEqual([
      a.headers['content-type'],
      a.headers.accept,
    ]);
  });

  it('InvokeModelWithResponseStream: accept travels as x-amzn-bedrock-accept', async () => {
    pair.canned.respond({ body: '', headers: { 'content-type': 'application/vnd.amazon.eventstream' } });
    const input = {
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: Buffer.from('{"x":1}'),
      accept: '*/*',
    };
    const [a, b] = await sent(async (c) => {
      for await (const chunk of await c.invokeModelStream(input, signal)) void chunk;
    });
    expect(b.url).toBe(a.url);
    expect(b.headers['x-amzn-bedrock-accept']).toBe('*/*');
    expect(b.headers['x-amzn-bedrock-accept']).toBe(a.headers['x-amzn-bedrock-accept']);
    expect(b.body.equals(a.body)).toBe(true);
  });
});
