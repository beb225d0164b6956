import { Injectable, PipeTransform } from '@nestjs/common';
import type { CompletionRequest } from './completion.types';
import { validateCompletionRequest } from './completion-request.validator';

@Injectable()
export class CompletionRequestPipe implements PipeTransform<unknown, CompletionRequest> {
  transform(value: unknown): CompletionRequest {
    return validateCompletionRequest(value);
  }
}
