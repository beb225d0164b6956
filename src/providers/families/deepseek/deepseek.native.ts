import type { ResolvedModel } from '../../../catalog/resolved-model';
import { fieldName, type InferenceRequest } from '../../../inference/inference-request';
import type { NativeChatCodec } from '../../native/native-chat.codec';
import { compact, nativeLacks, withPassThrough } from '../../native/native-request';
import { promptConversation, rawPrompt, type PromptConversation } from '../../native/prompt-turns';
import { first, str, stopOrLength, textCodec } from '../../native/text-codec';
import { splitThinking, thinkSink } from './deepseek.native-think';

const BOS = '<｜begin▁of▁sentence｜>';
const EOS = '<｜end▁of▁sentence｜>';

/**
 * DeepSeek R1's chat template (docs/bedrock-native-apis.md): system text after the sentence start, then
 * `<｜User｜>…<｜Assistant｜>…<｜end▁of▁sentence｜>` per exchange, ending `<｜Assistant｜><think>\n` so the model
 * reasons first. Earlier reasoning is not replayed (the template drops it).
 */
export function r1Prompt(c: PromptConversation): string {
  let prompt = BOS + c.system;
  for (const t of c.turns) {
    prompt += t.role === 'user' ? `<｜User｜>${t.text}` : `<｜Assistant｜>${t.text}${EOS}`;
  }
  return `${prompt}<｜Assistant｜><think>\n`;
}

function build(req: InferenceRequest, model: ResolvedModel): Record<string, unknown> {
  const p = req.inference;
  if (p.topK !== undefined) throw nativeLacks(model, "top_k sampling ('top_k')", 'top_k');
  const raw = rawPrompt(req, model);
  let prompt = raw;
  if (prompt === undefined) {
    const conversation = promptConversation(req, model);
    // The answer is read as reasoning up to `</think>`; a prefilled answer would be read as reasoning.
    if (conversation.turns[conversation.turns.length - 1]?.role === 'assistant')
      throw nativeLacks(model, 'a prefilled answer (a final assistant message)', fieldName(req, 'messages'));
    prompt = r1Prompt(conversation);
  }
  return withPassThrough(
    compact({
      prompt,
      max_tokens: p.maxTokens,
      temperature: p.temperature,
      top_p: p.topP,
      stop: p.stopSequences?.length ? p.stopSequences : undefined,
    }),
    req,
  );
}

/** DeepSeek R1: `choices[0].text` holds reasoning, `</think>`, then the answer; split into Converse blocks. */
export const deepseekR1Codec: NativeChatCodec = textCodec({
  api: 'deepseek-r1-prompt',
  build,
  readResponse: (b) => {
    const c = first(b.choices);
    return { text: str(c.text), stop: c.stop_reason as string | null | undefined };
  },
  stopReason: stopOrLength,
  blocks: splitThinking,
  sink: thinkSink,
});

/** R1 only: DeepSeek V3.x is served through Converse. */
export function nativeCodecFor(model: ResolvedModel): NativeChatCodec | undefined {
  if (model.profile.kind !== 'chat' || model.profile.chat.reasoning !== 'always') return undefined;
  return deepseekR1Codec;
}
