import type {
  ConverseRequest,
  ConverseResponse,
  ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import type { ChatFamily } from '../catalog/model-capabilities.types';
import type { ChatCompletionRequest } from '../chat/dto/chat-request.types';
import type { ChatCompletion } from '../chat/dto/chat-response.types';
import type { CompletionMeta } from './converse/completion-meta';
import type { StreamOutput } from './converse/map-stream-event';
import type { MappingContext } from './converse/request-context';
import type { StreamState } from './converse/stream-state';
import type { StructuredOutputPlan } from './converse/structured-output/structured-output.plan';

/** A Converse request ready to send, and what reading its answer needs to know. */
export interface BuiltRequest {
  input: ConverseRequest;
  /** Set when the client asked for structured output (response_format). */
  structured?: StructuredOutputPlan;
}

/**
 * One model family's translation between OpenAI chat and Bedrock Converse. Adapters are stateless: per-stream
 * state is passed in, so one instance serves every request.
 */
export interface ChatAdapter {
  readonly family: ChatFamily;
  /** OpenAI request → Converse input; throws a 400 ApiError for what the model cannot do. */
  buildConverseRequest(req: ChatCompletionRequest, ctx: MappingContext): BuiltRequest;
  toChatCompletion(out: ConverseResponse, meta: CompletionMeta): ChatCompletion;
  mapStreamEvent(event: ConverseStreamOutput, state: StreamState): StreamOutput | undefined;
}

/** Injection token for the list of all family adapters. */
export const CHAT_ADAPTERS = Symbol('CHAT_ADAPTERS');
