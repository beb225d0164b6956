import type { ConverseRequest, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { Injectable } from '@nestjs/common';
import { BedrockClient } from '../bedrock/bedrock-client';
import { ModelResolver } from '../catalog/model.resolver';
import type { RequestContext } from '../common/context/request-context';
import { Inference } from '../inference/inference';
import type { InferenceRequest } from '../inference/inference-request';
import type { InferenceResponse, InferenceStream } from '../inference/inference-response';

const BUDGET = { minimal: 1024, low: 1024, medium: 4096, high: 16384 } as const;

/**
 * TEMPORARY bridge until the shared Inference (issue 10) lands on main: a plain Converse call without family
 * quirks. Removed by the merge.
 */
@Injectable()
export class ProvisionalInference extends Inference {
  constructor(
    private readonly resolver: ModelResolver,
    private readonly bedrock: BedrockClient,
  ) {
    super();
  }

  private async input(req: InferenceRequest): Promise<ConverseRequest> {
    const model = await this.resolver.resolve(req.model, 'chat');
    const input: ConverseRequest = {
      modelId: model.modelId,
      messages: req.messages,
      inferenceConfig: req.inference,
    };
    if (req.system.length) input.system = req.system;
    if (req.tools && req.tools.choice !== 'none') {
      const c = req.tools.choice;
      input.toolConfig = {
        tools: req.tools.specs.map((toolSpec) => ({ toolSpec })),
        toolChoice:
          c === 'auto'
            ? { auto: {} }
            : c === 'any'
              ? { any: {} }
              : typeof c === 'object'
                ? { tool: { name: c.tool } }
                : undefined,
      };
    }
    if (req.reasoning?.effort) {
      const budget = BUDGET[req.reasoning.effort];
      input.additionalModelRequestFields = { thinking: { type: 'enabled', budget_tokens: budget } };
      input.inferenceConfig = {
        ...input.inferenceConfig,
        maxTokens: Math.max(budget * 2, input.inferenceConfig?.maxTokens ?? 0),
      };
    }
    if (req.output) {
      input.outputConfig = {
        textFormat: {
          type: 'json_schema',
          structure: { jsonSchema: { schema: JSON.stringify(req.output.schema), name: req.output.name } },
        },
      };
    }
    return input;
  }

  async complete(req: InferenceRequest, ctx: RequestContext): Promise<InferenceResponse> {
    const input = await this.input(req);
    const out = await this.bedrock.converse(input, ctx.signal);
    return {
      content: out.output!.message!.content!,
      stopReason: out.stopReason!,
      usage: out.usage!,
      modelId: input.modelId!,
    };
  }

  async stream(req: InferenceRequest, ctx: RequestContext): Promise<InferenceStream> {
    const input = await this.input(req);
    const events: AsyncIterable<ConverseStreamOutput> = await this.bedrock.converseStream(input, ctx.signal);
    return { modelId: input.modelId!, [Symbol.asyncIterator]: () => events[Symbol.asyncIterator]() };
  }
}
