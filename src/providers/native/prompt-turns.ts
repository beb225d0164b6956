import type { ContentBlock, SystemContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../catalog/resolved-model';
import { fieldName, type InferenceRequest } from '../../inference/inference-request';
import {
  base64,
  nativeLacks,
  rejectReasoning,
  rejectStructuredOutput,
  rejectTools,
  toolHistoryAsText,
} from './native-request';

/** One turn of a conversation flattened for a prompt template. */
export interface PromptTurn {
  role: 'user' | 'assistant';
  text: string;
  /** Base64 images, for templates with an image slot (Llama 3.2 vision). */
  images: string[];
}

export interface PromptConversation {
  system: string;
  turns: PromptTurn[];
}

/** The system prompt as plain text (cache points and guard markers have no counterpart in a prompt). */
export function systemText(system: SystemContentBlock[]): string {
  return system
    .map((b) => b.text ?? b.guardContent?.text?.text ?? '')
    .filter((t) => t !== '')
    .join('\n');
}

function blockText(
  b: ContentBlock,
  at: string,
  model: ResolvedModel,
  images: string[] | undefined,
): string | undefined {
  if (b.text !== undefined) return b.text;
  if (b.guardContent?.text) return b.guardContent.text.text;
  // Earlier reasoning is not replayed to prompt models (their templates drop it) and cache points are hints.
  if (b.reasoningContent || b.cachePoint) return undefined;
  if (b.image) {
    if (!images || !model.profile.chat.vision) throw nativeLacks(model, 'image input', at);
    if (!b.image.source?.bytes) throw nativeLacks(model, 'images by S3 location', at);
    images.push(base64(b.image.source.bytes));
    return undefined;
  }
  if (b.document) throw nativeLacks(model, 'document input', at);
  if (b.video) throw nativeLacks(model, 'video input', at);
  if (b.audio) throw nativeLacks(model, 'audio input', at);
  throw nativeLacks(model, `the '${Object.keys(b)[0] ?? 'unknown'}' content block`, at);
}

/**
 * The request as plain turns for a prompt-template family (Llama, Mistral 7B/Mixtral, Titan, DeepSeek R1).
 * Those native APIs take one string: tools, documents and structured output have no place in it (400s;
 * earlier tool calls travel as text); images only where the template has an image slot. Consecutive turns of one role are merged.
 */
export function promptConversation(
  req: InferenceRequest,
  model: ResolvedModel,
  opts: { images?: boolean } = {},
): PromptConversation {
  rejectTools(req, model);
  rejectReasoning(req, model);
  rejectStructuredOutput(req, model);
  const turns: PromptTurn[] = [];
  toolHistoryAsText(req.messages).forEach((m, i) => {
    const images: string[] | undefined = opts.images ? [] : undefined;
    const texts = (m.content ?? []).flatMap((b, j) => {
      const t = blockText(b, `${fieldName(req, 'messages')}[${i}].content[${j}]`, model, images);
      return t === undefined ? [] : [t];
    });
    const role = m.role === 'assistant' ? 'assistant' : 'user';
    const last = turns[turns.length - 1];
    const text = texts.join('\n');
    if (last?.role === role) {
      last.text = [last.text, text].filter((t) => t !== '').join('\n');
      last.images.push(...(images ?? []));
    } else turns.push({ role, text, images: images ?? [] });
  });
  return { system: systemText(req.system), turns };
}

/** The raw prompt of a legacy completion, which prompt families send as written. */
export function rawPrompt(req: InferenceRequest, model: ResolvedModel): string | undefined {
  if (!req.prompt) return undefined;
  if (req.prompt.suffix !== undefined) throw nativeLacks(model, "a completion suffix ('suffix')", 'suffix');
  rejectTools(req, model);
  rejectReasoning(req, model);
  rejectStructuredOutput(req, model);
  return req.prompt.text;
}
