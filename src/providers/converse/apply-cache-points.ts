import type { ContentBlock, ConverseRequest, SystemContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../catalog/resolved-model';
import type { InferenceRequest } from '../../inference/inference-request';
import type { RequestSettings } from './request-settings';

/** Bedrock accepts at most four cache points per request (docs/bedrock-protocol.md, "Prompt caching"). */
export const MAX_CACHE_POINTS = 4;
const CACHE_POINT: ContentBlock = { cachePoint: { type: 'default' } };

/**
 * Where automatic cache points go: after the system prompt and after the last user turn, when
 * ENABLE_PROMPT_CACHING is on — or as the request's own caching preference says (it overrides the setting).
 */
function preferences(req: InferenceRequest, enabled: boolean): { system: boolean; messages: boolean } {
  return { system: req.caching?.system ?? enabled, messages: req.caching?.messages ?? enabled };
}

const isCachePoint = (b: ContentBlock | SystemContentBlock) => b.cachePoint !== undefined;

/**
 * Places and limits cache points. Models without prompt caching get none (Bedrock answers a cache point there
 * with AccessDenied; a cache hint must not fail a request). Past four, the earliest go: a later point covers
 * a longer prefix, which includes what an earlier one would have cached.
 */
export function applyCachePoints(
  request: ConverseRequest,
  req: InferenceRequest,
  model: ResolvedModel,
  settings: RequestSettings,
): void {
  const system = request.system ?? [];
  const messages = request.messages ?? [];
  if (!model.profile.chat.promptCaching) {
    request.system = system.filter((b) => !isCachePoint(b));
    if (request.system.length === 0) delete request.system;
    for (const m of messages) m.content = m.content?.filter((b) => !isCachePoint(b));
    return;
  }
  const want = preferences(req, settings.enablePromptCaching);
  if (want.system && system.length > 0 && !isCachePoint(system[system.length - 1]))
    system.push({ cachePoint: { type: 'default' } });
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  if (
    want.messages &&
    lastUser?.content?.length &&
    !isCachePoint(lastUser.content[lastUser.content.length - 1])
  ) {
    lastUser.content.push(CACHE_POINT);
  }
  let excess =
    [...system, ...messages.flatMap((m) => m.content ?? [])].filter(isCachePoint).length - MAX_CACHE_POINTS;
  const drop = <T extends ContentBlock | SystemContentBlock>(blocks: T[]): T[] =>
    blocks.filter((b) => !(isCachePoint(b) && excess-- > 0));
  if (excess > 0) {
    request.system = drop(system);
    for (const m of messages) m.content = drop(m.content ?? []);
  }
}
