import type { ResolvedModel } from '../../../catalog/resolved-model';
import type { InferenceRequest } from '../../../inference/inference-request';
import { ConverseFamily } from '../../converse/converse-family';

/**
 * DeepSeek. R1 always reasons: Bedrock returns its chain of thought as reasoningContent (never `<think>` text
 * inside the answer), and it is not sent back on later turns. No tools on R1; V3 has them. V3.x takes a
 * reasoning effort as `reasoning_config` (low / medium / high; minimal has no counterpart and becomes low).
 */
export class DeepSeekFamily extends ConverseFamily {
  readonly family = 'deepseek';

  protected override reasoningFields(req: InferenceRequest, model: ResolvedModel): Record<string, unknown> {
    const effort = req.reasoning?.effort;
    if (effort && model.profile.chat.reasoning === 'reasoning-config') {
      return { reasoning_config: effort === 'minimal' ? 'low' : effort };
    }
    return super.reasoningFields(req, model);
  }
}

export const family = new DeepSeekFamily();
