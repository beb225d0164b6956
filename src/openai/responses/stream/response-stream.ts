import type { SseFraming } from '../../../common/sse/sse-frames';
import type { ResponseEvent } from '../dto/response-events.types';
import type { ResponseUsage } from '../dto/response-object.types';

export interface ResponseStreamOutcome {
  usage?: ResponseUsage;
  error?: unknown;
}

/**
 * A response being streamed: its events, and a hook for whoever needs to know how it ended (usage
 * accounting) without adding a layer to the per-event path. The producer calls {@link settle} once.
 */
export class ResponseStream implements AsyncIterable<ResponseEvent> {
  private readonly listeners: ((outcome: ResponseStreamOutcome) => void)[] = [];
  private outcome: ResponseStreamOutcome | undefined;

  constructor(
    private readonly events: AsyncIterator<ResponseEvent>,
    /** Stops the upstream call (client gone); safe to call more than once. */
    readonly cancel: () => void,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<ResponseEvent> {
    return this.events;
  }

  onSettled(listener: (outcome: ResponseStreamOutcome) => void): void {
    if (this.outcome) listener(this.outcome);
    else this.listeners.push(listener);
  }

  settle(outcome: ResponseStreamOutcome): void {
    if (this.outcome) return;
    this.outcome = outcome;
    for (const l of this.listeners) l(outcome);
  }
}

/**
 * The Responses API's SSE grammar: each event named (`event: response.output_text.delta`) and numbered in
 * the order written (`sequence_number`), no `[DONE]` marker; a failure after the first byte is an `error`
 * event with OpenAI's error fields. One framing per stream (it owns the counter).
 */
export function responsesFraming(): SseFraming<ResponseEvent> {
  let sequence = 0;
  const write = (event: ResponseEvent) =>
    `event: ${event.type}\ndata: ${JSON.stringify({ ...event, sequence_number: sequence++ })}\n\n`;
  return {
    frame: write,
    end: '',
    error: (apiError) => {
      const { error } = apiError.toBody();
      return write({
        type: 'error',
        code: error.code ?? error.type,
        message: error.message,
        param: error.param,
      });
    },
  };
}
