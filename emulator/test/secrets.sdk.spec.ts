import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { startEmulator, type RunningEmulator } from '../src';
import { caught, secretsClient, ssmClient } from './support/sdk';

describe('Secrets Manager and SSM through the real clients (AWS JSON 1.1)', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({
      secrets: { 'gateway/api-keys': '{"keys":["k1"]}' },
      parameters: { '/gateway/plain': 'hello', '/gateway/secure': { value: 's3cr3t', type: 'SecureString' } },
    });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('GetSecretValue returns a seeded secret, also by its ARN', async () => {
    const client = secretsClient(emulator);
    const out = await client.send(new GetSecretValueCommand({ SecretId: 'gateway/api-keys' }));
    expect(out).toMatchObject({
      Name: 'gateway/api-keys',
      SecretString: '{"keys":["k1"]}',
      VersionStages: ['AWSCURRENT'],
    });
    expect(out.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:\d{12}:secret:gateway\/api-keys-[A-Za-z]{6}$/);
    expect(out.CreatedDate).toBeInstanceOf(Date);
    const again = await client.send(new GetSecretValueCommand({ SecretId: out.ARN }));
    expect(again.SecretString).toBe(out.SecretString);
    expect(emulator.requests()[0]).toMatchObject({
      operation: 'GetSecretValue',
      body: { SecretId: 'gateway/api-keys' },
    });
  });

  it('GetSecretValue of an unknown secret is ResourceNotFoundException', async () => {
    const error = await caught(() =>
      secretsClient(emulator).send(new GetSecretValueCommand({ SecretId: 'nope' })),
    );
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe("Secrets Manager can't find the specified secret.");
  });

  it('serves secrets set from code (string and binary) and restores the seed on reset', async () => {
    emulator.setSecret('gateway/api-keys', 'rotated');
    emulator.setSecret('blob', Buffer.from([1, 2, 3]));
    const client = secretsClient(emulator);
    expect(
      (await client.send(new GetSecretValueCommand({ SecretId: 'gateway/api-keys' }))).SecretString,
    ).toBe('rotated');
    expect(
      Array.from((await client.send(new GetSecretValueCommand({ SecretId: 'blob' }))).SecretBinary ?? []),
    ).toEqual([1, 2, 3]);
    emulator.reset();
    expect(
      (await client.send(new GetSecretValueCommand({ SecretId: 'gateway/api-keys' }))).SecretString,
    ).toBe('{"keys":["k1"]}');
  });

  it('serves secrets set over the control API', async () => {
    const put = await fetch(`${emulator.url}/_emulator/secrets/team/key`, {
      method: 'PUT',
      body: 'raw-value',
    });
    expect(put.status).toBe(204);
    await fetch(`${emulator.url}/_emulator/secrets/json-one`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ SecretString: '{"a":1}' }),
    });
    const client = secretsClient(emulator);
    expect((await client.send(new GetSecretValueCommand({ SecretId: 'team/key' }))).SecretString).toBe(
      'raw-value',
    );
    expect((await client.send(new GetSecretValueCommand({ SecretId: 'json-one' }))).SecretString).toBe(
      '{"a":1}',
    );
    expect((await fetch(`${emulator.url}/_emulator/secrets/team/key`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await caught(() => client.send(new GetSecretValueCommand({ SecretId: 'team/key' })))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('GetParameter returns String values and SecureString values only when decrypted', async () => {
    const client = ssmClient(emulator);
    const plain = await client.send(new GetParameterCommand({ Name: '/gateway/plain' }));
    expect(plain.Parameter).toMatchObject({
      Name: '/gateway/plain',
      Type: 'String',
      Value: 'hello',
      Version: 1,
    });
    expect(plain.Parameter?.ARN).toBe('arn:aws:ssm:us-east-1:123456789012:parameter/gateway/plain');
    const decrypted = await client.send(
      new GetParameterCommand({ Name: '/gateway/secure', WithDecryption: true }),
    );
    expect(decrypted.Parameter?.Value).toBe('s3cr3t');
    const encrypted = await client.send(new GetParameterCommand({ Name: '/gateway/secure' }));
    expect(encrypted.Parameter?.Value).not.toContain('s3cr3t');
  });

  it('GetParameter of an unknown name is ParameterNotFound; updates bump the version', async () => {
    const client = ssmClient(emulator);
    expect((await caught(() => client.send(new GetParameterCommand({ Name: '/missing' })))).name).toBe(
      'ParameterNotFound',
    );
    emulator.setParameter('/gateway/plain', 'v2');
    await fetch(`${emulator.url}/_emulator/parameters//gateway/over-http`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Value: 'x', Type: 'SecureString' }),
    });
    expect((await client.send(new GetParameterCommand({ Name: '/gateway/plain' }))).Parameter).toMatchObject({
      Value: 'v2',
      Version: 2,
    });
    expect(
      (await client.send(new GetParameterCommand({ Name: '/gateway/over-http', WithDecryption: true })))
        .Parameter,
    ).toMatchObject({
      Type: 'SecureString',
      Value: 'x',
    });
  });

  it('answers unsupported AWS JSON operations with UnknownOperationException', async () => {
    const response = await fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: {
        'x-amz-target': 'secretsmanager.CreateSecret',
        'content-type': 'application/x-amz-json-1.1',
        authorization: `AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=${'1'.repeat(64)}`,
        'x-amz-date': '20261122T000000Z',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });
});
