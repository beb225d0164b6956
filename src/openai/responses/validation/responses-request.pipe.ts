import { Injectable, PipeTransform } from '@nestjs/common';
import type { ResponseCreateRequest } from '../dto/responses-request.types';
import { validateResponsesRequest } from './responses-request.validator';

@Injectable()
export class ResponsesRequestPipe implements PipeTransform<unknown, ResponseCreateRequest> {
  transform(value: unknown): ResponseCreateRequest {
    return validateResponsesRequest(value);
  }
}
