import {
  expectErrorBody,
  expectSchema,
  expectSseFrames,
  schemaViolations,
  toJsonSchema,
} from './support/openai-schema';

/** The schema helper every e2e spec relies on: it must accept what OpenAI documents and reject what it does not. */
describe('OpenAI schema conformance helper', () => {
  const completion = {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'm',
    choices: [
      {
        index: 0,
        finish_reason: 'stop',
        logprobs: null,
        message: { role: 'assistant', content: 'hi', refusal: null },
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };

  it('accepts a conforming completion and names each violation of a broken one', () => {
    expect(expectSchema(completion, 'CreateChatCompletionResponse')).toBe(completion);
    const violations = schemaViolations(
      { ...completion, system_fingerprint: null, created: 'now' },
      'CreateChatCompletionResponse',
    );
    expect(violations.join('\n')).toMatch(/\/system_fingerprint must be string \(got null\)/);
    expect(violations.join('\n')).toMatch(/\/created must be integer/);
    expect(() => expectSchema({ ...completion, choices: [{}] }, 'CreateChatCompletionResponse')).toThrow(
      /CreateChatCompletionResponse:[\s\S]*\/choices\/0 must have required property 'message'/,
    );
  });

  it('checks stream frames as chunks or error frames, and error bodies', () => {
    const chunk = {
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'm',
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null, logprobs: null }],
    };
    const error = { error: { message: 'boom', type: 'server_error', param: null, code: null } };
    expect(() => expectSseFrames([JSON.stringify(chunk), error, '[DONE]'])).not.toThrow();
    expect(() => expectSseFrames([chunk, { ...chunk, object: 'chat.completion' }])).toThrow(/SSE frame 1/);
    expect(() => expectErrorBody({ error: { message: 'x', type: 'y' } })).toThrow(
      /required property 'param'/,
    );
    expect(() => expectSchema({}, 'NoSuchSchema')).toThrow(/no schema named NoSuchSchema/);
  });

  it('rewrites OpenAPI 3.0 habits into JSON Schema', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, enum: ['a'] } as never)).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    });
    expect(toJsonSchema({ $ref: '#/x', nullable: true, description: 'd' } as never)).toEqual({
      description: 'd',
      anyOf: [{ $ref: '#/x' }, { type: 'null' }],
    });
    // Property names are names, not keywords: a property called `example` survives.
    expect(
      toJsonSchema({ properties: { example: { type: 'string', example: 'x' } }, discriminator: {} } as never),
    ).toEqual({
      properties: { example: { type: 'string' } },
    });
  });
});
