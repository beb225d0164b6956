import fc from 'fast-check';
import { CHAT_MODEL, EMBEDDING_MODEL } from '../routes-under-test';

/**
 * Structure-aware generators of request bodies: each field is usually valid and sometimes hostile (the
 * wrong type, out of range, huge, deeply nested, odd Unicode), so most cases get past the first checks and
 * probe the ones behind them. `mutateText` then damages the serialised JSON itself.
 */

type Body = Record<string, unknown>;

/** Any JSON value, nesting and sizes bounded. */
const anyJson = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<unknown>;

/** Usually `valid`, sometimes a hostile replacement. */
const nearly = <T>(valid: fc.Arbitrary<T>, ...hostile: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: valid, weight: 24 }, ...hostile.map((arbitrary) => ({ arbitrary, weight: 1 })), {
    arbitrary: anyJson,
    weight: 1,
  });

const oddStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\u202e',
    '🙂'.repeat(50),
    'a'.repeat(10_000),
    '../../etc/passwd',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const oddNumbers = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 31, 2 ** 53 + 1, 0.5, Number.MIN_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const text = fc.oneof(fc.constantFrom('hi', 'hello there', 'x'), fc.string({ maxLength: 30 }));
// Most optional fields absent in a case, as in real requests (two times in three).
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: arb, weight: 1 });

const tinyPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const contentPart = fc.oneof(
  fc.record({ type: fc.constant('text'), text: nearly(text, oddStrings) }),
  fc.record({
    type: fc.constant('image_url'),
    image_url: nearly(
      fc.record({
        url: fc.constantFrom(
          tinyPng,
          'data:image/png;base64,!!!',
          'data:text/plain;base64,aGk=',
          'ftp://x/y.png',
        ),
      }),
      oddStrings,
    ),
  }),
  fc.record({
    type: fc.constant('file'),
    file: fc.record({
      filename: fc.constantFrom('report.pdf', 'notes', 'a/b\\c.txt', ''),
      file_data: fc.constantFrom(
        'data:application/pdf;base64,JVBERi0xLjQK',
        'data:text/plain;base64,aGVsbG8=',
      ),
    }),
  }),
  fc.record({ type: oddStrings, text: text }),
);

const toolCall = fc.record({
  id: nearly(fc.constantFrom('call_1', 'call_2'), oddStrings),
  type: fc.constant('function'),
  function: fc.record({
    name: nearly(fc.constantFrom('get_weather', 'lookup'), oddStrings),
    arguments: nearly(fc.constantFrom('{}', '{"city":"Paris"}'), oddStrings),
  }),
});

const message = fc.oneof(
  {
    arbitrary: fc.record({
      role: fc.constant('user'),
      content: nearly(text, fc.array(contentPart, { maxLength: 3 }), fc.constant(null)),
    }),
    weight: 8,
  },
  {
    arbitrary: fc.record({ role: fc.constantFrom('system', 'developer'), content: nearly(text, oddStrings) }),
    weight: 2,
  },
  {
    arbitrary: fc.record(
      {
        role: fc.constant('assistant'),
        content: nearly(text, fc.constant(null)),
        tool_calls: optional(fc.array(toolCall, { maxLength: 2 })),
      },
      { requiredKeys: ['role'] },
    ),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      role: fc.constant('tool'),
      tool_call_id: nearly(fc.constantFrom('call_1', 'call_2'), oddStrings),
      content: nearly(text, oddStrings),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ role: oddStrings, content: text }), weight: 1 },
);

/** A JSON schema for tool parameters: mostly sensible, sometimes deep or odd. */
const schema: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constantFrom('string', 'number', 'integer', 'boolean') }),
    fc.record({
      type: fc.constant('object'),
      properties: fc.dictionary(fc.constantFrom('a', 'b', 'city'), tie('node'), { maxKeys: 3 }),
    }),
    fc.record({ type: fc.constant('array'), items: tie('node') }),
    fc.record({ type: oddStrings }),
  ),
})).node;

const tool = fc.record({
  type: nearly(fc.constant('function'), oddStrings),
  function: nearly(
    fc.record(
      {
        name: nearly(fc.constantFrom('get_weather', 'lookup'), oddStrings),
        description: optional(text),
        parameters: optional(schema),
        strict: optional(fc.boolean()),
      },
      { requiredKeys: ['name'] },
    ),
  ),
});

