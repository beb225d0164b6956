import type {
  ContentBlock,
  Message,
  SystemContentBlock,
  ToolResultContentBlock,
} from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../../catalog/resolved-model';
import { fieldName, type InferenceRequest } from '../../../inference/inference-request';
import {
  base64,
  chatMessages,
  compact,
  nativeLacks,
  offeredTools,
  rejectReasoning,
  rejectStructuredOutput,
  withPassThrough,
} from '../../native/native-request';
import { toolSchema } from '../../native/native-tools';

type Json = Record<string, unknown>;

const CACHE_POINT = { cachePoint: { type: 'default' } };

/** Converse's binary sources as the JSON Nova's body takes: base64 bytes, or an S3 location as given. */
function source(s: { bytes?: Uint8Array | string; s3Location?: unknown } | undefined): Json {
  return s?.s3Location !== undefined ? { s3Location: s.s3Location } : { bytes: base64(s?.bytes) };
}

function resultPart(c: ToolResultContentBlock): Json {
  if (c.text !== undefined) return { text: c.text };
  if (c.json !== undefined) return { json: c.json };
  if (c.image) return { image: { format: c.image.format, source: source(c.image.source) } };
  if (c.document)
    return {
      document: { format: c.document.format, name: c.document.name, source: source(c.document.source) },
    };
  return { text: '' };
}

function block(b: ContentBlock, caching: boolean, model: ResolvedModel, at: string): Json | undefined {
  if (b.text !== undefined) return { text: b.text };
  if (b.cachePoint) return caching ? { cachePoint: { type: 'default' } } : undefined;
  // Earlier reasoning is not replayed: Nova's body has no reasoning block in its input schema.
  if (b.reasoningContent) return undefined;
  if (b.guardContent?.text) return { text: b.guardContent.text.text };
  if (b.image) return { image: { format: b.image.format, source: source(b.image.source) } };
  if (b.document)
    return {
      document: { format: b.document.format, name: b.document.name, source: source(b.document.source) },
    };
  if (b.video) return { video: { format: b.video.format, source: source(b.video.source) } };
  if (b.toolUse)
    return {
      toolUse: { toolUseId: b.toolUse.toolUseId, name: b.toolUse.name, input: b.toolUse.input ?? {} },
    };
  if (b.toolResult)
    return compact({
      toolResult: compact({
        toolUseId: b.toolResult.toolUseId,
        content: (b.toolResult.content ?? []).map(resultPart),
        status: b.toolResult.status,
      }),
    });
  throw nativeLacks(model, `the '${Object.keys(b)[0] ?? 'unknown'}' content block`, at);
}

function system(blocks: SystemContentBlock[], caching: boolean, auto: boolean): Json[] {
  const out: Json[] = [];
  for (const b of blocks) {
    if (b.text !== undefined) out.push({ text: b.text });
    else if (b.cachePoint && caching) out.push(CACHE_POINT);
  }
  if (auto && caching && out.length > 0 && !('cachePoint' in out[out.length - 1])) out.push(CACHE_POINT);
  return out;
}

function messages(list: Message[], req: InferenceRequest, caching: boolean, model: ResolvedModel): Json[] {
  const out = list.map((m, i) => ({
    role: m.role,
    content: (m.content ?? []).flatMap((b, j) => {
      const x = block(b, caching, model, `${fieldName(req, 'messages')}[${i}].content[${j}]`);
      return x ? [x] : [];
    }),
  }));
  const lastUser = [...out].reverse().find((m) => m.role === 'user');
  const tail = lastUser?.content[lastUser.content.length - 1];
  if (caching && req.caching?.messages && tail && !('cachePoint' in tail)) lastUser.content.push(CACHE_POINT);
  return out;
}

function toolChoice(choice: NonNullable<InferenceRequest['tools']>['choice']): Json | undefined {
  if (typeof choice === 'object') return { tool: { name: choice.tool } };
  return choice === 'any' ? { any: {} } : choice === 'auto' ? { auto: {} } : undefined;
}

/**
 * Amazon Nova's `messages-v1` body (docs/bedrock-native-apis.md): Converse-shaped system, messages and
 * toolConfig with binary sources in base64, and `inferenceConfig` with `maxTokens`/`topP`/`topK`/`stopSequences`.
 */
export function buildNovaBody(req: InferenceRequest, model: ResolvedModel): Json {
  rejectReasoning(req, model);
  rejectStructuredOutput(req, model);
  const caching = model.profile.chat.promptCaching;
  const p = req.inference;
  const config = compact({
    maxTokens: p.maxTokens,
    temperature: p.temperature,
    topP: p.topP,
    topK: p.topK,
    stopSequences: p.stopSequences?.length ? p.stopSequences : undefined,
  });
  const tools = offeredTools(req);
  const sys = system(req.system, caching, req.caching?.system === true);
  return withPassThrough(
    compact({
      schemaVersion: 'messages-v1',
      system: sys.length > 0 ? sys : undefined,
      messages: messages(chatMessages(req, model), req, caching, model),
      inferenceConfig: Object.keys(config).length > 0 ? config : undefined,
      toolConfig: tools
        ? compact({
            tools: tools.specs.map((s) => ({
              toolSpec: compact({
                name: s.name,
                description: s.description,
                inputSchema: { json: toolSchema(s) },
              }),
            })),
            toolChoice: toolChoice(tools.choice),
          })
        : undefined,
    }),
    req,
  );
}
