import type { BedrockErrorSpec } from '../engine/engine.types';

/**
 * Status and a real (or realistic) message for each Bedrock exception, used when a fault names only the
 * exception. Statuses: docs/bedrock-protocol.md §6.1. Messages: §6.3 and public issue threads (ServiceUnavailable:
 * darko-mesaros/bedrust#47; ResourceNotFound: truera/trulens#779). ModelNotReady, ModelError and
 * ServiceQuotaExceeded wordings were not found in captured responses and paraphrase the model docs.
 */
const DEFAULTS: Readonly<
  Record<string, { status: number; message: string; extra?: Record<string, unknown> }>
> = {
  ValidationException: {
    status: 400,
    message: 'Malformed input request, please reformat your input and try again.',
  },
  ConflictException: { status: 400, message: 'The request could not be completed due to a conflict.' },
  ServiceQuotaExceededException: {
    status: 400,
    message:
      'Your request exceeds the service quota for your account. Check your Bedrock model invocation quotas.',
  },
  AccessDeniedException: {
    status: 403,
    message: "You don't have access to the model with the specified model ID.",
  },
  ResourceNotFoundException: {
    status: 404,
    message: 'Could not resolve the foundation model from the provided model identifier.',
  },
  ModelTimeoutException: {
    status: 408,
    message: 'Model has timed out in processing the request. Try your request again.',
  },
  ModelErrorException: {
    status: 424,
    message: 'The model encountered an error while processing the request. Try your request again.',
    extra: { originalStatusCode: 500 },
  },
  ModelStreamErrorException: {
    status: 424,
    message: 'The system encountered an unexpected error during processing. Try your request again.',
    extra: { originalStatusCode: 500 },
  },
  ThrottlingException: { status: 429, message: 'Too many requests, please wait before trying again.' },
  ModelNotReadyException: {
    status: 429,
    message: 'The model is not ready to serve inference requests. Try your request again later.',
  },
  InternalServerException: {
    status: 500,
    message: 'The system encountered an unexpected error during processing. Try your request again.',
  },
  ServiceUnavailableException: { status: 503, message: 'Bedrock is unable to process your request.' },
};

/** `throttling`, `Throttling`, `throttlingException` → `ThrottlingException`. */
export function pascalExceptionName(name: string): string {
  const pascal = name.charAt(0).toUpperCase() + name.slice(1);
  return pascal.endsWith('Exception') ? pascal : `${pascal}Exception`;
}

/** In-stream exceptions use the lowerCamel member name as `:exception-type` (§0.4). */
export function camelExceptionName(name: string): string {
  const pascal = pascalExceptionName(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** Fills status, message and modeled extras for an exception named by a fault. */
export function errorSpecFor(
  name: string,
  overrides: { status?: number; message?: string; extra?: Record<string, unknown> } = {},
): BedrockErrorSpec {
  const type = pascalExceptionName(name);
  const known = DEFAULTS[type];
  return {
    type: type as BedrockErrorSpec['type'],
    status: overrides.status ?? known?.status ?? 400,
    message: overrides.message ?? known?.message ?? `${type} (injected by the emulator)`,
    extra: overrides.extra ?? known?.extra,
  };
}
