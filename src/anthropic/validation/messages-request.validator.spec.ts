import { validateMessagesRequest } from './messages-request.validator';

const ok = { model: 'claude-sonnet-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] };
const message = (value: unknown) => {
  try {
    validateMessagesRequest(value);
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
};

describe('validateMessagesRequest', () => {
  it('accepts a minimal request and Claude Code’s extras (system-role messages, unknown members)', () => {
    expect(message(ok)).toBe('accepted');
    expect(
      message({
        ...ok,
        context_management: { edits: [] },
        messages: [
          ...ok.messages,
          { role: 'system', content: [{ type: 'text', text: 'env' }], output_config: { effort: 'low' } },
        ],
        thinking: { type: 'adaptive' },
      }),
    ).toBe('accepted');
  });

  it.each([
    [{ ...ok, max_tokens: undefined }, 'max_tokens: Field required'],
    [{ ...ok, max_tokens: 0 }, 'max_tokens: Input should be greater than or equal to 1'],
    [{ ...ok, messages: [] }, 'messages: List should have at least 1 item after validation, not 0'],
    [
      { ...ok, messages: [{ role: 'tool', content: 'x' }] },
      "messages.0.role: Input should be 'user', 'assistant', 'system'",
    ],
    [
      { ...ok, messages: [{ role: 'user', content: [{ type: 'text' }] }] },
      'messages.0.content.0.text: Field required',
    ],
    [
      {
        ...ok,
        messages: [
          { role: 'system', content: 'env' },
          { role: 'assistant', content: 'hi' },
        ],
      },
      'messages.1.role: the first message must use the "user" role',
    ],
    [
      {
        ...ok,
        messages: [
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'x' }] },
        ],
      },
      'messages.0.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_1. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.',
    ],
    [
      {
        ...ok,
        messages: [
          { role: 'user', content: 'go' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'f', input: {} }] },
          { role: 'user', content: 'never mind' },
        ],
      },
      'messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_1. Each `tool_use` block must have a corresponding `tool_result` block in the next message.',
    ],
    [
      { ...ok, messages: [{ role: 'user', content: [{ type: 'thinking', thinking: 'x', signature: 's' }] }] },
      "messages.0.content.0.type: 'thinking' blocks may only appear in assistant messages",
    ],
    [
      {
        ...ok,
        messages: [
          { role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://x/y.png' } }] },
          {
            role: 'assistant',
            content: [{ type: 'image', source: { type: 'url', url: 'https://x/y.png' } }],
          },
        ],
      },
      "messages.1.content.0.type: 'image' blocks may only appear in user messages",
    ],
    [
      { ...ok, messages: [{ role: 'user', content: [] }] },
      'messages.0.content: List should have at least 1 item after validation, not 0',
    ],
    [
      { ...ok, messages: [{ role: 'assistant', content: '' }] },
      'messages.0.content: text content blocks must be non-empty',
    ],
    [
      {
        ...ok,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'a' },
              { type: 'text', text: ' \n' },
            ],
          },
        ],
      },
      'messages.0.content.1.text: text content blocks must be non-empty',
    ],
    [
      { ...ok, max_tokens: 123456789012345678901234567890 },
      'max_tokens: Input should be less than or equal to 2147483647',
    ],
    [
      {
        ...ok,
        messages: [
          {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'text', text: 1 }] }],
          },
        ],
      },
      'messages.0.content.0.content.0.text: Input should be a valid string',
    ],
    [{ ...ok, temperature: 2 }, 'temperature: Input should be less than or equal to 1'],
    [{ ...ok, tool_choice: { type: 'tool' } }, 'tool_choice.name: Field required'],
    [
      { ...ok, thinking: { type: 'enabled', budget_tokens: 512 } },
      'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024',
    ],
    [
      { ...ok, thinking: { type: 'enabled', budget_tokens: 2048 } },
      'max_tokens: must be greater than `thinking.budget_tokens`',
    ],
    [
      { ...ok, output_config: { effort: 'extreme' } },
      "output_config.effort: Input should be 'low', 'medium', 'high', 'max'",
    ],
    [{ ...ok, tools: [{ name: 'x' }] }, 'tools.0.input_schema: Field required'],
  ])('refuses %j with “%s”', (body, expected) => {
    expect(message(body)).toBe(expected);
  });

  it('lets count_tokens go without max_tokens', () => {
    expect(() =>
      validateMessagesRequest({ ...ok, max_tokens: undefined }, { countOnly: true }),
    ).not.toThrow();
  });
});
