import type { ChatCapabilities } from '../catalog/catalog.types';
import type { ContentBlock, ConverseRequest, ImageBlock } from '../engine/converse.types';
import { accessDenied, modelValidationError, validationError } from '../engine/engine.errors';
import { decodeBase64, sniffImage } from './image.sniff';

// Real Bedrock messages; sources per message in emulator/docs/engine.md.
export const NO_SYSTEM_MESSAGES =
  "This model doesn't support system messages. Try again without a system message or use a model that supports system messages.";
export const NO_IMAGES =
  "This model doesn't support the image content block that you provided. Update the content block and try again.";
export const NO_DOCUMENTS =
  "This model doesn't support the document content block that you provided. Update the content block and try again.";
export const NO_VIDEO =
  "This model doesn't support the video content block that you provided. Update the content block and try again.";
export const DOCUMENT_NEEDS_TEXT = 'A text block must be included when using documents.';
export const TOO_MANY_DOCUMENTS = "You can't include more than 5 documents in a request.";
export const DUPLICATE_DOCUMENT_NAMES = "Messages can't contain duplicate document names.";
export const NO_PROMPT_CACHING =
  'You invoked an unsupported model or your request did not allow prompt caching. See the documentation for more information.';
export const TOOL_RESULT_STATUS = "This model doesn't support the status field. Remove status and try again.";
export const DOCUMENT_NAME =
  "The document file name can only contain alphanumeric characters, whitespace characters, hyphens, parentheses, and square brackets. The name can't contain more than one consecutive whitespace character.";
/** Images and documents are only accepted from the user (model docs: "only when role is user"). */
export function mediaInAssistantTurn(i: number, j: number, kind: 'image' | 'document'): string {
  return `The ${kind} content block at messages.${i}.content.${j} is not supported in assistant messages. Images and documents can only be sent in user messages.`;
}
const DOCUMENT_NAME_PATTERN = /^(?!.*\s\s)[a-zA-Z0-9\s\-()[\]]+$/;
export const TEXT_BESIDE_TOOL_RESULT =
  'Conversation blocks and tool result blocks cannot be provided in the same turn.';

const MAX_IMAGES_AND_DOCUMENTS = 20;
const MAX_DOCUMENTS = 5;
const MAX_CACHE_POINTS = 4;

function imageError(i: number, j: number, image: ImageBlock): string | undefined {
  if (image.source.bytes === undefined) return undefined;
  const where = `messages.${i}.content.${j}.image.source.base64`;
  const bytes = decodeBase64(image.source.bytes);
  const actual = bytes ? sniffImage(bytes) : undefined;
  if (!actual) return `${where}: Could not process image`;
  if (actual !== image.format)
    return `${where}: Image does not match the provided media type image/${image.format}`;
  return undefined;
}

interface Tally {
  images: number;
  documents: number;
  cachePoints: number;
  documentNames: Set<string>;
}

function checkBlock(
  chat: ChatCapabilities,
  block: ContentBlock,
  i: number,
  j: number,
  tally: Tally,
  role: string,
): void {
  if (role === 'assistant' && (block.image || block.document)) {
    throw validationError(mediaInAssistantTurn(i, j, block.image ? 'image' : 'document'));
  }
  const image = block.image ?? block.toolResult?.content.find((c) => c.image)?.image;
  if (image) {
    if (!chat.vision) throw validationError(NO_IMAGES);
    tally.images++;
    const problem = block.image ? imageError(i, j, block.image) : undefined;
    if (problem) throw modelValidationError(problem);
  }
  if (block.document) {
    if (!chat.documents) throw validationError(NO_DOCUMENTS);
    if (!DOCUMENT_NAME_PATTERN.test(block.document.name)) throw validationError(DOCUMENT_NAME);
    if (tally.documentNames.has(block.document.name)) throw validationError(DUPLICATE_DOCUMENT_NAMES);
    tally.documentNames.add(block.document.name);
    tally.documents++;
  }
  if (block.video) throw validationError(NO_VIDEO);
  if (block.cachePoint) tally.cachePoints++;
  if (block.toolResult?.status !== undefined && !chat.toolResultStatus)
    throw validationError(TOOL_RESULT_STATUS);
}

/** Per-family content rules (docs/bedrock-protocol.md §9, §12): what each model family refuses to receive. */
export function checkContent(chat: ChatCapabilities, request: ConverseRequest, videoInput: boolean): void {
  const system = request.system ?? [];
  if (!chat.systemPrompt && system.some((b) => b.text !== undefined))
    throw validationError(NO_SYSTEM_MESSAGES);

  const tally: Tally = { images: 0, documents: 0, cachePoints: 0, documentNames: new Set() };
  tally.cachePoints += system.filter((b) => b.cachePoint).length;
  tally.cachePoints += (request.toolConfig?.tools ?? []).filter((t) => t.cachePoint).length;

  (request.messages ?? []).forEach((message, i) => {
    const blocks = message.content;
    blocks.forEach((block, j) => {
      if (block.video && videoInput) return;
      checkBlock(chat, block, i, j, tally, message.role);
    });
    if (blocks.some((b) => b.document) && !blocks.some((b) => b.text !== undefined)) {
      throw validationError(DOCUMENT_NEEDS_TEXT);
    }
    const hasResult = blocks.some((b) => b.toolResult);
    if (hasResult && chat.rejectsTextBesideToolResult && blocks.some((b) => b.text !== undefined)) {
      throw validationError(TEXT_BESIDE_TOOL_RESULT);
    }
  });

  if (tally.documents > MAX_DOCUMENTS) throw validationError(TOO_MANY_DOCUMENTS);
  if (tally.images + tally.documents > MAX_IMAGES_AND_DOCUMENTS) {
    throw modelValidationError(
      `messages: too many images and documents: ${tally.images} + ${tally.documents} > 20`,
    );
  }
  if (tally.cachePoints > 0 && !chat.promptCaching) throw accessDenied(NO_PROMPT_CACHING);
  if (tally.cachePoints > MAX_CACHE_POINTS) {
    throw modelValidationError(
      `A maximum of 4 blocks with cache_control may be provided. Found ${tally.cachePoints}.`,
    );
  }
}
