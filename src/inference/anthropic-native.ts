import type { RequestContext } from '../common/context/request-context';

/** A JSON object as the Anthropic Messages API writes it (request body, message, stream event). */
export type AnthropicJson = Record<string, unknown>;

/** Anthropic's usage object, as both back-ends report it to the dialect. */
export interface AnthropicUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

/** One Messages call for a family whose native InvokeModel body *is* Anthropic's Messages format. */
export interface AnthropicNativeCall {
  /** The client's body, validated by the dialect (Anthropic field names, `model`/`stream` ignored). */
  body: AnthropicJson;
  /** What to resolve: a Bedrock model id, profile, ARN or alias (the dialect already mapped Anthropic names). */
  model: string;
  /** The model as the client wrote it, echoed in the answer. */
  requestedModel: string;
  /** Beta flags the client sent in the `anthropic-beta` header. */
  betas: string[];
}

/** The native stream, as Anthropic stream events (`message_start` … `message_stop`), ping included. */
export interface AnthropicEventStream extends AsyncIterable<AnthropicJson> {
  readonly modelId: string;
  /** Usage so far (final once the iteration ended). */
  usage(): AnthropicUsage;
  /** Stops the Bedrock call at once; safe to call more than once. */
  cancel(reason?: unknown): void;
}

/**
 * The lossless shortcut of docs/architecture.md ("Dialects and back-ends"): where a model family's native
 * body is Anthropic's Messages format (Claude), the Anthropic dialect hands the client's body to that family,
 * which keeps what Bedrock accepts for the model and relays Bedrock's answer as Anthropic's own. Implemented
 * by the family (src/providers/families/claude), injected by this abstract class, so the dialect never
 * imports family code.
 */
export abstract class AnthropicNativeRelay {
  /** True when `model` resolves to a family this relay serves. Resolves the model (404 for an unknown one). */
  abstract handles(model: string): Promise<boolean>;
  abstract complete(call: AnthropicNativeCall, ctx: RequestContext): Promise<AnthropicJson>;
  /** Resolves once Bedrock accepted the stream (errors before the first byte reject here). */
  abstract stream(call: AnthropicNativeCall, ctx: RequestContext): Promise<AnthropicEventStream>;
  /** Input tokens of the request as Bedrock's CountTokens counts them. */
  abstract countTokens(call: AnthropicNativeCall, ctx: RequestContext): Promise<number>;
}
