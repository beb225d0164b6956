import type { OutgoingHeaders } from '../transport/exchange.types';

/** Error namespaces seen in real `x-amzn-ErrorType` values (docs/bedrock-protocol.md §0.3, §6.2). */
export const BEDROCK_NAMESPACE = 'http://internal.amazon.com/coral/com.amazon.bedrock/';
export const CORAL_SERVICE_NAMESPACE = 'http://internal.amazon.com/coral/com.amazon.coral.service/';

export interface ErrorResponse {
  status: number;
  /** The error code clients see (SDK exception name). */
  type: string;
  headers: OutgoingHeaders;
  body: Buffer;
}

const errorTypeHeaderCache = new Map<string, string>();

function errorTypeHeader(type: string, namespace: string | null): string {
  if (namespace === null) return type;
  const key = type + namespace;
  let value = errorTypeHeaderCache.get(key);
  if (value === undefined) {
    value = `${type}:${namespace}`;
    errorTypeHeaderCache.set(key, value);
  }
  return value;
}

/**
 * REST-JSON error (Bedrock runtime and control plane, §6.2): status, `x-amzn-ErrorType`, JSON body with
 * lower-case `message` plus modeled extras and nothing else.
 */
export function restJsonError(
  status: number,
  type: string,
  body: Record<string, unknown>,
  /** null sends the bare code (as Bedrock does for a missing Authorization header). */
  namespace: string | null = BEDROCK_NAMESPACE,
): ErrorResponse {
  return {
    status,
    type,
    headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': errorTypeHeader(type, namespace) },
    body: Buffer.from(JSON.stringify(body)),
  };
}

/** AWS JSON 1.1 error (Secrets Manager, SSM): the code travels in the body's `__type`. */
export function awsJsonError(status: number, type: string, message: string | undefined): ErrorResponse {
  const body = message === undefined ? { __type: type } : { __type: type, message };
  return {
    status,
    type,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: Buffer.from(JSON.stringify(body)),
  };
}
