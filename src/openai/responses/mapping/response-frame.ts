import type { OutputItem, ResponseObject, ResponseUsage } from '../dto/response-object.types';
import type {
  FunctionToolParam,
  NamespaceToolParam,
  ResponseCreateRequest,
  ResponseTool,
} from '../dto/responses-request.types';

/**
 * The tools the response was made with, as OpenAI echoes them: functions with `description`, `parameters` and
 * `strict` present (null when not given), namespaces of such functions. Server tools the gateway dropped
 * (web_search, …) are not among them; the `x-gateway-ignored-tools` header names those.
 */
function echoedTools(tools: ResponseTool[] | undefined): ResponseTool[] {
  const fn = (t: FunctionToolParam): FunctionToolParam => ({
    ...t,
    description: t.description ?? null,
    parameters: t.parameters ?? null,
    strict: t.strict ?? null,
  });
  const out: ResponseTool[] = [];
  for (const tool of tools ?? []) {
    if (tool.type === 'function') out.push(fn(tool as FunctionToolParam));
    else if (tool.type === 'namespace') {
      const ns = tool as NamespaceToolParam;
      out.push({ ...ns, description: ns.description ?? '', tools: ns.tools.map(fn) });
    }
  }
  return out;
}

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
    tools: echoedTools(req.tools),
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
