import type {
  InferenceConfiguration,
  Message,
  SystemContentBlock,
  ToolSpecification,
} from '@aws-sdk/client-bedrock-runtime';

/**
 * The internal request: what a client asked for, in Bedrock Converse's own shapes (messages, system blocks,
 * content blocks with text / image / document / toolUse / toolResult / reasoningContent / cachePoint), plus
 * the few *intents* whose Bedrock form depends on the model family (reasoning, structured output, a raw
 * prompt, tool choice, caching). Client dialects build it; the family adapter of the resolved model turns it
 * into a Converse request or its native InvokeModel body. See docs/architecture.md ("Two sides, one middle").
 *
 * A dialect writes the conversation as if the model could do everything; family quirks (system prompt
 * folding, tool history as text, text beside tool results, sampling conflicts, thinking budgets) are the
 * family adapter's job, never the dialect's.
 */
export interface InferenceRequest {
  /** The model as the client wrote it (resolved by the middle, echoed back by the dialect). */
  model: string;
  system: SystemContentBlock[];
  messages: Message[];
  inference: InferenceParams;
  tools?: ToolIntent;
  reasoning?: ReasoningIntent;
  output?: StructuredOutputIntent;
  /**
   * Legacy completions: the prompt as the client wrote it. Prompt-based families (Llama, Mistral 7B/Mixtral,
   * Titan, DeepSeek R1, …) send it to the model verbatim through native InvokeModel; chat-only families get it
   * as one user turn (and `messages` is then empty).
   */
  prompt?: RawPrompt;
  /** Automatic cache points the gateway places (ENABLE_PROMPT_CACHING, Bedrock Access Gateway's extra_body). */
  caching?: { system?: boolean; messages?: boolean };
  /** Sent as Converse `requestMetadata` (string values; Bedrock's limits applied by the family/back-end). */
  metadata?: Record<string, string>;
  serviceTier?: 'priority' | 'default' | 'flex';
  /**
   * Model-specific fields the client chose to send (`additionalModelRequestFields`, `thinking`,
   * `anthropic_beta`, …). Families decide what of it Bedrock accepts for the model.
   */
  passThrough?: Record<string, unknown>;
  /** Anthropic beta flags the client asked for (header or body); the Claude family forwards those Bedrock accepts. */
  betas?: string[];
  /**
   * How the client's dialect names the fields the intents came from, so a 400 raised past the dialect (by a
   * family or back-end) names the client's own field. Unset names default to OpenAI chat's.
   */
  fieldNames?: ClientFieldNames;
}

/** The client's names for the request fields the middle and the families may refuse. */
export interface ClientFieldNames {
  maxTokens?: string;
  temperature?: string;
  tools?: string;
  toolChoice?: string;
  reasoning?: string;
  /** The structured-output schema. */
  output?: string;
  messages?: string;
}

const OPENAI_CHAT_NAMES: Required<ClientFieldNames> = {
  maxTokens: 'max_tokens',
  temperature: 'temperature',
  tools: 'tools',
  toolChoice: 'tool_choice',
  reasoning: 'reasoning_effort',
  output: 'response_format.json_schema.schema',
  messages: 'messages',
};

/** The client's name of a field (OpenAI chat's when the dialect did not say). */
export function fieldName(req: Pick<InferenceRequest, 'fieldNames'>, field: keyof ClientFieldNames): string {
  return req.fieldNames?.[field] ?? OPENAI_CHAT_NAMES[field];
}

export type InferenceParams = Pick<
  InferenceConfiguration,
  'maxTokens' | 'temperature' | 'topP' | 'stopSequences'
> & { topK?: number };

export interface ToolIntent {
  specs: ToolSpecification[];
  /** `none`: no tool may be called (the family renders tool history as text and offers no tools). */
  choice: 'auto' | 'any' | 'none' | { tool: string };
  /** `false`: at most one tool call per answer (native where the family has it, else extra calls dropped). */
  parallel?: boolean;
}

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

export interface ReasoningIntent {
  /** A level (OpenAI's reasoning_effort / Responses reasoning.effort, Anthropic output_config.effort). */
  effort?: ReasoningEffort;
  /** An explicit thinking budget (Anthropic `thinking: {type: "enabled", budget_tokens}`). */
  budgetTokens?: number;
  /** `adaptive`: the model decides (translated to a budget where the model lacks adaptive thinking). */
  mode?: 'enabled' | 'adaptive' | 'disabled';
}

export interface StructuredOutputIntent {
  name: string;
  description?: string;
  /** JSON Schema the answer must match; `{type: "object"}` for plain JSON mode. */
  schema: Record<string, unknown>;
  /** A mismatching answer is an error (502), not a result. */
  strict: boolean;
}

export interface RawPrompt {
  text: string;
  /** Text after the completion (fill-in-the-middle), for families that can honour it. */
  suffix?: string;
}
