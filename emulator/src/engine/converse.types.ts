/**
 * The parts of a Converse / ConverseStream / CountTokens(converse) body the engine reads, as they look
 * after shape validation (docs/bedrock-protocol.md §3.1). Every member is optional here because the service model makes
 * them optional; the shape validator has already enforced types, enums and required members.
 */

export interface S3Location {
  uri: string;
  bucketOwner?: string;
}

export interface MediaSource {
  bytes?: string;
  s3Location?: S3Location;
  text?: string;
  content?: { text?: string }[];
}

export interface ImageBlock {
  format: string;
  source: MediaSource;
}

export interface DocumentBlock {
  name: string;
  format?: string;
  source: MediaSource;
}

export interface ToolUseBlock {
  toolUseId: string;
  name: string;
  input: unknown;
}

export interface ToolResultContent {
  text?: string;
  json?: unknown;
  image?: ImageBlock;
  document?: DocumentBlock;
}

export interface ToolResultBlock {
  toolUseId: string;
  content: ToolResultContent[];
  status?: string;
}

export interface CachePointBlock {
  type: string;
  ttl?: string;
}

export interface ReasoningBlock {
  reasoningText?: { text: string; signature?: string };
  redactedContent?: string;
}

export interface ContentBlock {
  text?: string;
  image?: ImageBlock;
  document?: DocumentBlock;
  video?: { format: string; source: MediaSource };
  audio?: { format: string; source: MediaSource };
  toolUse?: ToolUseBlock;
  toolResult?: ToolResultBlock;
  cachePoint?: CachePointBlock;
  reasoningContent?: ReasoningBlock;
  guardContent?: { text?: { text: string } };
}

export interface Message {
  role: string;
  content: ContentBlock[];
}

export interface SystemBlock {
  text?: string;
  cachePoint?: CachePointBlock;
  guardContent?: { text?: { text: string } };
}

export interface ToolSpec {
  name: string;
  description?: string;
  inputSchema: { json?: unknown };
}

export interface Tool {
  toolSpec?: ToolSpec;
  systemTool?: { name: string };
  cachePoint?: CachePointBlock;
}

export interface ToolChoice {
  auto?: Record<string, never>;
  any?: Record<string, never>;
  tool?: { name: string };
}

export interface ToolConfig {
  tools: Tool[];
  toolChoice?: ToolChoice;
}

export interface InferenceConfig {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
}

export interface OutputConfig {
  textFormat?: {
    type: string;
    structure: { jsonSchema?: { schema: string; name?: string; description?: string } };
  };
}

export interface ConverseRequest {
  messages?: Message[];
  system?: SystemBlock[];
  inferenceConfig?: InferenceConfig;
  toolConfig?: ToolConfig;
  additionalModelRequestFields?: unknown;
  additionalModelResponseFieldPaths?: string[];
  outputConfig?: OutputConfig;
}
