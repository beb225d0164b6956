import { invalidRequest } from '../../common/errors/api-error';
import type { MediaService, RemoteImage } from '../../media/media.service';
import type { Json } from '../validation/anthropic-checks';

interface UrlSource extends RemoteImage {
  source: Json;
}

function collect(content: unknown, path: string, out: UrlSource[], documents: string[]): void {
  if (!Array.isArray(content)) return;
  content.forEach((block: Json, i) => {
    const source = block?.source as Json | undefined;
    const param = `${path}.${i}.source.url`;
    if (block?.type === 'image' && source?.type === 'url')
      out.push({ source, url: String(source.url), param });
    if (block?.type === 'document' && source?.type === 'url') documents.push(param);
    if (block?.type === 'tool_result') collect(block.content, `${path}.${i}.content`, out, documents);
  });
}

/**
 * Images given by URL become base64 images before anything reaches Bedrock, which takes image bytes only.
 * The shared MediaService fetches them (concurrently, size cap, timeout, SSRF address policy,
 * IMAGE_FETCH_ENABLED) and reads their real format from the bytes. Documents by URL are refused: the fetcher
 * is for images, and PDFs can be sent as base64.
 */
export async function inlineRemoteImages(
  messages: Json[],
  media: MediaService,
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
  const resolver = await media.prepare(remote, true, signal);
  for (const r of remote) {
    const image = resolver.image(r.url, r.param);
    for (const key of Object.keys(r.source)) delete r.source[key];
    Object.assign(r.source, {
      type: 'base64',
      media_type: `image/${image.format}`,
      data: Buffer.from(image.source!.bytes!).toString('base64'),
    });
  }
}
