import type { RuntimeOperation, RuntimeRequest } from './engine.types';

/** Builds a runtime request the way the protocol layer hands it to the engine (SigV4 for us-east-1). */
export function runtimeRequest(
  operation: RuntimeOperation,
  modelId: string,
  body: unknown,
  headers: Record<string, string> = {},
): RuntimeRequest {
  const raw = Buffer.isBuffer(body)
    ? body
    : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return {
    operation,
    modelId,
    headers: {
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=' +
        '0'.repeat(64),
      'content-type': 'application/json',
      ...headers,
    },
    body: raw,
  };
}

export function userTurn(text: string): { role: string; content: { text: string }[] } {
  return { role: 'user', content: [{ text }] };
}
