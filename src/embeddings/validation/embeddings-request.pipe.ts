import { Injectable, PipeTransform } from '@nestjs/common';
import type { EmbeddingsRequest } from '../dto/embeddings-request.types';
import { validateEmbeddingsRequest } from './embeddings-request.validator';

@Injectable()
export class EmbeddingsRequestPipe implements PipeTransform<unknown, EmbeddingsRequest> {
  transform(value: unknown): EmbeddingsRequest {
    return validateEmbeddingsRequest(value);
  }
}
