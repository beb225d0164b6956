import type { ConverseRequest } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../catalog/resolved-model';
import type { InferenceRequest } from '../inference/inference-request';
import type { RequestSettings } from './converse/request-settings';
import type { StructuredOutputPlan } from './converse/structured-output/structured-output.plan';
import type { EmbeddingAdapter } from './embeddings/embedding-adapter';

/** A Converse request ready to send, and what reading its answer needs to know. */
export interface PreparedConverse {
  input: ConverseRequest;
  /** Set when the request asked for structured output. */
  structured?: StructuredOutputPlan;
}

/**
 * Everything one model family knows about Bedrock: how the internal request becomes its Converse request
 * (and, where it has them, its native InvokeModel bodies), and the native embedding APIs of its embedding
 * models. Adapters are stateless; one instance serves every request. Each lives in
 * `src/providers/families/<family>/<family>.family.ts`, which exports it as `family`; the registry finds them
 * there (docs/adding-a-model-family.md).
 */
export interface FamilyAdapter {
  /** The family name the capability data uses (`familyDefaults` and `models[].family`). */
  readonly family: string;
  prepareConverse(req: InferenceRequest, model: ResolvedModel, settings: RequestSettings): PreparedConverse;
  /** Native embedding APIs by the name the capability data gives them (`embedding.api`). */
  readonly embeddings?: Readonly<Record<string, EmbeddingAdapter>>;
}
