import { Injectable, PipeTransform } from '@nestjs/common';
import type { AnthropicMessagesRequest } from '../anthropic/anthropic-request.types';
import { validateMessagesRequest } from '../anthropic/validation/messages-request.validator';

@Injectable()
export class MessagesRequestPipe implements PipeTransform<unknown, AnthropicMessagesRequest> {
  transform(value: unknown): AnthropicMessagesRequest {
    return validateMessagesRequest(value);
  }
}

/** count_tokens takes the same body without `max_tokens`. */
@Injectable()
export class CountTokensRequestPipe implements PipeTransform<unknown, AnthropicMessagesRequest> {
  transform(value: unknown): AnthropicMessagesRequest {
    return validateMessagesRequest(value, { countOnly: true });
  }
}
