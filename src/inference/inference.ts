import type { RequestContext } from '../common/context/request-context';
import type { InferenceRequest } from './inference-request';
import type { InferenceResponse, InferenceStream } from './inference-response';

/**
 * The one door from a client dialect to Bedrock: resolves the model, lets its family adapter prepare the
 * request (Converse or native InvokeModel, as configured for the model), calls Bedrock with the request's
 * abort signal and timeouts, and answers in the internal shapes. Errors before the first byte are thrown as
 * ApiError / Bedrock exceptions for the dialect's error envelope.
 *
 * Dialects depend on this abstract class only (a Nest injection token), never on families or back-ends.
 */
export abstract class Inference {
  abstract complete(req: InferenceRequest, ctx: RequestContext): Promise<InferenceResponse>;
  abstract stream(req: InferenceRequest, ctx: RequestContext): Promise<InferenceStream>;

  /**
   * What input the model takes besides text, for a dialect that must decide before building the request
   * (remote images are fetched only for a model that takes images). Resolves the model, so an unknown model
   * is refused here already. The default says "everything" and lets {@link complete} judge.
   */
  accepts(_model: string): Promise<ModelInputs> {
    return Promise.resolve({ images: true, documents: true });
  }
}

export interface ModelInputs {
  images: boolean;
  documents: boolean;
}
