import { Body, Controller, HttpCode, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contextFor } from '../common/context/request-context';
import { UsageInterceptor } from '../usage/usage.interceptor';
import type { EmbeddingsRequest } from './dto/embeddings-request.types';
import type { EmbeddingsResponse } from './dto/embeddings-response.types';
import { EmbeddingsService } from './embeddings.service';
import { EmbeddingsRequestPipe } from './validation/embeddings-request.pipe';

/** POST /v1/embeddings (also under API_ROUTE_PREFIX). */
@Controller('embeddings')
@UseInterceptors(UsageInterceptor)
export class EmbeddingsController {
  constructor(private readonly embeddings: EmbeddingsService) {}

  @Post()
  @HttpCode(200)
  create(
    @Body(EmbeddingsRequestPipe) body: EmbeddingsRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EmbeddingsResponse> {
    return this.embeddings.create(body, contextFor(request, reply));
  }
}
