import { mapWithLimit } from '../../common/concurrency/map-with-limit';
import { invalidRequest } from '../../common/errors/api-error';
import { sniffImageFormat } from '../../chat/media/image-format';
import { MAX_IMAGES } from '../../chat/media/media-limits';
import type { Json } from '../validation/anthropic-checks';

/** Fetches one image by URL within the gateway's limits and SSRF rules (RemoteImageFetcher). */
export type ImageFetch = (url: string, param: string, signal: AbortSignal) => Promise<Buffer>;

const FETCH_CONCURRENCY = 4;

interface UrlSource {
  source: Json;
  param: string;
}

function collect(content: unknown, path: string, out: UrlSource[], documents: string[]): void {
  if (!Array.isArray(content)) return;
  content.forEach((block: Json, i) => {
    const source = block?.source as Json | undefined;
    if (block?.type === 'image' && source?.type === 'url')
      out.push({ source, param: `${path}.${i}.source.url` });
    if (block?.type === 'document' && source?.type === 'url') documents.push(`${path}.${i}.source.url`);
    if (block?.type === 'tool_result') collect(block.content, `${path}.${i}.content`, out, documents);
  });
}

/**
 * Images given by URL become base64 images before anything reaches Bedrock, which takes image bytes only.
 * They are fetched concurrently through the gateway's image fetcher (size cap, timeout, SSRF address policy,
 * IMAGE_FETCH_ENABLED), and their real format is read from the bytes. Documents by URL are refused: the
 * fetcher is for images, and PDFs can be sent as base64.
 */
export async function inlineRemoteImages(
  messages: Json[],
  fetch: ImageFetch | undefined,
  signal: AbortSignal,
): Promise<void> {
  const remote: UrlSource[] = [];
  const documents: string[] = [];
  messages.forEach((m, i) => collect(m.content, `messages.${i}.content`, remote, documents));
  if (documents.length > 0) {
    throw invalidRequest(
      `${documents[0]}: documents by URL are not supported by this gateway; send the document as base64 or text.`,
      documents[0],
      'document_url_unsupported',
    );
  }
  if (remote.length === 0) return;
  if (!fetch) {
    throw invalidRequest(
      `${remote[0].param}: this gateway only accepts images as base64.`,
      remote[0].param,
      'image_url_disabled',
    );
  }
  if (remote.length > MAX_IMAGES) {
    throw invalidRequest(
      `Too many images: Bedrock accepts at most ${MAX_IMAGES} per request.`,
      'messages',
      'too_many_images',
    );
  }
  const fetched = await mapWithLimit(remote, FETCH_CONCURRENCY, (r) =>
    fetch(String(r.source.url), r.param, signal),
  );
  remote.forEach((r, i) => {
    const format = sniffImageFormat(fetched[i]);
    if (!format)
      throw invalidRequest(
        `${r.param}: the URL did not return a PNG, JPEG, GIF or WebP image.`,
        r.param,
        'invalid_image',
      );
    for (const key of Object.keys(r.source)) delete r.source[key];
    Object.assign(r.source, {
      type: 'base64',
      media_type: `image/${format}`,
      data: fetched[i].toString('base64'),
    });
  });
}
