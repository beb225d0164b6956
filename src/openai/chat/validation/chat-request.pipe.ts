import { Injectable, PipeTransform } from '@nestjs/common';
import type { ChatCompletionRequest } from '../chat-request.types';
import { validateChatRequest } from './chat-request.validator';

@Injectable()
export class ChatRequestPipe implements PipeTransform<unknown, ChatCompletionRequest> {
  transform(value: unknown): ChatCompletionRequest {
    return validateChatRequest(value);
  }
}
