import { fromBase64 } from './wire-json';

/**
 * Blob members in what Bedrock returns (shapes in `bedrock-shapes-runtime.txt`): the SDK decodes them from
 * base64 to `Uint8Array`, so the lean transport does too, in place, on the few paths where they occur.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object';

/** `{ source: { bytes } }` of image, document, video and audio blocks. */
function decodeSource(block: unknown): void {
  if (!isObject(block)) return;
  const source = block.source;
  if (isObject(source) && typeof source.bytes === 'string') source.bytes = fromBase64(source.bytes);
}

function decodeReasoning(reasoning: unknown): void {
  if (isObject(reasoning) && typeof reasoning.redactedContent === 'string') {
    reasoning.redactedContent = fromBase64(reasoning.redactedContent);
  }
}

const MEDIA = ['image', 'document', 'video', 'audio'] as const;

function decodeBlock(block: unknown): void {
  if (!isObject(block) || block.text !== undefined) return;
  for (const kind of MEDIA) decodeSource(block[kind]);
  decodeReasoning(block.reasoningContent);
  if (isObject(block.guardContent)) decodeSource(block.guardContent.image);
  const toolResult = block.toolResult;
  if (isObject(toolResult) && Array.isArray(toolResult.content)) {
    for (const item of toolResult.content)
      if (isObject(item)) for (const kind of MEDIA) decodeSource(item[kind]);
  }
}

/** Converse response: `output.message.content[]`. */
export function decodeConverseBlobs(response: Json): void {
  const output = response.output;
  const message = isObject(output) ? output.message : undefined;
  const content = isObject(message) ? message.content : undefined;
  if (Array.isArray(content)) for (const block of content) decodeBlock(block);
}

/** ConverseStream `contentBlockDelta` event: `delta.reasoningContent.redactedContent`, `delta.image.source`. */
export function decodeDeltaBlobs(event: Json): void {
  const delta = event.delta;
  if (!isObject(delta) || delta.text !== undefined) return;
  decodeReasoning(delta.reasoningContent);
  decodeSource(delta.image);
}
