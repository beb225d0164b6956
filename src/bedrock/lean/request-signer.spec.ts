import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { CannedBedrock, RecordedRequest } from '../../../test/support/canned-bedrock';
import { TEST_CREDENTIALS, TEST_REGION, transportPair } from '../../../test/support/transport-pair';
import { BearerSigner, SigV4Signer } from './request-signer';

/** `20261122T053609Z` → Date. */
const amzDate = (value: string): Date =>
  new Date(value.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));

/** What the SDK's signer saw: every header it sent except those added after signing or by signing itself. */
function unsignedPart(request: RecordedRequest): Record<string, string> {
  const skip = new Set([
    'authorization',
    'x-amz-date',
    'x-amz-content-sha256',
    'x-amz-security-token',
    'host',
    'connection',
  ]);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!skip.has(name) && typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/** Signs the SDK's recorded request again with the lean signer, at the same time. */
function signAgain(request: RecordedRequest, credentials: typeof TEST_CREDENTIALS) {
  const unsigned = {
    method: 'POST',
    host: String(request.headers.host),
    path: request.url,
    headers: unsignedPart(request),
    body: request.body,
  };
  return new SigV4Signer(TEST_REGION, async () => credentials).sign(
    unsigned,
    amzDate(String(request.headers['x-amz-date'])),
  );
}

describe('SigV4Signer', () => {
  let canned: CannedBedrock;
  beforeAll(async () => {
    canned = await CannedBedrock.start();
  });
  afterAll(() => canned.close());

  async function sdkRequest(credentials = TEST_CREDENTIALS): Promise<RecordedRequest> {
    const client = new BedrockRuntimeClient({
      region: TEST_REGION,
      endpoint: canned.url,
      credentials,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler(),
    });
    canned.respond({ body: '{}' });
    await client.send(
      new ConverseCommand({
        modelId: 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc',
        messages: [{ role: 'user', content: [{ text: 'héllo' }] }],
      }),
    );
    client.destroy();
    return canned.requests[0];
  }

  it('produces the same Authorization header as the SDK for the same request and time', async () => {
    const request = await sdkRequest();
    const signed = await signAgain(request, TEST_CREDENTIALS);
    expect(signed.authorization).toBe(request.headers.authorization);
    expect(signed['x-amz-content-sha256']).toBe(request.headers['x-amz-content-sha256']);
  });

  it('signs temporary credentials with their session token, as the SDK does', async () => {
    const temporary = { ...TEST_CREDENTIALS, sessionToken: 'session-token-value' };
    const request = await sdkRequest(temporary);
    const signed = await signAgain(request, temporary);
    expect(signed['x-amz-security-token']).toBe('session-token-value');
    expect(signed.authorization).toBe(request.headers.authorization);
  });

  it('is what the lean transport sends: service bedrock, the region, the host and body covered', async () => {
    const { lean } = transportPair(canned.url);
    canned.respond({ body: '{"output":{"message":{"role":"assistant","content":[]}}}' });
    await lean.converse({ modelId: 'm', messages: [] }, new AbortController().signal);
    lean.destroy();
    const auth = String(canned.requests[0].headers.authorization);
    expect(auth).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/bedrock\/aws4_request, SignedHeaders=[^ ]*host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
  });
});

describe('BearerSigner', () => {
  it('sends the Bedrock API key as a bearer token and no SigV4 headers', async () => {
    const headers = await new BearerSigner('bedrock-api-key').sign({
      method: 'POST',
      host: 'bedrock-runtime.us-east-1.amazonaws.com',
      path: '/model/m/converse',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(headers).toEqual({
      'content-type': 'application/json',
      host: 'bedrock-runtime.us-east-1.amazonaws.com',
      authorization: 'Bearer bedrock-api-key',
    });
  });
});