const stopField = optional(nearly(fc.oneof(text, fc.array(text, { maxLength: 5 })), oddNumbers));
/** stream_options only with stream: true, so most cases pass that check. */
const withStreamOptions = (arb: fc.Arbitrary<Body>): fc.Arbitrary<Body> =>
  arb.chain((body: Body) =>
    body.stream === true
      ? optional(nearly(fc.record({ include_usage: fc.boolean() }))).map((o) =>
          o === undefined ? body : { ...body, stream_options: o },
        )
      : fc.constant(body),
  );

const chatBody: fc.Arbitrary<Body> = withStreamOptions(
  fc.record(
    {
      model: nearly(
        fc.constantFrom(
          CHAT_MODEL,
          CHAT_MODEL,
          'amazon.nova-micro-v1:0',
          'mistral.mistral-large-2402-v1:0',
          'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
          'no-such-model',
        ),
        oddStrings,
      ),
      messages: nearly(fc.array(message, { minLength: 1, maxLength: 4 }), fc.constant([])),
      max_tokens: optional(nearly(fc.integer({ min: 1, max: 64 }), oddNumbers)),
      max_completion_tokens: optional(nearly(fc.integer({ min: 1, max: 64 }), oddNumbers)),
      temperature: optional(nearly(fc.double({ min: 0, max: 2, noNaN: true }), oddNumbers)),
      top_p: optional(nearly(fc.double({ min: 0, max: 1, noNaN: true }), oddNumbers)),
      n: optional(nearly(fc.integer({ min: 1, max: 3 }), oddNumbers)),
      stop: stopField,
      stream: optional(nearly(fc.boolean())),
      tools: optional(nearly(fc.array(tool, { maxLength: 3 }))),
      tool_choice: optional(
        nearly(
          fc.constantFrom('auto', 'none', 'required', {
            type: 'function',
            function: { name: 'get_weather' },
          }),
          oddStrings,
        ),
      ),
      parallel_tool_calls: optional(nearly(fc.boolean())),
      response_format: optional(
        nearly(
          fc.oneof(
            fc.constant({ type: 'text' }),
            fc.constant({ type: 'json_object' }),
            fc.record({
              type: fc.constant('json_schema'),
              json_schema: fc.record({
                name: fc.constantFrom('out', 'bad name!'),
                schema,
                strict: optional(fc.boolean()),
              }),
            }),
          ),
        ),
      ),
      reasoning_effort: optional(nearly(fc.constantFrom('low', 'medium', 'high'), oddStrings)),
      metadata: optional(
        nearly(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 })),
      ),
      user: optional(nearly(text, oddStrings)),
      seed: optional(nearly(fc.integer(), oddNumbers)),
      logprobs: optional(nearly(fc.boolean())),
    },
    { requiredKeys: ['model', 'messages'] },
  ) as fc.Arbitrary<Body>,
);

const embeddingsBody: fc.Arbitrary<Body> = fc.record(
  {
    model: nearly(
      fc.constantFrom(
        EMBEDDING_MODEL,
        'cohere.embed-english-v3',
        'amazon.titan-embed-text-v1',
        'no-such-model',
      ),
      oddStrings,
    ),
    input: nearly(
      fc.oneof(
        text,
        fc.array(text, { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }),
      ),
      fc.constant([]),
      fc.array(fc.array(fc.integer({ min: -5, max: 300_000 }), { maxLength: 3 }), { maxLength: 3 }),
      oddStrings,
    ),
    dimensions: optional(nearly(fc.constantFrom(256, 512, 1024), oddNumbers)),
    encoding_format: optional(nearly(fc.constantFrom('float', 'base64'), oddStrings)),
    user: optional(nearly(text)),
  },
  { requiredKeys: ['model', 'input'] },
) as fc.Arbitrary<Body>;

