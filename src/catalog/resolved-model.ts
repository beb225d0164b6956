import type { ModelProfile } from './model-capabilities.types';

/** What a request's `model` turned into: what to call, and whose capabilities apply. */
export interface ResolvedModel {
  /** As the client wrote it; echoed in responses. */
  requested: string;
  /** Passed to Bedrock as `modelId` (a model id, a profile id or an ARN). */
  modelId: string;
  /** The foundation model behind it. */
  baseModelId: string;
  profile: ModelProfile;
}
