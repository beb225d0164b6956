import type { FoundationModelSummary, InferenceProfileSummary } from '@aws-sdk/client-bedrock';

/** Control-plane shapes for specs, filled the way Bedrock fills them (wire doc §7.1, §7.3). */
export function foundationModel(
  modelId: string,
  over: Partial<FoundationModelSummary> = {},
): FoundationModelSummary {
  return {
    modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${modelId}`,
    modelId,
    providerName: 'Anthropic',
    inputModalities: ['TEXT'],
    outputModalities: ['TEXT'],
    responseStreamingSupported: true,
    inferenceTypesSupported: ['ON_DEMAND'],
    modelLifecycle: { status: 'ACTIVE', startOfLifeTime: new Date('2024-03-13T00:00:00Z') },
    ...over,
  };
}

export function embeddingModel(modelId: string, providerName = 'Amazon'): FoundationModelSummary {
  return foundationModel(modelId, {
    providerName,
    outputModalities: ['EMBEDDING'],
    responseStreamingSupported: false,
  });
}

export function systemProfile(
  id: string,
  over: Partial<InferenceProfileSummary> = {},
): InferenceProfileSummary {
  const modelId = id.slice(id.indexOf('.') + 1);
  return {
    inferenceProfileName: id,
    inferenceProfileArn: `arn:aws:bedrock:us-east-1:123456789012:inference-profile/${id}`,
    inferenceProfileId: id,
    models: ['us-east-1', 'us-west-2'].map((r) => ({
      modelArn: `arn:aws:bedrock:${r}::foundation-model/${modelId}`,
    })),
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED',
    createdAt: new Date('2024-08-27T00:00:00Z'),
    ...over,
  };
}

export function applicationProfile(id: string, modelId: string): InferenceProfileSummary {
  return {
    inferenceProfileName: `app-${id}`,
    inferenceProfileArn: `arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/${id}`,
    inferenceProfileId: id,
    models: [{ modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${modelId}` }],
    status: 'ACTIVE',
    type: 'APPLICATION',
    createdAt: new Date('2025-01-02T00:00:00Z'),
  };
}
