import type { ToolChoice, ToolSpec } from '../engine/converse.types';

// Tool names match [a-zA-Z0-9_-]+ (service model), so they need no escaping inside a RegExp. Compiled
// patterns are kept (bounded) so a benchmark repeating the same tools compiles each name once.
const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 1000;

function mentions(text: string, name: string): boolean {
  let pattern = patterns.get(name);
  if (!pattern) {
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    pattern = new RegExp(`(?<![A-Za-z0-9_-])${name}(?![A-Za-z0-9_-])`);
    patterns.set(name, pattern);
  }
  return pattern.test(text);
}

/**
 * Which tools the model calls this turn (emulator/docs/engine.md): `tool` forces the named tool; `any`
 * calls the tools named in the user's text, or the first tool; `auto` (or no choice) calls the tools
 * named in the user's text, else none. Calls keep the order of the tool list.
 */
export function chooseToolCalls(
  specs: ToolSpec[],
  choice: ToolChoice | undefined,
  userText: string,
): ToolSpec[] {
  if (choice?.tool) return specs.filter((s) => s.name === choice.tool!.name).slice(0, 1);
  const named = specs.filter((s) => mentions(userText, s.name));
  if (choice?.any && named.length === 0) return specs.slice(0, 1);
  return named;
}

/**
 * After tool results (agent loops): the tools that a result's text names and that the conversation has not
 * called yet, so a result can lead to one more step (`get_weather` answering "…ask get_time next") and the
 * loop still ends.
 */
export function chooseFollowUpCalls(
  specs: ToolSpec[],
  resultText: string,
  alreadyCalled: Set<string>,
): ToolSpec[] {
  return specs.filter((s) => !alreadyCalled.has(s.name) && mentions(resultText, s.name));
}
