import type { ChatCompletionChunk, CompletionUsage } from '../chat-response.types';

export interface StreamOutcome {
  usage?: CompletionUsage;
  error?: unknown;
}

/**
 * A chat completion being streamed: the chunks, whether the client asked for the usage chunk, and hooks for
 * whoever needs to know how it ended (usage accounting) without adding a layer to the per-chunk path.
 */
export class ChatStream implements AsyncIterable<ChatCompletionChunk> {
  private readonly listeners: ((outcome: StreamOutcome) => void)[] = [];
  private outcome: StreamOutcome | undefined;

  private chunks: AsyncIterator<ChatCompletionChunk> | undefined;

  constructor(
    /** Whether the final usage chunk (empty `choices`) is sent to the client. */
    readonly includeUsage: boolean,
    /** Stops the upstream call (client gone); safe to call more than once. */
    readonly cancel: () => void,
  ) {}

  /** Sets the producer; it calls {@link settle} when it ends. */
  attach(chunks: AsyncIterator<ChatCompletionChunk>): this {
    this.chunks = chunks;
    return this;
  }

  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    if (!this.chunks) throw new Error('ChatStream has no producer attached');
    return this.chunks;
  }

  onSettled(listener: (outcome: StreamOutcome) => void): void {
    if (this.outcome) listener(this.outcome);
    else this.listeners.push(listener);
  }

  /** Called once by the producer when the stream ends, well or badly. */
  settle(outcome: StreamOutcome): void {
    if (this.outcome) return;
    this.outcome = outcome;
    for (const l of this.listeners) l(outcome);
  }
}
