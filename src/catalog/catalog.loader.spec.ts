import { BedrockClient as ControlPlaneClient } from '@aws-sdk/client-bedrock';
import { RunningEmulator, startEmulator } from '../../emulator/src';
import { profilesForRegion } from '../../emulator/src/catalog/catalog';
import { DEFAULT_PAGE_SIZE } from '../../emulator/src/control-plane/inference-profiles';
import { buildCatalog } from './catalog.builder';
import { fetchCatalogSources } from './catalog.loader';

/** The real control-plane SDK client against the emulator, whose profile listing pages 5 at a time. */
describe('fetchCatalogSources', () => {
  let emulator: RunningEmulator;
  let client: ControlPlaneClient;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = new ControlPlaneClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { accessKeyId: 'AKIDCATALOGSPEC', secretAccessKey: 'x' },
    });
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });
  beforeEach(() => emulator.clearRequests());

  const profileCalls = () => emulator.requests().filter((r) => r.operation === 'ListInferenceProfiles');

  it('follows nextToken to the last page of each profile type', async () => {
    const sources = await fetchCatalogSources(client, { system: true, application: true }, signal);
    const expected = profilesForRegion('us-east-1').filter((p) => p.type === 'SYSTEM_DEFINED');
    const pages = Math.ceil(expected.length / DEFAULT_PAGE_SIZE);
    expect(pages).toBeGreaterThan(1);
    const system = sources.profiles.filter((p) => p.type === 'SYSTEM_DEFINED');
    expect(system.map((p) => p.inferenceProfileId).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(sources.profiles.filter((p) => p.type === 'APPLICATION')).toHaveLength(1);
    const calls = profileCalls();
    expect(calls.filter((r) => r.path.includes('type=SYSTEM_DEFINED'))).toHaveLength(pages);
    expect(calls.filter((r) => r.path.includes('nextToken='))).toHaveLength(pages - 1);
    expect(sources.models.length).toBeGreaterThan(20);
  });

  it('asks only for the profile kinds that are switched on', async () => {
    const sources = await fetchCatalogSources(client, { system: false, application: true }, signal);
    expect(sources.profiles.map((p) => p.type)).toEqual(['APPLICATION']);
    expect(profileCalls().every((r) => r.path.includes('type=APPLICATION'))).toBe(true);

    const none = await fetchCatalogSources(client, { system: false, application: false }, signal);
    expect(none.profiles).toEqual([]);
    expect(profileCalls()).toHaveLength(1);
  });

  it('yields a catalog in which every listed profile is linked to a base model', async () => {
    const entries = buildCatalog(
      await fetchCatalogSources(client, { system: true, application: true }, signal),
    );
    const profiles = entries.filter((e) => e.source !== 'foundation-model');
    expect(profiles).toHaveLength(profilesForRegion('us-east-1').length);
    expect(entries.find((e) => e.id === 'us.deepseek.r1-v1:0')).toMatchObject({
      baseModelId: 'deepseek.r1-v1:0',
      kind: 'chat',
    });
    // Profile-only models are not callable by their bare id, so they are not listed by it.
    expect(entries.some((e) => e.id === 'deepseek.r1-v1:0')).toBe(false);
  });
});
