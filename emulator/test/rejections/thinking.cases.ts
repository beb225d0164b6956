/** Claude extended thinking and model-side rules. */
import {
  HAIKU,
  SONNET_37,
  user,
  tools,
  toolTurns,
  thinking,
  MODEL_ERRORS,
  MALFORMED,
  type RejectionCase,
} from './rejection-helpers';

export const THINKING_REJECTIONS: RejectionCase[] = [
  {
    name: 'thinking budget below 1024',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [user('hi')],
      inferenceConfig: { maxTokens: 4000 },
      additionalModelRequestFields: thinking(512),
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}thinking.enabled.budget_tokens: Input should be greater than or equal to 1024`,
    source: 'Anthropic API error quoted in public test suites; Bedrock prefix per wire §3.1',
  },
  {
    name: 'thinking budget not below maxTokens',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [user('hi')],
      inferenceConfig: { maxTokens: 1024 },
      additionalModelRequestFields: thinking(1024),
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}\`max_tokens\` must be greater than \`thinking.budget_tokens\`.`,
    source: 'Anthropic API error (raw 400 bodies in public issue threads)',
  },
  {
    name: 'thinking with topP (reasoning_config spelling)',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [user('hi')],
      inferenceConfig: { maxTokens: 4000, topP: 0.9 },
      additionalModelRequestFields: { reasoning_config: { type: 'enabled', budget_tokens: 1024 } },
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}\`top_p\` must be unset when thinking is enabled.`,
    source: 'client code comments quoting Anthropic; full wording UNVERIFIED',
  },
  {
    name: 'thinking with temperature other than 1',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [user('hi')],
      inferenceConfig: { maxTokens: 4000, temperature: 0.5 },
      additionalModelRequestFields: thinking(),
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}\`temperature\` may only be set to 1 when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking`,
    source: 'Anthropic API error (raw 400 bodies in public issue threads)',
  },
  {
    name: 'thinking with a forced tool choice',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [user('hi')],
      toolConfig: tools({ toolChoice: { any: {} } }),
      inferenceConfig: { maxTokens: 4000 },
      additionalModelRequestFields: thinking(),
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}Thinking may not be enabled when tool_choice forces tool use.`,
    source: 'Anthropic API error quoted in public issue threads (incl. through Bedrock)',
  },
  {
    name: 'thinking on, last assistant tool turn without a reasoning block',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: toolTurns(),
      toolConfig: tools(),
      inferenceConfig: { maxTokens: 4000 },
      additionalModelRequestFields: thinking(),
    },
    status: 400,
    exception: 'ValidationException',
    message:
      `${MODEL_ERRORS}messages.1.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`tool_use\`. ` +
      'When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). ' +
      'We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. ' +
      'Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking',
    source: 'Anthropic API error, captured through Bedrock in floship-llm tests',
  },
  {
    name: 'thinking on, reasoning block with a forged signature',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [
        user('get_time'),
        {
          role: 'assistant',
          content: [
            { reasoningContent: { reasoningText: { text: 'I should call get_time.', signature: 'forged' } } },
            { toolUse: { toolUseId: 'tooluse_a', name: 'get_time', input: {} } },
          ],
        },
        { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_a', content: [{ text: 'noon' }] } }] },
      ],
      toolConfig: tools(),
      inferenceConfig: { maxTokens: 4000 },
      additionalModelRequestFields: thinking(),
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}messages.1.content.0: Invalid \`signature\` in \`thinking\` block`,
    source: 'Anthropic API error (raw 400 bodies in public issue threads)',
  },
  {
    name: 'unknown key in additionalModelRequestFields for Claude',
    operation: 'Converse',
    modelId: HAIKU,
    body: { messages: [user('hi')], additionalModelRequestFields: { frequency_penalty: 1 } },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}${MALFORMED('#: extraneous key [frequency_penalty] is not permitted')}`,
    source: 'wire §12 (traceloop/openllmetry#3390)',
  },
];
