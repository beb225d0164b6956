import type { CatalogModel } from '../catalog/catalog.types';
import { accountCache } from '../generation/cache.accounting';
import { EMBEDDERS } from '../generation/embeddings/embed.registry';
import { nativeChatAdapter } from '../generation/native/native.registry';
import type { NativeChatAdapter, NativeContext } from '../generation/native/native.types';
import { applyLimits } from '../generation/reply.limits';
import { planReply } from '../generation/reply.planner';
import type { OutBlock } from '../generation/reply.types';
import { promptItems, sumTokens } from '../generation/tokens';
import { nominalLatencyMs } from '../generation/usage';
import { resolveRuntimeModel, UNSUPPORTED_FOR_STREAMING } from '../validation/model-access.rules';
import { checkNativeBody, parseNativeJson } from '../validation/native-schema';
import { validateShape } from '../validation/shape.validator';
import { validationError } from './engine.errors';
import type { EngineOptions, EngineResult, EngineState, StreamEvent } from './engine.types';
import type { RuntimeRequest } from './engine.types';
import { signingRegion } from './request.region';

// Real message (docs/bedrock-protocol.md §2.2); the model doc says "You must specify application/json".
export const BAD_CONTENT_TYPE = 'The provided Content Type is invalid or not supported for this model';

function tokenHeaders(inputTokens: number, outputTokens: number): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-amzn-bedrock-input-token-count': String(inputTokens),
    'x-amzn-bedrock-output-token-count': String(outputTokens),
    'x-amzn-bedrock-invocation-latency': String(nominalLatencyMs(outputTokens)),
  };
}

/** IMWRS `chunk` events carry base64 JSON; Bedrock adds its invocation metrics to the last one (docs/bedrock-protocol.md §4.4). */
function chunkEvents(chunks: Record<string, unknown>[], ctx: NativeContext): StreamEvent[] {
  const latency = nominalLatencyMs(ctx.outputTokens);
  chunks[chunks.length - 1]['amazon-bedrock-invocationMetrics'] = {
    inputTokenCount: ctx.inputTokens,
    outputTokenCount: ctx.outputTokens,
    invocationLatency: latency,
    firstByteLatency: Math.min(latency, 100),
  };
  return chunks.map((c) => ({
    eventType: 'chunk',
    payload: { bytes: Buffer.from(JSON.stringify(c)).toString('base64') },
  }));
}

/** Keeps only the first tool call when the body asked for no parallel calls. */
function singleCall(blocks: OutBlock[], single: boolean | undefined): OutBlock[] {
  if (!single) return blocks;
  let seen = false;
  return blocks.filter((b) => b.kind !== 'toolUse' || (!seen && (seen = true)));
}

function invokeChat(
  adapter: NativeChatAdapter,
  model: CatalogModel,
  body: Record<string, unknown>,
  req: RuntimeRequest,
  state: EngineState,
  options: EngineOptions,
  stream: boolean,
): EngineResult {
  const turn = adapter.turn(body, model);
  const planned = planReply({
    model,
    request: turn.request,
    rawBody: req.body,
    replyWords: options.replyWords,
    thinkingBudget: turn.thinkingBudget,
  });
  const reply = applyLimits(singleCall(planned, turn.singleToolCall), turn.maxTokens, turn.stopSequences);
  const items = promptItems(turn.request);
  const chat = model.chat;
  const cache =
    chat?.promptCaching && items.some((i) => i.cacheTtl !== undefined)
      ? accountCache(items, model.modelId, chat.cacheMinTokens, state)
      : undefined;
  const ctx: NativeContext = {
    model,
    rawBody: req.body,
    inputTokens: sumTokens(items),
    outputTokens: reply.outputTokens,
    cache,
  };
  const headers = tokenHeaders(ctx.inputTokens, ctx.outputTokens);
  if (!stream)
    return { kind: 'raw', body: Buffer.from(JSON.stringify(adapter.response(reply, ctx))), headers };
  const { 'content-type': _json, ...rest } = headers;
  return {
    kind: 'events',
    events: chunkEvents(adapter.chunks(reply, ctx), ctx),
    headers: { ...rest, 'x-amzn-bedrock-content-type': 'application/json' },
  };
}

/** InvokeModel and InvokeModelWithResponseStream: model-native bodies per family (docs/bedrock-protocol.md §8). */
export function handleInvoke(
  req: RuntimeRequest,
  state: EngineState,
  options: EngineOptions,
  stream: boolean,
): EngineResult {
  validateShape(
    stream ? 'InvokeModelWithResponseStream' : 'InvokeModel',
    undefined,
    req.modelId,
    req.headers,
  );
  const { model } = resolveRuntimeModel(req.modelId, signingRegion(req.headers));
  if ((req.headers['content-type'] ?? '').toLowerCase() !== 'application/json')
    throw validationError(BAD_CONTENT_TYPE);
  const body = parseNativeJson(req.body);

  const embedder = EMBEDDERS[model.family];
  if (embedder) {
    if (stream) throw validationError(UNSUPPORTED_FOR_STREAMING);
    checkNativeBody(body, embedder.spec);
    const result = embedder.embed(body, model);
    return {
      kind: 'raw',
      body: Buffer.from(JSON.stringify(result.body)),
      headers: tokenHeaders(result.inputTokens, 0),
    };
  }
  const adapter = nativeChatAdapter(model, body);
  if (!adapter) throw validationError(BAD_CONTENT_TYPE);
  checkNativeBody(body, adapter.spec);
  return invokeChat(adapter, model, body, req, state, options, stream);
}
