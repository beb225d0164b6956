import type { ContentBlock, ConverseRequest, SystemContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { ChatCompletionRequest } from '../../chat/dto/chat-request.types';
import { CACHE_POINT } from './map-user-content';
import type { MappingContext } from './request-context';

/** Bedrock accepts at most four cache points per request (wire doc §9). */
export const MAX_CACHE_POINTS = 4;

/**
 * Where automatic cache points go: after the system prompt and after the last user turn, when
 * ENABLE_PROMPT_CACHING is on — or as a request's `extra_body.prompt_caching: {system, messages}` says
 * (Bedrock Access Gateway's per-request switch, which overrides the setting).
 */
function preferences(req: ChatCompletionRequest, enabled: boolean): { system: boolean; messages: boolean } {
  const extra = (
    req as unknown as { extra_body?: { prompt_caching?: { system?: unknown; messages?: unknown } } }
  ).extra_body;
  const p = extra?.prompt_caching;
  return {
    system: typeof p?.system === 'boolean' ? p.system : enabled,
    messages: typeof p?.messages === 'boolean' ? p.messages : enabled,
  };
}

const isCachePoint = (b: ContentBlock | SystemContentBlock) => b.cachePoint !== undefined;

/**
 * Places and limits cache points. Models without prompt caching get none (Bedrock answers a cache point there
 * with AccessDenied; a cache hint must not fail a request). Past four, the earliest go: a later point covers
 * a longer prefix, which includes what an earlier one would have cached.
 */
export function applyCachePoints(
  request: ConverseRequest,
  req: ChatCompletionRequest,
  ctx: MappingContext,
): void {
  const system = request.system ?? [];
  const messages = request.messages ?? [];
  if (!ctx.model.profile.chat.promptCaching) {
    request.system = system.filter((b) => !isCachePoint(b));
    if (request.system.length === 0) delete request.system;
    for (const m of messages) m.content = m.content?.filter((b) => !isCachePoint(b));
    return;
  }
  const want = preferences(req, ctx.settings.enablePromptCaching);
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
