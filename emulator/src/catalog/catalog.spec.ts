import {
  catalog,
  findModel,
  findProfile,
  foundationModelArn,
  profileArn,
  profilesForRegion,
  resolveModelRef,
} from './catalog';

const EMBED_FAMILIES = [
  'titan-embed-v1',
  'titan-embed-v2',
  'cohere-embed-v3',
  'cohere-embed-v4',
  'nova-embed',
];

describe('catalog data', () => {
  it('gives every chat model chat capabilities and every embedding model embedding dimensions', () => {
    for (const m of catalog.models) {
      const isEmbed = EMBED_FAMILIES.includes(m.family);
      expect({ id: m.modelId, chat: !!m.chat, embedding: !!m.embedding }).toEqual({
        id: m.modelId,
        chat: !isEmbed,
        embedding: isEmbed,
      });
      if (m.embedding) expect(m.embedding.dimensions).toContain(m.embedding.defaultDimension);
    }
  });

  it('points every profile at a catalog model that lists INFERENCE_PROFILE', () => {
    for (const p of catalog.profiles) {
      const model = findModel(p.modelId);
      expect(model?.inferenceTypes).toContain('INFERENCE_PROFILE');
    }
  });

  it('reaches profile-only models through at least one profile', () => {
    const profileOnly = catalog.models.filter((m) => !m.inferenceTypes.includes('ON_DEMAND'));
    expect(profileOnly.map((m) => m.modelId)).toEqual(
      expect.arrayContaining(['anthropic.claude-3-7-sonnet-20250219-v1:0', 'deepseek.r1-v1:0']),
    );
    for (const m of profileOnly) expect(catalog.profiles.some((p) => p.modelId === m.modelId)).toBe(true);
  });

  it('has enough system profiles that a 5-item page cannot show all of us-east-1', () => {
    const system = catalog.profiles.filter((p) => p.type === 'SYSTEM_DEFINED');
    expect(system.length).toBeGreaterThanOrEqual(15);
    expect(profilesForRegion('us-east-1').length).toBeGreaterThan(10);
    expect(catalog.models.filter((m) => m.lifecycle === 'LEGACY')).toHaveLength(1);
    expect(catalog.profiles.filter((p) => p.type === 'APPLICATION')).toHaveLength(1);
  });

  it('only offers us. and global. profiles in us-east-1 and eu. ones in eu-west-1', () => {
    const prefixes = (region: string) => new Set(profilesForRegion(region).map((p) => p.id.split('.')[0]));
    const usPrefixes = [...prefixes('us-east-1')].filter((p) => !/^[a-z0-9]{12}$/.test(p));
    expect(usPrefixes.sort()).toEqual(['global', 'us']);
    expect([...prefixes('eu-west-1')].sort()).toEqual(['eu', 'global']);
  });
});

describe('ARN helpers and lookups', () => {
  it('builds Bedrock ARNs', () => {
    expect(foundationModelArn('amazon.titan-embed-text-v2:0')).toBe(
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0',
    );
    const sys = findProfile('us.anthropic.claude-3-7-sonnet-20250219-v1:0')!;
    expect(profileArn(sys)).toBe(
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    );
    const app = findProfile('abc123def456')!;
    expect(profileArn(app)).toBe(
      'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123def456',
    );
    expect(findProfile(profileArn(app))).toBe(app);
  });

  it('rejects a profile ARN with the wrong resource type or account', () => {
    expect(
      findProfile('arn:aws:bedrock:us-east-1:123456789012:inference-profile/abc123def456'),
    ).toBeUndefined();
    expect(
      findProfile('arn:aws:bedrock:us-east-1:999999999999:inference-profile/us.amazon.nova-pro-v1:0'),
    ).toBeUndefined();
  });
});

describe('resolveModelRef', () => {
  const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';

  it.each([
    [haiku, 'foundation-model', haiku],
    [`arn:aws:bedrock:us-east-1::foundation-model/${haiku}`, 'foundation-model', haiku],
    [`us.${haiku}`, 'profile', haiku],
    [`arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${haiku}`, 'profile', haiku],
    ['arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123def456', 'profile', haiku],
    [
      'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'profile',
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
    ],
  ])('resolves %s in us-east-1 as %s of %s', (id, kind, modelId) => {
    const ref = resolveModelRef(id, 'us-east-1');
    expect(ref.kind).toBe(kind);
    expect(ref.kind !== 'unknown' && ref.model.modelId).toBe(modelId);
  });

  it.each([
    ['eu.anthropic.claude-3-haiku-20240307-v1:0', 'us-east-1'],
    ['us.anthropic.claude-3-haiku-20240307-v1:0', 'eu-west-1'],
    [`arn:aws:bedrock:eu-west-1::foundation-model/${haiku}`, 'us-east-1'],
    ['arn:aws:bedrock:eu-west-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0', 'us-east-1'],
    ['anthropic.claude-9', 'us-east-1'],
    ['', 'us-east-1'],
  ])('treats %s as unknown when signed for %s', (id, region) => {
    expect(resolveModelRef(id, region).kind).toBe('unknown');
  });
});
