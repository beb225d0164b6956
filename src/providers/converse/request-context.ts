import type { ContentBlock, DocumentBlock, ImageBlock, ToolUseBlock } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../catalog/resolved-model';
import type { FilePart, ImagePart } from '../../chat/dto/chat-request.types';

/**
 * Turns media parts into Bedrock blocks. Remote images are fetched before mapping starts (I/O stays out of
 * the pure mappers), so by the time this is called every part resolves synchronously.
 */
export interface MediaResolver {
  image(part: ImagePart, param: string): ImageBlock;
  document(part: FilePart, param: string): DocumentBlock;
}

/** Gateway-wide settings that shape a Bedrock request. */
export interface RequestSettings {
  defaultMaxTokens?: number;
  enablePromptCaching: boolean;
}

/** Everything a mapper needs besides the OpenAI request itself. */
export interface MappingContext {
  model: ResolvedModel;
  settings: RequestSettings;
  media: MediaResolver;
}

export type Blocks = ContentBlock[];

/** A JSON value as the SDK types Converse `document` members (tool inputs, schemas, extra fields). */
export type JsonDocument = NonNullable<ToolUseBlock['input']>;
