import { APIError } from 'openai';
import { mark, runtimeRequests } from './support/emulator-log';
import { startTestGateway, TEST_KEY, TestGateway } from './support/gateway.harness';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const hi = { model: HAIKU, messages: [{ role: 'user' as const, content: 'hi' }] };

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ BEDROCK_MAX_ATTEMPTS: '1' });
});
afterAll(() => gw.close());
afterEach(() => gw.emulator.faults.clear());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as APIError,
  );
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${gw.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json', ...headers },
    body,
  });

describe('Bedrock exceptions, one table (src/common/errors/bedrock-error.table.ts)', () => {
  it.each([
    ['ThrottlingException', 429, 'rate_limit_error', 'rate_limit_exceeded', '2'],
    ['ServiceQuotaExceededException', 429, 'rate_limit_error', 'quota_exceeded', '10'],
    ['ValidationException', 400, 'invalid_request_error', 'invalid_request', null],
    ['AccessDeniedException', 403, 'permission_error', 'access_denied', null],
    ['ResourceNotFoundException', 404, 'invalid_request_error', 'model_not_found', null],
    ['ModelTimeoutException', 504, 'timeout_error', 'model_timeout', null],
    ['ModelErrorException', 502, 'upstream_error', 'model_error', null],
    ['ModelNotReadyException', 503, 'service_unavailable_error', 'model_not_ready', '5'],
    ['InternalServerException', 502, 'upstream_error', 'bedrock_internal_error', null],
    ['ServiceUnavailableException', 503, 'service_unavailable_error', 'bedrock_unavailable', '5'],
  ])('%s → %i %s', async (errorType, status, type, code, retryAfter) => {
    gw.emulator.faults.add({ kind: 'error', errorType, message: `emulated ${errorType}` });
    const { data, response } = await gw.openai.chat.completions
      .create(hi)
      .withResponse()
      .catch((e: APIError) => ({ data: e, response: undefined }));
    const err = data as APIError;
    expect(response).toBeUndefined();
    expect(err.status).toBe(status);
    expect(err.error).toEqual({ message: `emulated ${errorType}`, type, param: null, code });
    expect(err.headers?.get('retry-after') ?? null).toBe(retryAfter);
    expect(err.headers?.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("passes Bedrock's own validation message through (here: a LEGACY model it no longer serves)", async () => {
    const err = await failure(
      gw.openai.chat.completions.create({ ...hi, model: 'anthropic.claude-3-sonnet-20240229-v1:0' }),
    );
    expect(err).toMatchObject({ status: 404, error: { code: 'model_not_found' } });
    expect(err!.message).toContain('Legacy');
  });

  it('marks a too-long prompt as context_length_exceeded, which clients use to trim history', async () => {
    gw.emulator.faults.add({
      kind: 'error',
      errorType: 'ValidationException',
      message: 'Input is too long for requested model.',
    });
    const err = await failure(gw.openai.chat.completions.create(hi));
    expect(err).toMatchObject({
      status: 400,
      error: { code: 'context_length_exceeded', message: 'Input is too long for requested model.' },
    });
  });

  it('lets the AWS SDK retry a throttled call when attempts remain, invisibly to the client', async () => {
    const retrying = await startTestGateway({ BEDROCK_MAX_ATTEMPTS: '3' });
    try {
      retrying.emulator.faults.add({ kind: 'error', errorType: 'ThrottlingException', times: 1 });
      const since = mark(retrying.emulator);
      const res = await retrying.openai.chat.completions.create(hi);
      expect(res.choices[0].message.content).toBe('You said: hi');
      expect(runtimeRequests(retrying.emulator, since).map((e) => e.status)).toEqual([429, 200]);
    } finally {
      await retrying.close();
    }
  });
});

describe('client mistakes are 400s that name the field, and never reach Bedrock', () => {
  it.each([
    ['{"model": "m", "messages": [', 400, null, 'invalid_json', 'The request body is not valid JSON.'],
    ['[1,2]', 400, null, 'invalid_body', 'The request body must be a JSON object.'],
    [
      '{"messages": [{"role":"user","content":"x"}]}',
      400,
      'model',
      'missing_required_parameter',
      "Missing required parameter: 'model'.",
    ],
    [
      '{"model": "m", "messages": []}',
      400,
      'messages',
      'empty_array',
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
    ],
    [
      '{"model": "m", "messages": "hi"}',
      400,
      'messages',
      'invalid_type',
      "Invalid type for 'messages': expected an array, but got a string instead.",
    ],
    [
      '{"model": "m", "messages": [{"role": "robot", "content": "x"}]}',
      400,
      'messages[0].role',
      'invalid_value',
      null,
    ],
    [
      '{"model": "m", "messages": [{"role": "user", "content": 5}]}',
      400,
      'messages[0].content',
      'invalid_type',
      null,
    ],
    [
      '{"model": "m", "messages": [{"role": "user", "content": [{"type": "text"}]}]}',
      400,
      'messages[0].content[0].text',
      'missing_required_parameter',
      null,
    ],
    [
      '{"model": "m", "messages": [{"role": "tool", "content": "x"}]}',
      400,
      'messages[0].tool_call_id',
      'missing_required_parameter',
      null,
    ],
    [
      '{"model": "m", "messages": [{"role": "user", "content": "x"}], "temperature": "hot"}',
      400,
      'temperature',
      'invalid_type',
      null,
    ],
    [
      '{"model": "m", "messages": [{"role": "user", "content": "x"}], "top_p": 1.5}',
      400,
      'top_p',
      'decimal_above_max_value',
      null,
    ],
    [
      '{"model": "m", "messages": [{"role": "user", "content": "x"}], "max_tokens": 0}',
      400,
      'max_tokens',
      'integer_below_min_value',
      null,
    ],
    [
      '{"model": "m", "messages": [{"role": "user", "content": "x"}], "stream_options": {"include_usage": true}}',
      400,
      'stream_options',
      'invalid_value',
      null,
    ],
    [
      '{"model": "m", "messages": [{"role": "user", "content": "x"}], "n": 9}',
      400,
      'n',
      'integer_above_max_value',
      null,
    ],
    // The next two are checked once the model is resolved, so they name a model the gateway knows (an unknown
    // one is a 404 model_not_found first).
    [
      '{"model": "gpt-4o", "messages": [{"role": "assistant", "content": "x"}]}',
      400,
      'messages[0]',
      'invalid_value',
      null,
    ],
    [
      '{"model": "gpt-4o", "messages": [{"role": "user", "content": "  "}]}',
      400,
      'messages',
      'invalid_value',
      null,
    ],
  ])('%s → %i naming %s', async (body, status, param, code, message) => {
    const since = mark(gw.emulator);
    const res = await post(body);
    const json = (await res.json()) as {
      error: { message: string; type: string; param: string | null; code: string };
    };
    expect(res.status).toBe(status);
    expect(json.error).toMatchObject({ type: 'invalid_request_error', param, code });
    if (message) expect(json.error.message).toBe(message);
    expect(runtimeRequests(gw.emulator, since)).toEqual([]);
  });

  it('answers a wrong content type with 415 and an unknown route with 404, both in the envelope', async () => {
    const form = await post('a=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const missing = await fetch(`${gw.url}/v1/completions`, {
      headers: { authorization: `Bearer ${TEST_KEY}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: {
        message: 'Invalid URL (GET /v1/completions)',
        type: 'invalid_request_error',
        param: null,
        code: 'unknown_url',
      },
    });
  });

  it('answers a body over MAX_REQUEST_BYTES with 413', async () => {
    const small = await startTestGateway({ MAX_REQUEST_BYTES: '2048' });
    try {
      const res = await fetch(`${small.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: HAIKU, messages: [{ role: 'user', content: 'x'.repeat(5000) }] }),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: 'request_too_large' } });
    } finally {
      await small.close();
    }
  });
});

describe('failures of the gateway itself', () => {
  it('reports Bedrock being unreachable as a 502 without internals', async () => {
    const lonely = await startTestGateway({ BEDROCK_MAX_ATTEMPTS: '1' });
    await lonely.emulator.close();
    try {
      const err = await failure(lonely.openai.chat.completions.create(hi));
      expect(err).toMatchObject({
        status: 502,
        error: {
          type: 'upstream_error',
          code: 'upstream_unreachable',
          message: 'Bedrock could not be reached.',
        },
      });
    } finally {
      await lonely.app.close();
    }
  });
});
