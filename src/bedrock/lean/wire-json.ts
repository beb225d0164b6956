/**
 * JSON bodies as Bedrock's REST-JSON protocol writes them (docs/bedrock-protocol.md §1.6): blob members (image, document,
 * video and audio bytes, `redactedContent`) travel as base64 strings; everything else, including the JSON
 * "document" members (`toolUse.input`, `additionalModelRequestFields`), is sent as given.
 */

/** Blocks that never hold bytes: the common case, serialised without a replacer. */
const PLAIN_BLOCK_KEYS = ['text', 'toolUse', 'cachePoint'] as const;

function isPlainBlock(block: unknown): boolean {
  if (block === null || typeof block !== 'object') return true;
  for (const key of PLAIN_BLOCK_KEYS) if ((block as Record<string, unknown>)[key] !== undefined) return true;
  return false;
}

function allPlain(blocks: unknown): boolean {
  if (!Array.isArray(blocks)) return true;
  for (const block of blocks) if (!isPlainBlock(block)) return false;
  return true;
}

/** Whether any content block could carry bytes; a chat of text and tool calls skips the replacer. */
function mayHoldBytes(body: Record<string, unknown>): boolean {
  if (!allPlain(body.system)) return true;
  const messages = body.messages;
  if (!Array.isArray(messages)) return false;
  for (const message of messages) {
    if (!allPlain((message as { content?: unknown } | null)?.content)) return true;
  }
  return false;
}

function base64Blobs(this: unknown, key: string, value: unknown): unknown {
  // `this[key]` is the value before Buffer#toJSON turned it into {type:'Buffer',data:[…]}.
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Uint8Array) {
    return Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString('base64');
  }
  return value;
}

/** Serialises a Converse-style body. */
export function toWireJson(body: Record<string, unknown>): string {
  return mayHoldBytes(body) ? JSON.stringify(body, base64Blobs) : JSON.stringify(body);
}

/** Base64 (as Bedrock sends blobs) to the `Uint8Array` the SDK hands out. */
export function fromBase64(text: string): Uint8Array {
  const buffer = Buffer.from(text, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