const completionsBody: fc.Arbitrary<Body> = withStreamOptions(
  fc.record(
    {
      model: nearly(
        fc.constantFrom(
          'meta.llama3-1-70b-instruct-v1:0',
          'mistral.mistral-7b-instruct-v0:2',
          'amazon.titan-text-express-v1',
          'us.deepseek.r1-v1:0',
          'cohere.command-r-plus-v1:0',
          CHAT_MODEL,
          'no-such-model',
        ),
        oddStrings,
      ),
      prompt: nearly(
        fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 })),
        fc.constant([]),
        fc.array(fc.integer({ min: 0, max: 50_000 }), { maxLength: 4 }),
        oddStrings,
      ),
      max_tokens: optional(nearly(fc.integer({ min: 1, max: 64 }), oddNumbers)),
      temperature: optional(nearly(fc.double({ min: 0, max: 2, noNaN: true }), oddNumbers)),
      top_p: optional(nearly(fc.double({ min: 0, max: 1, noNaN: true }), oddNumbers)),
      n: optional(nearly(fc.integer({ min: 1, max: 3 }), oddNumbers)),
      stop: stopField,
      stream: optional(nearly(fc.boolean())),
      suffix: optional(nearly(text, oddStrings)),
      echo: optional(nearly(fc.boolean())),
      best_of: optional(nearly(fc.integer({ min: 1, max: 3 }), oddNumbers)),
      logprobs: optional(nearly(fc.constantFrom(0, 1, 5), oddNumbers)),
      user: optional(nearly(text, oddStrings)),
    },
    { requiredKeys: ['model', 'prompt'] },
  ) as fc.Arbitrary<Body>,
);

const responsesTool = fc.oneof(
  {
    arbitrary: fc.record(
      {
        type: fc.constant('function'),
        name: nearly(fc.constantFrom('get_weather', 'lookup'), oddStrings),
        description: optional(text),
        parameters: optional(schema),
        strict: optional(fc.boolean()),
      },
      { requiredKeys: ['type', 'name'] },
    ),
    weight: 6,
  },
  fc.record({
    type: fc.constant('namespace'),
    name: nearly(fc.constantFrom('fs', 'web'), oddStrings),
    tools: fc.array(
      fc.record({ type: fc.constant('function'), name: nearly(fc.constantFrom('read', 'list'), oddStrings) }),
      { maxLength: 2 },
    ),
  }),
  fc.record({ type: fc.constantFrom('web_search', 'file_search', 'local_shell') }),
  fc.record({ type: oddStrings, name: text }),
);

const responsesPart = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('input_text'), text: nearly(text, oddStrings) }), weight: 6 },
  fc.record({ type: fc.constant('input_image'), image_url: fc.constantFrom(tinyPng, 'data:x;base64,!!') }),
  fc.record({
    type: fc.constant('input_file'),
    filename: fc.constantFrom('a.pdf', ''),
    file_data: fc.constantFrom('data:application/pdf;base64,JVBERi0xLjQK', 'JVBERi0xLjQK'),
  }),
  fc.record({ type: fc.constant('output_text'), text }),
  fc.record({ type: oddStrings, text }),
);

const responsesItem = fc.oneof(
  {
    arbitrary: fc.record(
      {
        type: optional(fc.constant('message')),
        role: nearly(fc.constantFrom('user', 'user', 'developer', 'system', 'assistant'), oddStrings),
        content: nearly(text, fc.array(responsesPart, { maxLength: 3 })),
      },
      { requiredKeys: ['role', 'content'] },
    ),
    weight: 8,
  },
  fc.record({
    type: fc.constant('function_call'),
    call_id: nearly(fc.constantFrom('call_1', 'call_2'), oddStrings),
    name: nearly(fc.constantFrom('get_weather', 'lookup'), oddStrings),
    arguments: nearly(fc.constantFrom('{}', '{"city":"Paris"}'), oddStrings),
  }),
  fc.record({
    type: fc.constant('function_call_output'),
    call_id: nearly(fc.constantFrom('call_1', 'call_2'), oddStrings),
    output: nearly(text, fc.array(responsesPart, { maxLength: 2 })),
  }),
  fc.record({
    type: fc.constant('reasoning'),
    summary: nearly(fc.array(fc.record({ type: fc.constant('summary_text'), text }), { maxLength: 2 })),
    encrypted_content: optional(nearly(fc.constantFrom('gAAAA-not-ours', ''), oddStrings)),
  }),
  fc.record({ type: oddStrings, role: fc.constant('user'), content: text }),
);

const textFormat = fc.oneof(
  fc.constant({ type: 'text' }),
  fc.constant({ type: 'json_object' }),
  fc.record({
    type: fc.constant('json_schema'),
    name: fc.constantFrom('out', 'bad name!'),
    schema,
    strict: optional(fc.boolean()),
  }),
);

