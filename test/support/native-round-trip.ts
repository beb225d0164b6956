import type { ContentBlock, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { createEngine } from '../../emulator/src/engine/engine';
import { runtimeRequest } from '../../emulator/src/engine/engine.test-helpers';
import type { EngineResult } from '../../emulator/src/engine/engine.types';
import { lookupModelProfile } from '../../src/catalog/model-capabilities';
import { ApiError } from '../../src/common/errors/api-error';
import type { ResolvedModel } from '../../src/catalog/resolved-model';
import type { InferenceRequest } from '../../src/inference/inference-request';
import type { InferenceResponse } from '../../src/inference/inference-response';
import type { NativeChatCodec } from '../../src/providers/native/native-chat.codec';

/**
 * Round trips of the native InvokeModel codecs through the emulator's engine, in process: the body a codec
 * builds must pass the emulator's copy of Bedrock's validation for the family, and the family-native answer
 * (or stream) it gets back must parse into the Converse shapes. Specs so check both directions against
 * Bedrock's contract, not against themselves.
 */

/** A model as the resolver would hand it over: a Bedrock id (or profile id) and its capabilities. */
export function resolved(
  modelId: string,
  baseModelId = modelId.replace(/^(us|eu|apac|global)\./, ''),
): ResolvedModel {
  return { requested: modelId, modelId, baseModelId, profile: lookupModelProfile(baseModelId) };
}

/** A request with nothing but what the spec sets. */
export function request(over: Partial<InferenceRequest> = {}): InferenceRequest {
  return { model: 'm', system: [], messages: [], inference: {}, ...over };
}

export const userTurn = (text: string) => ({ role: 'user' as const, content: [{ text }] });

function refused(result: EngineResult): never {
  throw new Error(`the emulated Bedrock refused the body: ${JSON.stringify(result)}`);
}

/** The engine's answer to a codec-built body, as the codec parses it. */
export function invokeNative(
  codec: NativeChatCodec,
  model: ResolvedModel,
  req: InferenceRequest,
): { body: Record<string, unknown>; native: unknown; answer: Omit<InferenceResponse, 'modelId'> } {
  const body = codec.buildBody(req, model);
  const result = createEngine().handle(runtimeRequest('InvokeModel', model.modelId, body));
  if (result.kind !== 'raw') refused(result);
  const native = JSON.parse(result.body.toString('utf8')) as unknown;
  const counts = {
    inputTokens: Number(result.headers['x-amzn-bedrock-input-token-count']),
    outputTokens: Number(result.headers['x-amzn-bedrock-output-token-count']),
  };
  return { body, native, answer: codec.parseResponse(native, counts) };
}

/** The engine's native stream chunks (the JSON inside each `chunk.bytes`) for a codec-built body. */
export function streamChunks(
  codec: NativeChatCodec,
  model: ResolvedModel,
  req: InferenceRequest,
): Record<string, unknown>[] {
  const body = codec.buildBody(req, model);
  const result = createEngine().handle(runtimeRequest('InvokeModelWithResponseStream', model.modelId, body));
  if (result.kind !== 'events') refused(result);
  return result.events.map(
    (e) =>
      JSON.parse(Buffer.from(e.payload.bytes as string, 'base64').toString('utf8')) as Record<
        string,
        unknown
      >,
  );
}

/** Runs chunks through one decoder; `asBytes` hands them over as the SDK's raw `chunk.bytes`. */
export function decodeAll(
  codec: NativeChatCodec,
  chunks: unknown[],
  asBytes = false,
): ConverseStreamOutput[] {
  const decoder = codec.streamDecoder();
  return chunks.flatMap((c) => decoder.decode(asBytes ? new TextEncoder().encode(JSON.stringify(c)) : c));
}

/**
 * Folds ConverseStream events back into the blocks, stop reason and usage a Converse response would hold,
 * checking the event order Bedrock keeps on the way (messageStart first, metadata last, deltas inside an
 * open block).
 */
export function foldEvents(events: ConverseStreamOutput[]): Omit<InferenceResponse, 'modelId' | 'latencyMs'> {
  if (!events[0]?.messageStart) throw new Error('the stream must open with messageStart');
  const last = events[events.length - 1];
  if (!last?.metadata) throw new Error('the stream must end with metadata');
  type Building = {
    text?: string;
    partial?: string;
    toolUse?: { toolUseId?: string; name?: string; input?: unknown };
    reasoningContent?: { reasoningText?: { text: string; signature?: string }; redactedContent?: Uint8Array };
  };
  const blocks = new Map<number, Building>();
  const closed = new Set<number>();
  let stopReason = '';
  for (const e of events.slice(1, -1)) {
    if (e.contentBlockStart) {
      const tool = e.contentBlockStart.start!.toolUse!;
      blocks.set(e.contentBlockStart.contentBlockIndex!, {
        toolUse: { toolUseId: tool.toolUseId, name: tool.name, input: undefined },
        partial: '',
      });
    } else if (e.contentBlockDelta) {
      const i = e.contentBlockDelta.contentBlockIndex!;
      if (closed.has(i)) throw new Error(`delta for closed block ${i}`);
      const d = e.contentBlockDelta.delta!;
      const b: Building = blocks.get(i) ?? {};
      if (d.text !== undefined) b.text = (b.text ?? '') + d.text;
      if (d.toolUse) b.partial = (b.partial ?? '') + d.toolUse.input;
      if (d.reasoningContent?.text !== undefined || d.reasoningContent?.signature !== undefined) {
        const r = b.reasoningContent?.reasoningText ?? { text: '' };
        r.text += d.reasoningContent.text ?? '';
        if (d.reasoningContent.signature) r.signature = d.reasoningContent.signature;
        b.reasoningContent = { reasoningText: r };
      }
      if (d.reasoningContent?.redactedContent)
        b.reasoningContent = { redactedContent: d.reasoningContent.redactedContent };
      blocks.set(i, b);
    } else if (e.contentBlockStop) closed.add(e.contentBlockStop.contentBlockIndex!);
    else if (e.messageStop) stopReason = e.messageStop.stopReason!;
    else throw new Error(`unexpected event ${JSON.stringify(e)}`);
  }
  const content = [...blocks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, b]) => {
      const { partial, ...block } = b;
      if (block.toolUse) block.toolUse.input = JSON.parse(partial || '{}') as unknown;
      return block as ContentBlock;
    });
  return { content, stopReason, usage: last.metadata.usage! };
}

