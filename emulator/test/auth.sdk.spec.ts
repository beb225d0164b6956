import { ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type RunningEmulator } from '../src';
import { caught, controlClient, converseInput, MODEL, runtimeClient, sigv4Headers } from './support/sdk';

const run = promisify(execFile);
const converseUrl = (emulator: RunningEmulator): string =>
  `${emulator.url}/model/${encodeURIComponent(MODEL)}/converse`;
const BODY = JSON.stringify(converseInput('auth'));

describe('authentication', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({
      secrets: { 'env/secret': 'from-env' },
      parameters: { '/env/param': 'p' },
    });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('answers a request without Authorization as Bedrock does (403, bare AccessDeniedException)', async () => {
    const response = await fetch(converseUrl(emulator), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: BODY,
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ Message: 'Authorization header is missing' });
    expect(emulator.requests()[0]).toMatchObject({
      status: 403,
      errorType: 'AccessDeniedException',
      outcome: 'error',
    });
  });

  it('answers the control plane the same way', async () => {
    const response = await fetch(`${emulator.url}/foundation-models`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ Message: 'Authorization header is missing' });
  });

  it.each([
    [
      'a SigV4 header without Signature',
      {
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/bedrock/aws4_request, SignedHeaders=host',
        'x-amz-date': 'x',
      },
      'IncompleteSignatureException',
    ],
    [
      'SigV4 without x-amz-date',
      { authorization: sigv4Headers().authorization },
      'IncompleteSignatureException',
    ],
    ['a credential scoped to another service', sigv4Headers('s3'), 'InvalidSignatureException'],
    ['an unknown scheme', { authorization: 'Basic dXNlcjpwYXNz' }, 'IncompleteSignatureException'],
  ])('rejects %s with 403 %s', async (_name, headers, type) => {
    const response = await fetch(converseUrl(emulator), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: BODY,
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toMatch(new RegExp(`^${type}:`));
    expect(Object.keys((await response.json()) as object)).toEqual(['message']);
  });

  it('surfaces a rejected signature from the SDK as the header code', async () => {
    const client = runtimeClient(emulator, { maxAttempts: 1 });
    // Sign for the wrong service: the SDK still produces a well-formed header.
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> };
        request.headers.authorization = request.headers.authorization.replace('/bedrock/', '/s3/');
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'breakScope' },
    );
    const error = await caught(() => client.send(new ConverseCommand(converseInput())));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 403 });
  });

  it('accepts SigV4 from both SDK clients and logs only the credential scope', async () => {
    await runtimeClient(emulator).send(new ConverseCommand(converseInput()));
    await controlClient(emulator).send(new ListFoundationModelsCommand({}));
    for (const entry of emulator.requests()) {
      expect(entry.auth).toMatchObject({ scheme: 'sigv4', service: 'bedrock', region: 'us-east-1' });
      expect(entry.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=…\/\d{8}\/us-east-1\/bedrock\/aws4_request$/,
      );
      expect(JSON.stringify(entry)).not.toContain('AKIDEMULATORTEST');
    }
  });

  describe('with AWS_BEARER_TOKEN_BEDROCK set', () => {
    const saved = process.env.AWS_BEARER_TOKEN_BEDROCK;
    beforeEach(() => {
      process.env.AWS_BEARER_TOKEN_BEDROCK = 'bedrock-api-key-for-tests';
    });
    afterEach(() => {
      if (saved === undefined) delete process.env.AWS_BEARER_TOKEN_BEDROCK;
      else process.env.AWS_BEARER_TOKEN_BEDROCK = saved;
    });

    it('accepts the bearer token both SDK clients send instead of SigV4, and never logs it', async () => {
      const out = await runtimeClient(emulator).send(new ConverseCommand(converseInput()));
      expect(out.stopReason).toBe('end_turn');
      await controlClient(emulator).send(new ListFoundationModelsCommand({}));
      const entries = emulator.requests();
      expect(entries.map((e) => e.auth)).toEqual([{ scheme: 'bearer' }, { scheme: 'bearer' }]);
      expect(entries[0].headers['x-amz-date']).toBeUndefined();
      expect(JSON.stringify(entries)).not.toContain('bedrock-api-key-for-tests');
    });
  });

  it('is reached through the standard endpoint environment settings (child process)', async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDCHILD',
      AWS_SECRET_ACCESS_KEY: 'child-secret',
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: emulator.url,
      AWS_ENDPOINT_URL_BEDROCK: emulator.url,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: emulator.url,
      AWS_ENDPOINT_URL_SSM: emulator.url,
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      NODE_NO_WARNINGS: '1',
    };
    const child = path.join(__dirname, 'support', 'env-client.child.js');
    const { stdout } = await run(process.execPath, [child, MODEL, 'env/secret', '/env/param'], {
      env,
      cwd: path.join(__dirname, '..', '..'),
    });
    expect(JSON.parse(stdout)).toEqual({
      stopReason: 'end_turn',
      models: expect.any(Number),
      secret: 'from-env',
      parameter: 'p',
    });
    expect(emulator.requests().map((e) => [e.protocol, e.operation])).toEqual([
      ['h2', 'Converse'],
      ['http/1.1', 'ListFoundationModels'],
      ['http/1.1', 'GetSecretValue'],
      ['http/1.1', 'GetParameter'],
    ]);
  });
});
