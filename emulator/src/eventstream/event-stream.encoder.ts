import { crc32 } from 'node:zlib';
import type { StreamEvent } from '../engine/engine.types';

/**
 * AWS event-stream framing (docs/bedrock-protocol.md §4.1): prelude (total length, headers length, prelude CRC32), string
 * headers, payload, message CRC32 over everything before it. Bedrock only ever sends string (type 7)
 * headers, in the order `:event-type` | `:exception-type`, `:content-type`, `:message-type`.
 */

const PRELUDE_BYTES = 12;
const CRC_BYTES = 4;
const STRING_HEADER_TYPE = 7;

/** Returns the `p` padding for one event; real Bedrock sends a random-length alphabet prefix (§4.3). */
export type PaddingSource = () => string;

const PADDING_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export const randomPadding: PaddingSource = () =>
  PADDING_ALPHABET.slice(0, 1 + Math.floor(Math.random() * PADDING_ALPHABET.length));

function encodeHeaders(pairs: ReadonlyArray<readonly [string, string]>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of pairs) {
    const nameBytes = Buffer.from(name, 'utf8');
    const valueBytes = Buffer.from(value, 'utf8');
    const head = Buffer.allocUnsafe(1 + nameBytes.length + 1 + 2);
    head.writeUInt8(nameBytes.length, 0);
    nameBytes.copy(head, 1);
    head.writeUInt8(STRING_HEADER_TYPE, 1 + nameBytes.length);
    head.writeUInt16BE(valueBytes.length, 2 + nameBytes.length);
    parts.push(head, valueBytes);
  }
  return Buffer.concat(parts);
}

/** Encoded header blocks are the same for every message of a type, so they are built once and kept. */
const headerCache = new Map<string, Buffer>();

function cachedHeaders(messageType: 'event' | 'exception', type: string): Buffer {
  const key = `${messageType}:${type}`;
  let block = headerCache.get(key);
  if (!block) {
    block = encodeHeaders([
      [messageType === 'event' ? ':event-type' : ':exception-type', type],
      [':content-type', 'application/json'],
      [':message-type', messageType],
    ]);
    headerCache.set(key, block);
  }
  return block;
}

/** Size of the frame that `writeFrame` will produce. */
function frameLength(headers: Buffer, payloadBytes: number): number {
  return PRELUDE_BYTES + headers.length + payloadBytes + CRC_BYTES;
}

/** Writes one complete frame into `target` at `offset`; returns the offset just past it. */
function writeFrame(
  target: Buffer,
  offset: number,
  headers: Buffer,
  payload: string,
  payloadBytes: number,
): number {
  const total = frameLength(headers, payloadBytes);
  target.writeUInt32BE(total, offset);
  target.writeUInt32BE(headers.length, offset + 4);
  target.writeUInt32BE(crc32(target.subarray(offset, offset + 8)), offset + 8);
  headers.copy(target, offset + PRELUDE_BYTES);
  target.write(payload, offset + PRELUDE_BYTES + headers.length, payloadBytes, 'utf8');
  const crcAt = offset + total - CRC_BYTES;
  target.writeUInt32BE(crc32(target.subarray(offset, crcAt)), crcAt);
  return offset + total;
}

/** The bare event JSON with the `p` padding member appended (clients ignore it, §0.5). */
function paddedPayload(payload: Record<string, unknown>, padding: string): string {
  const json = JSON.stringify(payload);
  const pad = `"p":${JSON.stringify(padding)}}`;
  return json.length > 2 ? `${json.slice(0, -1)},${pad}` : `{${pad}`;
}

export class EventStreamEncoder {
  constructor(private readonly padding: PaddingSource = randomPadding) {}

  /** One `:message-type: event` frame. */
  encodeEvent(event: StreamEvent): Buffer {
    return this.encodeEvents([event]);
  }

  /** Several event frames in one buffer (one allocation, one write when no pacing is needed). */
  encodeEvents(events: readonly StreamEvent[]): Buffer {
    const headers: Buffer[] = [];
    const payloads: string[] = [];
    const sizes: number[] = [];
    let total = 0;
    for (const event of events) {
      const block = cachedHeaders('event', event.eventType);
      const payload = paddedPayload(event.payload, this.padding());
      const bytes = Buffer.byteLength(payload, 'utf8');
      headers.push(block);
      payloads.push(payload);
      sizes.push(bytes);
      total += frameLength(block, bytes);
    }
    const out = Buffer.allocUnsafe(total);
    let offset = 0;
    for (let i = 0; i < events.length; i++)
      offset = writeFrame(out, offset, headers[i], payloads[i], sizes[i]);
    return out;
  }

  /**
   * A modeled in-stream exception: lowerCamel `:exception-type` (the SDK ignores PascalCase, §0.4) and a
   * `{"message": …}` body plus any modeled extras (originalStatusCode/originalMessage).
   */
  encodeException(exceptionType: string, body: Record<string, unknown>): Buffer {
    const block = cachedHeaders('exception', exceptionType);
    const payload = JSON.stringify(body);
    const bytes = Buffer.byteLength(payload, 'utf8');
    const out = Buffer.allocUnsafe(frameLength(block, bytes));
    writeFrame(out, 0, block, payload, bytes);
    return out;
  }
}
