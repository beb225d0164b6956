import * as runtime from '@aws-sdk/client-bedrock-runtime';
import { BedrockRuntimeServiceException } from '@aws-sdk/client-bedrock-runtime';
import { decorateServiceException } from '@smithy/core/client';
import type { ResponseMetadata } from '@smithy/types';

type ExceptionOptions = Record<string, unknown> & { message: string; $metadata: ResponseMetadata };
type ExceptionClass = new (options: ExceptionOptions) => BedrockRuntimeServiceException;

/** The SDK's own exception class for a Bedrock error name (`ThrottlingException` …), if it models one. */
function exceptionClass(name: string): ExceptionClass | undefined {
  const candidate = (runtime as unknown as Record<string, unknown>)[name];
  return typeof candidate === 'function' && candidate.prototype instanceof BedrockRuntimeServiceException
    ? (candidate as ExceptionClass)
    : undefined;
}

/**
 * Builds the error the stock SDK client would throw for a Bedrock error (docs/bedrock-protocol.md §6.2): an instance of the
 * SDK's modeled class (`name`, `$fault`, `$metadata`, modeled members such as `originalStatusCode`), or for an
 * unmodeled name a `BedrockRuntimeServiceException` carrying that name, with `$fault` from the HTTP status.
 * The gateway's error table (`common/errors/bedrock-error.table.ts`) then maps both transports alike.
 */
export function bedrockException(
  name: string,
  body: Record<string, unknown>,
  $metadata: ResponseMetadata,
): BedrockRuntimeServiceException {
  const text = body.message ?? body.Message;
  const message = typeof text === 'string' && text !== '' ? text : 'UnknownError';
  const Known = exceptionClass(name);
  if (Known) return new Known({ ...body, message, $metadata });
  const status = $metadata.httpStatusCode ?? 0;
  const error = new BedrockRuntimeServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata,
    message,
  });
  return decorateServiceException(error, body);
}

/**
 * An in-stream exception frame. Its `:exception-type` is the lowerCamel member of the operation's event union
 * (`throttlingException`, docs/bedrock-protocol.md §4.1); only the members the operation models become typed errors.
 */
export function streamException(
  exceptionType: string,
  payload: string,
  modeled: ReadonlySet<string>,
  $metadata: ResponseMetadata,
): Error {
  if (modeled.has(exceptionType)) {
    const name = exceptionType.charAt(0).toUpperCase() + exceptionType.slice(1);
    return bedrockException(name, parseObject(payload), $metadata);
  }
  // What the SDK does with an exception type it does not model: a plain Error carrying the raw payload.
  return Object.assign(new Error(payload), { name: exceptionType });
}

/** Parses an error body; anything but a JSON object counts as an empty one (the SDK does the same). */
export function parseObject(text: string): Record<string, unknown> {
  if (text === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
