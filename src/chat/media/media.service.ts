import { Inject, Injectable } from '@nestjs/common';
import { mapWithLimit } from '../../common/concurrency/map-with-limit';
import { ApiError, invalidRequest } from '../../common/errors/api-error';
import { GATEWAY_CONFIG, GatewayConfig } from '../../config/gateway-config';
import type { MediaResolver } from '../../providers/converse/request-context';
import type { ChatCompletionRequest, FilePart, ImagePart } from '../dto/chat-request.types';
import { decodeDataUrl } from './data-url';
import { toDocumentBlock } from './document';
import { toImageBlock } from './image';
import { MAX_DOCUMENTS, MAX_IMAGES } from './media-limits';
import { AddressPolicy } from './remote/address-policy';
import { RemoteImageFetcher } from './remote/remote-image.fetcher';

/** Remote images of one request fetched at the same time. */
const FETCH_CONCURRENCY = 4;

interface RemoteImage {
  url: string;
  param: string;
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

  /** `vision`: whether the model takes images at all; when it does not, nothing is fetched (the mapper refuses). */
  async prepare(req: ChatCompletionRequest, vision: boolean, signal: AbortSignal): Promise<MediaResolver> {
    const remote = vision ? remoteImages(req) : [];
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
      image: (part: ImagePart, param: string) => {
        countImage(param);
        const url = part.image_url.url;
        const bytes = url.startsWith('data:')
          ? decodeDataUrl(url, `${param}.image_url.url`).bytes
          : fetched.get(url)!;
        return toImageBlock(bytes, param);
      },
      document: (part: FilePart, param: string) => toDocumentBlock(part, param, countDocument(param)),
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

/** Every image part whose URL is not a data URL, with the param that names it. */
function remoteImages(req: ChatCompletionRequest): RemoteImage[] {
  const found: RemoteImage[] = [];
  req.messages.forEach((m, i) => {
    if (m.role !== 'user' || typeof m.content === 'string') return;
    m.content.forEach((part, j) => {
      if (part.type === 'image_url' && !part.image_url.url.startsWith('data:')) {
        found.push({ url: part.image_url.url, param: `messages[${i}].content[${j}]` });
      }
    });
  });
  return found;
}
