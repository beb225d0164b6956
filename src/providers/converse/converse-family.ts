import type { ConverseRequest } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../catalog/resolved-model';
import { unsupportedFeature } from '../../common/errors/api-error';
import { fieldName, type InferenceRequest } from '../../inference/inference-request';
import type { FamilyAdapter, PreparedConverse } from '../family-adapter';
import { applyCachePoints } from './apply-cache-points';
import { foldTextIntoToolResults } from './fold-text-into-tool-results';
import { mapInferenceConfig } from './map-inference-config';
import { mapRequestMetadata } from './map-request-metadata';
import { mapToolConfig } from './map-tool-config';
import { prepareConversation } from './prepare-messages';
import { renderToolHistoryAsText } from './render-tool-history';
import type { JsonDocument, RequestSettings } from './request-settings';
import { applyStructuredOutput } from './structured-output/apply-structured-output';

/**
 * The Converse back-end every family shares: the internal request → a Converse request for one model. What
 * differs between models is mostly data (capabilities: system prompts, vision, tool choice, caching, …) and
 * is handled here from that data; a family subclass overrides the hooks only for what is its own (Claude's
 * thinking, DeepSeek's reasoning config).
 */
export abstract class ConverseFamily implements FamilyAdapter {
  abstract readonly family: string;

  prepareConverse(req: InferenceRequest, model: ResolvedModel, settings: RequestSettings): PreparedConverse {
    const caps = model.profile.chat;
    const { system, messages } = prepareConversation(req, model, this.keepsReasoning(model));
    const request: ConverseRequest = { modelId: model.modelId, messages };
    if (system.length > 0) request.system = system;
    const inferenceConfig = mapInferenceConfig(req, model, settings);
    if (inferenceConfig) request.inferenceConfig = inferenceConfig;
    const toolConfig = mapToolConfig(req, model);
    if (toolConfig) request.toolConfig = toolConfig;
    const structured = applyStructuredOutput(request, req, model);
    if (!request.toolConfig) renderToolHistoryAsText(messages);
    if (!caps.textBesideToolResult) foldTextIntoToolResults(messages);
    const requestMetadata = mapRequestMetadata(req.metadata);
    if (requestMetadata) request.requestMetadata = requestMetadata;
    if (req.serviceTier) request.serviceTier = { type: req.serviceTier };
    const fields = { ...this.reasoningFields(req, model), ...this.passThroughFields(req) };
    if (Object.keys(fields).length > 0) request.additionalModelRequestFields = fields as JsonDocument;
    applyCachePoints(request, req, model, settings);
    this.finishRequest(request, req, model);
    return { input: request, structured };
  }

  /** Whether signed reasoning from earlier turns goes back to the model (Claude's thinking models only). */
  protected keepsReasoning(_model: ResolvedModel): boolean {
    return false;
  }

  /**
   * `additionalModelRequestFields` for the reasoning intent. By default: a model that always reasons meets
   * any effort; one that cannot reason refuses low/medium/high and a budget with a 400, while `minimal` — as
   * little reasoning as possible — is met by one that does none.
   */
  protected reasoningFields(req: InferenceRequest, model: ResolvedModel): Record<string, unknown> {
    const r = req.reasoning;
    if (!r || model.profile.chat.reasoning !== 'none') return {};
    const wantsReasoning =
      (r.effort !== undefined && r.effort !== 'minimal') ||
      r.budgetTokens !== undefined ||
      r.mode === 'enabled' ||
      r.mode === 'adaptive';
    if (wantsReasoning) {
      const param = fieldName(req, 'reasoning');
      throw unsupportedFeature(model.requested, `reasoning ('${param}')`, param);
    }
    return {};
  }

  /** Model-specific fields the client sent, as given (Bedrock judges them). */
  protected passThroughFields(req: InferenceRequest): Record<string, unknown> {
    return req.passThrough ?? {};
  }

  /** Last family-specific adjustments of the finished request. */
  protected finishRequest(_request: ConverseRequest, _req: InferenceRequest, _model: ResolvedModel): void {}
}
