import { mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';
import { rawRequest, RawResponse } from '../support/raw-http';
import { envelopeMessage, POST_ROUTES, ROUTES, RouteUnderTest } from '../support/routes-under-test';

/**
 * Hostile input on every route: each case must end in a 4xx in the route's own error envelope — never a 5xx,
 * a crash or a hang — and nothing of it may reach Bedrock.
 */
let gw: TestGateway;
let since: number;
const MAX_REQUEST_BYTES = 256 * 1024;

beforeAll(async () => {
  gw = await startTestGateway({
    MAX_REQUEST_BYTES: String(MAX_REQUEST_BYTES),
    ALLOWED_ORIGINS: 'https://app.example',
  });
});
afterAll(() => gw.close());
beforeEach(() => {
  since = mark(gw.emulator);
});
afterEach(() => {
  expect(runtimeRequests(gw.emulator, since)).toEqual([]);
});

const auth = `authorization: Bearer ${TEST_KEY}\r\n`;

/** A request written byte for byte, so nothing on the way tidies it up. */
function raw(
  route: RouteUnderTest,
  body: string | Buffer,
  extraHeaders = '',
  method: string = route.method,
): Promise<RawResponse> {
  const payload = typeof body === 'string' ? Buffer.from(body) : body;
  const head =
    `${method} ${route.path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${auth}${extraHeaders}` +
    `content-length: ${payload.length}\r\nconnection: close\r\n\r\n`;
  return rawRequest(gw.url, Buffer.concat([Buffer.from(head), payload]));
}
const json = (route: RouteUnderTest, body: string | Buffer) =>
  raw(route, body, 'content-type: application/json\r\n');

function expectRejected(
  route: RouteUnderTest,
  res: RawResponse,
  status: number | RegExp,
  message?: RegExp,
): void {
  if (typeof status === 'number') expect(res.status).toBe(status);
  else expect(String(res.status)).toMatch(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const text = envelopeMessage(route, res.json);
  if (message) expect(text).toMatch(message);
}

/** Anthropic documents no 415: its API answers a wrong content type with a 400 invalid_request_error. */
const unsupportedMediaStatus = (route: RouteUnderTest) => (route.envelope === 'anthropic' ? 400 : 415);

const nested = (depth: number, leaf = '{}') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);

describe.each(POST_ROUTES.map((r) => [r.name, r] as const))('%s: hostile bodies', (_name, route) => {
  const valid = () => route.body!();
  const validText = () => JSON.stringify(valid());

  it('malformed and empty JSON are 400s', async () => {
    expectRejected(route, await json(route, validText().slice(0, -3)), 400, /not valid JSON/);
    expectRejected(route, await json(route, ''), 400);
    expectRejected(route, await json(route, 'null'), 400);
    expectRejected(route, await json(route, '"text"'), 400);
  });

  it('nesting deeper than the limit is a 400 that names the limit, at any size', async () => {
    const deepField = { ...valid(), metadata: JSON.parse(nested(200)) as unknown };
    expectRejected(route, await json(route, JSON.stringify(deepField)), 400, /more than 128 levels deep/);
    expectRejected(route, await json(route, '['.repeat(100_000) + ']'.repeat(100_000)), 400, /levels deep/);
    // Just inside the limit is not the gateway's business (the route's own validation may still refuse it).
    const res = await json(
      route,
      JSON.stringify({ ...valid(), metadata: JSON.parse(nested(100)) as unknown }),
    );
    expect(res.status).not.toBe(500);
    since = mark(gw.emulator); // a valid request may legitimately go on to Bedrock
  });

  it('duplicate keys and __proto__ keys are 400s', async () => {
    const text = validText();
    expectRejected(route, await json(route, `{"model":"x",${text.slice(1)}`), 400, /repeats the key 'model'/);
    expectRejected(
      route,
      await json(route, `{"__proto__":{"admin":true},${text.slice(1)}`),
      400,
      /__proto__/,
    );
  });

  it('bytes that are not UTF-8 are a 400, not silently replaced', async () => {
    const text = validText();
    const at = text.indexOf('hi');
    const body = Buffer.concat([
      Buffer.from(text.slice(0, at)),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(text.slice(at)),
    ]);
    expectRejected(route, await json(route, body), 400, /UTF-8/);
  });

  it.each([['1e400'], ['-1e400'], ['123456789012345678901234567890'], ['-1']])(
    'a number such as %s in a numeric field is a 400 naming the field',
    async (number) => {
      for (const field of route.numericFields ?? []) {
        const res = await json(route, JSON.stringify({ ...valid(), [field]: '#' }).replace('"#"', number));
        expectRejected(route, res, 400);
        // OpenAI's envelope names the field in `param`; Anthropic's has no such member, its message names it.
        const error = (res.json as { error: { param?: string; message: string } }).error;
        expect(route.envelope === 'anthropic' ? error.message : (error.param ?? '')).toContain(field);
      }
    },
  );

  it('a body over MAX_REQUEST_BYTES is a 413', async () => {
    const big = JSON.stringify({ ...valid(), padding: 'x'.repeat(MAX_REQUEST_BYTES) });
    expectRejected(route, await json(route, big), 413);
  });

  it.each([
    ['text/plain'],
    ['application/x-www-form-urlencoded'],
    ['multipart/form-data; boundary=x'],
    ['application/xml'],
  ])("content type %s is a 415 (a 400 in Anthropic's statuses)", async (type) => {
    expectRejected(
      route,
      await raw(route, validText(), `content-type: ${type}\r\n`),
      unsupportedMediaStatus(route),
      /application\/json/,
    );
  });

  it("a body without a content type is a 415 (a 400 in Anthropic's statuses)", async () => {
    expectRejected(route, await raw(route, validText()), unsupportedMediaStatus(route));
  });
});

describe.each(ROUTES.map((r) => [r.name, r] as const))('%s: hostile requests', (_name, route) => {
  it('an unknown method is a 4xx in the envelope', async () => {
    const res = await rawRequest(
      gw.url,
      `FOO ${route.path} HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`,
    );
    expectRejected(route, res, /^4\d\d$/);
  });

  it.each([['PUT'], ['PATCH'], ['DELETE']])(
    '%s, a method the route does not serve, is a 4xx in the envelope',
    async (method) => {
      expectRejected(route, await raw(route, '{}', 'content-type: application/json\r\n', method), /^4\d\d$/);
    },
  );

  it('a bare OPTIONS (not a CORS preflight) is a 400 in the envelope; a real preflight still works', async () => {
    const bare = await rawRequest(
      gw.url,
      `OPTIONS ${route.path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`,
    );
    expectRejected(route, bare, 400, /preflight/i);
    const preflight = await rawRequest(
      gw.url,
      `OPTIONS ${route.path} HTTP/1.1\r\nhost: x\r\norigin: https://app.example\r\n` +
        `access-control-request-method: ${route.method}\r\naccess-control-request-headers: authorization\r\nconnection: close\r\n\r\n`,
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example');
  });

  it('an oversized URL and an oversized header are 4xx in the envelope', async () => {
    const longUrl = await rawRequest(
      gw.url,
      `${route.method} ${route.path}?q=${'a'.repeat(20_000)} HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`,
    );
    expectRejected(route, longUrl, /^4\d\d$/);
    const longHeader = await rawRequest(
      gw.url,
      `${route.method} ${route.path} HTTP/1.1\r\nhost: x\r\n${auth}x-junk: ${'b'.repeat(20_000)}\r\nconnection: close\r\n\r\n`,
    );
    expectRejected(route, longHeader, 431);
  });

  it('malformed framing and bad percent-encoding are 4xx in the envelope', async () => {
    const badVersion = await rawRequest(gw.url, `${route.method} ${route.path} HTTP/9.9\r\nhost: x\r\n\r\n`);
    expectRejected(route, badVersion, /^4\d\d$/);
    const badChunked = await rawRequest(
      gw.url,
      `${route.method} ${route.path} HTTP/1.1\r\nhost: x\r\n${auth}transfer-encoding: chunked\r\ncontent-type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    );
    expectRejected(route, badChunked, /^4\d\d$/);
    const badPercent = await rawRequest(
      gw.url,
      `GET ${route.path}/%E0%A4%A HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`,
    );
    expectRejected(route, badPercent, /^4\d\d$/);
  });
});

describe('the cases that used to fail', () => {
  it('a tool whose parameters schema nests 10,000 levels deep is a 400 naming the limit (it was a 500)', async () => {
    const route = POST_ROUTES[0];
    const parameters = `{"type":"object","properties":${nested(10_000)}}`;
    const body = JSON.stringify({
      ...route.body!(),
      tools: [{ type: 'function', function: { name: 'f', parameters: '#' } }],
    });
    const res = await json(route, body.replace('"#"', parameters));
    expectRejected(
      route,
      res,
      400,
      /more than 128 levels deep \(at tools\[0\]\.function\.parameters\.properties\.a/,
    );
  });
});
