import type { CatalogModel } from '../../catalog/catalog.types';
import type { CacheUsage } from '../cache.accounting';
import type { ConverseRequest } from '../../engine/converse.types';
import type { ObjectSpec } from '../../validation/native-schema';
import type { FinalReply } from '../reply.types';

/** A native body understood as a conversation turn, so the Converse generator can answer it. */
export interface NativeTurn {
  request: ConverseRequest;
  maxTokens: number;
  stopSequences?: string[];
  thinkingBudget?: number;
  /** At most one tool call (Claude's `tool_choice.disable_parallel_tool_use`). */
  singleToolCall?: boolean;
}

export interface NativeContext {
  model: CatalogModel;
  rawBody: Buffer;
  inputTokens: number;
  outputTokens: number;
  /** Prompt-cache accounting, when the body carried cache points (Claude's `cache_control`). */
  cache?: CacheUsage;
}

/**
 * One chat family's InvokeModel dialect (docs/bedrock-protocol.md §8.5–8.10): its body schema, how its body maps to a
 * turn, and how a reply is rendered as the family's response object and its stream chunks.
 */
export interface NativeChatAdapter {
  spec: ObjectSpec;
  turn(body: Record<string, unknown>, model: CatalogModel): NativeTurn;
  response(reply: FinalReply, ctx: NativeContext): Record<string, unknown>;
  chunks(reply: FinalReply, ctx: NativeContext): Record<string, unknown>[];
}
