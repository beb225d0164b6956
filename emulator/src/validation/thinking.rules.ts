import type { ContentBlock, ConverseRequest, Message } from '../engine/converse.types';
import { modelValidationError } from '../engine/engine.errors';
import { verifyReasoningSignature } from '../generation/reasoning.signature';
import type { ThinkingConfig } from './thinking.config';
import { toolChoiceKind } from './tool.rules';

// Anthropic's own messages, which Bedrock relays as "The model returned the following errors: …"
// (sources in emulator/docs/engine.md).
export const BUDGET_TOO_SMALL =
  'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
export const BUDGET_NOT_BELOW_MAX = '`max_tokens` must be greater than `thinking.budget_tokens`.';
export const TEMPERATURE_WITH_THINKING =
  '`temperature` may only be set to 1 when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking';
export const TOP_P_WITH_THINKING = '`top_p` must be unset when thinking is enabled.';
export const FORCED_TOOL_WITH_THINKING = 'Thinking may not be enabled when tool_choice forces tool use.';

const MIN_BUDGET = 1024;

/** The Anthropic name of a Converse block, as Claude's error messages call it. */
function anthropicType(block: ContentBlock): string {
  if (block.text !== undefined) return 'text';
  if (block.toolUse) return 'tool_use';
  if (block.toolResult) return 'tool_result';
  if (block.image) return 'image';
  if (block.document) return 'document';
  if (block.reasoningContent?.redactedContent !== undefined) return 'redacted_thinking';
  return 'thinking';
}

export function missingThinkingBlock(i: number, found: string): string {
  return (
    `messages.${i}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${found}\`. ` +
    'When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost ' +
    'set of `tool_use` and `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid ' +
    'this requirement, disable `thinking`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking'
  );
}

export function invalidSignature(i: number, j: number): string {
  return `messages.${i}.content.${j}: Invalid \`signature\` in \`thinking\` block`;
}

export function missingSignature(i: number, j: number): string {
  return `messages.${i}.content.${j}.thinking.signature: Field required`;
}

function checkSignatures(messages: Message[]): void {
  messages.forEach((message, i) => {
    if (message.role !== 'assistant') return;
    message.content.forEach((block, j) => {
      const reasoning = block.reasoningContent?.reasoningText;
      if (!reasoning) return;
      if (reasoning.signature === undefined) throw modelValidationError(missingSignature(i, j));
      if (!verifyReasoningSignature(reasoning.text, reasoning.signature)) {
        throw modelValidationError(invalidSignature(i, j));
      }
    });
  });
}

/** The last assistant turn that called tools must open with its (signed) reasoning block. */
function checkFinalAssistantTurn(messages: Message[]): void {
  let i = messages.length - 1;
  while (i >= 0 && messages[i].role !== 'assistant') i--;
  if (i < 0) return;
  const content = messages[i].content;
  if (!content.some((b) => b.toolUse)) return;
  const first = content[0];
  if (!first.reasoningContent) throw modelValidationError(missingThinkingBlock(i, anthropicType(first)));
}

/** Claude extended-thinking rules (docs/bedrock-protocol.md §9); only called when thinking is enabled. */
export function checkThinking(config: ThinkingConfig, request: ConverseRequest, maxTokens: number): void {
  if (config.budgetTokens < MIN_BUDGET) throw modelValidationError(BUDGET_TOO_SMALL);
  if (maxTokens <= config.budgetTokens) throw modelValidationError(BUDGET_NOT_BELOW_MAX);
  const inference = request.inferenceConfig ?? {};
  if (inference.temperature !== undefined && inference.temperature !== 1) {
    throw modelValidationError(TEMPERATURE_WITH_THINKING);
  }
  if (inference.topP !== undefined) throw modelValidationError(TOP_P_WITH_THINKING);
  const kind = toolChoiceKind(request);
  if (kind === 'any' || kind === 'tool') throw modelValidationError(FORCED_TOOL_WITH_THINKING);
  const messages = request.messages ?? [];
  checkFinalAssistantTurn(messages);
  checkSignatures(messages);
}
