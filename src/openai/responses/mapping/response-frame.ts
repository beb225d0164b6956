import type { OutputItem, ResponseObject, ResponseUsage } from '../dto/response-object.types';
import type { ResponseCreateRequest } from '../dto/responses-request.types';

/** The response object before its output exists (`response.created`), echoing the request's settings. */
export function responseFrame(id: string, req: ResponseCreateRequest, createdAt: number): ResponseObject {
  return {
    id,
    object: 'response',
    created_at: createdAt,
    status: 'in_progress',
    completed_at: null,
    error: null,
    incomplete_details: null,
    instructions: req.instructions ?? null,
    max_output_tokens: req.max_output_tokens ?? null,
    model: req.model,
    output: [],
    parallel_tool_calls: req.parallel_tool_calls ?? true,
    previous_response_id: req.previous_response_id ?? null,
    reasoning: req.reasoning
      ? {
          effort: req.reasoning.effort ?? null,
          summary: req.reasoning.summary ?? req.reasoning.generate_summary ?? null,
        }
      : null,
    store: req.store ?? true,
    temperature: req.temperature ?? null,
    text: { format: req.text?.format ?? { type: 'text' } },
    tool_choice: req.tool_choice ?? 'auto',
    tools: req.tools ?? [],
    top_p: req.top_p ?? null,
    truncation: 'disabled',
    ...(req.user ? { user: req.user } : {}),
    metadata: req.metadata ?? {},
  };
}

/** The finished response: output, status and usage on the frame. */
export function finishResponse(
  frame: ResponseObject,
  output: OutputItem[],
  status: Pick<ResponseObject, 'status' | 'incomplete_details'>,
  usage: ResponseUsage,
): ResponseObject {
  return {
    ...frame,
    ...status,
    completed_at: status.status === 'completed' ? Math.floor(Date.now() / 1000) : null,
    output,
    usage,
  };
}
