import { OpenAIEmbeddings } from '@langchain/openai';
import { getEncoding } from 'js-tiktoken';
import OpenAI from 'openai';
import type { RequestLogEntry, RunningEmulator } from '../../emulator/src';
import { catalog } from '../../emulator/src/catalog/catalog';
import { UsageRecorder } from '../../src/usage/usage.recorder';
import { apiRejection } from '../support/api-rejection';
import { mark } from '../support/emulator-log';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';

/** The native bodies the gateway sent, in arrival order. */
const invocations = (emulator: RunningEmulator, sinceSeq?: number): RequestLogEntry[] =>
  emulator.requests(sinceSeq).filter((r) => r.operation === 'InvokeModel');
const defaultDimension = (modelId: string): number =>
  catalog.models.find((m) => m.modelId === modelId)!.embedding!.defaultDimension;
const decodeBase64 = (b64: string): number[] => {
  const bytes = Buffer.from(b64, 'base64');
  return Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
};

/** The largest number of log entries whose [receivedAt, finishedAt] intervals overlap at one instant. */
function peakOverlap(entries: RequestLogEntry[]): number {
  const edges = entries.flatMap((e) => [
    { t: Date.parse(e.receivedAt), d: 1 },
    { t: Date.parse(e.finishedAt!), d: -1 },
  ]);
  // At equal times an end comes first: a call that starts as another finishes did not overlap it.
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let peak = 0;
  for (const e of edges) peak = Math.max(peak, (now += e.d));
  return peak;
}

const FAMILIES = [
  'amazon.titan-embed-text-v1',
  'amazon.titan-embed-text-v2:0',
  'cohere.embed-english-v3',
  'cohere.embed-multilingual-v3',
  'cohere.embed-v4:0',
  'amazon.nova-2-multimodal-embeddings-v1:0',
];

