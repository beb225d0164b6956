import type { CatalogModel } from '../../catalog/catalog.types';
import type { ObjectSpec } from '../../validation/native-schema';
import type { FinalReply } from '../reply.types';
import { wordChunks } from '../words';
import type { NativeChatAdapter, NativeContext, NativeTurn } from './native.types';

type Json = Record<string, unknown>;

/** A prompt-string family (Llama, Mistral, Titan Text, DeepSeek R1): only the pieces that differ. */
export interface PromptDialect {
  spec: ObjectSpec;
  promptKey: string;
  /** The last user message inside the family's prompt template. */
  userText(prompt: string): string;
  maxTokens(body: Json, model: CatalogModel): number;
  stopSequences?(body: Json): string[] | undefined;
  /** The text the family returns for a reply (R1 puts its reasoning first). */
  outputText?(reply: FinalReply): string;
  response(text: string, reply: FinalReply, ctx: NativeContext): Json;
  chunk(piece: string, last: boolean, reply: FinalReply, ctx: NativeContext, emitted: number): Json;
}

/** Returns what follows the last `open` marker, up to `close` (or the end), without template tokens. */
export function lastSegment(prompt: string, open: RegExp, close: string): string {
  const parts = prompt.split(open);
  const tail = parts[parts.length - 1];
  const end = tail.indexOf(close);
  return (end >= 0 ? tail.slice(0, end) : tail).replace(/<[|｜][^>]*[|｜]>/g, ' ').trim();
}

export function replyText(reply: FinalReply): string {
  return reply.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join('');
}

export function promptAdapter(d: PromptDialect): NativeChatAdapter {
  const textOf = d.outputText ?? replyText;
  return {
    spec: d.spec,
    turn(body: Json, model: CatalogModel): NativeTurn {
      const text = d.userText(String(body[d.promptKey]));
      return {
        request: { messages: [{ role: 'user', content: [{ text: text.length > 0 ? text : ' ' }] }] },
        maxTokens: d.maxTokens(body, model),
        stopSequences: d.stopSequences?.(body),
      };
    },
    response: (reply, ctx) => d.response(textOf(reply), reply, ctx),
    chunks(reply, ctx) {
      const pieces = wordChunks(textOf(reply));
      if (pieces.length === 0) pieces.push('');
      return pieces.map((piece, i) => d.chunk(piece, i === pieces.length - 1, reply, ctx, i + 1));
    },
  };
}
