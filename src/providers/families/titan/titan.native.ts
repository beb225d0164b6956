import type { StopReason } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../../catalog/resolved-model';
import type { InferenceRequest } from '../../../inference/inference-request';
import type { NativeChatCodec } from '../../native/native-chat.codec';
import { compact, emptyPrompt, nativeLacks, withPassThrough } from '../../native/native-request';
import { promptConversation, rawPrompt, type PromptConversation } from '../../native/prompt-turns';
import { first, num, str, textCodec } from '../../native/text-codec';

/**
 * Titan Text's conversational format (docs/bedrock-native-apis.md): `User: …` and `Bot: …` lines, ending with
 * an open `Bot:`. Titan has no system role (Converse refuses one), but its input is free text, so the system
 * prompt goes first as the instruction it is.
 */
export function titanPrompt(c: PromptConversation): string {
  const lines = c.system !== '' ? [c.system] : [];
  for (const t of c.turns) lines.push(`${t.role === 'user' ? 'User' : 'Bot'}: ${t.text}`);
  if (c.turns[c.turns.length - 1]?.role !== 'assistant') lines.push('Bot:');
  return lines.join('\n');
}

function build(req: InferenceRequest, model: ResolvedModel): Record<string, unknown> {
  const p = req.inference;
  if (p.topK !== undefined) throw nativeLacks(model, "top_k sampling ('top_k')", 'top_k');
  const raw = rawPrompt(req, model);
  // Titan's body schema requires at least one character of input (raw-prompt families take an empty one).
  if (raw === '') throw emptyPrompt(model);
  const config = compact({
    maxTokenCount: p.maxTokens,
    temperature: p.temperature,
    topP: p.topP,
    stopSequences: p.stopSequences?.length ? p.stopSequences : undefined,
  });
  return withPassThrough(
    compact({
      inputText: raw ?? titanPrompt(promptConversation(req, model)),
      textGenerationConfig: Object.keys(config).length > 0 ? config : undefined,
    }),
    req,
  );
}

const REASONS: Record<string, StopReason> = {
  FINISH: 'end_turn',
  LENGTH: 'max_tokens',
  STOP_CRITERIA_MET: 'stop_sequence',
  CONTENT_FILTERED: 'content_filtered',
};

/** Amazon Titan Text: `results[0].outputText`; stream chunks carry `outputText` and running token counts. */
export const titanTextCodec: NativeChatCodec = textCodec({
  api: 'titan-text',
  build,
  readResponse: (b) => {
    const r = first(b.results);
    return {
      text: str(r.outputText),
      stop: r.completionReason as string | null | undefined,
      input: num(b.inputTextTokenCount),
      output: num(r.tokenCount),
    };
  },
  readChunk: (c) => ({
    text: str(c.outputText),
    stop: c.completionReason as string | null | undefined,
    input: num(c.inputTextTokenCount),
    output: num(c.totalOutputTextTokenCount),
  }),
  stopReason: (native) => REASONS[native ?? 'FINISH'] ?? 'end_turn',
});

export function nativeCodecFor(model: ResolvedModel): NativeChatCodec | undefined {
  return model.profile.kind === 'chat' ? titanTextCodec : undefined;
}
