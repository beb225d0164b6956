import { catalog, profileArn, profilesForRegion } from '../../emulator/src/catalog/catalog';
import type { RunningEmulator } from '../../emulator/src';
import { apiRejection } from '../support/api-rejection';
import { runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';

const CONTROL_PLANE = new Set([
  'ListFoundationModels',
  'ListInferenceProfiles',
  'GetFoundationModel',
  'GetInferenceProfile',
]);
const controlPlaneCalls = (emulator: RunningEmulator) =>
  emulator.requests().filter((r) => CONTROL_PLANE.has(r.operation)).length;

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const APP_PROFILE = profilesForRegion('us-east-1').find((p) => p.type === 'APPLICATION')!;
const APP_ARN = profileArn(APP_PROFILE, 'us-east-1');
const hi = [{ role: 'user' as const, content: 'hi' }];

describe('GET /v1/models (catalog from the control plane)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ DEFAULT_MODEL: HAIKU, DEFAULT_EMBEDDING_MODEL: 'cohere.embed-english-v3' });
  });
  afterAll(() => gw.close());

  it('serves a burst of 1,000 list requests from memory: no control-plane call', async () => {
    // The boot load is in the log (nothing has cleared it yet); the refresh interval is the default 10 min.
    const before = controlPlaneCalls(gw.emulator);
    expect(before).toBeGreaterThan(0);
    for (let wave = 0; wave < 20; wave++) {
      const lists = await Promise.all(Array.from({ length: 50 }, () => gw.openai.models.list()));
      for (const page of lists) expect(page.data.length).toBeGreaterThan(30);
    }
    expect(controlPlaneCalls(gw.emulator)).toBe(before);
  });

  it('lists every on-demand model and every profile, across all pages of the profile listing', async () => {
    const ids: string[] = [];
    for await (const model of gw.openai.models.list()) ids.push(model.id);
    const profiles = profilesForRegion('us-east-1');
    // The emulator pages profiles five at a time: more than one page must have been read.
    expect(profiles.filter((p) => p.type === 'SYSTEM_DEFINED').length).toBeGreaterThan(5);
    for (const p of profiles) expect(ids).toContain(p.type === 'APPLICATION' ? profileArn(p) : p.id);
    for (const m of catalog.models) {
      // Profile-only models reject direct calls, so they appear only through their profiles.
      const direct = m.inferenceTypes.includes('ON_DEMAND');
      expect([m.modelId, ids.includes(m.modelId)]).toEqual([m.modelId, direct]);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('cohere.embed-v4:0');
    expect(ids).toContain('amazon.nova-2-multimodal-embeddings-v1:0');
  });

  it('answers in OpenAI list shape under /v1 and /api/v1 alike', async () => {
    const res = await fetch(`${gw.url}/api/v1/models`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
    const body = (await res.json()) as { object: string; data: Record<string, unknown>[] };
    expect(res.status).toBe(200);
    expect(body.object).toBe('list');
    const haiku = body.data.find((m) => m.id === HAIKU);
    expect(haiku).toEqual({
      id: HAIKU,
      object: 'model',
      created: Date.parse('2024-03-13T00:00:00Z') / 1000,
      owned_by: 'anthropic',
    });
  });

  it('retrieves a model by plain id, by profile id and by ARN (encoded by the openai client, or raw)', async () => {
    expect(await gw.openai.models.retrieve(HAIKU)).toMatchObject({ id: HAIKU, object: 'model' });
    expect(await gw.openai.models.retrieve(`us.${HAIKU}`)).toMatchObject({ id: `us.${HAIKU}` });
    expect(await gw.openai.models.retrieve(APP_ARN)).toMatchObject({ id: APP_ARN, owned_by: 'anthropic' });
    const raw = await fetch(`${gw.url}/api/v1/models/${APP_ARN}`, {
      headers: { authorization: `Bearer ${TEST_KEY}` },
    });
    expect(await raw.json()).toMatchObject({ id: APP_ARN });
  });

  it('answers 404 model_not_found in OpenAI envelope for an unknown model', async () => {
    const err = await apiRejection(gw.openai.models.retrieve('anthropic.claude-9-imaginary-v1:0'));
    expect(err.status).toBe(404);
    expect(err.error).toEqual({
      message:
        "The model 'anthropic.claude-9-imaginary-v1:0' does not exist or you do not have access to it.",
      type: 'invalid_request_error',
      param: 'model',
      code: 'model_not_found',
    });
    // Another geography's profile is not in this region's catalog either.
    expect((await apiRejection(gw.openai.models.retrieve(`eu.${HAIKU}`))).status).toBe(404);
  });

  it('answers a chat request for an unknown model with 404 without calling Bedrock', async () => {
    gw.emulator.clearRequests();
    const err = await apiRejection(
      gw.openai.chat.completions.create({ model: 'anthropic.claude-9-imaginary-v1:0', messages: hi }),
    );
    expect(err.status).toBe(404);
    expect(err.code).toBe('model_not_found');
    expect(gw.emulator.requests()).toHaveLength(0);
  });

  it('calls an application profile by ARN without looking it up on the control plane', async () => {
    gw.emulator.clearRequests();
    await gw.openai.chat.completions.create({ model: APP_ARN, messages: hi });
    expect(gw.emulator.requests().map((r) => [r.operation, r.modelId])).toEqual([['Converse', APP_ARN]]);
  });
});

