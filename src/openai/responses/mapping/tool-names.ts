import { createHash } from 'node:crypto';

/** Bedrock's ToolSpecification.name: [a-zA-Z0-9_-]{1,64}. */
const MAX_NAME = 64;
const SEPARATOR = '__';

export interface QualifiedName {
  name: string;
  namespace?: string;
}

/**
 * The flat Bedrock tool name for a function, inside a namespace or not. Namespaced functions (Codex groups
 * its sub-agent tools as `multi_agent_v1`) become `<namespace>__<name>`; one that would pass Bedrock's 64
 * characters is shortened with a hash suffix, so distinct tools keep distinct names.
 */
export function flatToolName(q: QualifiedName): string {
  if (!q.namespace) return q.name;
  const flat = `${q.namespace}${SEPARATOR}${q.name}`;
  if (flat.length <= MAX_NAME) return flat.replace(/[^a-zA-Z0-9_-]/g, '_');
  const hash = createHash('sha256').update(flat).digest('hex').slice(0, 8);
  return `${flat.slice(0, MAX_NAME - 9).replace(/[^a-zA-Z0-9_-]/g, '_')}_${hash}`;
}

/** Flat names the request offered, mapped back to what the client called them (for the answer's function calls). */
export class ToolNames {
  private readonly byFlat = new Map<string, QualifiedName>();

  add(q: QualifiedName): string {
    const flat = flatToolName(q);
    this.byFlat.set(flat, q);
    return flat;
  }

  has(flat: string): boolean {
    return this.byFlat.has(flat);
  }

  /** The client's name for a tool the model called (a name the gateway did not offer is passed through). */
  resolve(flat: string): QualifiedName {
    return this.byFlat.get(flat) ?? { name: flat };
  }
}
