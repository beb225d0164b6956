import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import type { Message } from '@smithy/types';

/** Prelude (total length, headers length, prelude CRC) plus the message CRC: the smallest frame (§4.1). */
const MIN_FRAME = 16;
const codec = new EventStreamCodec(toUtf8, fromUtf8);

/**
 * Cuts an `application/vnd.amazon.eventstream` body into messages as its bytes arrive (frames may be split
 * across reads or share one), and decodes each with AWS's codec, which checks both CRC32s and parses the
 * headers. Frames lying inside one read are decoded in place, without copying.
 */
export class EventFrameSplitter {
  private pending: Buffer | undefined;

  /** The complete messages this chunk finishes, in order. */
  push(chunk: Uint8Array): Message[] {
    const bytes = this.pending
      ? Buffer.concat([this.pending, chunk])
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const messages: Message[] = [];
    let offset = 0;
    while (bytes.length - offset >= 4) {
      const length = bytes.readUInt32BE(offset);
      if (length < MIN_FRAME) throw new Error(`Invalid event-stream frame length ${length}.`);
      if (bytes.length - offset < length) break;
      messages.push(codec.decode(bytes.subarray(offset, offset + length)));
      offset += length;
    }
    this.pending = offset < bytes.length ? bytes.subarray(offset) : undefined;
    return messages;
  }

  /** Bytes of an unfinished frame remain: the stream was cut inside it. */
  get truncated(): boolean {
    return this.pending !== undefined;
  }
}

/** A string header's value (Bedrock sends only string headers). */
export function headerText(message: Message, name: string): string | undefined {
  const header = message.headers[name];
  return header && header.type === 'string' ? header.value : undefined;
}

/** A message body as text. */
export function bodyText(message: Message): string {
  const body = message.body;
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}
