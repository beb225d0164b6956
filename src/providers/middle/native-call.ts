import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { BedrockClient, InvokeStreamChunk } from '../../bedrock/bedrock-client';
import type { UpstreamCall } from '../../bedrock/upstream-call';
import type { ResolvedModel } from '../../catalog/resolved-model';
import { ApiError } from '../../common/errors/api-error';
import { fieldName, type InferenceRequest } from '../../inference/inference-request';
import { structuredInstruction } from '../converse/structured-output/apply-structured-output';
import { compileSchema } from '../converse/structured-output/json-schema.compiler';
import type { NativeChatCodec } from '../native/native-chat.codec';
import type { BedrockCall, RawAnswer } from './bedrock-call';

const unreadable = (what: string) =>
  new ApiError(502, `Bedrock returned a native answer the gateway could not read (${what}).`, {
    code: 'upstream_invalid_response',
  });

function json(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw unreadable('not JSON');
  }
}

async function* decode(
  chunks: AsyncIterable<InvokeStreamChunk>,
  codec: NativeChatCodec,
): AsyncGenerator<ConverseStreamOutput> {
  const decoder = codec.streamDecoder();
  for await (const { chunk } of chunks) yield* decoder.decode(json(chunk.bytes));
}

/**
 * The native back-end: the family's codec writes the InvokeModel body, reads the answer (token counts from
 * Bedrock's headers where the body has none) and turns stream chunks into Converse events. Structured output
 * has no native form in these APIs, so it is asked for as an instruction and checked in the middle.
 */
export function nativeCall(
  req: InferenceRequest,
  model: ResolvedModel,
  codec: NativeChatCodec,
  bedrock: BedrockClient,
): BedrockCall {
  let request = req;
  let structured: BedrockCall['structured'];
  if (req.output) {
    const validate = compileSchema(req.output.schema, fieldName(req, 'output'));
    structured = { via: 'instruction', validate, strict: req.output.strict };
    request = {
      ...req,
      output: undefined,
      system: [...req.system, { text: structuredInstruction(req.output.schema) }],
    };
  }
  const body = JSON.stringify(codec.buildBody(request, model));
  const invoke = {
    modelId: model.modelId,
    body,
    contentType: 'application/json',
    accept: 'application/json',
  };
  return {
    structured,
    async complete(call: UpstreamCall): Promise<RawAnswer> {
      const out = await bedrock.invokeModel(invoke, call.signal);
      const parsed = codec.parseResponse(json(out.body), {
        inputTokens: out.inputTokens,
        outputTokens: out.outputTokens,
      });
      return parsed;
    },
    async stream(call: UpstreamCall) {
      return decode(await bedrock.invokeModelStream(invoke, call.signal), codec);
    },
  };
}
