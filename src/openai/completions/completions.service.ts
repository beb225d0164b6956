import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClientGoneError, type RequestContext } from '../../common/context/request-context';
import { Inference } from '../../inference/inference';
import type { InferenceStream } from '../../inference/inference-response';
import { startStreams } from '../../inference/start-streams';
import { ChatStream } from '../chat/response/chat-stream';
import { mergeStreams } from '../chat/response/merge-streams';
import {
  chunk,
  completionText,
  finishReason,
  promptsOf,
  streamPiece,
  sumUsage,
  toInferenceRequest,
  toUsage,
  type CompletionMeta,
} from './completion-mapping';
import type { Completion, CompletionRequest, CompletionUsage } from './completion.types';

/**
 * The OpenAI legacy completions dialect: each prompt × n is one call through the middle (always the model
 * family's native InvokeModel API), answered as `text_completion` objects or chunks. Choice `i * n + j` is
 * the j-th completion of the i-th prompt, as OpenAI numbers them. `echo` puts the prompt before the text.
 */
@Injectable()
export class CompletionsService {
  constructor(private readonly inference: Inference) {}

  async create(req: CompletionRequest, ctx: RequestContext): Promise<Completion | ChatStream<Completion>> {
    const n = req.n ?? 1;
    const jobs = promptsOf(req).flatMap((prompt) =>
      Array.from({ length: n }, () => ({ prompt, internal: toInferenceRequest(req, prompt) })),
    );
    const meta: CompletionMeta = {
      id: `cmpl-${randomUUID().replace(/-/g, '')}`,
      created: Math.floor(Date.now() / 1000),
      model: req.model,
    };
    const echo = req.echo === true;
    if (!req.stream) {
      const outs = await Promise.all(jobs.map((j) => this.inference.complete(j.internal, ctx)));
      return {
        id: meta.id,
        object: 'text_completion',
        created: meta.created,
        model: meta.model,
        choices: outs.map((out, index) => ({
          text: (echo ? jobs[index].prompt : '') + completionText(out.content),
          index,
          logprobs: null,
          finish_reason: finishReason(out.stopReason),
        })),
        usage: sumUsage(outs.map((o) => toUsage(o.usage))),
      };
    }
    const sources = await startStreams(jobs.map((j) => this.inference.stream(j.internal, ctx)));
    const stream = new ChatStream<Completion>(req.stream_options?.include_usage === true, () => {
      for (const s of sources) s.cancel?.(new ClientGoneError());
    });
    return stream.attach(pump(sources, echo ? jobs.map((j) => j.prompt) : undefined, meta, stream));
  }
}

async function* pump(
  sources: InferenceStream[],
  echoes: string[] | undefined,
  meta: CompletionMeta,
  stream: ChatStream<Completion>,
): AsyncGenerator<Completion> {
  const include = stream.includeUsage;
  const usages: CompletionUsage[] = [];
  let finished = false;
  try {
    if (echoes)
      for (const [index, prompt] of echoes.entries()) yield chunk(meta, index, prompt, null, include);
    for await (const { source, item } of mergeStreams(sources)) {
      const piece = streamPiece(item);
      if (!piece) continue;
      if ('text' in piece) yield chunk(meta, source, piece.text, null, include);
      else if ('finish' in piece) yield chunk(meta, source, '', piece.finish, include);
      else usages.push(piece.usage);
    }
    finished = true;
    const usage = usages.length > 0 ? sumUsage(usages) : undefined;
    stream.settle({ usage });
    if (usage && include) {
      yield {
        id: meta.id,
        object: 'text_completion',
        created: meta.created,
        model: meta.model,
        choices: [],
        usage,
      };
    }
  } catch (err) {
    stream.settle({ usage: usages.length > 0 ? sumUsage(usages) : undefined, error: err });
    throw err;
  } finally {
    if (!finished) for (const s of sources) s.cancel?.();
  }
}
