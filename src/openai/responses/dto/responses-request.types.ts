/**
 * The Responses API request as clients send it (POST /v1/responses), after validation. Only what the gateway
 * reads is typed; unknown fields are ignored, as OpenAI adds fields often.
 * https://platform.openai.com/docs/api-reference/responses/create
 */
export interface ResponseCreateRequest {
  model: string;
  input?: string | InputItem[];
  instructions?: string | null;
  max_output_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  tools?: ResponseTool[];
  tool_choice?: ResponseToolChoice;
  parallel_tool_calls?: boolean | null;
  reasoning?: ReasoningParam | null;
  text?: { format?: TextFormat } | null;
  stream?: boolean | null;
  /** OpenAI's default is true: the response is kept for previous_response_id and GET. */
  store?: boolean | null;
  previous_response_id?: string | null;
  include?: string[] | null;
  metadata?: Record<string, string> | null;
  user?: string | null;
}

export type InputItem = MessageItem | FunctionCallItem | FunctionCallOutputItem | ReasoningInputItem;

export type MessageRole = 'user' | 'assistant' | 'system' | 'developer';

export interface MessageItem {
  type?: 'message';
  id?: string;
  role: MessageRole;
  content: string | ContentPart[];
  status?: string;
}

export type ContentPart = InputTextPart | InputImagePart | InputFilePart | OutputTextPart | RefusalPart;

export interface InputTextPart {
  type: 'input_text';
  text: string;
}
export interface InputImagePart {
  type: 'input_image';
  image_url?: string | null;
  file_id?: string | null;
  detail?: 'low' | 'high' | 'auto';
}
export interface InputFilePart {
  type: 'input_file';
  file_data?: string;
  file_id?: string | null;
  file_url?: string;
  filename?: string;
}
export interface OutputTextPart {
  type: 'output_text';
  text: string;
  annotations?: unknown[];
}
export interface RefusalPart {
  type: 'refusal';
  refusal: string;
}

export interface FunctionCallItem {
  type: 'function_call';
  id?: string;
  call_id: string;
  name: string;
  namespace?: string;
  arguments: string;
  status?: string;
}

export interface FunctionCallOutputItem {
  type: 'function_call_output';
  id?: string;
  call_id: string;
  output: string | ToolOutputPart[];
  status?: string;
}
export type ToolOutputPart = InputTextPart | InputImagePart | InputFilePart;

export interface ReasoningInputItem {
  type: 'reasoning';
  id?: string;
  summary: { type: 'summary_text'; text: string }[];
  encrypted_content?: string | null;
  content?: { type: 'reasoning_text'; text: string }[];
  status?: string;
}

export interface FunctionToolParam {
  type: 'function';
  name: string;
  description?: string | null;
  parameters?: Record<string, unknown> | null;
  strict?: boolean | null;
}
export interface NamespaceToolParam {
  type: 'namespace';
  name: string;
  description?: string;
  tools: FunctionToolParam[];
}
/** A tool Bedrock cannot run (web_search, file_search, computer use, …): dropped, see map-tools.ts. */
export interface ServerToolParam {
  type: string;
}
export type ResponseTool = FunctionToolParam | NamespaceToolParam | ServerToolParam;

export type ResponseToolChoice =
  'none' | 'auto' | 'required' | { type: 'function'; name: string; namespace?: string } | { type: string };

export type ReasoningEffortParam = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';
export interface ReasoningParam {
  effort?: ReasoningEffortParam | null;
  summary?: 'auto' | 'concise' | 'detailed' | null;
  /** Deprecated spelling of `summary`. */
  generate_summary?: 'auto' | 'concise' | 'detailed' | null;
}

export type TextFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      name: string;
      schema: Record<string, unknown>;
      description?: string;
      strict?: boolean | null;
    };
