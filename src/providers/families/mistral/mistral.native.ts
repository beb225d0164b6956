import type { ResolvedModel } from '../../../catalog/resolved-model';
import type { InferenceRequest } from '../../../inference/inference-request';
import type { NativeChatCodec } from '../../native/native-chat.codec';
import { compact, withPassThrough } from '../../native/native-request';
import { promptConversation, rawPrompt, type PromptConversation } from '../../native/prompt-turns';
import { first, str, stopOrLength, textCodec } from '../../native/text-codec';
import { mistralChatCodec } from './mistral.native-chat';

/**
 * Mistral's instruction template (docs/bedrock-native-apis.md): `<s>[INST] user [/INST] answer</s>` per
 * exchange. The template has no system role, so the system prompt opens the first instruction (as Mistral's
 * own chat templates do); a final assistant turn is left open as a prefill.
 */
export function mistralPrompt(c: PromptConversation): string {
  let prompt = '<s>';
  let system = c.system;
  c.turns.forEach((t, i) => {
    if (t.role === 'user') {
      const text = system !== '' ? `${system}\n\n${t.text}` : t.text;
      system = '';
      prompt += `${i > 0 ? ' ' : ''}[INST] ${text} [/INST]`;
    } else {
      const prefill = i === c.turns.length - 1;
      prompt += ` ${t.text}${prefill ? '' : '</s>'}`;
    }
  });
  return prompt;
}

function build(req: InferenceRequest, model: ResolvedModel): Record<string, unknown> {
  const p = req.inference;
  const raw = rawPrompt(req, model);
  return withPassThrough(
    compact({
      prompt: raw ?? mistralPrompt(promptConversation(req, model)),
      max_tokens: p.maxTokens,
      stop: p.stopSequences?.length ? p.stopSequences : undefined,
      temperature: p.temperature,
      top_p: p.topP,
      top_k: p.topK,
    }),
    req,
  );
}

/** Mistral 7B / Mixtral 8x7B / Small text completion: `outputs[0].text`, no token counts in the body. */
export const mistralPromptCodec: NativeChatCodec = textCodec({
  api: 'mistral-prompt',
  build,
  readResponse: (b) => {
    const o = first(b.outputs);
    return { text: str(o.text), stop: o.stop_reason as string | null | undefined };
  },
  stopReason: stopOrLength,
});

/** Mistral Large and Pixtral speak the chat-completion body (with tools); the smaller models the prompt body. */
export function nativeCodecFor(model: ResolvedModel): NativeChatCodec | undefined {
  if (model.profile.kind !== 'chat') return undefined;
  return /mistral-large|pixtral/.test(model.baseModelId) ? mistralChatCodec : mistralPromptCodec;
}
