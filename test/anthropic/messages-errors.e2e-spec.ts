import Anthropic from '@anthropic-ai/sdk';
import { mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { anthropicClient, rawMessagesStream, SONNET_45 } from './anthropic.harness';

let gw: TestGateway;
let client: Anthropic;

beforeAll(async () => {
  // One attempt per call, so each fault is one Bedrock answer; a small body limit for the 413.
  gw = await startTestGateway({ BEDROCK_MAX_ATTEMPTS: '1', MAX_REQUEST_BYTES: '200000' });
  client = anthropicClient(gw);
});
afterAll(() => gw.close());
beforeEach(() => gw.emulator.faults.clear());

const ask = (extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}) =>
  client.messages.create({
    model: SONNET_45,
    max_tokens: 64,
    messages: [{ role: 'user', content: 'hello' }],
    ...extra,
  });

async function rejection(promise: Promise<unknown>): Promise<InstanceType<typeof Anthropic.APIError>> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Anthropic.APIError) return err;
    throw err;
  }
  throw new Error('expected the request to fail');
}

describe('Anthropic error envelope and statuses on /v1/messages', () => {
  it('401 authentication_error for a wrong key, with no Bedrock call', async () => {
    const since = mark(gw.emulator);
    const err = await rejection(
      anthropicClient(gw, { apiKey: 'sk-wrong' }).messages.create({
        model: SONNET_45,
        max_tokens: 8,
        messages: [{ role: 'user', content: 'x' }],
      }),
    );
    expect(err).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(err.error).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    expect(runtimeRequests(gw.emulator, since)).toHaveLength(0);
  });

  it('400 invalid_request_error naming the field, before any Bedrock call', async () => {
    const since = mark(gw.emulator);
    const err = await rejection(ask({ max_tokens: undefined as unknown as number }));
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect(err.error).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
      request_id: expect.any(String),
    });
    const badBlock = await rejection(
      ask({
        messages: [
          {
            role: 'user',
            content: [{ type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'x' } }],
          },
        ] as never,
      }),
    );
    expect(badBlock.message).toContain('messages.0.content.0.source.media_type');
    expect(runtimeRequests(gw.emulator, since)).toHaveLength(0);
  });

  it('400 naming a server tool Bedrock does not offer', async () => {
    const err = await rejection(
      ask({ tools: [{ type: 'web_search_20250305', name: 'web_search' }] as never }),
    );
    expect(err.status).toBe(400);
    expect(err.message).toContain('web_search_20250305');
  });

  it('404 not_found_error for a model Bedrock does not have', async () => {
    const err = await rejection(ask({ model: 'anthropic.claude-nonexistent-v1:0' }));
    expect(err).toBeInstanceOf(Anthropic.NotFoundError);
    expect(err.error).toMatchObject({ error: { type: 'not_found_error' } });
  });

  it('413 request_too_large for a body over MAX_REQUEST_BYTES', async () => {
    const err = await rejection(ask({ messages: [{ role: 'user', content: 'x'.repeat(300_000) }] }));
    expect(err.status).toBe(413);
    expect(err.error).toMatchObject({ error: { type: 'request_too_large' } });
  });

  it.each([
    ['ThrottlingException', 429, 'rate_limit_error', Anthropic.RateLimitError],
    ['AccessDeniedException', 403, 'permission_error', Anthropic.PermissionDeniedError],
    ['ServiceUnavailableException', 529, 'overloaded_error', Anthropic.InternalServerError],
    ['InternalServerException', 500, 'api_error', Anthropic.InternalServerError],
  ])('Bedrock %s → %i %s', async (errorType, status, type, errorClass) => {
    gw.emulator.faults.add({ kind: 'error', errorType, match: { operation: 'InvokeModel' } });
    const err = await rejection(ask());
    expect(err).toBeInstanceOf(errorClass);
    expect(err.status).toBe(status);
    expect(err.error).toMatchObject({ type: 'error', error: { type } });
    if (status === 429) expect(err.headers?.get('retry-after')).toBe('2');
  });

  it('an error after the first byte is an `error` event, and the stream ends', async () => {
    gw.emulator.faults.add({
      kind: 'stream-error',
      afterEvents: 2,
      match: { operation: 'InvokeModelWithResponseStream' },
    });
    const { response: res, frames } = await rawMessagesStream(gw);
    expect(res.status).toBe(200);
    expect(frames[0]).toMatch(/^event: message_start/);
    const last = frames.at(-1)!;
    expect(last).toMatch(/^event: error\ndata: /);
    expect(JSON.parse(last.split('data: ')[1])).toMatchObject({
      type: 'error',
      error: { type: expect.any(String) },
    });
    expect(frames.some((f) => f.startsWith('event: message_stop'))).toBe(false);

    gw.emulator.faults.add({
      kind: 'stream-error',
      afterEvents: 2,
      match: { operation: 'InvokeModelWithResponseStream' },
    });
    const stream = await client.messages.create({
      model: SONNET_45,
      max_tokens: 64,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    await expect(
      (async () => {
        for await (const _ of stream);
      })(),
    ).rejects.toThrow();
  });
});
