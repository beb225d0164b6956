import { invalidRequest } from '../../../../common/errors/api-error';

type Json = Record<string, unknown>;

/** Members of a custom tool Bedrock's Claude body takes (`tools.N.custom.<other>: Extra inputs are not permitted`). */
const TOOL_KEYS = ['type', 'name', 'description', 'input_schema', 'cache_control'];

/**
 * Anthropic-defined tools that run on the client (Claude only describes the call), each with the beta that
 * lets Bedrock accept it. Server tools (web search, web fetch, code execution, MCP connectors) run on
 * Anthropic's servers, which Bedrock does not have.
 */
const CLIENT_TOOL_BETAS: [typePrefix: string, beta: string | undefined][] = [
  ['bash_', undefined],
  ['text_editor_', undefined],
  ['computer_', 'computer-use'],
  ['tool_search_tool_', 'tool-search-tool'],
  ['memory_', 'context-management'],
];

export interface PreparedTools {
  tools: Json[];
  /** Tool members left out, for the debug log. */
  dropped: string[];
}

/**
 * Keeps custom tools with the members Bedrock accepts (Claude Code's `defer_loading`, `strict`,
 * `input_examples`, … are dropped: the tool still works, only the optimisation is lost), keeps client-side
 * Anthropic tools, and refuses server tools by name: the client depends on them and Bedrock cannot run them.
 */
export function prepareTools(
  tools: Json[],
  acceptedBetas: readonly string[],
  caching: boolean,
): PreparedTools {
  const dropped = new Set<string>();
  const unavailable: string[] = [];
  const out = tools.map((tool) => {
    const type = typeof tool.type === 'string' ? tool.type : 'custom';
    if (type !== 'custom') {
      const known = CLIENT_TOOL_BETAS.find(([prefix]) => type.startsWith(prefix));
      if (!known || (known[1] && !acceptedBetas.some((b) => b.startsWith(known[1]!)))) unavailable.push(type);
      if (caching) return tool;
      const { cache_control: _c, ...rest } = tool;
      return rest;
    }
    const kept: Json = {};
    for (const [key, value] of Object.entries(tool)) {
      if (TOOL_KEYS.includes(key) && (caching || key !== 'cache_control')) kept[key] = value;
      else dropped.add(`tools[].${key}`);
    }
    return kept;
  });
  if (unavailable.length > 0) {
    throw invalidRequest(
      `Amazon Bedrock does not offer these tools for this model: ${unavailable.join(', ')}. Remove them or use custom tools.`,
      'tools',
      'unsupported_tool',
    );
  }
  return { tools: out, dropped: [...dropped] };
}
