import type { ToolResultContentBlock, ToolSpecification } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../catalog/resolved-model';
import { nativeLacks } from './native-request';

/** A tool's JSON Schema (Converse keeps it under `inputSchema.json`). */
export function toolSchema(spec: ToolSpecification): Record<string, unknown> {
  const json = spec.inputSchema?.json;
  return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : { type: 'object' };
}

/** A tool result as the text a family's tool message carries: text parts, JSON parts compact, joined. */
export function toolResultText(
  content: ToolResultContentBlock[] | undefined,
  model: ResolvedModel,
  at: string,
): string {
  return (content ?? [])
    .map((c) => {
      if (c.text !== undefined) return c.text;
      if (c.json !== undefined) return JSON.stringify(c.json);
      throw nativeLacks(model, 'images or documents inside tool results', at);
    })
    .join('\n');
}

/** A tool call's arguments as JSON; text that is not JSON is kept as a string rather than lost. */
export function parseArguments(args: unknown): unknown {
  if (typeof args !== 'string') return args ?? {};
  if (args.trim() === '') return {};
  try {
    return JSON.parse(args) as unknown;
  } catch {
    return args;
  }
}
