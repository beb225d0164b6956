import type { CannedResponse } from '../../../test/support/canned-bedrock';
import { transportPair, useCannedPair } from '../../../test/support/transport-pair';
import { toApiError } from '../../common/errors/to-api-error';
import type { BedrockClient } from '../bedrock-client';
import { TruncatedResponseError } from './truncated-response.error';

const b64 = (...values: number[]) => Buffer.from(values).toString('base64');

const CONVERSE_RESPONSE = {
  output: {
    message: {
      role: 'assistant',
      content: [
        { reasoningContent: { reasoningText: { text: 'thinking', signature: 'sig' } } },
        { reasoningContent: { redactedContent: b64(1, 2, 3) } },
        { text: 'answer' },
        { toolUse: { toolUseId: 't', name: 'f', input: { a: [1, 2] } } },
        { image: { format: 'png', source: { bytes: b64(137, 80) } } },
      ],
    },
  },
  stopReason: 'tool_use',
  usage: { inputTokens: 5, outputTokens: 7, totalTokens: 12, cacheReadInputTokens: 0 },
  metrics: { latencyMs: 42 },
  additionalModelResponseFields: { stop_sequence: null },
};

const errorType = (name: string) => ({
  'x-amzn-errortype': `${name}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
  'content-type': 'application/json',
});

/** Error answers in the forms Bedrock and proxies produce (docs/bedrock-protocol.md §6.2). */
const ERRORS: [string, CannedResponse][] = [
  [
    'throttling',
    {
      status: 429,
      headers: errorType('ThrottlingException'),
      body: '{"message":"Too many requests, please wait before trying again."}',
    },
  ],
  [
    'model error with modeled members',
    {
      status: 424,
      headers: errorType('ModelErrorException'),
      body: '{"message":"boom","originalStatusCode":500,"resourceName":"arn:x"}',
    },
  ],
  [
    'code in __type only',
    {
      status: 404,
      body: '{"__type":"com.amazonaws.bedrockruntime#ResourceNotFoundException","message":"gone"}',
    },
  ],
  [
    'capital Message',
    {
      status: 403,
      headers: { 'x-amzn-errortype': 'AccessDeniedException' },
      body: '{"Message":"Authorization header is missing"}',
    },
  ],
  [
    'an unmodeled code',
    { status: 418, headers: errorType('TeapotException'), body: '{"message":"short and stout"}' },
  ],
  ['no code and an empty body', { status: 500, body: '' }],
  [
    'service unavailable',
    { status: 503, headers: errorType('ServiceUnavailableException'), body: '{"message":"later"}' },
  ],
];

/** Everything about an error the gateway could read. */
function describeError(err: unknown) {
  const e = err as Error & Record<string, unknown>;
  const api = toApiError(err, 'req');
  return {
    class: Object.getPrototypeOf(e).constructor.name,
    name: e.name,
    message: e.message,
    fault: e.$fault,
    status: (e.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode,
    requestId: (e.$metadata as { requestId?: string } | undefined)?.requestId,
    originalStatusCode: e.originalStatusCode,
    resourceName: e.resourceName,
    api: { status: api.status, body: api.toBody(), headers: api.headers },
  };
}

const unexpected = (): never => {
  throw new Error('expected the call to fail');
};

describe('lean transport responses, compared with the stock SDK client on the same bytes', () => {
  const pair = useCannedPair();
  const signal = new AbortController().signal;
  const converse = (c: BedrockClient) => c.converse({ modelId: 'm', messages: [] }, signal);

  it('parses Converse into the SDK shape, blobs as Uint8Array, $metadata included', async () => {
    pair.canned.respond({
      body: JSON.stringify(CONVERSE_RESPONSE),
      headers: { 'content-type': 'application/json' },
    });
    const expected = await converse(pair.sdk);
    const actual = await converse(pair.lean);
    expect(actual).toEqual(expected);
    const blocks = actual.output?.message?.content ?? [];
    expect(blocks[1].reasoningContent?.redactedContent).toEqual(Uint8Array.from([1, 2, 3]));
    expect(blocks[4].image?.source?.bytes).toBeInstanceOf(Uint8Array);
  });

  it('returns InvokeModel bodies and the token-count headers like the SDK transport', async () => {
    pair.canned.respond({
      body: '{"embedding":[0.5]}',
      headers: {
        'content-type': 'application/json',
        'x-amzn-bedrock-input-token-count': '14',
        'x-amzn-bedrock-output-token-count': '36',
      },
    });
    const input = { modelId: 'amazon.titan-embed-text-v2:0', body: '{}' };
    const expected = await pair.sdk.invokeModel(input, signal);
    const actual = await pair.lean.invokeModel(input, signal);
    expect(actual).toEqual(expected);
    expect(actual).toMatchObject({ inputTokens: 14, outputTokens: 36, contentType: 'application/json' });
  });

  it.each(ERRORS)(
    'turns %s into the same typed error and the same client answer',
    async (_name, response) => {
      pair.canned.respond(response);
      const expected = await converse(pair.sdk).then(unexpected, describeError);
      const actual = await converse(pair.lean).then(unexpected, describeError);
      expect(actual).toEqual(expected);
      expect(actual).toHaveProperty('status', response.status);
    },
  );

  it('answers a non-JSON error page (a proxy) as the SDK transport does, naming it Unknown', async () => {
    pair.canned.respond({ status: 502, body: '<html>bad gateway</html>' });
    // The SDK throws its JSON SyntaxError here; the lean transport keeps the status and request id instead.
    const expected = await converse(pair.sdk).then(unexpected, describeError);
    const actual = await converse(pair.lean).then(unexpected, describeError);
    expect(actual).toMatchObject({ name: 'Unknown', fault: 'server', status: 502, requestId: 'req-1' });
    expect(actual.api.status).toBe(expected.api.status);
    expect(actual.api.body.error.type).toBe(expected.api.body.error.type);
  });

  it('retries a connection lost before any answer, as the SDK does', async () => {
    const retrying = transportPair(pair.canned.url, 2);
    for (const client of [retrying.sdk, retrying.lean]) {
      pair.canned.respond({ reset: true }, { body: JSON.stringify(CONVERSE_RESPONSE) });
      const out = await converse(client);
      expect((out as { $metadata?: unknown }).$metadata).toMatchObject({ httpStatusCode: 200, attempts: 2 });
      expect(pair.canned.requests.map((r) => r.headers['amz-sdk-request'])).toEqual([
        'attempt=1; max=2',
        'attempt=2; max=2',
      ]);
      client.destroy();
    }
  });

  it('throws on a body cut short instead of returning half an answer', async () => {
    const body = JSON.stringify(CONVERSE_RESPONSE);
    pair.canned.respond({
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body: body.slice(0, 40),
      cut: true,
    });
    await expect(converse(pair.lean)).rejects.toBeInstanceOf(TruncatedResponseError);
    expect(toApiError(await converse(pair.lean).catch((e: unknown) => e), 'r').status).toBe(502);
  });
});
