import {
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  paginateListInferenceProfiles,
  type InferenceProfileSummary,
} from '@aws-sdk/client-bedrock';
import { catalog, profilesForRegion } from '../src/catalog/catalog';
import { startEmulator, type RunningEmulator } from '../src';
import { caught, controlClient, MODEL, REGION } from './support/sdk';

describe('control plane through the real BedrockClient (HTTP/1.1)', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  describe('ListFoundationModels', () => {
    it('lists the whole catalog with region-qualified ARNs', async () => {
      const out = await controlClient(emulator).send(new ListFoundationModelsCommand({}));
      const summaries = out.modelSummaries ?? [];
      expect(summaries.map((m) => m.modelId).sort()).toEqual(catalog.models.map((m) => m.modelId).sort());
      const haiku = summaries.find((m) => m.modelId === MODEL);
      expect(haiku?.modelArn).toBe(`arn:aws:bedrock:${REGION}::foundation-model/${MODEL}`);
      expect(haiku?.modelLifecycle?.status).toBe('ACTIVE');
      expect(haiku?.modelLifecycle?.startOfLifeTime).toBeInstanceOf(Date);
    });

    it('uses the region the caller signed for', async () => {
      const out = await controlClient(emulator, { region: 'eu-west-1' }).send(
        new ListFoundationModelsCommand({}),
      );
      expect(out.modelSummaries?.[0]?.modelArn).toMatch(/^arn:aws:bedrock:eu-west-1::foundation-model\//);
    });

    it.each([
      [
        'byProvider',
        { byProvider: 'Anthropic' },
        (m: (typeof catalog.models)[number]) => m.provider === 'Anthropic',
      ],
      [
        'byOutputModality',
        { byOutputModality: 'EMBEDDING' as const },
        (m: (typeof catalog.models)[number]) => m.outputModalities.includes('EMBEDDING'),
      ],
      [
        'byInferenceType',
        { byInferenceType: 'ON_DEMAND' as const },
        (m: (typeof catalog.models)[number]) => m.inferenceTypes.includes('ON_DEMAND'),
      ],
    ])('filters %s', async (_name, filter, predicate) => {
      const out = await controlClient(emulator).send(new ListFoundationModelsCommand(filter));
      const expected = catalog.models.filter(predicate).map((m) => m.modelId);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(catalog.models.length);
      expect((out.modelSummaries ?? []).map((m) => m.modelId)).toEqual(expected);
    });

    it('filters byCustomizationType (the catalog offers no customization)', async () => {
      const out = await controlClient(emulator).send(
        new ListFoundationModelsCommand({ byCustomizationType: 'FINE_TUNING' }),
      );
      expect(out.modelSummaries).toEqual([]);
    });

    it('rejects a filter value outside the enum like Coral does', async () => {
      const error = await caught(() =>
        controlClient(emulator).send(new ListFoundationModelsCommand({ byOutputModality: 'VIDEO' as never })),
      );
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe(
        "1 validation error detected: Value 'VIDEO' at 'byOutputModality' failed to satisfy constraint: Member must satisfy enum value set: [TEXT, IMAGE, EMBEDDING]",
      );
    });
  });

  describe('GetFoundationModel', () => {
    it('finds a model by id and by ARN', async () => {
      const client = controlClient(emulator);
      const byId = await client.send(new GetFoundationModelCommand({ modelIdentifier: MODEL }));
      const byArn = await client.send(
        new GetFoundationModelCommand({
          modelIdentifier: `arn:aws:bedrock:${REGION}::foundation-model/${MODEL}`,
        }),
      );
      expect(byId.modelDetails?.modelId).toBe(MODEL);
      expect(byArn.modelDetails).toEqual(byId.modelDetails);
    });

    it('answers 404 ResourceNotFoundException for an unknown model', async () => {
      const error = await caught(() =>
        controlClient(emulator).send(new GetFoundationModelCommand({ modelIdentifier: 'acme.unknown-v1:0' })),
      );
      expect(error.name).toBe('ResourceNotFoundException');
      expect(error.$metadata).toMatchObject({ httpStatusCode: 404 });
    });

    it('rejects an identifier that breaks the modeled pattern', async () => {
      const error = await caught(() =>
        controlClient(emulator).send(new GetFoundationModelCommand({ modelIdentifier: 'NoDots' })),
      );
      expect(error.name).toBe('ValidationException');
    });
  });

  describe('ListInferenceProfiles', () => {
    const regional = profilesForRegion(REGION);

    it('returns a small first page and a nextToken', async () => {
      const out = await controlClient(emulator).send(new ListInferenceProfilesCommand({}));
      expect(out.inferenceProfileSummaries).toHaveLength(5);
      expect(out.nextToken).toBeDefined();
    });

    it('walks every profile of the caller region with the SDK paginator', async () => {
      const seen: InferenceProfileSummary[] = [];
      for await (const page of paginateListInferenceProfiles({ client: controlClient(emulator) }, {})) {
        seen.push(...(page.inferenceProfileSummaries ?? []));
      }
      expect(seen.map((p) => p.inferenceProfileId)).toEqual(regional.map((p) => p.id));
      const system = seen.find((p) => p.inferenceProfileId === `us.${MODEL}`);
      expect(system?.inferenceProfileArn).toBe(
        `arn:aws:bedrock:${REGION}:${catalog.accountId}:inference-profile/us.${MODEL}`,
      );
      expect(system?.models?.map((m) => m.modelArn)).toEqual(
        ['us-east-1', 'us-east-2', 'us-west-2'].map((r) => `arn:aws:bedrock:${r}::foundation-model/${MODEL}`),
      );
    });

    it.each(['SYSTEM_DEFINED', 'APPLICATION'] as const)(
      'filters type=%s across pages of maxResults 2',
      async (type) => {
        const seen: InferenceProfileSummary[] = [];
        for await (const page of paginateListInferenceProfiles(
          { client: controlClient(emulator), pageSize: 2 },
          { typeEquals: type },
        )) {
          expect((page.inferenceProfileSummaries ?? []).length).toBeLessThanOrEqual(2);
          seen.push(...(page.inferenceProfileSummaries ?? []));
        }
        expect(seen.map((p) => p.inferenceProfileId)).toEqual(
          regional.filter((p) => p.type === type).map((p) => p.id),
        );
        expect(seen.every((p) => p.type === type)).toBe(true);
      },
    );

    it.each([0, 1001])('rejects maxResults=%i', async (maxResults) => {
      const error = await caught(() =>
        controlClient(emulator).send(new ListInferenceProfilesCommand({ maxResults })),
      );
      expect(error.name).toBe('ValidationException');
      expect(error.message).toContain("at 'maxResults' failed to satisfy constraint");
    });

    it('rejects a token it did not issue, and a token reused with another filter', async () => {
      const client = controlClient(emulator);
      const made = await caught(() =>
        client.send(new ListInferenceProfilesCommand({ nextToken: 'made-up' })),
      );
      expect(made.name).toBe('ValidationException');
      const first = await client.send(new ListInferenceProfilesCommand({ maxResults: 1 }));
      const reused = await caught(() =>
        client.send(
          new ListInferenceProfilesCommand({ nextToken: first.nextToken, typeEquals: 'APPLICATION' }),
        ),
      );
      expect(reused.name).toBe('ValidationException');
    });
  });

  describe('GetInferenceProfile', () => {
    const application = catalog.profiles.find((p) => p.type === 'APPLICATION');
    const applicationArn = `arn:aws:bedrock:${REGION}:${catalog.accountId}:application-inference-profile/${application?.id}`;

    it('finds a system profile by id and an application profile by ARN', async () => {
      const client = controlClient(emulator);
      const system = await client.send(
        new GetInferenceProfileCommand({ inferenceProfileIdentifier: `us.${MODEL}` }),
      );
      expect(system).toMatchObject({
        inferenceProfileId: `us.${MODEL}`,
        type: 'SYSTEM_DEFINED',
        status: 'ACTIVE',
      });
      expect(system.createdAt).toBeInstanceOf(Date);
      const app = await client.send(
        new GetInferenceProfileCommand({ inferenceProfileIdentifier: applicationArn }),
      );
      expect(app).toMatchObject({
        inferenceProfileArn: applicationArn,
        type: 'APPLICATION',
        inferenceProfileName: application?.name,
      });
      // The SDK encoded the ARN as one path label (docs/bedrock-protocol.md §1.5).
      expect(emulator.requests().at(-1)?.path).toContain('application-inference-profile%2F');
    });

    it('answers 404 for an unknown profile and for another geography', async () => {
      const client = controlClient(emulator);
      for (const id of ['us.acme.nothing-v1:0', `eu.${MODEL}`]) {
        const error = await caught(() =>
          client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: id })),
        );
        expect(error.name).toBe('ResourceNotFoundException');
        expect(error.$metadata).toMatchObject({ httpStatusCode: 404 });
      }
    });
  });
});
