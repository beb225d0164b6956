import type { ToolSpecification } from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest } from '../../../common/errors/api-error';
import type { ToolIntent } from '../../../inference/inference-request';
import type {
  FunctionToolParam,
  NamespaceToolParam,
  ResponseCreateRequest,
} from '../dto/responses-request.types';
import { flatToolName, ToolNames } from './tool-names';

/** A function with no `parameters` takes no arguments; Bedrock still needs a schema object. */
const EMPTY_SCHEMA = { type: 'object', properties: {} };

export interface MappedTools {
  intent?: ToolIntent;
  names: ToolNames;
  /** Server-side tools (web_search, file_search, …) the request offered and the gateway left out. */
  dropped: string[];
}

function spec(fn: FunctionToolParam, name: string): ToolSpecification {
  const description = fn.description?.trim();
  return {
    name,
    // ToolSpecification.description has min length 1: an empty description is left out.
    ...(description ? { description } : {}),
    inputSchema: { json: fn.parameters ?? EMPTY_SCHEMA } as ToolSpecification['inputSchema'],
  };
}

/**
 * `tools`, `tool_choice` and `parallel_tool_calls` → the internal tool intent. Functions pass as they are;
 * a namespace's functions are flattened to `<namespace>__<name>` (and mapped back in the answer). Server
 * tools Bedrock cannot run — `web_search` above all, which Codex CLI sends with every request — are left out
 * rather than refused: a 400 would make Codex unusable, and the model simply answers without them. The
 * gateway names them in the `x-gateway-ignored-tools` response header.
 */
export function mapTools(req: ResponseCreateRequest): MappedTools {
  const names = new ToolNames();
  const dropped: string[] = [];
  const specs: ToolSpecification[] = [];
  const seen = new Set<string>();
  const add = (fn: FunctionToolParam, namespace: string | undefined, param: string) => {
    const flat = names.add({ name: fn.name, namespace });
    if (seen.has(flat))
      throw invalidRequest(`Duplicate tool name '${fn.name}' in 'tools'.`, param, 'invalid_value');
    seen.add(flat);
    specs.push(spec(fn, flat));
  };
  (req.tools ?? []).forEach((tool, i) => {
    if (tool.type === 'function') add(tool as FunctionToolParam, undefined, `tools[${i}].name`);
    else if (tool.type === 'namespace') {
      const ns = tool as NamespaceToolParam;
      ns.tools.forEach((fn, j) => add(fn, ns.name, `tools[${i}].tools[${j}].name`));
    } else dropped.push(tool.type);
  });
  if (specs.length === 0) return { names, dropped };
  return {
    intent: { specs, choice: toolChoice(req, names), parallel: req.parallel_tool_calls ?? undefined },
    names,
    dropped,
  };
}

function toolChoice(req: ResponseCreateRequest, names: ToolNames): ToolIntent['choice'] {
  const choice = req.tool_choice ?? 'auto';
  if (choice === 'auto' || choice === 'none') return choice;
  if (choice === 'required') return 'any';
  if (typeof choice === 'object' && choice.type === 'function' && 'name' in choice) {
    const flat = flatToolName({ name: choice.name, namespace: choice.namespace });
    if (!names.has(flat))
      throw invalidRequest(
        `Invalid 'tool_choice': no tool named '${choice.name}' is in 'tools'.`,
        'tool_choice.name',
        'invalid_value',
      );
    return { tool: flat };
  }
  return 'auto';
}
