import type { ChatCompletionRequest } from '../../chat/dto/chat-request.types';
import { unsupportedFeature } from '../../common/errors/api-error';
import type { MappingContext } from './request-context';

/**
 * `reasoning_effort` for the families whose reasoning is not Claude's thinking (ClaudeAdapter handles that):
 * DeepSeek V3.x takes it as `reasoning_config` (minimal has no counterpart and becomes low); DeepSeek R1
 * always reasons, so any effort is met. A model that cannot reason refuses low/medium/high with a 400;
 * `minimal` — as little reasoning as possible — is met by one that does none.
 */
export function reasoningEffortFields(
  req: ChatCompletionRequest,
  ctx: MappingContext,
): Record<string, unknown> {
  const effort = req.reasoning_effort;
  if (!effort) return {};
  switch (ctx.model.profile.chat.reasoning) {
    case 'reasoning-config':
      return { reasoning_config: effort === 'minimal' ? 'low' : effort };
    case 'none':
      if (effort !== 'minimal')
        throw unsupportedFeature(ctx.model.requested, "reasoning ('reasoning_effort')", 'reasoning_effort');
      return {};
    default:
      return {};
  }
}
