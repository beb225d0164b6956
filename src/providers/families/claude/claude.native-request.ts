import type {
  ContentBlock,
  DocumentBlock,
  ImageBlock,
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
  rejectStructuredOutput,
  withPassThrough,
} from '../../native/native-request';
import { toolSchema } from '../../native/native-tools';
import { applyNativeThinking } from './claude.native-thinking';

type Json = Record<string, unknown>;

export const ANTHROPIC_VERSION = 'bedrock-2023-05-31';
/** The body requires max_tokens; every Claude on Bedrock can write at least this much. */
const DEFAULT_MAX_TOKENS = 4096;
/** Anthropic allows four cache breakpoints per request. */
const MAX_BREAKPOINTS = 4;

function image(img: ImageBlock, model: ResolvedModel, at: string): Json {
  if (!img.source?.bytes) throw nativeLacks(model, 'images by S3 location', at);
  const format = img.format === ('jpg' as never) ? 'jpeg' : img.format;
  return {
    type: 'image',
    source: { type: 'base64', media_type: `image/${format}`, data: base64(img.source.bytes) },
  };
}

/** Claude reads PDFs and plain text; other formats are a Converse convenience (Bedrock extracts them). */
function document(doc: DocumentBlock, model: ResolvedModel, at: string): Json {
  const title = doc.name;
  if (doc.source?.text !== undefined)
    return compact({
      type: 'document',
      source: { type: 'text', media_type: 'text/plain', data: doc.source.text },
      title,
    });
  if (!doc.source?.bytes) throw nativeLacks(model, 'documents by S3 location', at);
  if (doc.format === 'pdf')
    return compact({
      type: 'document',
      source: { type: 'base64', media_type: 'application/pdf', data: base64(doc.source.bytes) },
      title,
    });
  if (doc.format === 'txt' || doc.format === 'md') {
    const data = Buffer.from(base64(doc.source.bytes), 'base64').toString('utf8');
    return compact({ type: 'document', source: { type: 'text', media_type: 'text/plain', data }, title });
  }
  throw nativeLacks(model, `'${doc.format ?? 'unknown'}' documents (PDF and plain text only)`, at);
}

function resultPart(c: ToolResultContentBlock, model: ResolvedModel, at: string): Json {
  if (c.text !== undefined) return { type: 'text', text: c.text };
  if (c.json !== undefined) return { type: 'text', text: JSON.stringify(c.json) };
  if (c.image) return image(c.image, model, at);
  if (c.document) return document(c.document, model, at);
  throw nativeLacks(model, 'this kind of tool result content', at);
}

function block(b: ContentBlock, model: ResolvedModel, at: string): Json | undefined {
  if (b.text !== undefined) return b.text.trim() === '' ? undefined : { type: 'text', text: b.text };
  if (b.guardContent?.text) return { type: 'text', text: b.guardContent.text.text };
  if (b.image) return image(b.image, model, at);
  if (b.document) return document(b.document, model, at);
  if (b.toolUse)
    return { type: 'tool_use', id: b.toolUse.toolUseId, name: b.toolUse.name, input: b.toolUse.input ?? {} };
  if (b.toolResult) {
    const r = b.toolResult;
    const content = (r.content ?? []).map((c, k) => resultPart(c, model, `${at}.content[${k}]`));
    return compact({
      type: 'tool_result',
      tool_use_id: r.toolUseId,
      content,
      is_error: r.status === 'error' ? true : undefined,
    });
  }
  const reasoning = b.reasoningContent;
  if (reasoning?.reasoningText)
    return compact({
      type: 'thinking',
      thinking: reasoning.reasoningText.text,
      signature: reasoning.reasoningText.signature,
    });
  if (reasoning?.redactedContent)
    return { type: 'redacted_thinking', data: base64(reasoning.redactedContent) };
  throw nativeLacks(model, `the '${Object.keys(b)[0] ?? 'unknown'}' content block`, at);
}

