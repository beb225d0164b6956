import type { InvokeStreamChunk } from '../../../../bedrock/bedrock-client';
import type { UpstreamCall } from '../../../../bedrock/upstream-call';
import { ApiError } from '../../../../common/errors/api-error';
import type {
  AnthropicEventStream,
  AnthropicJson,
  AnthropicUsage,
} from '../../../../inference/anthropic-native';

/** Bedrock appends its own invocation metrics to the last native chunk (wire doc §4.4); not Anthropic's. */
const BEDROCK_METRICS = 'amazon-bedrock-invocationMetrics';
const PING: AnthropicJson = Object.freeze({ type: 'ping' }) as AnthropicJson;

function mergeUsage(into: AnthropicUsage, from: unknown): void {
  if (!from || typeof from !== 'object') return;
  for (const [key, value] of Object.entries(from)) {
    if (typeof value === 'number') (into as unknown as Record<string, number>)[key] = value;
  }
}

/**
 * Bedrock's native Claude stream relayed as Anthropic's: each `chunk` is one Anthropic event already, so the
 * relay only names the model as the client did, drops Bedrock's metrics member, adds the `ping` Anthropic
 * sends after `message_start`, and keeps the usage. A stream that ends without `message_stop` was cut.
 */
export class ClaudeEventStream implements AnthropicEventStream {
  private readonly total: AnthropicUsage = { input_tokens: 0, output_tokens: 0 };
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly chunks: AsyncIterable<InvokeStreamChunk>,
    private readonly call: UpstreamCall,
    readonly modelId: string,
    private readonly requestedModel: string,
    private readonly idleTimeoutMs: number,
  ) {}

  usage(): AnthropicUsage {
    return this.total;
  }

  cancel(reason?: unknown): void {
    this.call.abort(reason);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<AnthropicJson> {
    let stopped = false;
    try {
      this.call.touch(this.idleTimeoutMs);
      for await (const { chunk } of this.chunks) {
        this.call.touch(this.idleTimeoutMs);
        const event = JSON.parse(this.decoder.decode(chunk.bytes)) as AnthropicJson;
        if (BEDROCK_METRICS in event) delete event[BEDROCK_METRICS];
        if (event.type === 'message_start') {
          const message = event.message as AnthropicJson;
          message.model = this.requestedModel;
          mergeUsage(this.total, message.usage);
          yield event;
          yield PING;
          continue;
        }
        if (event.type === 'message_delta') mergeUsage(this.total, event.usage);
        else if (event.type === 'message_stop') stopped = true;
        yield event;
      }
    } catch (err) {
      throw this.call.explain(err);
    } finally {
      this.call.dispose();
    }
    if (!stopped) {
      throw new ApiError(502, 'Bedrock ended the stream before the message was complete.', {
        code: 'upstream_incomplete',
      });
    }
  }
}
