/**
 * A model family's name, as the capability data writes it (`familyDefaults` keys, `models[].family`). Each
 * has one adapter in src/providers/families/<family>/; the registry checks both lists match at boot.
 */
export type ChatFamily = string;

/** A native embedding request/response format (docs/bedrock-protocol.md, "Embeddings"), named by a family adapter. */
export type EmbeddingApi = string;

export type ToolChoiceKind = 'auto' | 'any' | 'tool';

/**
 * How a model's reasoning is switched on and surfaced:
 * - `claude-thinking`: `additionalModelRequestFields.thinking` with a token budget;
 * - `always`: the model always reasons and returns reasoningContent (DeepSeek R1);
 * - `reasoning-config`: `additionalModelRequestFields.reasoning_config` = low | medium | high (DeepSeek V3.x);
 * - `none`: no reasoning.
 */
export type ReasoningMode = 'none' | 'claude-thinking' | 'always' | 'reasoning-config';

export interface ChatCapabilities {
  systemPrompt: boolean;
  vision: boolean;
  documents: boolean;
  toolUse: boolean;
  streamingToolUse: boolean;
  /** toolChoice values Bedrock accepts for the model; empty: the field must be left out. */
  toolChoice: ToolChoiceKind[];
  toolResultStatus: boolean;
  /** Text blocks may share a user turn with toolResult blocks (Llama 3.x and Mistral Large reject it). */
  textBesideToolResult: boolean;
  reasoning: ReasoningMode;
  promptCaching: boolean;
  /** Rejects temperature and top_p in one request (Claude Sonnet 4.5 / Haiku 4.5 / Opus 4.5 / Sonnet 4.6). */
  temperatureTopPExclusive: boolean;
  /** Native structured output through Converse `outputConfig.textFormat`. */
  structuredOutput: boolean;
  /** A final assistant message (prefill) is accepted. */
  assistantPrefill: boolean;
}

export interface EmbeddingCapabilities {
  api: EmbeddingApi;
  dimensions: number[];
  defaultDimension: number;
  /** Texts per InvokeModel call. */
  maxBatch: number;
}

export type ModelKind = 'chat' | 'embedding';

/** What the gateway knows about one base model (or a family of versions sharing an id prefix). */
export interface ModelProfile {
  kind: ModelKind;
  family: ChatFamily;
  chat: ChatCapabilities;
  embedding?: EmbeddingCapabilities;
}
