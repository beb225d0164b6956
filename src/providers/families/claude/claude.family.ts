import type { ConverseRequest } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../../catalog/resolved-model';
import type { InferenceRequest } from '../../../inference/inference-request';
import { ConverseFamily } from '../../converse/converse-family';
import { applyClaudeThinking } from './claude-thinking';

const isThinkingModel = (model: ResolvedModel) => model.profile.chat.reasoning === 'claude-thinking';

/**
 * Anthropic Claude. Vision, documents, tools with every toolChoice, prompt caching on 3.5 Haiku / 3.7 / 4.x
 * (capability data), and extended thinking on 3.7 / 4.x: a reasoning effort becomes a thinking budget, the
 * signed thinking blocks of earlier turns go back to the model (and a tool-calling turn whose thinking the
 * client dropped is answered without thinking), and Anthropic beta flags reach Bedrock as `anthropic_beta`.
 */
export class ClaudeFamily extends ConverseFamily {
  readonly family = 'claude';

  protected override keepsReasoning(model: ResolvedModel): boolean {
    return isThinkingModel(model);
  }

  protected override reasoningFields(req: InferenceRequest, model: ResolvedModel): Record<string, unknown> {
    // Thinking models get their budget in finishRequest; the others answer reasoning like any family.
    return isThinkingModel(model) ? {} : super.reasoningFields(req, model);
  }

  protected override passThroughFields(req: InferenceRequest): Record<string, unknown> {
    const fields = { ...super.passThroughFields(req) };
    if (req.betas && req.betas.length > 0) {
      const given = Array.isArray(fields.anthropic_beta) ? (fields.anthropic_beta as unknown[]) : [];
      fields.anthropic_beta = [...new Set([...given, ...req.betas])];
    }
    return fields;
  }

  protected override finishRequest(request: ConverseRequest, req: InferenceRequest, model: ResolvedModel): void {
    if (isThinkingModel(model)) applyClaudeThinking(request, req, model);
  }
}

export const family = new ClaudeFamily();