describe('allow-list and aliases', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      DEFAULT_MODEL: HAIKU,
      DEFAULT_EMBEDDING_MODEL: 'amazon.titan-embed-text-v2:0',
      ALLOWED_MODELS: 'us.anthropic.*,cohere.embed-*',
      MODEL_ALIASES: `gpt-4o=us.anthropic.claude-3-5-sonnet-20240620-v1:0,text-embedding-3-large=cohere.embed-v4:0`,
    });
  });
  afterAll(() => gw.close());

  it('lists the aliases, the allowed models and the defaults, and nothing else', async () => {
    const ids = (await gw.openai.models.list()).data.map((m) => m.id);
    expect(ids.slice(0, 2)).toEqual(['gpt-4o', 'text-embedding-3-large']);
    expect(ids).toEqual(
      expect.arrayContaining([
        `us.${HAIKU}`,
        'cohere.embed-english-v3',
        HAIKU,
        'amazon.titan-embed-text-v2:0',
      ]),
    );
    const outside = ids.filter(
      (id) =>
        !/^(us\.anthropic\.|cohere\.embed-)/.test(id) &&
        !['gpt-4o', 'text-embedding-3-large', HAIKU, 'amazon.titan-embed-text-v2:0'].includes(id),
    );
    expect(outside).toEqual([]);
    expect(ids).not.toContain('meta.llama3-1-70b-instruct-v1:0');
    expect(await gw.openai.models.retrieve('gpt-4o')).toMatchObject({ id: 'gpt-4o', owned_by: 'anthropic' });
  });

  it('calls the alias target, and refuses a model the allow-list leaves out without calling Bedrock', async () => {
    gw.emulator.clearRequests();
    const reply = await gw.openai.chat.completions.create({ model: 'gpt-4o', messages: hi });
    expect(reply.model).toBe('gpt-4o');
    expect(runtimeRequests(gw.emulator).map((r) => r.modelId)).toEqual([
      'us.anthropic.claude-3-5-sonnet-20240620-v1:0',
    ]);

    gw.emulator.clearRequests();
    const err = await apiRejection(
      gw.openai.chat.completions.create({ model: 'meta.llama3-1-70b-instruct-v1:0', messages: hi }),
    );
    expect([err.status, err.code]).toEqual([404, 'model_not_found']);
    expect((await apiRejection(gw.openai.models.retrieve('meta.llama3-1-70b-instruct-v1:0'))).status).toBe(
      404,
    );
    expect(runtimeRequests(gw.emulator)).toHaveLength(0);
  });

  it('maps an embedding alias, and OpenAI embedding names without one to DEFAULT_EMBEDDING_MODEL', async () => {
    gw.emulator.clearRequests();
    await gw.openai.embeddings.create({ model: 'text-embedding-3-large', input: 'x' });
    await gw.openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
    expect(runtimeRequests(gw.emulator).map((r) => r.modelId)).toEqual([
      'cohere.embed-v4:0',
      'amazon.titan-embed-text-v2:0',
    ]);
  });
});

