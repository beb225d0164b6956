import { createEngine } from '../../engine/engine';
import { runtimeRequest } from '../../engine/engine.test-helpers';
import type { EngineResult } from '../../engine/engine.types';
import { signReasoning } from '../reasoning.signature';

const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_3 = 'anthropic.claude-3-haiku-20240307-v1:0';

const base = {
  anthropic_version: 'bedrock-2023-05-31',
  max_tokens: 2000,
  messages: [{ role: 'user', content: 'hello' }],
};

function errorOf(result: EngineResult): string {
  if (result.kind !== 'error') throw new Error(`expected an error, got ${result.kind}`);
  expect(result.error.type).toBe('ValidationException');
  return result.error.message;
}

function json(result: EngineResult): Record<string, unknown> {
  if (result.kind !== 'raw') throw new Error(`expected raw, got ${JSON.stringify(result)}`);
  return JSON.parse(result.body.toString('utf8')) as Record<string, unknown>;
}

const invoke = (modelId: string, body: Record<string, unknown>, engine = createEngine()) =>
  engine.handle(runtimeRequest('InvokeModel', modelId, body));

describe('Claude native body: what Bedrock refuses', () => {
  it('refuses a system-role message, as Bedrock does when Claude Code talks to it directly', () => {
    const body = { ...base, messages: [...base.messages, { role: 'system', content: 'env' }] };
    expect(errorOf(invoke(SONNET_45, body))).toContain('#/messages/1/role: system is not a valid enum value');
  });

  it('refuses output_config and context_management without their beta, and betas the model lacks', () => {
    expect(errorOf(invoke(SONNET_45, { ...base, output_config: { effort: 'low' } }))).toContain(
      'extraneous key [output_config] is not permitted',
    );
    expect(errorOf(invoke(SONNET_45, { ...base, anthropic_beta: ['claude-code-20250219'] }))).toBe(
      'invalid beta flag',
    );
    expect(errorOf(invoke(HAIKU_3, { ...base, anthropic_beta: ['interleaved-thinking-2025-05-14'] }))).toBe(
      'invalid beta flag',
    );
  });

  it('accepts context_management with its beta on a model that takes it', () => {
    const body = {
      ...base,
      anthropic_beta: ['context-management-2025-06-27'],
      context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
    };
    expect(json(invoke(SONNET_45, body)).type).toBe('message');
  });

  it('refuses tool members of newer APIs, adaptive thinking where the model lacks it, and max_tokens above the limit', () => {
    const tool = { name: 'Read', input_schema: { type: 'object' }, defer_loading: true };
    expect(errorOf(invoke(SONNET_45, { ...base, tools: [tool] }))).toBe(
      'tools.0.custom.defer_loading: Extra inputs are not permitted',
    );
    expect(errorOf(invoke(SONNET_45, { ...base, thinking: { type: 'adaptive' } }))).toContain(
      "Input tag 'adaptive'",
    );
    expect(errorOf(invoke(SONNET_45, { ...base, max_tokens: 128000 }))).toBe(
      'max_tokens: 128000 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-5-20250929',
    );
  });

  it('checks replayed thinking signatures and reports prompt-cache usage', () => {
    const engine = createEngine();
    const thinking = { type: 'enabled', budget_tokens: 1024 };
    const history = (signature: string) => ({
      ...base,
      thinking,
      messages: [
        { role: 'user', content: 'hi' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'pondering', signature },
            { type: 'text', text: 'ok' },
          ],
        },
        { role: 'user', content: 'more' },
      ],
    });
    expect(errorOf(invoke(SONNET_45, history('forged'), engine))).toContain('Invalid `signature`');
    expect(json(invoke(SONNET_45, history(signReasoning('pondering')), engine)).type).toBe('message');

    const long = Array.from({ length: 1100 }, (_, i) => `w${i}`).join(' ');
    const cached = { ...base, system: [{ type: 'text', text: long, cache_control: { type: 'ephemeral' } }] };
    expect(json(invoke(SONNET_45, cached, engine)).usage).toMatchObject({
      cache_creation_input_tokens: 1100,
      cache_read_input_tokens: 0,
    });
    expect(json(invoke(SONNET_45, cached, engine)).usage).toMatchObject({
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 1100,
    });
  });
});
