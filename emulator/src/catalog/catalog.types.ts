/**
 * The emulator's model catalog: what "Bedrock" in this emulator knows about. Held as data in
 * `catalog.data.json` (one file) and typed here. The control plane lists it; the runtime uses it for
 * model-id resolution and per-family semantic rules.
 */

export type Modality = 'TEXT' | 'IMAGE' | 'EMBEDDING' | 'VIDEO' | 'AUDIO' | 'SPEECH';
export type InferenceType = 'ON_DEMAND' | 'PROVISIONED' | 'INFERENCE_PROFILE';
export type LifecycleStatus = 'ACTIVE' | 'LEGACY';

/** Behavioural family: decides native InvokeModel bodies and generation style. */
export type ModelFamily =
  | 'claude'
  | 'nova'
  | 'llama'
  | 'mistral'
  | 'titan-text'
  | 'cohere-command'
  | 'deepseek-r1'
  | 'titan-embed-v1'
  | 'titan-embed-v2'
  | 'cohere-embed-v3'
  | 'cohere-embed-v4'
  | 'nova-embed'
  | 'gpt-oss'
  | 'qwen';

export type ToolChoiceKind = 'auto' | 'any' | 'tool';

/** Converse capabilities of a chat model (see docs/bedrock-protocol.md §9). */
export interface ChatCapabilities {
  systemPrompt: boolean;
  vision: boolean;
  documents: boolean;
  toolUse: boolean;
  streamingToolUse: boolean;
  toolChoice: ToolChoiceKind[];
  toolResultStatus: boolean;
  /** 'thinking': Claude extended thinking via additionalModelRequestFields; 'always': R1-style output reasoning. */
  reasoning: 'none' | 'thinking' | 'always';
  promptCaching: boolean;
  /** Minimum tokens before a cache point for it to take effect (0 when caching is unsupported). */
  cacheMinTokens: number;
  /** Rejects temperature and topP together (Claude Sonnet 4.5 / Haiku 4.5 / Opus 4.5 / Sonnet 4.6). */
  temperatureTopPExclusive: boolean;
  /** Native structured output through `outputConfig.textFormat` (json_schema). */
  structuredOutput: boolean;
  /** Mixed text + toolResult blocks in one user turn are rejected (Llama 3.x, Mistral Large). */
  rejectsTextBesideToolResult: boolean;
  maxOutputTokens: number;
  /**
   * Claude's native InvokeModel body: the `anthropic_beta` values Bedrock accepts for the model (any other is
   * `invalid beta flag`). Absent: none.
   */
  anthropicBetas?: string[];
  /** Claude's native body accepts `thinking: {type: "adaptive"}` (Opus/Sonnet 4.6 and later). */
  adaptiveThinking?: boolean;
}

export interface EmbeddingCapabilities {
  defaultDimension: number;
  dimensions: number[];
  /** Texts per InvokeModel call (1 for Titan and Nova, 96 for Cohere). */
  maxBatch: number;
}

export interface CatalogModel {
  modelId: string;
  name: string;
  provider: string;
  family: ModelFamily;
  inputModalities: Modality[];
  outputModalities: Modality[];
  streaming: boolean;
  inferenceTypes: InferenceType[];
  lifecycle: LifecycleStatus;
  /** ISO-8601 dates for modelLifecycle. */
  startOfLifeTime?: string;
  legacyTime?: string;
  chat?: ChatCapabilities;
  embedding?: EmbeddingCapabilities;
}

export interface CatalogProfile {
  /** `us.anthropic.…` for SYSTEM_DEFINED; the opaque id (e.g. `abc123def456`) for APPLICATION. */
  id: string;
  name: string;
  description: string;
  type: 'SYSTEM_DEFINED' | 'APPLICATION';
  /** Underlying foundation-model ids (one per region for system profiles; the regions are in `regions`). */
  modelId: string;
  regions: string[];
  status: 'ACTIVE';
}

export interface CatalogData {
  region: string;
  accountId: string;
  models: CatalogModel[];
  profiles: CatalogProfile[];
}
