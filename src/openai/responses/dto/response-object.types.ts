import type { ReasoningParam, ResponseTool, ResponseToolChoice, TextFormat } from './responses-request.types';

/** The response object (https://platform.openai.com/docs/api-reference/responses/object). */
export interface ResponseObject {
  id: string;
  object: 'response';
  created_at: number;
  status: ResponseStatus;
  completed_at?: number | null;
  error: { code: string; message: string } | null;
  incomplete_details: { reason: 'max_output_tokens' | 'content_filter' } | null;
  instructions: string | null;
  max_output_tokens: number | null;
  model: string;
  output: OutputItem[];
  parallel_tool_calls: boolean;
  previous_response_id: string | null;
  reasoning: ReasoningParam | null;
  store: boolean;
  temperature: number | null;
  text: { format: TextFormat };
  tool_choice: ResponseToolChoice;
  tools: ResponseTool[];
  top_p: number | null;
  truncation: 'disabled';
  /** Absent until the response is finished. */
  usage?: ResponseUsage;
  user?: string;
  metadata: Record<string, string>;
}

export type ResponseStatus = 'completed' | 'failed' | 'in_progress' | 'incomplete';

export interface ResponseUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export type ItemStatus = 'in_progress' | 'completed' | 'incomplete';

export interface OutputTextContent {
  type: 'output_text';
  text: string;
  annotations: unknown[];
  logprobs: unknown[];
}

export interface OutputMessageItem {
  type: 'message';
  id: string;
  role: 'assistant';
  status: ItemStatus;
  content: OutputTextContent[];
}

export interface OutputFunctionCallItem {
  type: 'function_call';
  id: string;
  call_id: string;
  name: string;
  namespace?: string;
  arguments: string;
  status: ItemStatus;
}

export interface OutputReasoningItem {
  type: 'reasoning';
  id: string;
  summary: { type: 'summary_text'; text: string }[];
  encrypted_content?: string | null;
  status?: ItemStatus;
}

export type OutputItem = OutputMessageItem | OutputFunctionCallItem | OutputReasoningItem;
