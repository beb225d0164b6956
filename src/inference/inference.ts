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
}
