import { Inject, Injectable } from '@nestjs/common';
import { toDocumentBlock } from '../../chat/media/document';
import { decodeDataUrl } from '../../chat/media/data-url';
import { toImageBlock } from '../../chat/media/image';
import { MAX_DOCUMENTS, MAX_IMAGES } from '../../chat/media/media-limits';
import { AddressPolicy } from '../../chat/media/remote/address-policy';
import { RemoteImageFetcher } from '../../chat/media/remote/remote-image.fetcher';
import { mapWithLimit } from '../../common/concurrency/map-with-limit';
import { invalidRequest } from '../../common/errors/api-error';
import { GATEWAY_CONFIG, GatewayConfig } from '../../config/gateway-config';
import type { ContentPart, ToolOutputPart } from '../dto/responses-request.types';
import type { LocatedItem, MediaBlocks } from '../mapping/map-input';

const FETCH_CONCURRENCY = 4;

/** Every `input_image` given by http(s) URL, with the param naming it. */
function remoteImages(items: LocatedItem[]): { url: string; param: string }[] {
  const found: { url: string; param: string }[] = [];
  const scan = (parts: (ContentPart | ToolOutputPart)[], param: string) =>
    parts.forEach((p, j) => {
      if (p.type === 'input_image' && p.image_url && !p.image_url.startsWith('data:')) {
        found.push({ url: p.image_url, param: `${param}[${j}]` });
      }
    });
  for (const { item, param } of items) {
    if ((item.type ?? 'message') === 'message' && 'role' in item && Array.isArray(item.content)) {
      scan(item.content, `${param}.content`);
    } else if (item.type === 'function_call_output' && Array.isArray(item.output)) {
      scan(item.output, `${param}.output`);
    }
  }
  return found;
}

const tooMany = (what: string, max: number, param: string, code: string) =>
  invalidRequest(`Too many ${what}: Bedrock accepts at most ${max} per request.`, param, code);

/**
 * Media of a Responses request, prepared before the (synchronous, pure) input mapper runs: images by URL are
 * fetched first, concurrently, with the chat route's SSRF policy and limits; data URLs are decoded as the
 * mapper reaches them. The blocks themselves are built by the same code as chat's.
 */
@Injectable()
export class ResponsesMediaService {
  private readonly fetcher: RemoteImageFetcher;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.fetcher = new RemoteImageFetcher(
      new AddressPolicy(config.imageFetch.allowedHosts),
      config.imageFetch.timeoutMs,
    );
  }

  async prepare(items: LocatedItem[], signal: AbortSignal): Promise<MediaBlocks> {
    const remote = [...new Map(remoteImages(items).map((r) => [r.url, r])).values()];
    if (remote.length > MAX_IMAGES)
      throw tooMany('images', MAX_IMAGES, remote[MAX_IMAGES].param, 'too_many_images');
    if (remote.length > 0 && !this.config.imageFetch.enabled) {
      throw invalidRequest(
        `This gateway only accepts images as data URLs ('${remote[0].param}').`,
        remote[0].param,
        'image_url_disabled',
      );
    }
    const bytes = await mapWithLimit(remote, FETCH_CONCURRENCY, (r) =>
      this.fetcher.fetch(r.url, r.param, signal),
    );
    const fetched = new Map(remote.map((r, i) => [r.url, bytes[i]]));
    let images = 0;
    let documents = 0;
    return {
      image: (url, param) => {
        if (images++ >= MAX_IMAGES) throw tooMany('images', MAX_IMAGES, param, 'too_many_images');
        return toImageBlock(
          url.startsWith('data:') ? decodeDataUrl(url, `${param}.image_url`).bytes : fetched.get(url)!,
          param,
        );
      },
      document: (fileData, filename, param) => {
        if (documents >= MAX_DOCUMENTS) throw tooMany('documents', MAX_DOCUMENTS, param, 'too_many_files');
        return toDocumentBlock({ type: 'file', file: { file_data: fileData, filename } }, param, documents++);
      },
    };
  }
}
