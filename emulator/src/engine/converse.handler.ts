import { accountCache } from '../generation/cache.accounting';
import { converseBody, converseEvents } from '../generation/converse.render';
import { applyLimits } from '../generation/reply.limits';
import { planReply } from '../generation/reply.planner';
import { promptItems, sumTokens } from '../generation/tokens';
import { buildUsage } from '../generation/usage';
import { checkConverseRequest } from '../validation/converse.rules';
import { requireChatModel, resolveRuntimeModel } from '../validation/model-access.rules';
import type { ConverseRequest } from './converse.types';
import type { EngineOptions, EngineResult, EngineState, RuntimeRequest } from './engine.types';
import { parseJsonBody } from './json.body';
import { signingRegion } from './request.region';
import { validateShape } from '../validation/shape.validator';

/** Converse and ConverseStream: validate, apply Bedrock's rules, generate, render. */
export function handleConverse(
  req: RuntimeRequest,
  state: EngineState,
  options: EngineOptions,
  stream: boolean,
): EngineResult {
  const body = parseJsonBody(req.body);
  validateShape(stream ? 'ConverseStream' : 'Converse', body, req.modelId);
  const { model } = resolveRuntimeModel(req.modelId, signingRegion(req.headers));
  const chat = requireChatModel(model, stream);
  const request = body as ConverseRequest;
  const settings = checkConverseRequest(model, chat, request, stream);

  const planned = planReply({
    model,
    request,
    rawBody: req.body,
    replyWords: options.replyWords,
    thinkingBudget: settings.thinking?.budgetTokens,
  });
  const reply = applyLimits(planned, settings.maxTokens, request.inferenceConfig?.stopSequences);

  const items = promptItems(request);
  const usesCache = items.some((i) => i.cacheTtl !== undefined);
  const cache = usesCache ? accountCache(items, model.modelId, chat.cacheMinTokens, state) : undefined;
  const usage = buildUsage(sumTokens(items), reply.outputTokens, cache);

  const paths = request.additionalModelResponseFieldPaths;
  return stream
    ? { kind: 'events', events: converseEvents(reply, usage, paths), headers: {} }
    : { kind: 'json', body: converseBody(reply, usage, paths) };
}
