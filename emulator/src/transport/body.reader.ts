import type { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { BodyTooLargeError } from './exchange.types';

const EMPTY = Buffer.alloc(0);

/**
 * Collects a request body. Past the limit it stops collecting and rejects, but keeps the stream flowing so
 * the error response can still be written on the same connection.
 */
export function readBody(source: Readable, limit: number, declaredLength?: number): Promise<Buffer> {
  if (declaredLength !== undefined && declaredLength > limit) {
    source.resume();
    return Promise.reject(new BodyTooLargeError(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    source.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    });
    source.once('end', () => {
      if (tooLarge) return;
      resolve(chunks.length === 0 ? EMPTY : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    });
    source.once('error', reject);
    source.once('aborted', () => reject(new Error('request aborted')));
  });
}

/** Resolves on the writable's next 'drain', or 'close' if the peer goes away first. */
export function drainedOrClosed(writable: EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      writable.off('drain', done);
      writable.off('close', done);
      resolve();
    };
    writable.once('drain', done);
    writable.once('close', done);
  });
}
