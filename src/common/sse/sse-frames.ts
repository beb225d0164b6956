import type { ApiError, OpenAIErrorBody } from '../errors/api-error';

/** Server-sent-event frames as OpenAI writes them: one `data:` line per JSON object, then `[DONE]`. */
export const sseData = (json: string): string => `data: ${json}\n\n`;
export const SSE_DONE = 'data: [DONE]\n\n';
/** An SSE comment: ignored by every client, but bytes on the wire for proxies that close idle connections. */
export const SSE_KEEPALIVE = ': keep-alive\n\n';
export const sseError = (body: OpenAIErrorBody): string => sseData(JSON.stringify(body));

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  // Tells nginx-style proxies not to buffer the stream.
  'x-accel-buffering': 'no',
};

/**
 * How one client protocol writes its events: OpenAI chat's `data:` frames and `[DONE]`, the Responses API's
 * named and numbered events, Anthropic's named events.
 */
export interface SseFraming<T> {
  frame(chunk: T): string;
  /** Written after the last chunk ('' when the dialect has no end marker). */
  end: string;
  /** Written instead of `end` when the stream fails after its first byte (in the dialect's error shape). */
  error(error: ApiError, requestId: string): string;
}

export const OPENAI_CHAT_FRAMING: SseFraming<unknown> = {
  frame: (chunk) => sseData(JSON.stringify(chunk)),
  end: SSE_DONE,
  error: (error) => sseError(error.toBody()),
};
