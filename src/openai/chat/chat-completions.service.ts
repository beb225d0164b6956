import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClientGoneError, type RequestContext } from '../../common/context/request-context';
import { Inference } from '../../inference/inference';
import type { InferenceRequest } from '../../inference/inference-request';
import { startStreams } from '../../inference/start-streams';
import { MediaService, type RemoteImage } from '../../media/media.service';
import type { ChatCompletionRequest } from './chat-request.types';
import type { ChatCompletion } from './chat-response.types';
import { toInferenceRequest } from './request/to-inference-request';
import { ChatStream } from './response/chat-stream';
import type { CompletionMeta } from './response/completion-meta';
import { toChatCompletion } from './response/map-response';
import { mergeChoices } from './response/merge-choices';
import { pumpChunks } from './response/pump-chunks';

/** Every image part whose URL is not a data URL, with the param that names it. */
function remoteImages(req: ChatCompletionRequest): RemoteImage[] {
  const found: RemoteImage[] = [];
  req.messages.forEach((m, i) => {
    if (m.role !== 'user' || typeof m.content === 'string') return;
    m.content.forEach((part, j) => {
      if (part.type === 'image_url' && !part.image_url.url.startsWith('data:')) {
        found.push({ url: part.image_url.url, param: `messages[${i}].content[${j}]` });
      }
    });
  });
  return found;
}

/**
 * The OpenAI chat completions dialect: the request → the internal request, one {@link Inference} call per
 * choice (n > 1), the answers → `chat.completion` or a stream of chunks.
 */
@Injectable()
export class ChatCompletionsService {
  constructor(
    private readonly inference: Inference,
    private readonly media: MediaService,
  ) {}

  async create(req: ChatCompletionRequest, ctx: RequestContext): Promise<ChatCompletion | ChatStream> {
    const inputs = await this.inference.accepts(req.model);
    const media = await this.media.prepare(remoteImages(req), inputs.images, ctx.signal);
    const internal = toInferenceRequest(req, { media, inputs });
    const meta: CompletionMeta = {
      id: `chatcmpl-${randomUUID().replace(/-/g, '')}`,
      created: Math.floor(Date.now() / 1000),
      model: req.model,
    };
    const choices = req.n ?? 1;
    return req.stream
      ? this.stream(internal, req, meta, choices, ctx)
      : this.complete(internal, meta, choices, ctx);
  }

  private async complete(
    internal: InferenceRequest,
    meta: CompletionMeta,
    choices: number,
    ctx: RequestContext,
  ): Promise<ChatCompletion> {
    if (choices === 1) return toChatCompletion(await this.inference.complete(internal, ctx), meta);
    // The other choices' calls stop as soon as one fails.
    const siblings = new AbortController();
    const shared = { ...ctx, signal: AbortSignal.any([ctx.signal, siblings.signal]) };
    try {
      const outs = await Promise.all(
        Array.from({ length: choices }, () => this.inference.complete(internal, shared)),
      );
      ctx.modelId = shared.modelId;
      ctx.servedModel = shared.servedModel;
      ctx.fallbacks = shared.fallbacks;
      return mergeChoices(outs.map((out) => toChatCompletion(out, meta)));
    } catch (err) {
      siblings.abort(err);
      throw err;
    }
  }

  private async stream(
    internal: InferenceRequest,
    req: ChatCompletionRequest,
    meta: CompletionMeta,
    choices: number,
    ctx: RequestContext,
  ): Promise<ChatStream> {
    const sources = await startStreams(
      Array.from({ length: choices }, () => this.inference.stream(internal, ctx)),
    );
    const stream = new ChatStream(req.stream_options?.include_usage === true, () => {
      for (const s of sources) s.cancel?.(new ClientGoneError());
    });
    return stream.attach(pumpChunks(sources, meta, stream));
  }
}
