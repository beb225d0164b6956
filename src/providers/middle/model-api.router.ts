import { familyProfile } from '../../catalog/model-capabilities';
import type { ResolvedModel } from '../../catalog/resolved-model';
import type { ModelApiRule } from '../../config/gateway-config';

export type BedrockApi = 'converse' | 'native';

/** `*` matches any run of characters; everything else literally. */
function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/**
 * MODEL_API: which Bedrock API serves chat for a model. The first rule whose pattern matches the model as the
 * client wrote it, its Bedrock modelId or its base model wins; no match means Converse. A rule that names a
 * family (`native:llama`) also decides the model's family — for imported models
 * (`arn:…:imported-model/…`), whose family Bedrock does not tell.
 */
export class ModelApiRouter {
  private readonly rules: { test: RegExp; rule: ModelApiRule }[];

  constructor(rules: readonly ModelApiRule[]) {
    this.rules = rules.map((rule) => ({ test: globToRegExp(rule.pattern), rule }));
  }

  route(model: ResolvedModel): { api: BedrockApi; model: ResolvedModel } {
    const hit = this.rules.find(
      ({ test }) => test.test(model.requested) || test.test(model.modelId) || test.test(model.baseModelId),
    )?.rule;
    if (!hit) return { api: 'converse', model };
    if (!hit.family || hit.family === model.profile.family) return { api: hit.api, model };
    return {
      api: hit.api,
      model: { ...model, profile: { ...familyProfile(hit.family), kind: model.profile.kind } },
    };
  }
}
