import { checkAuth, describeAuth } from './auth.check';

const SIG = 'a'.repeat(64);
const sigv4 = (service = 'bedrock', signature = SIG): string =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`;

describe('checkAuth', () => {
  it('accepts well-formed SigV4 and keeps only the credential scope', () => {
    const result = checkAuth({ authorization: sigv4(), 'x-amz-date': '20261122T000000Z' }, 'bedrock');
    expect(result).toEqual({
      ok: true,
      auth: {
        scheme: 'sigv4',
        scope: '20261122/eu-west-1/bedrock/aws4_request',
        region: 'eu-west-1',
        service: 'bedrock',
      },
    });
  });

  it('answers a missing header the way Bedrock does (§12)', () => {
    expect(checkAuth({}, 'bedrock')).toEqual({
      ok: false,
      failure: {
        type: 'AccessDeniedException',
        message: 'Authorization header is missing',
        messageKey: 'Message',
      },
    });
  });

  it('accepts a bearer token for Bedrock only', () => {
    expect(checkAuth({ authorization: 'Bearer abc' }, 'bedrock')).toEqual({
      ok: true,
      auth: { scheme: 'bearer' },
    });
    expect(checkAuth({ authorization: 'Bearer abc' }, 'secretsmanager')).toMatchObject({
      ok: false,
      failure: { type: 'IncompleteSignatureException' },
    });
    expect(checkAuth({ authorization: 'Bearer ' }, 'bedrock')).toMatchObject({ ok: false });
  });

  it('lists every missing SigV4 part, including the date header', () => {
    const result = checkAuth(
      { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/bedrock/aws4_request' },
      'bedrock',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.type).toBe('IncompleteSignatureException');
    expect(result.failure.message).toContain("requires 'Signature' parameter");
    expect(result.failure.message).toContain("requires 'SignedHeaders' parameter");
    expect(result.failure.message).toContain("'X-Amz-Date'");
    expect(result.failure.message).not.toContain("'Credential'");
  });

  it('rejects a scope for another service', () => {
    const result = checkAuth({ authorization: sigv4('s3'), 'x-amz-date': 'x' }, 'bedrock');
    expect(result).toMatchObject({ ok: false, failure: { type: 'InvalidSignatureException' } });
    expect(!result.ok && result.failure.message).toContain("'bedrock'");
  });

  it.each([
    ['a signature that is not 64 hex digits', sigv4('bedrock', 'xyz')],
    ['a credential without the aws4_request terminator', sigv4().replace('/aws4_request', '')],
    ['an unknown scheme', 'Basic dXNlcjpwYXNz'],
  ])('rejects %s', (_name, header) => {
    expect(checkAuth({ authorization: header, 'x-amz-date': 'x' }, 'bedrock').ok).toBe(false);
  });
});

describe('describeAuth', () => {
  it('never reveals keys, signatures or tokens', () => {
    const header = sigv4();
    const result = checkAuth({ authorization: header, 'x-amz-date': 'x' }, 'bedrock');
    const shown = describeAuth(result.ok ? result.auth : undefined, header);
    expect(shown).toContain('20261122/eu-west-1/bedrock/aws4_request');
    expect(shown).not.toContain('AKIDEXAMPLE');
    expect(shown).not.toContain(SIG);
    expect(describeAuth({ scheme: 'bearer' }, 'Bearer secret-token')).not.toContain('secret-token');
    expect(describeAuth(undefined, 'Basic c2VjcmV0')).toBe('Basic …');
  });
});
