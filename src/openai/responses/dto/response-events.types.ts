import type { ResponseObject } from './response-object.types';

/**
 * One server-sent event of a streamed response, without its `sequence_number` (the stream numbers events as
 * it writes them). https://platform.openai.com/docs/api-reference/responses-streaming
 */
export type ResponseEvent = { type: string } & Record<string, unknown>;

export interface NumberedEvent extends ResponseEvent {
  sequence_number: number;
}

export type ResponseSnapshot = ResponseObject;
