import { buildClaudeNativeBody, NativeBodyInput } from './claude-native.body';
import { claudeNativeProfile } from './claude-native.profiles';

const THINKING = { reasoning: 'claude-thinking', promptCaching: true } as const;

/** The shape of what Claude Code 2.1.332 sent (captured locally; texts shortened). */
function claudeCodeBody(): Record<string, unknown> {
  return {
    model: 'claude-opus-5-5',
    stream: true,
    max_tokens: 128000,
    thinking: { type: 'adaptive', display: 'omitted' },
    output_config: { effort: 'medium' },
    context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
    metadata: { user_id: '{"device_id":"d1"}' },
    system: [
      { type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1.332; cc_entrypoint=sdk-cli;' },
      { type: 'text', text: 'You are a Claude agent.', cache_control: { type: 'ephemeral' } },
      // Claude Code's trailing system-role message, as the dialect folds it in (fold-system-messages.ts).
      { type: 'text', text: '# Environment', cache_control: { type: 'ephemeral' } },
    ],
    tools: [
      { name: 'Read', description: 'Read a file', input_schema: { type: 'object' } },
      { name: 'Deferred', description: 'later', input_schema: { type: 'object' }, defer_loading: true },
    ],
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: '<system-reminder>rules</system-reminder>' },
          { type: 'text', text: 'Say hello' },
        ],
      },
    ],
  };
}

const build = (body: Record<string, unknown>, baseModelId: string, extra: Partial<NativeBodyInput> = {}) =>
  buildClaudeNativeBody({
    body,
    betas: [
      'claude-code-20250219',
      'interleaved-thinking-2025-05-14',
      'context-management-2025-06-27',
      'effort-2025-11-24',
    ],
    profile: claudeNativeProfile(baseModelId),
    chat: THINKING,
    ...extra,
  });

describe('buildClaudeNativeBody', () => {
  it('turns Claude Code’s request into a body Bedrock takes for Sonnet 4.5', () => {
    const { body, notes } = build(claudeCodeBody(), 'anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(body).toEqual({
      anthropic_version: 'bedrock-2023-05-31',
      anthropic_beta: ['interleaved-thinking-2025-05-14', 'context-management-2025-06-27'],
      max_tokens: 64000,
      thinking: { type: 'enabled', budget_tokens: 8192 },
      context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
      metadata: { user_id: '{"device_id":"d1"}' },
      system: [
        { type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1.332; cc_entrypoint=sdk-cli;' },
        { type: 'text', text: 'You are a Claude agent.', cache_control: { type: 'ephemeral' } },
        { type: 'text', text: '# Environment', cache_control: { type: 'ephemeral' } },
      ],
      tools: [
        { name: 'Read', description: 'Read a file', input_schema: { type: 'object' } },
        { name: 'Deferred', description: 'later', input_schema: { type: 'object' } },
      ],
      messages: [(claudeCodeBody().messages as unknown[])[0]],
    });
    expect(notes).toEqual(
      expect.arrayContaining([
        'beta claude-code-20250219',
        'beta effort-2025-11-24',
        'max_tokens 128000 → 64000',
        'output_config.effort medium',
        'tools[].defer_loading',
        'thinking.display',
      ]),
    );
  });

  it('keeps adaptive thinking and effort where the model has them natively (Opus 4.6)', () => {
    const { body } = build(claudeCodeBody(), 'anthropic.claude-opus-4-6-v1');
    expect(body).toMatchObject({
      max_tokens: 128000,
      thinking: { type: 'adaptive' },
      output_config: { effort: 'medium' },
    });
    expect(body.anthropic_beta).toContain('claude-code-20250219');
  });

  it('sends no member the client set to null (Bedrock refuses null for every one of them)', () => {
    const nulls = Object.fromEntries(
      ['system', 'temperature', 'top_p', 'top_k', 'stop_sequences', 'tool_choice', 'tools', 'thinking']
        .concat(['metadata', 'output_config', 'context_management'])
        .map((k) => [k, null]),
    );
    const body = { model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }], ...nulls };
    const { body: out } = build(body, 'anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(Object.entries(out).filter(([, v]) => v === null)).toEqual([]);
  });

  it('adds the effort beta Opus 4.5 needs for output_config', () => {
    const { body } = build(
      { ...claudeCodeBody(), thinking: undefined },
      'anthropic.claude-opus-4-5-20251101-v1:0',
      { betas: [] },
    );
    expect(body.output_config).toEqual({ effort: 'medium' });
    expect(body.anthropic_beta).toEqual(['effort-2025-11-24', 'context-management-2025-06-27']);
  });

  it('leaves thinking and cache_control out on models without them, and keeps the budget below max_tokens', () => {
    const { body } = build(claudeCodeBody(), 'anthropic.claude-3-haiku-20240307-v1:0', {
      chat: { reasoning: 'none', promptCaching: false },
    });
    expect(body).not.toHaveProperty('thinking');
    expect(body).not.toHaveProperty('anthropic_beta');
    expect(body.max_tokens).toBe(4096);
    expect(JSON.stringify(body)).not.toContain('cache_control');

    const small = build(
      { ...claudeCodeBody(), max_tokens: 3000, thinking: { type: 'enabled', budget_tokens: 5000 } },
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
    );
    expect(small.body.thinking).toEqual({ type: 'enabled', budget_tokens: 2999 });
  });

  it('refuses server tools by name and keeps client-side Anthropic tools', () => {
    expect(() =>
      build(
        { max_tokens: 100, messages: [], tools: [{ type: 'web_search_20250305', name: 'web_search' }] },
        'anthropic.claude-sonnet-4-5-20250929-v1:0',
      ),
    ).toThrow(/web_search_20250305/);
    const { body } = build(
      { max_tokens: 100, messages: [], tools: [{ type: 'bash_20250124', name: 'bash' }] },
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
    );
    expect(body.tools).toEqual([{ type: 'bash_20250124', name: 'bash' }]);
  });
});
