import type { SseFraming } from '../../common/sse/sse-frames';
import type { AnthropicJson } from '../../inference/anthropic-native';
import { toAnthropicError } from '../errors/anthropic-error';

/**
 * Anthropic's stream grammar: every event is `event: <type>` plus its JSON as `data:`; nothing follows
 * `message_stop`; a failure after the first byte is an `error` event, after which the stream ends
 * (https://docs.anthropic.com/en/docs/build-with-claude/streaming).
 */
export const ANTHROPIC_FRAMING: SseFraming<AnthropicJson> = {
  frame: (event) => `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`,
  end: '',
  error: (error, requestId) =>
    `event: error\ndata: ${JSON.stringify(toAnthropicError(error, requestId).body)}\n\n`,
};

/** Anthropic's keep-alive event, as its API sends it during long silences. */
export const ANTHROPIC_PING = 'event: ping\ndata: {"type":"ping"}\n\n';
