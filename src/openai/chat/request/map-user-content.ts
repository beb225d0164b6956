import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { unsupportedFeature } from '../../../common/errors/api-error';
import type { UserContentPart } from '../chat-request.types';
import type { DialectContext } from './request-context';

/** Bedrock's cache marker; placed after the block whose prefix should be cached. */
export const CACHE_POINT: ContentBlock = { cachePoint: { type: 'default' } };

/** One user message's content → Converse blocks (blank text dropped: Bedrock rejects it). */
export function mapUserContent(
  content: string | UserContentPart[],
  param: string,
  model: string,
  ctx: DialectContext,
): ContentBlock[] {
  if (typeof content === 'string') return content.trim() ? [{ text: content }] : [];
  const blocks: ContentBlock[] = [];
  content.forEach((part, j) => {
    const where = `${param}[${j}]`;
    switch (part.type) {
      case 'text':
        if (!part.text.trim()) return;
        blocks.push({ text: part.text });
        break;
      case 'image_url':
        if (!ctx.inputs.images) throw unsupportedFeature(model, 'image input', where);
        blocks.push({ image: ctx.media.image(part.image_url.url, where) });
        break;
      case 'file':
        if (!ctx.inputs.documents) throw unsupportedFeature(model, 'document input', where);
        blocks.push({ document: ctx.media.document(part, where) });
        break;
    }
    if (part.cache_control) {
      blocks.push(
        part.cache_control.ttl
          ? { cachePoint: { type: 'default', ttl: part.cache_control.ttl } }
          : CACHE_POINT,
      );
    }
  });
  return blocks;
}
