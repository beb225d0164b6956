import { Logger } from '@nestjs/common';
import type { ModelCatalog } from '../../catalog/model-catalog';
import type { GatewayConfig } from '../../config/gateway-config';
import { AnthropicModelNames, tierOf, undated } from './anthropic-model-names';

function names(config: Partial<GatewayConfig> = {}, aliases: Record<string, string> = {}) {
  const catalog = { access: { aliasTarget: (n: string) => aliases[n] } } as unknown as ModelCatalog;
  return new AnthropicModelNames(
    {
      region: 'us-east-1',
      enableCrossRegionInference: true,
      anthropicModelMap: {},
      ...config,
    } as GatewayConfig,
    catalog,
  );
}

describe('AnthropicModelNames', () => {
  it('maps Anthropic names, dated or -latest, to the region’s cross-region profile', () => {
    const n = names();
    expect(n.toBedrock('claude-sonnet-4-5-20250929')).toBe('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(n.toBedrock('claude-opus-4-1')).toBe('us.anthropic.claude-opus-4-1-20250805-v1:0');
    expect(n.toBedrock('claude-3-5-haiku-latest')).toBe('us.anthropic.claude-3-5-haiku-20241022-v1:0');
    expect(names({ region: 'eu-west-1' }).toBedrock('claude-haiku-4-5')).toBe(
      'eu.anthropic.claude-haiku-4-5-20251001-v1:0',
    );
    expect(names({ enableCrossRegionInference: false }).toBedrock('claude-3-haiku-20240307')).toBe(
      'anthropic.claude-3-haiku-20240307-v1:0',
    );
  });

  it('leaves Bedrock ids and the operator’s aliases alone; the operator’s map wins over the table', () => {
    expect(names().toBedrock('anthropic.claude-3-haiku-20240307-v1:0')).toBe(
      'anthropic.claude-3-haiku-20240307-v1:0',
    );
    expect(names({}, { 'claude-opus-4-1': 'x' }).toBedrock('claude-opus-4-1')).toBe('claude-opus-4-1');
    expect(
      names({ anthropicModelMap: { 'claude-opus-4-1': 'my-profile' } }).toBedrock('claude-opus-4-1-20250805'),
    ).toBe('my-profile');
  });

  it('serves an unknown newer name by its tier, the operator’s tier entry first, logging once', () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const n = names({ anthropicModelMap: { sonnet: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' } });
    expect(n.toBedrock('claude-opus-5-5')).toBe('us.anthropic.claude-opus-4-7');
    expect(n.toBedrock('claude-opus-5-5')).toBe('us.anthropic.claude-opus-4-7');
    expect(n.toBedrock('claude-sonnet-7')).toBe('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });

  it('reads tiers and dates from names', () => {
    expect(undated('claude-sonnet-4-5-20250929')).toBe('claude-sonnet-4-5');
    expect(tierOf('claude-3-5-haiku-latest')).toBe('haiku');
    expect(tierOf('claude-opus-5-5')).toBe('opus');
    expect(tierOf('claude-instant')).toBeUndefined();
  });
});
