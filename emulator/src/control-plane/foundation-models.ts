import { catalog, findModel, foundationModelArn } from '../catalog/catalog';
import type { CatalogModel } from '../catalog/catalog.types';
import { anchored, ConstraintErrors, identifierProblem } from './constraint.errors';
import { invalidInput, notFound, type ControlPlaneResult } from './control-plane.result';

/** Constraints from the control-plane model (bedrock-shapes-control-plane.txt, ListFoundationModels). */
const PROVIDER_SOURCE = '[A-Za-z0-9- ]{1,63}';
const PROVIDER = anchored(PROVIDER_SOURCE);
const CUSTOMIZATIONS = ['FINE_TUNING', 'CONTINUED_PRE_TRAINING', 'DISTILLATION'] as const;
const OUTPUT_MODALITIES = ['TEXT', 'IMAGE', 'EMBEDDING'] as const;
const INFERENCE_TYPES = ['ON_DEMAND', 'PROVISIONED'] as const;
const IDENTIFIER_SOURCE =
  '(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model/[a-z0-9-]{1,63}[.]{1}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2})|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2})';
const IDENTIFIER = anchored(IDENTIFIER_SOURCE);

/** FoundationModelSummary / FoundationModelDetails (§7.1): ARNs carry the caller's region. */
export function modelSummary(model: CatalogModel, region: string): Record<string, unknown> {
  const lifecycle: Record<string, unknown> = { status: model.lifecycle };
  if (model.startOfLifeTime) lifecycle.startOfLifeTime = model.startOfLifeTime;
  if (model.legacyTime) lifecycle.legacyTime = model.legacyTime;
  return {
    modelArn: foundationModelArn(model.modelId, region),
    modelId: model.modelId,
    modelName: model.name,
    providerName: model.provider,
    inputModalities: model.inputModalities,
    outputModalities: model.outputModalities,
    responseStreamingSupported: model.streaming,
    customizationsSupported: [],
    inferenceTypesSupported: model.inferenceTypes,
    modelLifecycle: lifecycle,
  };
}

/** ListFoundationModels: all four filters combine; the list is not paginated (§7.1). */
export function listFoundationModels(query: URLSearchParams, region: string): ControlPlaneResult {
  const provider = query.get('byProvider');
  const customization = query.get('byCustomizationType');
  const modality = query.get('byOutputModality');
  const inferenceType = query.get('byInferenceType');
  const errors = new ConstraintErrors();
  errors.pattern('byProvider', provider, PROVIDER, PROVIDER_SOURCE);
  errors.enumValue('byCustomizationType', customization, CUSTOMIZATIONS);
  errors.enumValue('byOutputModality', modality, OUTPUT_MODALITIES);
  errors.enumValue('byInferenceType', inferenceType, INFERENCE_TYPES);
  const problem = errors.message();
  if (problem) return invalidInput(problem);

  const wantedProvider = provider?.toLowerCase();
  const models = catalog.models.filter(
    (m) =>
      (wantedProvider === undefined || m.provider.toLowerCase() === wantedProvider) &&
      // The catalog lists no customizations, as for on-demand use in most regions.
      customization === null &&
      (modality === null || (m.outputModalities as string[]).includes(modality)) &&
      (inferenceType === null || (m.inferenceTypes as string[]).includes(inferenceType)),
  );
  return { ok: true, body: { modelSummaries: models.map((m) => modelSummary(m, region)) } };
}

/** GetFoundationModel by bare id or foundation-model ARN. */
export function getFoundationModel(identifier: string, region: string): ControlPlaneResult {
  const problem = identifierProblem('modelIdentifier', identifier, IDENTIFIER, IDENTIFIER_SOURCE);
  if (problem) return invalidInput(problem);
  const model = findModel(identifier);
  if (!model) {
    return notFound(`The model ${identifier} doesn't exist.`);
  }
  return { ok: true, body: { modelDetails: modelSummary(model, region) } };
}
