import type { ToolUseBlock } from '@aws-sdk/client-bedrock-runtime';

/** Gateway-wide settings that shape a Bedrock request. */
export interface RequestSettings {
  defaultMaxTokens?: number;
  enablePromptCaching: boolean;
}

/** A JSON value as the SDK types Converse `document` members (tool inputs, schemas, extra fields). */
export type JsonDocument = NonNullable<ToolUseBlock['input']>;
