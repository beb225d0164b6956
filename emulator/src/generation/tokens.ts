import type { ContentBlock, ConverseRequest, SystemBlock, Tool } from '../engine/converse.types';

/**
 * The emulator's token arithmetic (documented in emulator/docs/engine.md): one token per
 * whitespace-separated word, JSON counted by the words left after removing its punctuation, and fixed
 * costs for media and tool definitions. Converse, ConverseStream and CountTokens all use these
 * functions, so their counts agree by construction.
 */
export const IMAGE_TOKENS = 100;
export const DOCUMENT_TOKENS = 200;
export const VIDEO_TOKENS = 300;
export const AUDIO_TOKENS = 100;
export const TOOL_SPEC_TOKENS = 20;

const JSON_PUNCTUATION = /[{}[\]",:]/g;

/** JavaScript's `\s`: the characters a word ends at. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Words of a text, counted in one loop: a regular expression (`/\S+/g`) overflows V8's stack on a word of
 * millions of characters (a 24 MB body of one word did, depending on how deep the stack already was).
 */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export function jsonTokens(value: unknown): number {
  return countWords((JSON.stringify(value) ?? '').replace(JSON_PUNCTUATION, ' '));
}

/** A tool call costs its name plus its input. */
export function toolUseTokens(input: unknown): number {
  return 1 + jsonTokens(input);
}

export function contentTokens(block: ContentBlock): number {
  if (block.text !== undefined) return countWords(block.text);
  if (block.image) return IMAGE_TOKENS;
  if (block.document) return DOCUMENT_TOKENS;
  if (block.video) return VIDEO_TOKENS;
  if (block.audio) return AUDIO_TOKENS;
  if (block.toolUse) return toolUseTokens(block.toolUse.input);
  if (block.toolResult) {
    let n = 0;
    for (const part of block.toolResult.content ?? []) {
      if (part.text !== undefined) n += countWords(part.text);
      else if (part.json !== undefined) n += jsonTokens(part.json);
      else if (part.image) n += IMAGE_TOKENS;
      else if (part.document) n += DOCUMENT_TOKENS;
    }
    return n;
  }
  if (block.reasoningContent?.reasoningText) return countWords(block.reasoningContent.reasoningText.text);
  if (block.guardContent?.text) return countWords(block.guardContent.text.text);
  return 0;
}

export function systemTokens(block: SystemBlock): number {
  if (block.text !== undefined) return countWords(block.text);
  if (block.guardContent?.text) return countWords(block.guardContent.text.text);
  return 0;
}

export function toolTokens(tool: Tool): number {
  return tool.toolSpec || tool.systemTool ? TOOL_SPEC_TOKENS : 0;
}

/** One element of the prompt in cache order (tools, then system, then messages — docs/bedrock-protocol.md §9). */
export interface PromptItem {
  tokens: number;
  value: unknown;
  cacheTtl?: string;
}

export function promptItems(req: ConverseRequest): PromptItem[] {
  const items: PromptItem[] = [];
  const push = (tokens: number, value: unknown, cachePoint?: { ttl?: string }) =>
    items.push(cachePoint ? { tokens: 0, value, cacheTtl: cachePoint.ttl ?? '5m' } : { tokens, value });
  for (const tool of req.toolConfig?.tools ?? []) push(toolTokens(tool), tool, tool.cachePoint);
  for (const block of req.system ?? []) push(systemTokens(block), block, block.cachePoint);
  for (const message of req.messages ?? []) {
    items.push({ tokens: 0, value: message.role });
    for (const block of message.content ?? []) push(contentTokens(block), block, block.cachePoint);
  }
  return items;
}

export function sumTokens(items: PromptItem[]): number {
  let n = 0;
  for (const item of items) n += item.tokens;
  return n;
}
