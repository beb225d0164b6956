import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BedrockClient } from '../bedrock/bedrock-client';
import { ModelResolver } from '../catalog/model.resolver';
import { ApiError } from '../common/errors/api-error';
import { ClientGoneError, RequestContext } from '../common/context/request-context';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { AdapterRegistry } from '../providers/adapter.registry';
import type { ChatAdapter } from '../providers/chat-adapter';
import { makeChunk, makeUsageChunk } from '../providers/converse/chunk-factory';
import type { CompletionMeta } from '../providers/converse/completion-meta';
import type { MappingContext } from '../providers/converse/request-context';
import { newStreamState, StreamState } from '../providers/converse/stream-state';
import type { ChatCompletionRequest } from './dto/chat-request.types';
import type { ChatCompletion, ChatCompletionChunk, CompletionUsage } from './dto/chat-response.types';
import { MediaService } from './media/media.service';
import { ChatStream } from './stream/chat-stream';
import { UpstreamCall } from '../bedrock/upstream-call';

/** Orchestrates one chat completion: resolve the model, map the request, call Bedrock, map the answer back. */
@Injectable()
export class ChatService {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly resolver: ModelResolver,
    private readonly registry: AdapterRegistry,
    private readonly bedrock: BedrockClient,
    private readonly media: MediaService,
  ) {}

  async create(req: ChatCompletionRequest, ctx: RequestContext): Promise<ChatCompletion | ChatStream> {
    if (req.n != null && req.n > 1) {
      throw new ApiError(
        400,
        'Only n=1 is supported: Bedrock returns one choice per request; send n separate requests.',
        {
          param: 'n',
          code: 'unsupported_value',
        },
      );
    }
    const model = await this.resolver.resolve(req.model, 'chat');
    if (model.profile.kind !== 'chat') {
      throw new ApiError(400, `The model '${req.model}' is an embedding model; use it with /v1/embeddings.`, {
        param: 'model',
        code: 'invalid_model',
      });
    }
    ctx.modelId = model.modelId;
    const adapter = this.registry.forModel(model);
    const mapping: MappingContext = {
      model,
      settings: {
        defaultMaxTokens: this.config.defaultMaxTokens,
        enablePromptCaching: this.config.enablePromptCaching,
      },
      media: await this.media.prepare(req, ctx.signal),
    };
    const input = adapter.buildConverseRequest(req, mapping);
    const meta: CompletionMeta = {
      id: `chatcmpl-${randomUUID().replace(/-/g, '')}`,
      created: Math.floor(Date.now() / 1000),
      model: req.model,
      singleToolCall: req.parallel_tool_calls === false,
    };
    const call = new UpstreamCall(ctx.signal, this.config.upstreamTimeoutMs);
    if (!req.stream) {
      try {
        const out = await this.bedrock.converse(input, call.signal);
        // A response cut off after its headers reaches the SDK's HTTP/2 handler as an empty success.
        if (!out.output?.message || !out.stopReason) {
          throw new ApiError(502, 'Bedrock returned an incomplete response.', {
            code: 'upstream_incomplete',
          });
        }
        return adapter.toChatCompletion(out, meta);
      } catch (err) {
        throw call.explain(err);
      } finally {
        call.dispose();
      }
    }
    let events: AsyncIterable<ConverseStreamOutput>;
    try {
      events = await this.bedrock.converseStream(input, call.signal);
    } catch (err) {
      call.dispose();
      throw call.explain(err);
    }
    const stream = new ChatStream(req.stream_options?.include_usage === true, () =>
      call.abort(new ClientGoneError()),
    );
    return stream.attach(this.pump(events, adapter, newStreamState(meta), call, stream));
  }

  /** Bedrock events → chunks. Errors after the first byte propagate to the SSE writer, which reports them in-band. */
  private async *pump(
    events: AsyncIterable<ConverseStreamOutput>,
    adapter: ChatAdapter,
    state: StreamState,
    call: UpstreamCall,
    stream: ChatStream,
  ): AsyncGenerator<ChatCompletionChunk> {
    const { meta } = state;
    let usage: CompletionUsage | undefined;
    let finished = false;
    try {
      call.touch(this.config.streamIdleTimeoutMs);
      for await (const event of events) {
        call.touch(this.config.streamIdleTimeoutMs);
        const out = adapter.mapStreamEvent(event, state);
        if (!out) continue;
        if (out.kind === 'delta') yield makeChunk(meta, out.delta, null, stream.includeUsage);
        else if (out.kind === 'finish') yield makeChunk(meta, {}, out.reason, stream.includeUsage);
        else usage = out.usage;
      }
      if (!state.finishReason) {
        throw new ApiError(502, 'The Bedrock stream ended before the answer was complete.', {
          code: 'upstream_stream_truncated',
        });
      }
      finished = true;
      stream.settle({ usage });
      if (usage && stream.includeUsage) yield makeUsageChunk(meta, usage);
    } catch (err) {
      const error = call.explain(err);
      stream.settle({ usage, error });
      throw error;
    } finally {
      // Left early (the consumer stopped reading): stop Bedrock too.
      if (finished) call.dispose();
      else call.abort(new ClientGoneError());
    }
  }
}
