import type { SseSource } from '../common/sse/sse-readable';
import type { AnthropicEventStream, AnthropicJson, AnthropicUsage } from '../inference/anthropic-native';

export interface MessagesStreamOutcome {
  usage: AnthropicUsage;
  error?: unknown;
}

/**
 * A Messages answer being streamed: the Anthropic events, and one callback when it ends (well or badly) for
 * usage accounting, without a layer on the per-event path beyond this generator.
 */
export class MessagesStream implements SseSource<AnthropicJson> {
  constructor(
    private readonly events: AnthropicEventStream,
    private readonly onSettled: (outcome: MessagesStreamOutcome) => void,
  ) {}

  get modelId(): string {
    return this.events.modelId;
  }

  cancel(): void {
    this.events.cancel();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<AnthropicJson> {
    let outcome: unknown = 'cancelled';
    try {
      yield* this.events;
      outcome = undefined;
    } catch (err) {
      outcome = err;
      throw err;
    } finally {
      // Also reached when the reader stops early (the client left): that counts as an error too.
      this.onSettled({ usage: this.events.usage(), error: outcome });
    }
  }
}
