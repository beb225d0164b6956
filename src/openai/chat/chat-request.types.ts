/**
 * The subset of OpenAI's Chat Completions request the gateway understands, after validation.
 * Spec: https://platform.openai.com/docs/api-reference/chat/create (and ../shared/specs/openai-openapi.yaml).
 */

export interface TextPart {
  type: 'text';
  text: string;
  /** Prompt-caching marker accepted by several OpenAI-compatible gateways (Anthropic style). */
  cache_control?: { type: 'ephemeral'; ttl?: '5m' | '1h' };
}

export interface ImagePart {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
  cache_control?: TextPart['cache_control'];
}

export interface FilePart {
  type: 'file';
  file: { file_data?: string; file_id?: string; filename?: string };
  cache_control?: TextPart['cache_control'];
}

export interface RefusalPart {
  type: 'refusal';
  refusal: string;
}

export type UserContentPart = TextPart | ImagePart | FilePart;
export type AssistantContentPart = TextPart | RefusalPart;

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** One reasoning block as returned to the client, so it can send it back unchanged on the next turn. */
export interface ReasoningDetail {
  type: 'reasoning.text' | 'reasoning.encrypted';
  text?: string;
  signature?: string;
  /** Base64 of Bedrock's redactedContent bytes (type reasoning.encrypted). */
  data?: string;
  format?: string;
  index?: number;
}

export interface SystemMessage {
  role: 'system' | 'developer';
  content: string | TextPart[];
  name?: string;
}

export interface UserMessage {
  role: 'user';
  content: string | UserContentPart[];
  name?: string;
}

export interface AssistantMessage {
  role: 'assistant';
  content?: string | AssistantContentPart[] | null;
  tool_calls?: ToolCall[];
  refusal?: string | null;
  name?: string;
  reasoning_content?: string | null;
  reasoning_details?: ReasoningDetail[];
}

export interface ToolMessage {
  role: 'tool';
  content: string | TextPart[];
  tool_call_id: string;
}

export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

export interface FunctionTool {
  type: 'function';
  function: {
    name: string;
    description?: string;
    parameters?: Record<string, unknown>;
    strict?: boolean | null;
  };
}

export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: {
        name: string;
        description?: string;
        schema?: Record<string, unknown>;
        strict?: boolean | null;
      };
    };

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

export interface ChatCompletionRequest {
  model: string;
  messages: ChatMessage[];
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  stop?: string | string[] | null;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean } | null;
  user?: string;
  service_tier?: 'auto' | 'default' | 'flex' | 'priority' | null;
  metadata?: Record<string, string> | null;
  n?: number | null;
  tools?: FunctionTool[];
  tool_choice?: ToolChoice;
  parallel_tool_calls?: boolean;
  response_format?: ResponseFormat;
  reasoning_effort?: ReasoningEffort | null;
  /**
   * Bedrock-specific request fields sent at the top level of the body (what the OpenAI SDKs' `extra_body`
   * produces), merged into Converse's `additionalModelRequestFields`.
   */
  additional_model_request_fields?: Record<string, unknown>;
}
