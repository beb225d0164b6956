import { createEngine } from '../src/engine/engine';
import { runtimeRequest } from '../src/engine/engine.test-helpers';
import { REJECTIONS, type RejectionCase } from './rejections.cases';

function headersFor(c: RejectionCase): Record<string, string> {
  const region = c.region ?? 'us-east-1';
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/${region}/bedrock/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
    'content-type': c.contentType ?? 'application/json',
  };
}

describe('Bedrock rejections (engine)', () => {
  it('has at least 30 cases with distinct names', () => {
    expect(REJECTIONS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(REJECTIONS.map((c) => c.name)).size).toBe(REJECTIONS.length);
  });

  it.each(REJECTIONS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = createEngine().handle(runtimeRequest(c.operation, c.modelId, c.body, headersFor(c)));
    expect(result).toEqual({
      kind: 'error',
      error: { type: c.exception, status: c.status, message: c.message },
    });
  });
});
