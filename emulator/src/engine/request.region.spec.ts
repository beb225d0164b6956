import { signingRegion } from './request.region';

describe('signingRegion', () => {
  it('reads the region from the SigV4 credential scope', () => {
    const authorization =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/bedrock/aws4_request, SignedHeaders=host, Signature=' +
      'a'.repeat(64);
    expect(signingRegion({ authorization })).toBe('eu-west-1');
  });

  it('falls back to us-east-1 for bearer tokens and missing headers', () => {
    expect(signingRegion({ authorization: 'Bearer abc' })).toBe('us-east-1');
    expect(signingRegion({})).toBe('us-east-1');
  });
});
