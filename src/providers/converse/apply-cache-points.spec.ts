import type { ConverseRequest } from '@aws-sdk/client-bedrock-runtime';
import { chat, contextFor, internal, type MappingContext } from '../../../test/support/fixtures/mapping-context.fixture';
import { applyCachePoints } from './apply-cache-points';

const applyCachePointsOf = (r: ConverseRequest, chatReq: Parameters<typeof internal>[0], ctx: MappingContext) =>
  applyCachePoints(r, internal(chatReq, ctx), ctx.model, ctx.settings);

const CP = { cachePoint: { type: 'default' as const } };
const request = (): ConverseRequest => ({
  modelId: 'm',
  system: [{ text: 's' }],
  messages: [
    { role: 'user', content: [{ text: 'u1' }] },
    { role: 'assistant', content: [{ text: 'a' }] },
    { role: 'user', content: [{ text: 'u2' }] },
  ],
});
const req = (extra = {}) => chat([{ role: 'user', content: 'x' }], extra);
const caching = contextFor('us.anthropic.claude-3-7-sonnet-20250219-v1:0', { enablePromptCaching: true });

describe('applyCachePoints', () => {
  it('adds points after the system prompt and the last user turn when caching is on', () => {
    const r = request();
    applyCachePointsOf(r, req(), caching);
    expect(r.system).toEqual([{ text: 's' }, CP]);
    expect(r.messages![0].content).toEqual([{ text: 'u1' }]);
    expect(r.messages![2].content).toEqual([{ text: 'u2' }, CP]);
  });

  it("follows a request's extra_body.prompt_caching over the setting", () => {
    const r = request();
    applyCachePointsOf(
      r,
      req({ extra_body: { prompt_caching: { system: true, messages: false } } }),
      contextFor('amazon.nova-pro-v1:0'),
    );
    expect(r.system).toEqual([{ text: 's' }, CP]);
    expect(r.messages![2].content).toEqual([{ text: 'u2' }]);
  });

  it('keeps only the last four points', () => {
    const r = request();
    r.messages![0].content = [{ text: 'a' }, CP, { text: 'b' }, CP, { text: 'c' }, CP];
    applyCachePointsOf(r, req(), caching);
    const points = [...r.system!, ...r.messages!.flatMap((m) => m.content!)].filter((b) => 'cachePoint' in b);
    expect(points).toHaveLength(4);
    expect(r.system).toEqual([{ text: 's' }]);
    expect(r.messages![2].content).toEqual([{ text: 'u2' }, CP]);
  });

  it('removes every point for a model without prompt caching', () => {
    const r = request();
    r.system!.push(CP);
    r.messages![0].content!.push(CP);
    applyCachePointsOf(
      r,
      req(),
      contextFor('anthropic.claude-3-haiku-20240307-v1:0', { enablePromptCaching: true }),
    );
    expect(JSON.stringify(r)).not.toContain('cachePoint');
  });
});
