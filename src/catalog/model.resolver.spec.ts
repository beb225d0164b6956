import type { BedrockClient as ControlPlaneClient } from '@aws-sdk/client-bedrock';
import { ApiError } from '../common/errors/api-error';
import { loadConfig } from '../config/config.validate';
import { buildCatalog } from './catalog.builder';
import { CatalogSnapshot } from './catalog.snapshot';
import {
  applicationProfile,
  embeddingModel,
  foundationModel,
  systemProfile,
} from '../../test/support/fixtures/catalog.fixture';
import { InferenceProfileDirectory } from './inference-profiles';
import { ModelCatalog } from './model-catalog';
import { ModelResolver } from './model.resolver';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const TITAN = 'amazon.titan-embed-text-v2:0';
const APP_ARN = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/app1';

/** The catalog these specs load, as the control plane would describe it. */
const snapshot = () =>
  new CatalogSnapshot(
    buildCatalog({
      models: [foundationModel(HAIKU), foundationModel(SONNET), embeddingModel(TITAN)],
      profiles: [systemProfile(`us.${HAIKU}`), applicationProfile('app1', HAIKU)],
    }),
  );

/** Control-plane lookups must not happen in these specs: the catalog already knows what they would tell. */
const noControlPlane = {
  send: () => Promise.reject(new Error('unexpected control-plane call')),
} as unknown as ControlPlaneClient;

function setup(env: Record<string, string> = {}, loaded = true) {
  const config = loadConfig({ API_KEY: 'k', DEFAULT_MODEL: SONNET, DEFAULT_EMBEDDING_MODEL: TITAN, ...env });
  const catalog = new ModelCatalog(config);
  if (loaded) catalog.install(snapshot());
  const resolver = new ModelResolver(config, catalog, new InferenceProfileDirectory(noControlPlane));
  return { catalog, resolver };
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('ModelResolver', () => {
  it('maps OpenAI names without an alias to the configured defaults', async () => {
    const { resolver } = setup();
    expect(await resolver.resolve('gpt-4o', 'chat')).toMatchObject({ requested: 'gpt-4o', modelId: SONNET });
    expect(await resolver.resolve('text-embedding-3-small', 'embedding')).toMatchObject({
      modelId: TITAN,
      profile: { kind: 'embedding', embedding: { api: 'titan-v2' } },
    });
  });

  it('maps an alias to its target, ahead of the OpenAI-name default', async () => {
    const { resolver } = setup({ MODEL_ALIASES: `gpt-4o=us.${HAIKU},embed=${TITAN}` });
    expect(await resolver.resolve('gpt-4o', 'chat')).toMatchObject({
      modelId: `us.${HAIKU}`,
      baseModelId: HAIKU,
      profile: { family: 'claude' },
    });
    expect((await resolver.resolve('gpt-4o-mini', 'chat')).modelId).toBe(SONNET);
    expect((await resolver.resolve('embed', 'embedding')).modelId).toBe(TITAN);
  });

  it('answers 404 model_not_found for a model the loaded catalog does not know', async () => {
    const { resolver } = setup();
    const err = await failure(resolver.resolve('anthropic.claude-9-imaginary-v1:0', 'chat'));
    expect(err).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
    expect(err.message).toContain("'anthropic.claude-9-imaginary-v1:0'");
    expect((await failure(resolver.resolve(`eu.${HAIKU}`, 'chat'))).status).toBe(404);
  });

  it('passes unknown models through to Bedrock while no catalog is loaded', async () => {
    const { resolver } = setup({}, false);
    expect(await resolver.resolve('anthropic.claude-9-imaginary-v1:0', 'chat')).toMatchObject({
      modelId: 'anthropic.claude-9-imaginary-v1:0',
      profile: { family: 'claude' },
    });
  });

  it('resolves an application profile from the catalog, without a control-plane lookup', async () => {
    const { resolver } = setup();
    expect(await resolver.resolve(APP_ARN, 'chat')).toMatchObject({ modelId: APP_ARN, baseModelId: HAIKU });
    const other = APP_ARN.replace('app1', 'app2');
    expect((await failure(resolver.resolve(other, 'chat'))).code).toBe('model_not_found');
  });

  it('leaves provisioned and custom model ARNs for Bedrock to judge', async () => {
    const { resolver } = setup();
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/xyz';
    expect((await resolver.resolve(arn, 'chat')).modelId).toBe(arn);
  });

  it('refuses what the allow-list leaves out, but never aliases or defaults', async () => {
    const { resolver } = setup({ ALLOWED_MODELS: 'us.*', MODEL_ALIASES: `fast=${HAIKU}` });
    expect((await failure(resolver.resolve(HAIKU, 'chat'))).status).toBe(404);
    expect((await resolver.resolve(`us.${HAIKU}`, 'chat')).modelId).toBe(`us.${HAIKU}`);
    expect((await resolver.resolve('fast', 'chat')).modelId).toBe(HAIKU);
    expect((await resolver.resolve(SONNET, 'chat')).modelId).toBe(SONNET);
    expect((await resolver.resolve('gpt-4o', 'chat')).modelId).toBe(SONNET);
  });

  it('applies the allow-list even before the catalog is loaded', async () => {
    const { resolver } = setup({ ALLOWED_MODELS: 'us.*' }, false);
    expect((await failure(resolver.resolve(HAIKU, 'chat'))).status).toBe(404);
  });

  it('keeps the 400 for a profile kind that is switched off, whatever the catalog says', async () => {
    const { resolver } = setup({ ENABLE_CROSS_REGION_INFERENCE: 'false' });
    expect(await failure(resolver.resolve(`us.${HAIKU}`, 'chat'))).toMatchObject({
      status: 400,
      code: 'model_not_allowed',
    });
  });

  it('forgets earlier answers when a new catalog is installed', async () => {
    const { resolver, catalog } = setup({}, false);
    const unknown = 'anthropic.claude-9-imaginary-v1:0';
    await resolver.resolve(unknown, 'chat');
    catalog.install(snapshot());
    expect((await failure(resolver.resolve(unknown, 'chat'))).status).toBe(404);
  });
});
