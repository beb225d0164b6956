import type { ResolvedModel } from '../../../catalog/resolved-model';
import type { InferenceRequest } from '../../../inference/inference-request';
import type { NativeChatCodec } from '../../native/native-chat.codec';
import { compact, nativeLacks, withPassThrough } from '../../native/native-request';
import { promptConversation, rawPrompt, type PromptConversation } from '../../native/prompt-turns';
import { num, str, stopOrLength, textCodec } from '../../native/text-codec';

const header = (role: string) => `<|start_header_id|>${role}<|end_header_id|>\n\n`;

/**
 * Meta's Llama 3 chat template (docs/bedrock-native-apis.md): every turn is a role header, its text and
 * `<|eot_id|>`; the prompt ends with an open assistant header, or with the assistant's unfinished turn when
 * the client prefilled the answer. Images (Llama 3.2 vision) take an `<|image|>` slot in their turn.
 */
export function llama3Prompt(c: PromptConversation): string {
  let prompt = '<|begin_of_text|>';
  if (c.system !== '') prompt += `${header('system')}${c.system}<|eot_id|>`;
  c.turns.forEach((t, i) => {
    const prefill = t.role === 'assistant' && i === c.turns.length - 1;
    const text = '<|image|>'.repeat(t.images.length) + t.text;
    prompt += header(t.role) + text + (prefill ? '' : '<|eot_id|>');
  });
  const last = c.turns[c.turns.length - 1];
  return last?.role === 'assistant' ? prompt : prompt + header('assistant');
}

function build(req: InferenceRequest, model: ResolvedModel): Record<string, unknown> {
  const p = req.inference;
  // The native body has no stop sequences and no top_k (Bedrock's Llama schema: prompt, max_gen_len,
  // temperature, top_p, images).
  if (p.stopSequences?.length) throw nativeLacks(model, "stop sequences ('stop')", 'stop');
  if (p.topK !== undefined) throw nativeLacks(model, "top_k sampling ('top_k')", 'top_k');
  const raw = rawPrompt(req, model);
  const conversation = raw === undefined ? promptConversation(req, model, { images: true }) : undefined;
  const images = conversation?.turns.flatMap((t) => t.images) ?? [];
  return withPassThrough(
    compact({
      prompt: raw ?? llama3Prompt(conversation!),
      max_gen_len: p.maxTokens,
      temperature: p.temperature,
      top_p: p.topP,
      images: images.length > 0 ? images : undefined,
    }),
    req,
  );
}

/** Meta Llama 3.x / 4 through InvokeModel: `generation` plus Meta's own token counts. */
export const llama3Codec: NativeChatCodec = textCodec({
  api: 'llama3-prompt',
  build,
  readResponse: (b) => ({
    text: str(b.generation),
    stop: b.stop_reason as string | null | undefined,
    input: num(b.prompt_token_count),
    output: num(b.generation_token_count),
  }),
  stopReason: stopOrLength,
});

/** Llama 2 used another template; only Llama 3 and later get the native path. */
export function nativeCodecFor(model: ResolvedModel): NativeChatCodec | undefined {
  if (model.profile.kind !== 'chat' || /llama2/.test(model.baseModelId)) return undefined;
  return llama3Codec;
}
