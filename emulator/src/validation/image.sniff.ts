/**
 * Detects an image's real format from its magic bytes, so a block whose bytes are not an image, or are
 * a different format than `format` says, can be rejected like the model rejects it (docs/bedrock-protocol.md §3.1).
 */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export function sniffImage(bytes: Buffer): ImageFormat | undefined {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a)
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (
    bytes.length >= 6 &&
    (bytes.toString('latin1', 0, 6) === 'GIF87a' || bytes.toString('latin1', 0, 6) === 'GIF89a')
  ) {
    return 'gif';
  }
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return 'webp';
  }
  return undefined;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes strict base64 (Buffer.from silently skips garbage, which would hide a broken payload). */
export function decodeBase64(b64: string): Buffer | undefined {
  if (b64.length % 4 !== 0 || !BASE64.test(b64)) return undefined;
  return Buffer.from(b64, 'base64');
}
