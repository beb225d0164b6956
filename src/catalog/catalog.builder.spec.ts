import { buildCatalog } from './catalog.builder';
import { CatalogSnapshot } from './catalog.snapshot';
import {
  applicationProfile,
  embeddingModel,
  foundationModel,
  systemProfile,
} from '../../test/support/fixtures/catalog.fixture';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET_37 = 'anthropic.claude-3-7-sonnet-20250219-v1:0';
const APP_ARN = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123';

describe('buildCatalog', () => {
  it('keeps streaming text models and supported embedding models that are ACTIVE or LEGACY and on demand', () => {
    const entries = buildCatalog({
      models: [
        foundationModel(HAIKU),
        foundationModel('anthropic.claude-3-sonnet-20240229-v1:0', {
          modelLifecycle: { status: 'LEGACY' },
        }),
        foundationModel('anthropic.claude-v1', { modelLifecycle: { status: 'EOL' as 'LEGACY' } }),
        foundationModel('cohere.command-text-v14', { responseStreamingSupported: false }),
        foundationModel('stability.sd3-large-v1:0', { outputModalities: ['IMAGE'] }),
        foundationModel('meta.llama3-1-70b-instruct-v1:0', { inferenceTypesSupported: ['PROVISIONED'] }),
        embeddingModel('amazon.titan-embed-text-v2:0'),
        // An embedding model no adapter speaks: listing it would invite requests that cannot work.
        embeddingModel('amazon.titan-embed-image-v1'),
      ],
      profiles: [],
    });
    expect(entries.map((e) => [e.id, e.kind])).toEqual([
      [HAIKU, 'chat'],
      ['anthropic.claude-3-sonnet-20240229-v1:0', 'chat'],
      ['amazon.titan-embed-text-v2:0', 'embedding'],
    ]);
    expect(entries[0]).toMatchObject({
      source: 'foundation-model',
      arn: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
      baseModelId: HAIKU,
      created: Date.parse('2024-03-13T00:00:00Z') / 1000,
      ownedBy: 'anthropic',
    });
  });

  it('lists a profile-only model through its profiles, linked to the base model', () => {
    const entries = buildCatalog({
      // Bedrock answers INFERENCE_PROFILE for profile-only models; the SDK's enum lacks it (docs/bedrock-protocol.md §7.1).
      models: [foundationModel(SONNET_37, { inferenceTypesSupported: ['INFERENCE_PROFILE' as 'ON_DEMAND'] })],
      profiles: [systemProfile(`us.${SONNET_37}`), systemProfile(`global.${SONNET_37}`)],
    });
    expect(entries.map((e) => e.id)).toEqual([`us.${SONNET_37}`, `global.${SONNET_37}`]);
    expect(entries[0]).toMatchObject({
      source: 'system-profile',
      arn: `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${SONNET_37}`,
      baseModelId: SONNET_37,
      kind: 'chat',
      created: Date.parse('2024-08-27T00:00:00Z') / 1000,
      ownedBy: 'anthropic',
    });
  });

  it('lists an application profile by its ARN, the only form a runtime call accepts, linked to its model', () => {
    const [, entry] = buildCatalog({
      models: [foundationModel(HAIKU)],
      profiles: [applicationProfile('abc123', HAIKU)],
    });
    expect(entry).toMatchObject({
      id: APP_ARN,
      arn: APP_ARN,
      source: 'application-profile',
      baseModelId: HAIKU,
      kind: 'chat',
    });
  });

  it('leaves out profiles over models the gateway does not serve, but classifies unlisted bases by capability data', () => {
    const entries = buildCatalog({
      models: [foundationModel('stability.sd3-large-v1:0', { outputModalities: ['IMAGE'] })],
      profiles: [
        systemProfile('us.stability.sd3-large-v1:0'),
        systemProfile('us.cohere.embed-v4:0'),
        systemProfile('us.amazon.nova-lite-v1:0', { status: 'INACTIVE' as 'ACTIVE' }),
      ],
    });
    expect(entries.map((e) => [e.id, e.kind, e.ownedBy])).toEqual([
      ['us.cohere.embed-v4:0', 'embedding', 'cohere'],
    ]);
  });

  it('turns provider names into OpenAI-style owners and lists each id once', () => {
    const mistral = foundationModel('mistral.mistral-large-2402-v1:0', { providerName: 'Mistral AI' });
    const entries = buildCatalog({ models: [mistral, mistral], profiles: [] });
    expect(entries).toHaveLength(1);
    expect(entries[0].ownedBy).toBe('mistral-ai');
  });
});

describe('CatalogSnapshot.find', () => {
  const snapshot = new CatalogSnapshot(
    buildCatalog({
      models: [foundationModel(HAIKU)],
      profiles: [systemProfile(`us.${HAIKU}`), applicationProfile('abc123', HAIKU)],
    }),
  );

  it('finds an entry by id, by its ARN, and by an ARN of another region naming the same model', () => {
    expect(snapshot.find(HAIKU)?.source).toBe('foundation-model');
    expect(snapshot.find(`arn:aws:bedrock:eu-west-1::foundation-model/${HAIKU}`)?.id).toBe(HAIKU);
    expect(snapshot.find(`arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.${HAIKU}`)?.id).toBe(
      `us.${HAIKU}`,
    );
    expect(snapshot.find(APP_ARN)?.baseModelId).toBe(HAIKU);
  });

  it('knows nothing of other geographies or other application profiles', () => {
    expect(snapshot.find(`eu.${HAIKU}`)).toBeUndefined();
    expect(snapshot.find(APP_ARN.replace('abc123', 'zzz999'))).toBeUndefined();
  });
});