describe('control plane unavailable at boot', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(
      {
        DEFAULT_MODEL: HAIKU,
        MODEL_ALIASES: 'fast=amazon.nova-micro-v1:0',
        MODEL_CATALOG_REFRESH_MS: '1000',
      },
      {},
      {
        beforeGateway: (emulator) =>
          emulator.faults.add({
            kind: 'error',
            errorType: 'ServiceUnavailableException',
            match: { operation: 'ListFoundationModels' },
            times: 'always',
          }),
      },
    );
  });
  afterAll(() => gw.close());

  const ready = async () => {
    const res = await fetch(`${gw.url}/ready`);
    return {
      status: res.status,
      body: (await res.json()) as { checks: Record<string, { detail: Record<string, unknown> }> },
    };
  };

  it('starts, says so in /ready, serves the defaults and aliases, and lets Bedrock judge model names', async () => {
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.checks.modelCatalog.detail).toMatchObject({
      loaded: false,
      error: expect.stringContaining('ServiceUnavailableException'),
    });
    const ids = (await gw.openai.models.list()).data.map((m) => m.id);
    expect(ids).toEqual(['fast', HAIKU, 'cohere.embed-multilingual-v3']);

    // Without a catalog the gateway cannot know the name is wrong; Bedrock's own answer comes back.
    gw.emulator.clearRequests();
    const err = await apiRejection(
      gw.openai.chat.completions.create({ model: 'anthropic.claude-9-imaginary-v1:0', messages: hi }),
    );
    expect(err.status).toBe(400);
    expect(err.message).toContain('The provided model identifier is invalid.');
    expect(runtimeRequests(gw.emulator)).toHaveLength(1);
  });

  it('loads the catalog in the background once the control plane answers again', async () => {
    gw.emulator.faults.clear();
    const loaded = await gw.emulator.waitForRequest(
      (r) => r.operation === 'ListFoundationModels' && r.outcome === 'completed',
      10_000,
    );
    expect(loaded.status).toBe(200);
    let detail: Record<string, unknown> = {};
    for (let i = 0; i < 100 && detail.loaded !== true; i++) {
      detail = (await ready()).body.checks.modelCatalog.detail;
      if (detail.loaded !== true) await new Promise((r) => setTimeout(r, 50));
    }
    expect(detail).toMatchObject({ loaded: true });
    expect(detail.error).toBeUndefined();
    expect((await gw.openai.models.list()).data.map((m) => m.id)).toContain(`us.${HAIKU}`);
  });
});

describe('control plane unreachable at boot', () => {
  it('starts all the same and reports the failure', async () => {
    // Nothing listens on port 9: every control-plane call fails to connect.
    const gw = await startTestGateway({
      AWS_ENDPOINT_URL_BEDROCK: 'http://127.0.0.1:9',
      DEFAULT_MODEL: HAIKU,
    });
    try {
      const res = await fetch(`${gw.url}/ready`);
      const body = (await res.json()) as { checks: { modelCatalog: { detail: Record<string, unknown> } } };
      expect(res.status).toBe(200);
      expect(body.checks.modelCatalog.detail).toMatchObject({ loaded: false, error: expect.any(String) });
      expect((await gw.openai.models.list()).data.map((m) => m.id)).toEqual([
        HAIKU,
        'cohere.embed-multilingual-v3',
      ]);
      const reply = await gw.openai.chat.completions.create({ model: 'gpt-4o', messages: hi });
      expect(reply.choices[0].message.content).toBeTruthy();
    } finally {
      await gw.close();
    }
  });
});
