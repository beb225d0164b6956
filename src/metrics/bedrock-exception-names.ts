import * as runtime from '@aws-sdk/client-bedrock-runtime';

/** Failures of our own making that are worth their own label. */
const GATEWAY_NAMES = ['AbortError', 'TimeoutError', 'ClientGoneError', 'TruncatedResponseError', 'ApiError'];

/** Every exception the Bedrock runtime models (the SDK's classes), plus the gateway's own failure names. */
const KNOWN = new Set<string>([
  ...Object.entries(runtime)
    .filter(
      ([, value]) =>
        typeof value === 'function' &&
        (value as { prototype?: unknown }).prototype instanceof runtime.BedrockRuntimeServiceException,
    )
    .map(([name]) => name),
  ...GATEWAY_NAMES,
]);

/** Node and undici connection error codes (`ECONNRESET`, `UND_ERR_SOCKET`): a fixed vocabulary of the runtime. */
const CONNECTION_CODE = /^(E[A-Z]{2,20}|UND_ERR_[A-Z_]{2,30})$/;

/**
 * The label for a failed call's exception: a name Bedrock's model or the gateway defines, a connection error
 * code, else `other`. An unmodeled name in a Bedrock error response is text from the wire; it never becomes a
 * label of its own.
 */
export function exceptionLabel(err: unknown): string {
  if (err === null || typeof err !== 'object') return 'other';
  const name = (err as { name?: unknown }).name;
  if (typeof name === 'string' && KNOWN.has(name)) return name;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODE.test(code)) return code;
  return 'other';
}

/** The call's outcome class, for `bedrock_gateway_bedrock_calls_total`. */
export function outcomeOf(err: unknown, signal: AbortSignal): string {
  if (signal.aborted) {
    const reason = signal.reason as { name?: unknown } | undefined;
    return reason?.name === 'ClientGoneError' ? 'aborted' : 'timeout';
  }
  const e = err as { $metadata?: { httpStatusCode?: number }; $fault?: string; name?: string } | null;
  const status = e?.$metadata?.httpStatusCode;
  if (status === 429 || e?.name === 'ThrottlingException' || e?.name === 'ServiceQuotaExceededException') {
    return 'throttled';
  }
  if (e?.$fault === 'server' || (status !== undefined && status >= 500)) return 'server_error';
  if (e?.$fault === 'client' || (status !== undefined && status >= 400)) return 'client_error';
  return 'network_error';
}
