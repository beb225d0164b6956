import type {
  ConverseRequest,
  ConverseResponse,
  ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import type { ChatFamily } from '../../catalog/model-capabilities.types';
import type { ChatCompletionRequest } from '../../chat/dto/chat-request.types';
import type { ChatCompletion } from '../../chat/dto/chat-response.types';
import type { BuiltRequest, ChatAdapter } from '../chat-adapter';
import { applyCachePoints } from './apply-cache-points';
import { reasoningEffortFields } from './apply-reasoning-effort';
import type { CompletionMeta } from './completion-meta';
import { foldTextIntoToolResults } from './fold-text-into-tool-results';
import { mapInferenceConfig } from './map-inference-config';
import { mapMessages } from './map-messages';
import { mapRequestMetadata } from './map-request-metadata';
import { toChatCompletion } from './map-response';
import { mapStreamEvent, StreamOutput } from './map-stream-event';
import { mapToolConfig } from './map-tool-config';
import { passThroughFields } from './pass-through-fields';
import { renderToolHistoryAsText } from './render-tool-history';
import type { JsonDocument, MappingContext } from './request-context';
import type { StreamState } from './stream-state';
import { applyResponseFormat } from './structured-output/map-response-format';

/**
 * The Converse translation every family shares. What differs between families is mostly data (capabilities:
 * system prompts, vision, tool choice, caching, …) and is handled here from that data; a family adapter
 * overrides {@link additionalFields} or {@link finishRequest} only for what is truly its own (Claude's thinking).
 */
export class ConverseAdapter implements ChatAdapter {
  constructor(readonly family: ChatFamily) {}

  buildConverseRequest(req: ChatCompletionRequest, ctx: MappingContext): BuiltRequest {
    const caps = ctx.model.profile.chat;
    const { system, messages } = mapMessages(req.messages, ctx);
    const request: ConverseRequest = { modelId: ctx.model.modelId, messages };
    if (system.length > 0) request.system = system;
    const inferenceConfig = mapInferenceConfig(req, ctx);
    if (inferenceConfig) request.inferenceConfig = inferenceConfig;
    const toolConfig = mapToolConfig(req, ctx);
    if (toolConfig) request.toolConfig = toolConfig;
    const structured = applyResponseFormat(request, req, ctx);
    if (!request.toolConfig) renderToolHistoryAsText(messages);
    if (!caps.textBesideToolResult) foldTextIntoToolResults(messages);
    const requestMetadata = mapRequestMetadata(req);
    if (requestMetadata) request.requestMetadata = requestMetadata;
    // OpenAI's flex / priority / default tiers are Bedrock's service tiers of the same names; `auto` is Bedrock's default.
    if (req.service_tier && req.service_tier !== 'auto') request.serviceTier = { type: req.service_tier };
    const fields = { ...this.additionalFields(req, ctx), ...passThroughFields(req) };
    if (Object.keys(fields).length > 0) request.additionalModelRequestFields = fields as JsonDocument;
    applyCachePoints(request, req, ctx);
    this.finishRequest(request, req, ctx);
    return { input: request, structured };
  }

  toChatCompletion(out: ConverseResponse, meta: CompletionMeta): ChatCompletion {
    return toChatCompletion(out, meta);
  }

  mapStreamEvent(event: ConverseStreamOutput, state: StreamState): StreamOutput | undefined {
    return mapStreamEvent(event, state);
  }

  /** Family-specific `additionalModelRequestFields` (by default, reasoning_effort for families that take it). */
  protected additionalFields(req: ChatCompletionRequest, ctx: MappingContext): Record<string, unknown> {
    return reasoningEffortFields(req, ctx);
  }

  /** Last family-specific adjustments of the finished request. */
  protected finishRequest(
    _request: ConverseRequest,
    _req: ChatCompletionRequest,
    _ctx: MappingContext,
  ): void {}
}
