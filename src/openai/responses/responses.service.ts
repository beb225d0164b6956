import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context';
import { ApiError } from '../../common/errors/api-error';
import { Inference } from '../../inference/inference';
import { MediaService } from '../../media/media.service';
import type { ResponseEvent } from './dto/response-events.types';
import type { OutputItem, ResponseObject } from './dto/response-object.types';
import type { InputItem, ResponseCreateRequest } from './dto/responses-request.types';
import type { LocatedItem } from './mapping/map-input';
import { mapOutput } from './mapping/map-output';
import { wantsSummary } from './mapping/map-reasoning';
import { mapStatus } from './mapping/map-status';
import { mapTools } from './mapping/map-tools';
import { mapUsage } from './mapping/map-usage';
import { normalizeInput } from './mapping/normalize-input';
import { remoteImages } from './mapping/remote-images';
import type { OutputContext } from './mapping/output-items';
import { finishResponse, responseFrame } from './mapping/response-frame';
import { newId } from './mapping/response-ids';
import { toInferenceRequest } from './mapping/to-inference-request';
import { visibleItem, visibleResponse } from './mapping/visible';
import { ReasoningSealer } from './reasoning/reasoning-sealer';
import { ResponseStore, StoredResponse } from '../../responses/store/response-store';
import { ResponseEventMapper } from './stream/response-event.mapper';
import { ResponseStream } from './stream/response-stream';

const ENCRYPTED_REASONING = 'reasoning.encrypted_content';

export interface CreateOutcome {
  result: ResponseObject | ResponseStream;
  /** Server tools the request offered that Bedrock cannot run, left out (named in a response header). */
  ignoredTools: string[];
}

const notFound = (id: string, param: string | null = null) =>
  new ApiError(404, `No response found with id '${id}'.`, { param, code: 'not_found' });

/**
 * One Responses API call: continue a stored conversation (`previous_response_id`), map the request to the
 * internal model, call Bedrock through {@link Inference}, map the answer (or stream) back, and store it.
 */
@Injectable()
export class ResponsesService {
  constructor(
    private readonly inference: Inference,
    private readonly store: ResponseStore,
    private readonly sealer: ReasoningSealer,
    private readonly media: MediaService,
  ) {}

  async create(req: ResponseCreateRequest, ctx: RequestContext): Promise<CreateOutcome> {
    const owner = ctx.keyName;
    const history = await this.history(req.previous_response_id, owner);
    const input = normalizeInput(req.input);
    const located: LocatedItem[] = [
      ...history.map((item) => ({ item, param: 'previous_response_id' })),
      ...input.map((item, i) => ({ item, param: `input[${i}]` })),
    ];
    const tools = mapTools(req);
    const inputs = await this.inference.accepts(req.model);
    const media = await this.media.prepare(remoteImages(located), inputs.images, ctx.signal);
    const request = toInferenceRequest(req, located, tools, {
      model: req.model,
      inputs,
      media,
      sealer: this.sealer,
      owner,
    });
    const store = req.store !== false;
    const reveal = req.include?.includes(ENCRYPTED_REASONING) ?? false;
    const out: OutputContext = {
      names: tools.names,
      sealer: this.sealer,
      owner,
      summary: wantsSummary(req),
      seal: reveal || store,
    };
    const frame = responseFrame(newId('resp'), req, Math.floor(Date.now() / 1000));
    const keep = (response: ResponseObject) =>
      store ? this.store.put({ owner, response, input, history }) : Promise.resolve();

    if (!req.stream) {
      const answer = await this.inference.complete(request, ctx);
      ctx.modelId ??= answer.modelId;
      const { output, reasoningChars } = mapOutput(answer.content, out);
      const response = finishResponse(
        frame,
        output,
        mapStatus(answer.stopReason),
        mapUsage(answer.usage, reasoningChars),
      );
      await keep(response);
      return { result: visibleResponse(response, reveal), ignoredTools: tools.dropped };
    }
    const upstream = await this.inference.stream(request, ctx);
    ctx.modelId ??= upstream.modelId;
    const source = upstream[Symbol.asyncIterator]();
    const mapper = new ResponseEventMapper(frame, out);
    const stream: ResponseStream = new ResponseStream(
      events(),
      () => void source.return?.()?.catch(() => undefined),
    );
    async function* events(): AsyncGenerator<ResponseEvent> {
      try {
        yield* mapper.start();
        for (let next = await source.next(); !next.done; next = await source.next()) {
          for (const event of mapper.map(next.value)) yield reveal ? event : hideSealed(event);
        }
        const { event, response } = mapper.finish();
        await keep(response);
        stream.settle({ usage: response.usage });
        yield { ...event, response: visibleResponse(response, reveal) };
      } catch (error) {
        stream.settle({ error });
        throw error;
      }
    }
    return { result: stream, ignoredTools: tools.dropped };
  }

  async retrieve(id: string, owner: string, reveal: boolean): Promise<ResponseObject> {
    const record = await this.store.get(id, owner);
    if (!record) throw notFound(id);
    return visibleResponse(record.response, reveal);
  }

  async remove(id: string, owner: string): Promise<{ id: string; object: 'response'; deleted: true }> {
    if (!(await this.store.delete(id, owner))) throw notFound(id);
    return { id, object: 'response', deleted: true };
  }

  async inputItems(id: string, owner: string): Promise<InputItem[]> {
    const record = await this.store.get(id, owner);
    if (!record) throw notFound(id);
    return record.input;
  }

  /** The conversation a previous response ended with: its history, its input and its output. */
  private async history(id: string | null | undefined, owner: string): Promise<InputItem[]> {
    if (!id) return [];
    const prev: StoredResponse | undefined = await this.store.get(id, owner);
    if (!prev) {
      throw new ApiError(404, `Previous response with id '${id}' not found.`, {
        param: 'previous_response_id',
        code: 'previous_response_not_found',
      });
    }
    return [...prev.history, ...prev.input, ...(prev.response.output as OutputItem[] as InputItem[])];
  }
}

function hideSealed(event: ResponseEvent): ResponseEvent {
  const item = event.item as OutputItem | undefined;
  if (item?.type !== 'reasoning' || item.encrypted_content === undefined) return event;
  return { ...event, item: visibleItem(item, false) };
}