describe('POST /v1/embeddings', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ DEFAULT_EMBEDDING_MODEL: 'cohere.embed-v4:0' });
  });
  afterAll(() => gw.close());

  describe.each(FAMILIES)('%s', (model) => {
    const input = ['alpha beta', 'gamma'];

    it('returns one float vector per input, in order, with Bedrock token counts as usage', async () => {
      const since = mark(gw.emulator);
      const res = await gw.openai.embeddings.create({ model, input, encoding_format: 'float' });
      expect(res.object).toBe('list');
      expect(res.model).toBe(model);
      expect(res.data.map((d) => [d.object, d.index, d.embedding.length])).toEqual([
        ['embedding', 0, defaultDimension(model)],
        ['embedding', 1, defaultDimension(model)],
      ]);
      expect(res.data[0].embedding).not.toEqual(res.data[1].embedding);
      // The emulator counts one token per word.
      expect(res.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
      const calls = invocations(gw.emulator, since);
      expect(calls.every((c) => c.modelId === model && c.status === 200)).toBe(true);
      expect(calls).toHaveLength(model.startsWith('cohere.') ? 1 : 2);
    });

    it('returns base64 that decodes to the same floats (little-endian float32)', async () => {
      const floats = await gw.openai.embeddings.create({ model, input, encoding_format: 'float' });
      const b64 = await gw.openai.embeddings.create({ model, input, encoding_format: 'base64' });
      const asString = b64.data.map((d) => d.embedding as unknown as string);
      expect(asString.every((s) => typeof s === 'string')).toBe(true);
      expect(asString.map(decodeBase64)).toEqual(floats.data.map((d) => d.embedding.map(Math.fround)));
      // Without encoding_format the openai client asks for base64 itself and decodes it.
      const sdkDefault = await gw.openai.embeddings.create({ model, input });
      expect(sdkDefault.data.map((d) => d.embedding)).toEqual(asString.map(decodeBase64));
    });
  });

  it('sends each family its native body', async () => {
    const since = mark(gw.emulator);
    for (const model of FAMILIES) await gw.openai.embeddings.create({ model, input: 'hello' });
    const bodies = Object.fromEntries(invocations(gw.emulator, since).map((c) => [c.modelId, c.body]));
    expect(bodies).toEqual({
      'amazon.titan-embed-text-v1': { inputText: 'hello' },
      'amazon.titan-embed-text-v2:0': { inputText: 'hello', normalize: true },
      'cohere.embed-english-v3': { texts: ['hello'], input_type: 'search_document' },
      'cohere.embed-multilingual-v3': { texts: ['hello'], input_type: 'search_document' },
      'cohere.embed-v4:0': { texts: ['hello'], input_type: 'search_document', embedding_types: ['float'] },
      'amazon.nova-2-multimodal-embeddings-v1:0': {
        taskType: 'SINGLE_EMBEDDING',
        singleEmbeddingParams: {
          embeddingPurpose: 'GENERIC_INDEX',
          text: { truncationMode: 'NONE', value: 'hello' },
        },
      },
    });
  });

  it.each([
    ['amazon.titan-embed-text-v2:0', 256, 'dimensions'],
    ['cohere.embed-v4:0', 512, 'output_dimension'],
    ['amazon.nova-2-multimodal-embeddings-v1:0', 384, 'embeddingDimension'],
  ])('passes dimensions to %s (%i, as %s)', async (model, dimensions, field) => {
    const since = mark(gw.emulator);
    const res = await gw.openai.embeddings.create({ model, input: 'x', dimensions });
    expect(res.data[0].embedding).toHaveLength(dimensions);
    expect(JSON.stringify(invocations(gw.emulator, since)[0].body)).toContain(`"${field}":${dimensions}`);
  });

  it('refuses dimensions a model does not offer, naming them, without calling Bedrock', async () => {
    const since = mark(gw.emulator);
    const err = await apiRejection(
      gw.openai.embeddings.create({ model: 'amazon.titan-embed-text-v2:0', input: 'x', dimensions: 100 }),
    );
    expect(err.status).toBe(400);
    expect(err.param).toBe('dimensions');
    expect(err.message).toContain('supported: 256, 512, 1024');
    expect(invocations(gw.emulator, since)).toHaveLength(0);
  });

  it('takes Cohere input_type per request, defaulting to search_document', async () => {
    const since = mark(gw.emulator);
    await gw.openai.embeddings.create({
      model: 'cohere.embed-english-v3',
      input: 'q',
      input_type: 'search_query',
    } as OpenAI.EmbeddingCreateParams);
    await gw.openai.embeddings.create({ model: 'cohere.embed-english-v3', input: 'd' });
    expect(invocations(gw.emulator, since).map((c) => (c.body as { input_type: string }).input_type)).toEqual(
      ['search_query', 'search_document'],
    );
  });

  it('splits Cohere inputs beyond 96 into batches and keeps the vectors in input order', async () => {
    const model = 'cohere.embed-english-v3';
    const input = Array.from({ length: 200 }, (_, i) => `document number ${i}`);
    const since = mark(gw.emulator);
    const res = await gw.openai.embeddings.create({ model, input, encoding_format: 'float' });
    expect(res.data.map((d) => d.index)).toEqual(input.map((_, i) => i));
    const batches = invocations(gw.emulator, since).map((c) => (c.body as { texts: string[] }).texts);
    expect(batches.map((b) => b.length).sort((a, b) => b - a)).toEqual([96, 96, 8]);
    const sent = batches.sort((a, b) => input.indexOf(a[0]) - input.indexOf(b[0])).flat();
    expect(sent).toEqual(input);
    for (const i of [0, 96, 150, 199]) {
      const alone = await gw.openai.embeddings.create({ model, input: input[i], encoding_format: 'float' });
      expect(res.data[i].embedding).toEqual(alone.data[0].embedding);
    }
    expect(res.usage.prompt_tokens).toBe(600);
  });

  it('decodes token-array input (what tiktoken-counting clients send) back to the texts', async () => {
    const enc = getEncoding('cl100k_base');
    const texts = ['The quick brown fox', 'jumps over the lazy dog'];
    const since = mark(gw.emulator);
    const fromTokens = await gw.openai.embeddings.create({
      model: 'cohere.embed-english-v3',
      input: texts.map((t) => enc.encode(t)),
      encoding_format: 'float',
    });
    await gw.openai.embeddings.create({ model: 'amazon.titan-embed-text-v2:0', input: enc.encode(texts[0]) });
    const [cohere, titan] = invocations(gw.emulator, since);
    expect(cohere.body).toMatchObject({ texts });
    expect(titan.body).toMatchObject({ inputText: texts[0] });
    const fromText = await gw.openai.embeddings.create({
      model: 'cohere.embed-english-v3',
      input: texts,
      encoding_format: 'float',
    });
    expect(fromTokens.data).toEqual(fromText.data);
  });

  it.each([
    ['an empty string', 'input', { input: '' }],
    ['an empty list', 'input', { input: [] }],
    ['an empty text in a list', 'input[1]', { input: ['a', ''] }],
    ['more than 2048 inputs', 'input', { input: Array(2049).fill('x') }],
    ['a chat model', 'model', { model: 'anthropic.claude-3-haiku-20240307-v1:0' }],
    ['ids outside the tokenizer', 'input[0]', { input: [[15339, 999_999]] }],
  ])('answers 400 for %s, naming %s, without calling Bedrock', async (_, param, override) => {
    const since = mark(gw.emulator);
    const body = {
      model: 'cohere.embed-english-v3',
      input: 'x',
      ...override,
    } as OpenAI.EmbeddingCreateParams;
    const err = await apiRejection(gw.openai.embeddings.create(body));
    expect([err.status, err.param]).toEqual([400, param]);
    expect(err.type).toBe('invalid_request_error');
    expect(invocations(gw.emulator, since)).toHaveLength(0);
  });

  it('answers 404 model_not_found for an unknown model', async () => {
    const err = await apiRejection(
      gw.openai.embeddings.create({ model: 'cohere.embed-klingon-v9', input: 'x' }),
    );
    expect([err.status, err.code]).toEqual([404, 'model_not_found']);
  });

  it("fails the request with Bedrock's error when one of its calls fails", async () => {
    gw.emulator.faults.add({
      kind: 'error',
      errorType: 'ValidationException',
      message: 'Input is too long for requested model.',
      match: { operation: 'InvokeModel' },
    });
    const err = await apiRejection(
      gw.openai.embeddings.create({ model: 'amazon.titan-embed-text-v2:0', input: ['a', 'b', 'c'] }),
    );
    expect(err.status).toBe(400);
    expect(err.code).toBe('context_length_exceeded');
  });

  it('records usage for embeddings like any other request', async () => {
    const recorder = gw.app.get(UsageRecorder);
    const model = 'amazon.titan-embed-text-v1';
    const before = recorder.snapshot().find((t) => t.model === model)?.promptTokens ?? 0;
    const res = await gw.openai.embeddings.create({ model, input: ['one two', 'three'] });
    const after = recorder.snapshot().find((t) => t.model === model);
    expect(after?.promptTokens).toBe(before + res.usage.prompt_tokens);
    expect(res.usage.prompt_tokens).toBe(3);
  });

  it('serves LangChain OpenAIEmbeddings: documents in one batch call, and a query', async () => {
    const embeddings = new OpenAIEmbeddings({
      model: 'text-embedding-3-small',
      apiKey: TEST_KEY,
      dimensions: 256,
      configuration: { baseURL: `${gw.url}/v1` },
    });
    const docs = Array.from({ length: 150 }, (_, i) => `passage ${i} about things`);
    const since = mark(gw.emulator);
    const vectors = await embeddings.embedDocuments(docs);
    expect(vectors).toHaveLength(150);
    expect(vectors.every((v) => v.length === 256)).toBe(true);
    const calls = invocations(gw.emulator, since);
    // DEFAULT_EMBEDDING_MODEL (Cohere Embed v4) takes 96 texts per call.
    expect(calls.map((c) => c.modelId)).toEqual(['cohere.embed-v4:0', 'cohere.embed-v4:0']);
    expect(calls.map((c) => (c.body as { texts: string[] }).texts.length).sort()).toEqual([54, 96]);
    const query = await embeddings.embedQuery('passage 7 about things');
    expect(query).toEqual(vectors[7]);
  });
});

describe('bounded concurrency for one-text-per-call families', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // Added model latency makes the calls of one request overlap visibly in the emulator's log.
    gw = await startTestGateway({ EMBEDDING_CONCURRENCY: '3' }, { latencyMs: 150 });
  });
  afterAll(() => gw.close());

  it('keeps at most EMBEDDING_CONCURRENCY calls in flight, several at once, results in order', async () => {
    const model = 'amazon.titan-embed-text-v2:0';
    const input = Array.from({ length: 10 }, (_, i) => `text ${i}`);
    const since = mark(gw.emulator);
    const res = await gw.openai.embeddings.create({ model, input, encoding_format: 'float' });
    const calls = invocations(gw.emulator, since);
    expect(calls).toHaveLength(10);
    const peak = peakOverlap(calls);
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(3);
    expect(calls.map((c) => (c.body as { inputText: string }).inputText).sort()).toEqual([...input].sort());
    for (const i of [0, 5, 9]) {
      const alone = await gw.openai.embeddings.create({ model, input: input[i], encoding_format: 'float' });
      expect(res.data[i].embedding).toEqual(alone.data[0].embedding);
    }
  });
});
