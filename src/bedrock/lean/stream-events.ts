import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { Message, ResponseMetadata } from '@smithy/types';
import type { InvokeStreamChunk } from '../bedrock-client';
import { streamException } from './bedrock-exception';
import { bodyText, headerText } from './event-frames';
import type { EventDecoder } from './event-stream-reader';
import { decodeDeltaBlobs } from './response-blobs';
import { fromBase64 } from './wire-json';

/** ConverseStream's event union members; any other `:event-type` is skipped, as the SDK skips it. */
const CONVERSE_EVENTS = new Set([
  'messageStart',
  'contentBlockStart',
  'contentBlockDelta',
  'contentBlockStop',
  'messageStop',
  'metadata',
]);
/** The exceptions each streaming operation models (docs/bedrock-protocol.md §4, §6.1). */
const CONVERSE_EXCEPTIONS = new Set([
  'internalServerException',
  'modelStreamErrorException',
  'validationException',
  'throttlingException',
  'serviceUnavailableException',
]);
const INVOKE_EXCEPTIONS = new Set([...CONVERSE_EXCEPTIONS, 'modelTimeoutException']);

/** A frame that is not an event: a modeled exception, an unmodeled `error`, or something unknown. */
function frameError(
  message: Message,
  messageType: string | undefined,
  modeled: ReadonlySet<string>,
  $metadata: ResponseMetadata,
): Error {
  if (messageType === 'exception') {
    return streamException(
      headerText(message, ':exception-type') ?? '',
      bodyText(message),
      modeled,
      $metadata,
    );
  }
  if (messageType === 'error') {
    const error = new Error(headerText(message, ':error-message') ?? 'UnknownError');
    error.name = headerText(message, ':error-code') ?? 'UnknownError';
    return error;
  }
  return new Error(`Unrecognizable event type: ${headerText(message, ':event-type') ?? messageType}`);
}

/** The event JSON without Bedrock's random-length `p` padding member (§0.5), which the SDK drops too. */
function payloadOf(message: Message): Record<string, unknown> {
  const payload = JSON.parse(bodyText(message)) as Record<string, unknown>;
  delete payload.p;
  return payload;
}

export const converseStreamEvent: EventDecoder<ConverseStreamOutput> = (message, $metadata) => {
  const messageType = headerText(message, ':message-type');
  if (messageType !== 'event') throw frameError(message, messageType, CONVERSE_EXCEPTIONS, $metadata);
  const type = headerText(message, ':event-type');
  if (type === undefined || !CONVERSE_EVENTS.has(type)) return undefined;
  const payload = payloadOf(message);
  if (type === 'contentBlockDelta') decodeDeltaBlobs(payload);
  return { [type]: payload } as unknown as ConverseStreamOutput;
};

export const invokeStreamChunk: EventDecoder<InvokeStreamChunk> = (message, $metadata) => {
  const messageType = headerText(message, ':message-type');
  if (messageType !== 'event') throw frameError(message, messageType, INVOKE_EXCEPTIONS, $metadata);
  if (headerText(message, ':event-type') !== 'chunk') return undefined;
  const bytes = payloadOf(message).bytes;
  return { chunk: { bytes: typeof bytes === 'string' ? fromBase64(bytes) : new Uint8Array(0) } };
};
