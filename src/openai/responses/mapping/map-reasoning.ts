import type { ReasoningIntent } from '../../../inference/inference-request';
import type { ResponseCreateRequest } from '../dto/responses-request.types';

/**
 * `reasoning.effort` → the reasoning intent, as chat's `reasoning_effort` maps (the family turns it into
 * thinking budgets). `none` turns reasoning off; `xhigh` is the highest level Bedrock families know. A
 * `reasoning` object with only `summary` (what Codex sends by default) asks for nothing: no thinking.
 */
export function mapReasoning(req: ResponseCreateRequest): ReasoningIntent | undefined {
  const effort = req.reasoning?.effort;
  if (!effort) return undefined;
  if (effort === 'none') return { mode: 'disabled' };
  return { effort: effort === 'xhigh' ? 'high' : effort };
}

export const wantsSummary = (req: ResponseCreateRequest): boolean =>
  Boolean(req.reasoning?.summary ?? req.reasoning?.generate_summary);