const responsesBody: fc.Arbitrary<Body> = fc.record(
  {
    model: nearly(
      fc.constantFrom(
        CHAT_MODEL,
        CHAT_MODEL,
        'amazon.nova-micro-v1:0',
        'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
        'no-such-model',
      ),
      oddStrings,
    ),
    input: nearly(
      fc.oneof(text, fc.array(responsesItem, { minLength: 1, maxLength: 4 })),
      fc.constant([]),
      oddNumbers,
    ),
    instructions: optional(nearly(text, oddStrings)),
    max_output_tokens: optional(nearly(fc.integer({ min: 16, max: 64 }), oddNumbers)),
    temperature: optional(nearly(fc.double({ min: 0, max: 2, noNaN: true }), oddNumbers)),
    top_p: optional(nearly(fc.double({ min: 0, max: 1, noNaN: true }), oddNumbers)),
    tools: optional(nearly(fc.array(responsesTool, { maxLength: 3 }))),
    tool_choice: optional(
      nearly(
        fc.constantFrom('auto', 'none', 'required', { type: 'function', name: 'get_weather' }),
        oddStrings,
      ),
    ),
    parallel_tool_calls: optional(nearly(fc.boolean())),
    reasoning: optional(
      nearly(
        fc.record(
          {
            effort: optional(fc.constantFrom('minimal', 'low', 'medium', 'high')),
            summary: optional(fc.constantFrom('auto', 'concise', 'detailed')),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
    text: optional(nearly(fc.record({ format: textFormat }))),
    stream: optional(nearly(fc.boolean())),
    store: optional(nearly(fc.boolean())),
    previous_response_id: optional(nearly(fc.constantFrom('resp_unknown', ''), oddStrings)),
    include: optional(nearly(fc.constant(['reasoning.encrypted_content']), fc.array(oddStrings))),
    metadata: optional(
      nearly(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 })),
    ),
    user: optional(nearly(text, oddStrings)),
  },
  { requiredKeys: ['model', 'input'] },
) as fc.Arbitrary<Body>;

const anthropicBlock = fc.oneof(
  {
    arbitrary: fc.record(
      {
        type: fc.constant('text'),
        text: nearly(text, oddStrings),
        cache_control: optional(nearly(fc.constant({ type: 'ephemeral' }))),
      },
      { requiredKeys: ['type', 'text'] },
    ),
    weight: 6,
  },
  fc.record({
    type: fc.constant('image'),
    source: nearly(
      fc.record({
        type: fc.constant('base64'),
        media_type: fc.constantFrom('image/png', 'image/gif', 'text/plain'),
        data: fc.constantFrom(tinyPng.slice('data:image/png;base64,'.length), '!!!'),
      }),
    ),
  }),
  fc.record({
    type: fc.constant('tool_use'),
    id: nearly(fc.constantFrom('toolu_1', 'toolu_2'), oddStrings),
    name: nearly(fc.constantFrom('get_weather', 'lookup'), oddStrings),
    input: nearly(fc.constant({ city: 'Paris' }), oddStrings),
  }),
  fc.record({
    type: fc.constant('tool_result'),
    tool_use_id: nearly(fc.constantFrom('toolu_1', 'toolu_2'), oddStrings),
    content: nearly(text),
  }),
  fc.record({ type: fc.constant('thinking'), thinking: text, signature: fc.constantFrom('sig', '') }),
  fc.record({ type: oddStrings, text }),
);

const anthropicMessage = fc.oneof(
  {
    arbitrary: fc.record({
      role: fc.constant('user'),
      content: nearly(text, fc.array(anthropicBlock, { maxLength: 3 })),
    }),
    weight: 8,
  },
  {
    arbitrary: fc.record({
      role: fc.constant('assistant'),
      content: nearly(text, fc.array(anthropicBlock, { maxLength: 2 })),
    }),
    weight: 2,
  },
  // Claude Code's trailing system message, which Bedrock's native Claude body refuses as written.
  fc.record({ role: fc.constant('system'), content: nearly(text, oddStrings) }),
  fc.record({ role: oddStrings, content: text }),
);

const anthropicTool = fc.record(
  {
    name: nearly(fc.constantFrom('get_weather', 'lookup'), oddStrings),
    description: optional(text),
    input_schema: nearly(fc.constant({ type: 'object', properties: {} }), schema),
    cache_control: optional(nearly(fc.constant({ type: 'ephemeral' }))),
    defer_loading: optional(fc.boolean()),
  },
  { requiredKeys: ['name', 'input_schema'] },
);

const messagesFields = {
  model: nearly(
    fc.constantFrom(
      CHAT_MODEL,
      CHAT_MODEL,
      'claude-sonnet-4-5-20250929',
      'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      'amazon.nova-micro-v1:0',
      'no-such-model',
    ),
    oddStrings,
  ),
  messages: nearly(fc.array(anthropicMessage, { minLength: 1, maxLength: 4 }), fc.constant([])),
  system: optional(
    nearly(
      fc.oneof(
        text,
        fc.array(fc.record({ type: fc.constant('text'), text: nearly(text, oddStrings) }), { maxLength: 2 }),
      ),
      oddStrings,
    ),
  ),
  tools: optional(nearly(fc.array(anthropicTool, { maxLength: 3 }))),
  tool_choice: optional(
    nearly(
      fc.constantFrom({ type: 'auto' }, { type: 'any' }, { type: 'none' }, { type: 'tool', name: 'lookup' }),
      oddStrings,
    ),
  ),
  thinking: optional(
    nearly(
      fc.oneof(
        fc.constant({ type: 'adaptive' }),
        fc.constant({ type: 'disabled' }),
        fc.record({
          type: fc.constant('enabled'),
          budget_tokens: nearly(fc.constantFrom(1024, 2048), oddNumbers),
        }),
      ),
    ),
  ),
  metadata: optional(nearly(fc.record({ user_id: text }))),
};

const messagesBody: fc.Arbitrary<Body> = fc.record(
  {
    ...messagesFields,
    max_tokens: nearly(fc.integer({ min: 1, max: 64 }), oddNumbers),
    temperature: optional(nearly(fc.double({ min: 0, max: 1, noNaN: true }), oddNumbers)),
    top_p: optional(nearly(fc.double({ min: 0, max: 1, noNaN: true }), oddNumbers)),
    top_k: optional(nearly(fc.integer({ min: 1, max: 500 }), oddNumbers)),
    stop_sequences: optional(nearly(fc.array(text, { maxLength: 4 }), oddStrings)),
    stream: optional(nearly(fc.boolean())),
    output_config: optional(nearly(fc.record({ effort: fc.constantFrom('low', 'medium', 'high', 'max') }))),
    context_management: optional(nearly(fc.constant({ edits: [] }))),
  },
  { requiredKeys: ['model', 'messages', 'max_tokens'] },
) as fc.Arbitrary<Body>;

const countTokensBody: fc.Arbitrary<Body> = fc.record(messagesFields, {
  requiredKeys: ['model', 'messages'],
}) as fc.Arbitrary<Body>;

/** Body generators by route path; a new POST route adds one. */
export const BODY_ARBITRARIES: Record<string, fc.Arbitrary<Body>> = {
  '/v1/chat/completions': chatBody,
  '/v1/completions': completionsBody,
  '/v1/embeddings': embeddingsBody,
  '/v1/responses': responsesBody,
  '/v1/messages': messagesBody,
  '/v1/messages/count_tokens': countTokensBody,
};

/** Damage done to the serialised body: none (most often), or one cut, splice, duplicate or junk insertion. */
export const textMutation: fc.Arbitrary<(json: string) => string> = fc.oneof(
  { arbitrary: fc.constant((json: string) => json), weight: 16 },
  fc.nat().map((at) => (json: string) => json.slice(0, at % (json.length + 1))),
  fc
    .tuple(fc.nat(), fc.constantFrom('{', '[', '"', ',', ':', '\\', '\u0000', 'null', '1e999', '[[[[[[[['))
    .map(
      ([at, junk]) =>
        (json: string) =>
          json.slice(0, at % (json.length + 1)) + junk + json.slice(at % (json.length + 1)),
    ),
  fc.constant((json: string) => (json.startsWith('{"') ? `{"model":"x",${json.slice(1)}` : json)),
);

/** Random raw bytes, occasionally not UTF-8. */
export const byteMutation: fc.Arbitrary<(body: Buffer) => Buffer> = fc.oneof(
  { arbitrary: fc.constant((b: Buffer) => b), weight: 30 },
  fc.tuple(fc.nat(), fc.constantFrom(0xff, 0xc3, 0xed, 0x80)).map(([at, byte]) => (b: Buffer) => {
    const i = at % (b.length + 1);
    return Buffer.concat([b.subarray(0, i), Buffer.from([byte]), b.subarray(i)]);
  }),
);