/** A Converse cache point marks the end of a cached prefix; Anthropic marks the block that ends it. */
function markCache(blocks: Json[], ttl: string | undefined): void {
  const last = blocks[blocks.length - 1];
  if (last) last.cache_control = ttl ? { type: 'ephemeral', ttl } : { type: 'ephemeral' };
}

function system(blocks: SystemContentBlock[], caching: boolean): Json[] {
  const out: Json[] = [];
  for (const b of blocks) {
    if (b.text !== undefined) out.push({ type: 'text', text: b.text });
    else if (b.cachePoint && caching) markCache(out, b.cachePoint.ttl);
  }
  return out;
}

function message(m: Message, at: string, model: ResolvedModel, caching: boolean): Json {
  const content: Json[] = [];
  (m.content ?? []).forEach((b, j) => {
    if (b.cachePoint) {
      if (caching) markCache(content, b.cachePoint.ttl);
      return;
    }
    const x = block(b, model, `${at}.content[${j}]`);
    if (x) content.push(x);
  });
  return { role: m.role, content };
}

/** Keeps the last four breakpoints: a later one covers a longer prefix, including what an earlier one would. */
function limitBreakpoints(system: Json[], messages: Json[]): void {
  const marked = [...system, ...messages.flatMap((m) => m.content as Json[])].filter((b) => b.cache_control);
  for (const b of marked.slice(0, Math.max(0, marked.length - MAX_BREAKPOINTS))) delete b.cache_control;
}

function toolChoice(req: InferenceRequest): Json | undefined {
  const tools = req.tools!;
  const choice = tools.choice;
  const base: Json =
    typeof choice === 'object'
      ? { type: 'tool', name: choice.tool }
      : { type: choice === 'any' ? 'any' : 'auto' };
  if (tools.parallel === false) base.disable_parallel_tool_use = true;
  return choice === 'auto' && tools.parallel !== false ? undefined : base;
}

/** Beta flags from the request (header or body) and the pass-through fields, once each. */
function betas(req: InferenceRequest): string[] | undefined {
  const own = req.passThrough?.anthropic_beta;
  const all = [...(req.betas ?? []), ...(Array.isArray(own) ? (own as string[]) : [])];
  return all.length > 0 ? [...new Set(all)] : undefined;
}

/** Anthropic's Messages body as Bedrock takes it (docs/bedrock-native-apis.md): no `model`, no `stream`. */
export function buildClaudeBody(req: InferenceRequest, model: ResolvedModel): Json {
  rejectStructuredOutput(req, model);
  const caching = model.profile.chat.promptCaching;
  const p = req.inference;
  const list = chatMessages(req, model);
  const sys = system(req.system, caching);
  const messages = list.map((m, i) => message(m, `${fieldName(req, 'messages')}[${i}]`, model, caching));
  if (caching && req.caching?.system) markCache(sys, undefined);
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  if (caching && req.caching?.messages && lastUser) markCache(lastUser.content as Json[], undefined);
  limitBreakpoints(sys, messages);
  const exclusive = model.profile.chat.temperatureTopPExclusive && p.temperature !== undefined;
  const tools = offeredTools(req);
  const body = withPassThrough(
    compact({
      anthropic_version: ANTHROPIC_VERSION,
      anthropic_beta: betas(req),
      max_tokens: p.maxTokens ?? DEFAULT_MAX_TOKENS,
      system: sys.length > 0 ? sys : undefined,
      messages,
      temperature: p.temperature,
      top_p: exclusive ? undefined : p.topP,
      top_k: p.topK,
      stop_sequences: p.stopSequences?.length ? p.stopSequences : undefined,
      tools: tools?.specs.map((s) =>
        compact({ name: s.name, description: s.description, input_schema: toolSchema(s) }),
      ),
      tool_choice: tools ? toolChoice(req) : undefined,
    }),
    req,
    ['anthropic_beta', 'thinking', 'reasoning_config'],
  );
  applyNativeThinking(body, req, model, list);
  return body;
}
