import type { Message } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../catalog/resolved-model';
import { invalidRequest, unsupportedFeature } from '../../common/errors/api-error';
import { renderToolHistoryAsText } from '../converse/render-tool-history';
import { fieldName, type InferenceRequest } from '../../inference/inference-request';

/** 400 for something a family's native InvokeModel API has no way to say. */
export function nativeLacks(model: ResolvedModel, feature: string, param: string | null = null) {
  return unsupportedFeature(model.requested, `${feature} through its native InvokeModel API`, param);
}

/** A legacy completions prompt a family's body cannot take because it holds no text (Titan, chat bodies). */
export function emptyPrompt(model: ResolvedModel) {
  return invalidRequest(`The model '${model.requested}' needs a prompt with some text in it.`, 'prompt');
}

/** Base64 of a Converse `bytes` member (the SDK holds Uint8Array; a JSON round trip leaves base64 text). */
export function base64(bytes: Uint8Array | string | undefined): string {
  if (bytes === undefined) return '';
  return typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('base64');
}

/** Bytes of a base64 member of a native answer (Converse's redactedContent is binary). */
export function fromBase64(data: unknown): Uint8Array {
  return new Uint8Array(Buffer.from(typeof data === 'string' ? data : '', 'base64'));
}

/** Tools the request really offers: none when the client forbade calling them. */
export function offeredTools(req: InferenceRequest): NonNullable<InferenceRequest['tools']> | undefined {
  const tools = req.tools;
  return tools && tools.specs.length > 0 && tools.choice !== 'none' ? tools : undefined;
}

/**
 * The conversation a chat-bodied family sends: the messages, or a legacy completions prompt as one user turn
 * (chat-only families take a raw prompt that way; fill-in-the-middle has no counterpart there). When no tools
 * are offered, earlier tool calls and results travel as text, as on the Converse path.
 */
export function chatMessages(req: InferenceRequest, model: ResolvedModel): Message[] {
  if (req.prompt) {
    if (req.prompt.suffix !== undefined) throw nativeLacks(model, "a completion suffix ('suffix')", 'suffix');
    // A chat body refuses a blank user turn.
    if (req.prompt.text.trim() === '') throw emptyPrompt(model);
    return [{ role: 'user', content: [{ text: req.prompt.text }] }];
  }
  return offeredTools(req) ? req.messages : toolHistoryAsText(req.messages);
}

/** A copy of the messages with tool calls and results as text (the request itself is left alone). */
export function toolHistoryAsText(messages: Message[]): Message[] {
  const copy = messages.map((m) => ({ ...m, content: [...(m.content ?? [])] }));
  renderToolHistoryAsText(copy);
  return copy;
}

/** For families whose native body has no tools: offering tools is a 400 (history still travels as text). */
export function rejectTools(req: InferenceRequest, model: ResolvedModel): void {
  if (offeredTools(req)) throw nativeLacks(model, 'tool calling', fieldName(req, 'tools'));
}

/** Whether the request asks the model to reason (`minimal` and `disabled` ask for none). */
export function wantsReasoning(req: InferenceRequest): boolean {
  const r = req.reasoning;
  if (!r || r.mode === 'disabled') return false;
  return (
    r.budgetTokens !== undefined ||
    r.mode === 'enabled' ||
    r.mode === 'adaptive' ||
    (r.effort !== undefined && r.effort !== 'minimal')
  );
}

/**
 * Reasoning asked of a family that does not reason is a 400, as on the Converse path; `minimal` (as little as
 * possible) is met by a model that does none.
 */
export function rejectReasoning(req: InferenceRequest, model: ResolvedModel): void {
  if (wantsReasoning(req) && model.profile.chat.reasoning === 'none')
    throw nativeLacks(model, 'reasoning', fieldName(req, 'reasoning'));
}

/**
 * Structured output needs a native output config or a forced tool; the native codecs offer neither (the
 * Converse path has it). Request metadata is a Converse logging feature with no place in native bodies, so it
 * is left out rather than refused.
 */
export function rejectStructuredOutput(req: InferenceRequest, model: ResolvedModel): void {
  if (req.output) throw nativeLacks(model, 'structured output', fieldName(req, 'output'));
}

/** Drops undefined members so bodies hold only what was set (closed native schemas reject nulls too). */
export function compact<T extends Record<string, unknown>>(body: T): T {
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** Model-specific fields the client passed through, merged over the body as Bedrock merges them. */
export function withPassThrough(
  body: Record<string, unknown>,
  req: InferenceRequest,
  skip: readonly string[] = [],
): Record<string, unknown> {
  for (const [k, v] of Object.entries(req.passThrough ?? {})) if (!skip.includes(k)) body[k] = v;
  return body;
}
