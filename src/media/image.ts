import type { ImageBlock } from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest } from '../common/errors/api-error';
import { sniffImageFormat } from './image-format';
import { MAX_IMAGE_BYTES } from './media-limits';

/**
 * Image bytes → a Bedrock image block. The format comes from the bytes, not the declared type: clients often
 * label JPEGs as PNG, which Bedrock would reject; bytes that are no supported image at all are a 400.
 */
export function toImageBlock(bytes: Buffer, param: string): ImageBlock {
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw invalidRequest(
      `The image in '${param}' is ${bytes.length} bytes; Bedrock's limit is ${MAX_IMAGE_BYTES}.`,
      param,
      'image_too_large',
    );
  }
  const format = sniffImageFormat(bytes);
  if (!format) {
    throw invalidRequest(
      `The image in '${param}' is not a PNG, JPEG, GIF or WebP image.`,
      param,
      'invalid_image_format',
    );
  }
  return { format, source: { bytes } };
}