/**
 * The same request answered whole and streamed, through the emulator: the stream (decoded chunk by chunk,
 * as objects and as raw bytes) must fold into the whole answer. Returns the whole answer for more checks.
 */
export function expectStreamMatchesAnswer(
  codec: NativeChatCodec,
  model: ResolvedModel,
  req: InferenceRequest,
): Omit<InferenceResponse, 'modelId'> {
  const { answer } = invokeNative(codec, model, req);
  const chunks = streamChunks(codec, model, req);
  for (const asBytes of [false, true]) {
    const folded = foldEvents(decodeAll(codec, chunks, asBytes));
    expect(folded.content).toEqual(answer.content);
    expect(folded.stopReason).toBe(answer.stopReason);
    expect(folded.usage).toEqual(answer.usage);
  }
  return answer;
}

/** The 400 a codec refused a request with; asserts it names the native API and the given field. */
export function expectNativeRefusal(build: () => unknown, param: string | null, message: RegExp): void {
  let error: unknown;
  try {
    build();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 400, param, message: expect.stringMatching(message) });
}

/** The tool the specs offer: the emulator samples `{city: "city-sample"}` for it. */
export const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Weather',
  inputSchema: {
    json: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

/**
 * An agent loop through the emulated Bedrock: the model calls get_weather (whole and streamed alike), the
 * answer goes back with its tool result, and the model reports it. Returns both bodies and answers.
 */
export function expectToolLoop(
  codec: NativeChatCodec,
  model: ResolvedModel,
  over: Partial<InferenceRequest> = {},
) {
  const tools = over.tools ?? { specs: [WEATHER_TOOL], choice: 'auto' as const };
  const ask = userTurn('use get_weather');
  const first = expectStreamMatchesAnswer(codec, model, request({ ...over, messages: [ask], tools }));
  expect(first.stopReason).toBe('tool_use');
  const call = first.content.find((b) => b.toolUse)!.toolUse!;
  expect(call).toMatchObject({ name: 'get_weather', input: { city: 'city-sample' } });
  const result = { toolResult: { toolUseId: call.toolUseId, content: [{ text: 'sunny' }] } };
  const second = invokeNative(
    codec,
    model,
    request({
      ...over,
      messages: [ask, { role: 'assistant', content: first.content }, { role: 'user', content: [result] }],
      tools,
    }),
  );
  expect(second.answer.content[second.answer.content.length - 1]).toEqual({
    text: 'Tool get_weather returned: sunny',
  });
  return { first, call, second };
}
