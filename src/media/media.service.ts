import type { DocumentBlock, ImageBlock } from '@aws-sdk/client-bedrock-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { mapWithLimit } from '../common/concurrency/map-with-limit';
import { ApiError, invalidRequest } from '../common/errors/api-error';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { decodeDataUrl } from './data-url';
import { InlineFile, toDocumentBlock } from './document';
import { toImageBlock } from './image';
import { MAX_DOCUMENTS, MAX_IMAGES } from './media-limits';
import { AddressPolicy } from './remote/address-policy';
import { RemoteImageFetcher } from './remote/remote-image.fetcher';

/** Remote images of one request fetched at the same time. */
const FETCH_CONCURRENCY = 4;

/** An image given by URL, and the request field that names it (for errors). */
export interface RemoteImage {
  url: string;
  param: string;
}

/**
 * Turns media parts into Bedrock blocks. Remote images are fetched before mapping starts (I/O stays out of
 * the pure mappers), so by the time this is called every part resolves synchronously.
 */
export interface MediaResolver {
  /** `url`: a data URL or a URL that {@link MediaService.prepare} fetched. */
  image(url: string, param: string): ImageBlock;
  document(part: { file: InlineFile }, param: string): DocumentBlock;
}

/**
 * Prepares the media of one request so the (synchronous, pure) mappers can turn parts into Bedrock blocks:
 * images given by URL are fetched here first, concurrently and within limits; data URLs are decoded as the
 * mappers reach them.
 */
@Injectable()
export class MediaService {
  private readonly fetcher: RemoteImageFetcher;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.fetcher = new RemoteImageFetcher(
      new AddressPolicy(config.imageFetch.allowedHosts),
      config.imageFetch.timeoutMs,
    );
  }

  /**
   * `remote`: the request's images given by URL (a dialect lists them). `vision`: whether the model takes
   * images at all; when it does not, nothing is fetched (the dialect refuses the part).
   */
  async prepare(remoteImages: RemoteImage[], vision: boolean, signal: AbortSignal): Promise<MediaResolver> {
    const remote = vision ? remoteImages : [];
    if (remote.length > MAX_IMAGES) {
      throw invalidRequest(
        `Too many images: Bedrock accepts at most ${MAX_IMAGES} per request.`,
        remote[MAX_IMAGES].param,
        'too_many_images',
      );
    }
    if (remote.length > 0 && !this.config.imageFetch.enabled) {
      throw invalidRequest(
        `This gateway only accepts images as data URLs ('${remote[0].param}').`,
        remote[0].param,
        'image_url_disabled',
      );
    }
    const fetched = await this.fetchAll(remote, signal);
    const countImage = counter(MAX_IMAGES, (p) =>
      invalidRequest(
        `Too many images: Bedrock accepts at most ${MAX_IMAGES} per request.`,
        p,
        'too_many_images',
      ),
    );
    const countDocument = counter(MAX_DOCUMENTS, (p) =>
      invalidRequest(
        `Too many documents: Bedrock accepts at most ${MAX_DOCUMENTS} per request.`,
        p,
        'too_many_files',
      ),
    );
    return {
      image: (url: string, param: string) => {
        countImage(param);
        const bytes = url.startsWith('data:')
          ? decodeDataUrl(url, `${param}.image_url.url`).bytes
          : fetched.get(url)!;
        return toImageBlock(bytes, param);
      },
      document: (part: { file: InlineFile }, param: string) =>
        toDocumentBlock(part, param, countDocument(param)),
    };
  }

  private async fetchAll(remote: RemoteImage[], signal: AbortSignal): Promise<Map<string, Buffer>> {
    const unique = [...new Map(remote.map((r) => [r.url, r])).values()];
    const bytes = await mapWithLimit(unique, FETCH_CONCURRENCY, (r) =>
      this.fetcher.fetch(r.url, r.param, signal),
    );
    return new Map(unique.map((r, i) => [r.url, bytes[i]]));
  }
}

/** Counts parts of one kind; past `max` the next one is refused. Returns the 0-based count so far. */
function counter(max: number, tooMany: (param: string) => ApiError): (param: string) => number {
  let seen = 0;
  return (param) => {
    if (seen >= max) throw tooMany(param);
    return seen++;
  };
}
