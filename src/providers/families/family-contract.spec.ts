import type { InferenceRequest } from '../../inference/inference-request';
import { contextFor } from '../../../test/support/fixtures/mapping-context.fixture';
import {
  emulatedChatModels,
  emulatedConverse,
} from '../../../test/support/fixtures/emulated-converse.fixture';
import { emulatedInvoke } from '../../../test/support/fixtures/emulated-invoke.fixture';
import { CHAT_FAMILIES } from '../../catalog/model-capabilities';
import data from '../../catalog/model-capabilities.data.json';
import { FamilyRegistry } from '../family.registry';
import { discoverFamilies } from './discover-families';

/** Deep-freezes a value, so an adapter that changes the internal request fails loudly. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}

const plain = (model: string): InferenceRequest =>
  frozen({
    model,
    system: [{ text: 'Answer briefly.' }],
    messages: [
      { role: 'user', content: [{ text: 'Hello' }] },
      { role: 'assistant', content: [{ text: 'Hi.' }] },
      { role: 'user', content: [{ text: 'Say three words.' }] },
    ],
    inference: { maxTokens: 64, temperature: 0.5, stopSequences: ['END'] },
    metadata: { team: 'contract' },
  });

const adapters = discoverFamilies();
const registry = new FamilyRegistry(adapters);
const embeddingModels = (data.models as { prefix: string; embedding?: { api: string } }[]).filter(
  (m) => m.embedding,
);

/**
 * What every registered family adapter must do, whatever its family: be known to the capability data, turn a
 * plain conversation into a Converse request the (emulated) Bedrock accepts for each of its models, leave the
 * internal request untouched (an n > 1 request reuses it), and build embedding bodies Bedrock accepts for
 * every embedding API it claims.
 */
describe.each(adapters.map((a) => [a.family, a] as const))('family adapter contract: %s', (name, adapter) => {
  const models = emulatedChatModels().filter((id) => contextFor(id).model.profile.family === name);

  it('is a family of the capability data, registered once', () => {
    expect(CHAT_FAMILIES).toContain(name);
    expect(adapters.filter((a) => a.family === name)).toHaveLength(1);
  });

  it('turns a plain conversation into a Converse request Bedrock accepts, without changing the request', () => {
    // The generic adapter serves models the capability data does not know; any model must accept its output.
    const ids = models.length > 0 ? models : ['anthropic.claude-3-haiku-20240307-v1:0'];
    for (const id of ids) {
      const ctx = contextFor(id);
      const { input } = adapter.prepareConverse(plain(id), ctx.model, ctx.settings);
      expect(input.modelId).toBe(id);
      expect({ id, ...emulatedConverse(input) }).toEqual({ id, ok: true, body: expect.anything() });
    }
  });

  it('builds embedding bodies Bedrock accepts, and reads its answers, for every embedding API it claims', () => {
    for (const api of Object.keys(adapter.embeddings ?? {})) {
      const embedding = adapter.embeddings![api];
      expect(registry.embeddingAdapter(api)).toBe(embedding);
      const model = embeddingModels.find((m) => m.embedding!.api === api);
      expect(model).toBeDefined();
      const id = emulatedChatModelsFor(model!.prefix);
      const parsed = embedding.parseResponse(
        emulatedInvoke(id, embedding.buildBody(['a b c'], { inputType: 'search_document' })),
        1,
      );
      expect(parsed.vectors).toHaveLength(1);
    }
  });
});

/** The emulated embedding model whose id starts with the capability entry's prefix. */
function emulatedChatModelsFor(prefix: string): string {
  const { catalog } = jest.requireActual<typeof import('../../../emulator/src/catalog/catalog')>(
    '../../../emulator/src/catalog/catalog',
  );
  const found = catalog.models.find((m) => m.modelId.startsWith(prefix));
  if (!found) throw new Error(`the emulator has no model for the capability entry '${prefix}'`);
  return found.modelId;
}

describe('FamilyRegistry', () => {
  it('refuses to start with a family missing, doubled, or without capability data', () => {
    const claude = adapters.find((a) => a.family === 'claude')!;
    expect(() => new FamilyRegistry(adapters.filter((a) => a !== claude))).toThrow(
      /No family adapter for the families: claude/,
    );
    expect(() => new FamilyRegistry([...adapters, claude])).toThrow(
      /Two family adapters claim the family 'claude'/,
    );
    const stray = {
      ...claude,
      family: 'stray',
      embeddings: undefined,
      prepareConverse: claude.prepareConverse,
    };
    expect(() => new FamilyRegistry([...adapters, stray])).toThrow(/without capability data.*stray/);
  });

  it('refuses an embedding API spoken twice or by nobody', () => {
    const titan = adapters.find((a) => a.family === 'titan')!;
    const withoutTitan = adapters.map((a) =>
      a === titan ? { ...a, family: 'titan', embeddings: {}, prepareConverse: a.prepareConverse } : a,
    );
    expect(() => new FamilyRegistry(withoutTitan)).toThrow(
      /No family adapter speaks the embedding APIs: titan-v1, titan-v2/,
    );
    const nova = adapters.find((a) => a.family === 'nova')!;
    const doubled = adapters.map((a) =>
      a === nova
        ? {
            ...a,
            family: 'nova',
            embeddings: { ...a.embeddings, 'titan-v1': titan.embeddings!['titan-v1'] },
            prepareConverse: a.prepareConverse,
          }
        : a,
    );
    expect(() => new FamilyRegistry(doubled)).toThrow(
      /Two family adapters speak the embedding API 'titan-v1'/,
    );
  });

  it('finds the family adapter of a resolved model', () => {
    expect(registry.forModel(contextFor('us.meta.llama3-1-70b-instruct-v1:0').model).family).toBe('llama');
    expect(registry.forModel(contextFor('writer.palmyra-x5-v1:0').model).family).toBe('generic');
  });
});
