import { Injectable } from '@nestjs/common';
import { invalidRequest } from '../../common/errors/api-error';
import type { MediaResolver } from '../../providers/converse/request-context';
import type { ChatCompletionRequest, FilePart, ImagePart } from '../dto/chat-request.types';
import { decodeDataUrl } from './data-url';
import { toDocumentBlock } from './document';
import { toImageBlock } from './image';
import { MAX_DOCUMENTS, MAX_IMAGES } from './media-limits';

/** Prepares the media of one request so the (synchronous) mappers can turn parts into Bedrock blocks. */
@Injectable()
export class MediaService {
  async prepare(_req: ChatCompletionRequest, _signal: AbortSignal): Promise<MediaResolver> {
    let images = 0;
    let documents = 0;
    return {
      image: (part: ImagePart, param: string) => {
        if (++images > MAX_IMAGES)
          throw invalidRequest(
            `Too many images: Bedrock accepts at most ${MAX_IMAGES} per request.`,
            param,
            'too_many_images',
          );
        const url = part.image_url.url;
        if (!url.startsWith('data:')) {
          throw invalidRequest(
            `Image URLs must be data URLs ('${param}.image_url.url').`,
            `${param}.image_url.url`,
            'invalid_image_url',
          );
        }
        return toImageBlock(decodeDataUrl(url, `${param}.image_url.url`).bytes, param);
      },
      document: (part: FilePart, param: string) => {
        if (++documents > MAX_DOCUMENTS)
          throw invalidRequest(
            `Too many documents: Bedrock accepts at most ${MAX_DOCUMENTS} per request.`,
            param,
            'too_many_files',
          );
        return toDocumentBlock(part, param, documents - 1);
      },
    };
  }
}
