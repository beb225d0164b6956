import type { StopReason } from '@aws-sdk/client-bedrock-runtime';
import type { FinishReason } from '../chat-response.types';

/** Converse stopReason → OpenAI finish_reason (ConverseResponse.stopReason in the service model). */
export function mapFinishReason(reason: StopReason | string | undefined): FinishReason {
  switch (reason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'guardrail_intervened':
    case 'content_filtered':
      return 'content_filter';
    default:
      // end_turn, stop_sequence, malformed_model_output, malformed_tool_use and anything newer
      return 'stop';
  }
}
