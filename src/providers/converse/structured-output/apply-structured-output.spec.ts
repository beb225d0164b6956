import type { ConverseRequest } from '@aws-sdk/client-bedrock-runtime';
import { chat, contextFor, internal } from '../../../../test/support/fixtures/mapping-context.fixture';
import { finishStructuredOutput } from './finish-structured-output';
import { applyStructuredOutput } from './apply-structured-output';

const schema = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };
const req = chat([{ role: 'user', content: 'q' }], {
  response_format: { type: 'json_schema', json_schema: { name: 'count', schema, strict: true } },
});
const build = (model: string) => {
  const request: ConverseRequest = { modelId: model, messages: [{ role: 'user', content: [{ text: 'q' }] }] };
  return { request, plan: applyStructuredOutput(request, internal(req, contextFor(model)), contextFor(model).model) };
};

describe('applyStructuredOutput', () => {
  it('goes native where the model has structured output', () => {
    const { request, plan } = build('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(plan?.via).toBe('native');
    expect(request.outputConfig?.textFormat?.structure?.jsonSchema).toEqual({
      schema: JSON.stringify(schema),
      name: 'count',
    });
  });

  it('forces a response tool elsewhere (any where the model has no tool choice by name)', () => {
    const claude = build('anthropic.claude-3-haiku-20240307-v1:0');
    expect(claude.plan).toMatchObject({ via: 'tool', toolName: 'json_response' });
    expect(claude.request.toolConfig?.toolChoice).toEqual({ tool: { name: 'json_response' } });
    expect(build('mistral.mistral-large-2402-v1:0').request.toolConfig?.toolChoice).toEqual({ any: {} });
  });

  it('instructs models that cannot be forced to a tool, in the first user turn when they have no system prompt', () => {
    const llama = build('meta.llama3-1-70b-instruct-v1:0');
    expect(llama.plan?.via).toBe('instruction');
    expect(llama.request.system?.[0].text).toContain('"required":["n"]');
    const titan = build('amazon.titan-text-express-v1');
    expect(titan.request.system).toBeUndefined();
    expect(titan.request.messages![0].content![0].text).toContain('JSON Schema');
  });
});

describe('finishStructuredOutput', () => {
  const { plan } = build('meta.llama3-1-70b-instruct-v1:0');

  it('strips a Markdown fence from an instructed answer and checks it', () => {
    expect(finishStructuredOutput('```json\n{"n": 3}\n```', plan!)).toBe('{"n": 3}');
  });

  it('refuses a strict answer that does not parse or does not match', () => {
    expect(() => finishStructuredOutput('three', plan!)).toThrow(/not valid JSON/);
    expect(() => finishStructuredOutput('{"n": "three"}', plan!)).toThrow(
      /does not match the schema: \/n must be integer/,
    );
  });

  it('passes a non-strict mismatch on as given', () => {
    expect(finishStructuredOutput('{"m": 1}', { ...plan!, strict: false })).toBe('{"m": 1}');
  });
});
