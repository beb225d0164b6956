import type { ContentBlock, ImageBlock, Message, MediaSource } from '../engine/converse.types';
import { base64ByteLength } from './media.size';

export interface ToolResultFact {
  toolUseId: string;
  name: string;
  result: string;
}

/** What the reply is derived from: the last user turn, its attachments, and any tool results it answers. */
export interface ConversationFacts {
  lastUserText: string;
  attachments: string[];
  toolResults: ToolResultFact[];
}

function sourceSize(source: MediaSource | undefined): string {
  if (!source) return '0 bytes';
  if (source.bytes !== undefined) return `${base64ByteLength(source.bytes)} bytes`;
  if (source.s3Location) return source.s3Location.uri;
  if (source.text !== undefined) return `${Buffer.byteLength(source.text)} bytes`;
  const text = (source.content ?? []).map((c) => c.text ?? '').join('');
  return `${Buffer.byteLength(text)} bytes`;
}

function describeImage(image: ImageBlock): string {
  return `[image ${image.format} ${sourceSize(image.source)}]`;
}

function describeAttachment(block: ContentBlock): string | undefined {
  if (block.image) return describeImage(block.image);
  if (block.document)
    return `[document ${block.document.format ?? 'txt'} ${sourceSize(block.document.source)}]`;
  if (block.video) return `[video ${block.video.format} ${sourceSize(block.video.source)}]`;
  if (block.audio) return `[audio ${block.audio.format} ${sourceSize(block.audio.source)}]`;
  return undefined;
}

function toolNames(message: Message | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const block of message?.content ?? [])
    if (block.toolUse) names.set(block.toolUse.toolUseId, block.toolUse.name);
  return names;
}

function renderResult(block: NonNullable<ContentBlock['toolResult']>): string {
  return (block.content ?? [])
    .map((part) => {
      if (part.text !== undefined) return part.text;
      if (part.json !== undefined) return JSON.stringify(part.json);
      if (part.image) return describeImage(part.image);
      if (part.document) return `[document ${part.document.format ?? 'txt'}]`;
      return '';
    })
    .join(' ');
}

/**
 * Context a client injects into the user's turn rather than words the user said: Claude Code sends its
 * reminders (attribution rules, tool lists, …) as text blocks wrapped in `<system-reminder>` tags. A model
 * reads them as background; the emulator leaves them out of what it answers, so tool names listed there do not
 * read as a request to call those tools.
 */
const INJECTED_CONTEXT = /^\s*<system-reminder>[\s\S]*<\/system-reminder>\s*$/;

export function conversationFacts(messages: Message[] | undefined): ConversationFacts {
  const list = messages ?? [];
  let last = list.length - 1;
  while (last >= 0 && list[last].role !== 'user') last--;
  const facts: ConversationFacts = { lastUserText: '', attachments: [], toolResults: [] };
  if (last < 0) return facts;

  const names = toolNames(list[last - 1]);
  const texts: string[] = [];
  for (const block of list[last].content ?? []) {
    if (block.text !== undefined) {
      if (!INJECTED_CONTEXT.test(block.text)) texts.push(block.text);
    } else if (block.toolResult) {
      const { toolUseId } = block.toolResult;
      facts.toolResults.push({
        toolUseId,
        name: names.get(toolUseId) ?? toolUseId,
        result: renderResult(block.toolResult),
      });
    } else {
      const attachment = describeAttachment(block);
      if (attachment) facts.attachments.push(attachment);
    }
  }
  facts.lastUserText = texts.join(' ').trim();
  return facts;
}
