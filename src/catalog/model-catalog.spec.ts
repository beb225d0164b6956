import { loadConfig } from '../config/config.validate';
import { buildCatalog } from './catalog.builder';
import { CatalogSnapshot } from './catalog.snapshot';
import { embeddingModel, foundationModel, systemProfile } from '../../test/support/fixtures/catalog.fixture';
import { ModelCatalog } from './model-catalog';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const snapshot = () =>
  new CatalogSnapshot(
    buildCatalog({
      models: [
        foundationModel(HAIKU),
        foundationModel('meta.llama3-1-70b-instruct-v1:0', { providerName: 'Meta' }),
        embeddingModel('amazon.titan-embed-text-v2:0'),
      ],
      profiles: [systemProfile(`us.${HAIKU}`)],
    }),
  );

function catalog(env: Record<string, string> = {}): ModelCatalog {
  return new ModelCatalog(
    loadConfig({
      API_KEY: 'k',
      DEFAULT_MODEL: HAIKU,
      DEFAULT_EMBEDDING_MODEL: 'amazon.titan-embed-text-v2:0',
      ...env,
    }),
  );
}

const ids = (c: ModelCatalog) => c.list().data.map((m) => m.id);

describe('ModelCatalog', () => {
  it('before any load lists the defaults and the aliases, and nothing else', () => {
    const c = catalog({ MODEL_ALIASES: 'gpt-4o=us.anthropic.claude-3-5-sonnet-20240620-v1:0' });
    expect(c.loaded).toBe(false);
    expect(c.list()).toEqual({
      object: 'list',
      data: [
        { id: 'gpt-4o', object: 'model', created: 0, owned_by: 'anthropic' },
        { id: HAIKU, object: 'model', created: 0, owned_by: 'anthropic' },
        { id: 'amazon.titan-embed-text-v2:0', object: 'model', created: 0, owned_by: 'amazon' },
      ],
    });
  });

  it('after a load lists aliases first, then every catalog model, each default once', () => {
    const c = catalog({ MODEL_ALIASES: `gpt-4o-mini=us.${HAIKU}` });
    const version = c.version;
    c.install(snapshot());
    expect(c.loaded).toBe(true);
    expect(c.version).not.toBe(version);
    expect(ids(c)).toEqual([
      'gpt-4o-mini',
      HAIKU,
      'meta.llama3-1-70b-instruct-v1:0',
      'amazon.titan-embed-text-v2:0',
      `us.${HAIKU}`,
    ]);
    // An alias takes its target's metadata.
    expect(c.retrieve('gpt-4o-mini')).toEqual({ ...c.retrieve(`us.${HAIKU}`), id: 'gpt-4o-mini' });
  });

  it('lists and retrieves only what the allow-list lets through (defaults and aliases always)', () => {
    const c = catalog({ ALLOWED_MODELS: 'us.*', MODEL_ALIASES: 'fast=meta.llama3-1-70b-instruct-v1:0' });
    c.install(snapshot());
    expect(ids(c)).toEqual(['fast', HAIKU, 'amazon.titan-embed-text-v2:0', `us.${HAIKU}`]);
    expect(c.retrieve('meta.llama3-1-70b-instruct-v1:0')).toBeUndefined();
    // Hidden from clients, but still known for resolution.
    expect(c.find('meta.llama3-1-70b-instruct-v1:0')?.kind).toBe('chat');
  });
});
