import type { ResponseObject } from '../dto/response-object.types';

/** Converse stopReason → the response's status and incomplete_details. */
export function mapStatus(
  stopReason: string | undefined,
): Pick<ResponseObject, 'status' | 'incomplete_details'> {
  switch (stopReason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
    case 'content_filtered':
    case 'guardrail_intervened':
      return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
    default:
      return { status: 'completed', incomplete_details: null };
  }
}
