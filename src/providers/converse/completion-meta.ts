import type { StructuredOutputPlan } from './structured-output/structured-output.plan';

/** Identity of one completion, shared by the JSON response and every chunk of a stream. */
export interface CompletionMeta {
  id: string;
  created: number;
  /** The model as the client wrote it (OpenAI clients compare it with what they sent). */
  model: string;
  /** parallel_tool_calls: false keeps only the first tool call of an answer (Bedrock has no such switch). */
  singleToolCall?: boolean;
  /** How response_format is being carried out, when the client asked for structured output. */
  structured?: StructuredOutputPlan;
}
