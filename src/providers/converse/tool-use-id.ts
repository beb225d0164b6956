/**
 * Bedrock accepts toolUseIds matching [a-zA-Z0-9_.:-]{1,64} (ToolUseBlock.toolUseId). OpenAI-style ids
 * (`call_…`) already fit; ids minted elsewhere may not, so they are rewritten the same way on both sides
 * (the assistant's toolUse and the tool's toolResult), which keeps each result paired with its call.
 */
const VALID = /^[a-zA-Z0-9_.:-]{1,64}$/;

export function toBedrockToolUseId(id: string): string {
  if (VALID.test(id)) return id;
  return id.replace(/[^a-zA-Z0-9_.:-]/g, '_').slice(0, 64) || '_';
}
