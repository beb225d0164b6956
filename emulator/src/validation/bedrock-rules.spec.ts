import { listInferenceProfiles } from '../control-plane/inference-profiles';
import { createEngine } from '../engine/engine';
import { runtimeRequest, userTurn } from '../engine/engine.test-helpers';
import { CANNOT_COUNT_TOKENS } from '../engine/count-tokens.handler';
import { DOCUMENT_NAME, mediaInAssistantTurn } from './content.rules';
import { invalidFieldPath } from './converse.rules';
import { missingToolResults } from './conversation.rules';

/** Rules where the emulator used to differ from Bedrock: each one refused with Bedrock's message. */
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const MISTRAL_LARGE = 'mistral.mistral-large-2402-v1:0';
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const TOOLS = {
  tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: {} } } } }],
};

const engine = createEngine();
const converse = (model: string, body: object, op: 'Converse' | 'ConverseStream' = 'Converse') =>
  engine.handle(runtimeRequest(op, model, body));
const refusal = (message: string) => ({
  kind: 'error',
  error: { status: 400, type: 'ValidationException', message },
});

describe('Mistral Large (24.02) is in the catalog, with its limits', () => {
  const toolTurns = [
    userTurn('weather?'),
    { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'get_weather', input: {} } }] },
    { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [{ text: 'sunny' }] } }] },
  ];

  it('answers on demand, and with tools', () => {
    expect(converse(MISTRAL_LARGE, { messages: [userTurn('hi')] })).toMatchObject({ kind: 'json' });
    expect(converse(MISTRAL_LARGE, { messages: toolTurns, toolConfig: TOOLS })).toMatchObject({
      kind: 'json',
    });
  });

  it('refuses toolChoice.tool, tool use while streaming, and text beside tool results', () => {
    const forced = converse(MISTRAL_LARGE, {
      messages: [userTurn('hi')],
      toolConfig: { ...TOOLS, toolChoice: { tool: { name: 'get_weather' } } },
    });
    expect(forced).toMatchObject({ kind: 'error', error: { status: 400, type: 'ValidationException' } });
    const streamed = converse(
      MISTRAL_LARGE,
      { messages: [userTurn('hi')], toolConfig: TOOLS },
      'ConverseStream',
    );
    expect(streamed).toMatchObject({ kind: 'error', error: { status: 400, type: 'ValidationException' } });
    const mixed = [
      ...toolTurns.slice(0, 2),
      { role: 'user', content: [...toolTurns[2].content, { text: 'and?' }] },
    ];
    expect(converse(MISTRAL_LARGE, { messages: mixed, toolConfig: TOOLS })).toMatchObject(
      refusal('Conversation blocks and tool result blocks cannot be provided in the same turn.'),
    );
  });
});

describe('conversation rules', () => {
  it('wants a toolResult for every toolUse id in the next user turn', () => {
    const messages = [
      userTurn('two tools'),
      {
        role: 'assistant',
        content: [
          { toolUse: { toolUseId: 'tooluse_a', name: 'get_weather', input: {} } },
          { toolUse: { toolUseId: 'tooluse_b', name: 'get_weather', input: {} } },
        ],
      },
      { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_a', content: [{ text: 'ok' }] } }] },
    ];
    const expected = 'Expected toolResult blocks at messages.2.content for the following Ids: tooluse_b';
    expect(missingToolResults(2, ['tooluse_b'])).toBe(expected);
    expect(converse(HAIKU, { messages, toolConfig: TOOLS })).toMatchObject(refusal(expected));
    const unanswered = [messages[0], messages[1], userTurn('never mind')];
    expect(converse(HAIKU, { messages: unanswered, toolConfig: TOOLS })).toMatchObject(
      refusal('Expected toolResult blocks at messages.2.content for the following Ids: tooluse_a, tooluse_b'),
    );
  });

  it('refuses images (and documents) in assistant turns', () => {
    const messages = [
      userTurn('draw'),
      { role: 'assistant', content: [{ image: { format: 'png', source: { bytes: PNG } } }] },
      userTurn('thanks'),
    ];
    expect(converse(HAIKU, { messages })).toMatchObject(refusal(mediaInAssistantTurn(1, 0, 'image')));
  });

  it.each([['report.pdf'], ['a  b'], ['name_with_underscore']])('refuses the document name %j', (name) => {
    const doc = {
      document: { name, format: 'txt', source: { bytes: Buffer.from('hello').toString('base64') } },
    };
    const result = converse(HAIKU, { messages: [{ role: 'user', content: [doc, { text: 'summarise' }] }] });
    expect(result).toMatchObject(refusal(DOCUMENT_NAME));
  });

  it('accepts document names of alphanumerics, single spaces, hyphens, parentheses and square brackets', () => {
    const doc = {
      document: {
        name: 'Q3 report (final) [v2]-x',
        format: 'txt',
        source: { bytes: Buffer.from('hi').toString('base64') },
      },
    };
    expect(
      converse(HAIKU, { messages: [{ role: 'user', content: [doc, { text: 'summarise' }] }] }),
    ).toMatchObject({
      kind: 'json',
    });
  });

  it('wants JSON Pointers in additionalModelResponseFieldPaths', () => {
    expect(
      converse(HAIKU, { messages: [userTurn('hi')], additionalModelResponseFieldPaths: ['stop_sequence'] }),
    ).toMatchObject(refusal(invalidFieldPath(0, 'stop_sequence')));
    expect(
      converse(HAIKU, {
        messages: [userTurn('hi')],
        additionalModelResponseFieldPaths: ['/stop_sequence', '/a~2'],
      }),
    ).toMatchObject(refusal(invalidFieldPath(1, '/a~2')));
    expect(
      converse(HAIKU, { messages: [userTurn('hi')], additionalModelResponseFieldPaths: ['/stop_sequence'] }),
    ).toMatchObject({ kind: 'json' });
  });
});

describe('CountTokens', () => {
  it.each([['amazon.nova-pro-v1:0'], [MISTRAL_LARGE], ['meta.llama3-1-70b-instruct-v1:0']])(
    '%s does not support counting tokens',
    (model) => {
      const result = engine.handle(
        runtimeRequest('CountTokens', model, { input: { converse: { messages: [userTurn('hi')] } } }),
      );
      expect(result).toMatchObject(refusal(CANNOT_COUNT_TOKENS));
    },
  );

  it('counts for Claude', () => {
    const result = engine.handle(
      runtimeRequest('CountTokens', HAIKU, { input: { converse: { messages: [userTurn('hi')] } } }),
    );
    expect(result).toMatchObject({ kind: 'json', body: { inputTokens: expect.any(Number) } });
  });
});

describe('ListInferenceProfiles', () => {
  it('paginates, and lists the foundation-model ARN of every region a profile routes to', () => {
    const all: { inferenceProfileId: string; models: { modelArn: string }[] }[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams(token ? { nextToken: token } : {});
      const result = listInferenceProfiles(query, 'us-east-1');
      if (!result.ok) throw new Error(result.message);
      const body = result.body as { inferenceProfileSummaries: typeof all; nextToken?: string };
      all.push(...body.inferenceProfileSummaries);
      token = body.nextToken;
      pages++;
    } while (token);
    expect(pages).toBeGreaterThan(1);
    const sonnet = all.find((p) => p.inferenceProfileId === 'us.anthropic.claude-3-7-sonnet-20250219-v1:0');
    expect(sonnet?.models.map((m) => m.modelArn)).toEqual(
      expect.arrayContaining([
        'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0',
        'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0',
      ]),
    );
    expect(new Set(all.map((p) => p.inferenceProfileId)).size).toBe(all.length);
  });
});
