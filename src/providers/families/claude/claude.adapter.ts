import type { ConverseRequest } from '@aws-sdk/client-bedrock-runtime';
import { Injectable } from '@nestjs/common';
import type { ChatCompletionRequest } from '../../../chat/dto/chat-request.types';
import { reasoningEffortFields } from '../../converse/apply-reasoning-effort';
import { ConverseAdapter } from '../../converse/converse.adapter';
import type { MappingContext } from '../../converse/request-context';
import { applyClaudeThinking } from './claude-thinking';

/**
 * Anthropic Claude. Vision, documents, tools with every toolChoice, prompt caching on 3.5 Haiku / 3.7 / 4.x
 * (capability data), and extended thinking on 3.7 / 4.x: `reasoning_effort` becomes a thinking budget, and
 * signed thinking blocks travel to the client and back (reasoning_details).
 */
@Injectable()
export class ClaudeAdapter extends ConverseAdapter {
  constructor() {
    super('claude');
  }

  protected override additionalFields(
    req: ChatCompletionRequest,
    ctx: MappingContext,
  ): Record<string, unknown> {
    // Thinking models get their budget in finishRequest; the others answer reasoning_effort like any family.
    return ctx.model.profile.chat.reasoning === 'claude-thinking' ? {} : reasoningEffortFields(req, ctx);
  }

  protected override finishRequest(
    request: ConverseRequest,
    req: ChatCompletionRequest,
    ctx: MappingContext,
  ): void {
    if (ctx.model.profile.chat.reasoning === 'claude-thinking') applyClaudeThinking(request, req, ctx);
  }
}
